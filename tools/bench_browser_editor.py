"""Editor benchmark in the browser (docs/architecture.md §10): printed figures, not tests.

On documents of 1,000 and 5,000 shapes with as many connectors, in headless
Chromium driven by real mouse and keyboard events (Playwright):

- open + paint: from the file input's change to the opening view painted
  (a double rAF the page starts when the canvas shows the page, so no
  Playwright round trip counts), and to the rest of the page painted in idle
  slices;
- drag one shape: per pointer move, from the DOM event to painted (double rAF
  after applying the ops), median; Python time per move; DOM ops per move and
  which elements they touch (only the shape, its connectors, the overlay); the
  reply's size in bytes as the worker posted it;
- select all (Ctrl+A) and move: key to painted, each move to painted, and the
  release (the real geometry committed) to painted;
- memory: the page's JS heap (performance.memory), the worker's JS heap when
  Chromium reports it, and the Pyodide (wasm) heap.

Run by ``python3 build.py bench`` (or alone: ``.venv/bin/python
tools/bench_browser_editor.py [--sizes 1000,5000] [--moves 40]``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
COLS = 50
DX, DY = 160.0, 110.0


def load_build() -> Any:
    """Import build.py (serving, Chromium lookup) as a module."""
    spec = importlib.util.spec_from_file_location("linework_build", ROOT / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def diagram(shapes: int) -> dict[str, Any]:
    """Return a .linework document: a grid of shapes, each joined to the next."""
    kinds = ("rectangle", "ellipse", "diamond", "rounded-rectangle")
    els: list[dict[str, Any]] = []
    for i in range(shapes):
        x, y = (i % COLS) * DX + 20, (i // COLS) * DY + 20
        els.append(
            {
                "type": "shape",
                "id": f"s{i}",
                "layer": "l1",
                "kind": kinds[i % len(kinds)],
                "box": {"x": x, "y": y, "w": 100, "h": 60},
                "text": f"Shape {i}",
            }
        )
    for i in range(shapes):
        j = i + 1 if (i + 1) % COLS else i + COLS
        if j >= shapes:
            j = (i + 7) % shapes
        els.append(
            {
                "type": "connector",
                "id": f"c{i}",
                "layer": "l1",
                "source": {"shape": f"s{i}"},
                "target": {"shape": f"s{j}"},
            }
        )
    rows = (shapes + COLS - 1) // COLS
    page = {
        "id": "p1",
        "name": "Bench",
        "width": COLS * DX + 40,
        "height": rows * DY + 40,
        "layers": [{"id": "l1", "name": "Layer 1"}],
        "elements": els,
    }
    return {"format": "linework", "version": 1, "pages": [page], "meta": {}}


PAINTED_JS = """() => new Promise((resolve) =>
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))))"""


# A user picks a file seconds after the editor is ready, time the page spends
# warming the core's engine (web/editor/app.js, bridge/warming.py) and then
# the icon worker (web/icon-worker.js, mark linework-icons-warm): the bench
# waits for both too, instead of opening at once (and during the second).
WARMED_JS = """async () => {
  let i = 0;
  for (; i < 100; i++) {
    const reply = await linework.send({type: 'warm', open: true});
    if (reply.warmed !== false) break;
  }
  const until = performance.now() + 15000;
  while (!performance.getEntriesByName('linework-icons-warm').length
         && performance.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return i;
}"""


def settle(page: Any) -> None:
    page.evaluate("() => linework.editor.settled()")


#: The page's marks of an open (web/open-marks.js), in order, and what the
#: time up to each one was spent on.
OPEN_STEPS = (
    ("reading", "to the read"),
    ("read", "read file"),
    ("recovered", "recovery copy"),
    ("rpc-sent", "to the post"),
    ("rpc-start", "post→worker"),
    ("rpc-end", "worker (Python)"),
    ("rpc-received", "worker→page"),
    ("rpc-parsed", "JSON.parse"),
    ("show-start", "to the show"),
    ("show-parsed", "SVG parse"),
    ("show-sanitized", "sanitize"),
    ("show-inserted", "insert"),
    ("presented", "rest of present"),
    ("fitted", "fit"),
    ("adopted", "title, status"),
)


def open_breakdown(page: Any, painted: float) -> dict[str, Any]:
    """Return the steps of the last open (ms each) and the core's phases."""
    marks = page.evaluate(
        """() => Object.fromEntries(performance.getEntriesByType('mark')
          .filter((m) => m.name.startsWith('linework-open:'))
          .map((m) => [m.name.slice(14), m.startTime]))"""
    )
    at = page.evaluate("() => window.__openAt")
    steps: list[tuple[str, float]] = []
    last = at
    for mark, what in OPEN_STEPS:
        t = marks.get(mark)
        if t is None:
            continue
        steps.append((what, t - last))
        last = t
    steps.append(("layout + paint", painted - last))
    core = page.evaluate("() => linework.send({type: 'bench.phases'})").get(
        "phases", {}
    )
    return {"steps": steps, "core": core}


#: Installed before an open: the page itself notes when the opened page is
#: painted. The canvas's revision bumps once the reset's nodes are in
#: (web/canvas.js ``show``); a double rAF from there ends at the frame after
#: the one that painted them. Playwright noticing the revision and then
#: starting its own double rAF (the measure before) added its round trips,
#: slow while the page's main thread is busy, to the figure.
WATCH_PAINT_JS = """() => {
  const svg = document.getElementById('canvas');
  window.__paintedAt = undefined;
  const observer = new MutationObserver(() => {
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => {
      window.__paintedAt = performance.now();
    }));
  });
  observer.observe(svg, { attributes: true, attributeFilter: ['data-revision'] });
  document.querySelector('input[type=file][data-role=open]')
    .addEventListener('change', () => { window.__openAt = performance.now(); },
                      { capture: true, once: true });
}"""


def open_and_paint(page: Any, path: Path, timeout_ms: int = 120_000) -> float:
    """Open a file through the file input; return ms from change to painted.

    Measured in the page (``WATCH_PAINT_JS``). The measure before this one
    (Playwright sees the new revision, then a double rAF from a new evaluate)
    is kept as ``window.__paintedByPlaywright``, so both can be printed from
    the same open (``playwright_ms``).
    """
    revision = page.get_attribute("#canvas", "data-revision") or "0"
    page.evaluate(WATCH_PAINT_JS)
    page.evaluate(RECORD_FRAMES_JS)
    page.set_input_files("input[type=file][data-role=open]", str(path))
    page.wait_for_selector(
        f'#canvas[data-revision]:not([data-revision="{revision}"])',
        state="attached",
        timeout=timeout_ms,
    )
    seen = page.evaluate(PAINTED_JS)
    page.evaluate(f"() => {{ window.__paintedByPlaywright = {seen}; }}")
    page.wait_for_function(
        "() => window.__paintedAt !== undefined", polling=16, timeout=timeout_ms
    )
    return float(page.evaluate("() => window.__paintedAt - window.__openAt"))


def playwright_ms(page: Any) -> float:
    """Return the last open's figure as measured before (Playwright's latency included)."""
    return float(page.evaluate("() => window.__paintedByPlaywright - window.__openAt"))


# From the open on: every frame's gap (rAF to rAF) and every long task
# (>= 50 ms, Chromium's longtask entries), to see how long the page is
# unresponsive while the idle slices paint the rest.
RECORD_FRAMES_JS = """() => {
  const rec = window.__restRec = { gaps: [], tasks: [], on: true };
  let last = performance.now();
  const loop = (t) => {
    if (!rec.on) return;
    rec.gaps.push([last, t - last]);
    last = t;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) rec.tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
  } catch {}
}"""

REST_FRAMES_JS = """(until) => {
  const rec = window.__restRec;
  rec.on = false;
  const from = window.__paintedAt;
  const inside = (xs) => xs.filter(([t]) => t >= from && t <= until).map(([, d]) => d);
  const gaps = inside(rec.gaps);
  return { frame: Math.max(0, ...gaps), task: Math.max(0, ...inside(rec.tasks)),
           frames: gaps.length };
}"""


def whole_page_ms(page: Any) -> tuple[float, dict[str, float]]:
    """Return ms from the open's change event until the idle slices painted the
    rest, and the longest task and frame meanwhile (after the first paint)."""
    page.wait_for_function(
        "() => linework.editor.ui()?.pending === 0", polling=16, timeout=120_000
    )
    painted = page.evaluate(PAINTED_JS)
    frames = page.evaluate(REST_FRAMES_JS, painted)
    return float(painted - page.evaluate("() => window.__openAt")), frames


def screen(page: Any, x: float, y: float) -> tuple[float, float]:
    box = page.locator("#canvas").bounding_box()
    view = page.evaluate("() => linework.view()")
    return (
        box["x"] + view["x"] + x * view["scale"],
        box["y"] + view["y"] + y * view["scale"],
    )


def zoom_to(page: Any, scale: float) -> None:
    """Show the top-left of the page at ``scale`` (a realistic editing view)."""
    page.click("[data-action=zoom-fit]")
    while page.evaluate("() => linework.view().scale") < scale * 0.99:
        page.click("[data-action=zoom-in]")


def central_shape(page: Any, shapes: int) -> tuple[float, float]:
    """Return the page centre of the grid shape nearest the middle of the view."""
    box = page.locator("#canvas").bounding_box()
    view = page.evaluate("() => linework.view()")
    cx = (box["width"] / 2 - view["x"]) / view["scale"]
    cy = (box["height"] / 2 - view["y"]) / view["scale"]
    rows = (shapes + COLS - 1) // COLS
    col = min(COLS - 1, max(0, round((cx - 70) / DX)))
    row = min(rows - 1, max(0, round((cy - 50) / DY)))
    return col * DX + 70, row * DY + 50


def drag_trace(
    page: Any, start: tuple[float, float], moves: int, step: float
) -> list[dict[str, Any]]:
    """Drag from ``start`` in ``moves`` moves, waiting for each to paint; return the trace."""
    mouse = page.mouse
    mouse.move(*start)
    settle(page)
    mouse.down()
    settle(page)
    page.evaluate("() => linework.editor.trace(true)")
    for i in range(1, moves + 1):
        mouse.move(start[0] + i * step, start[1] + i * step * 0.5)
        settle(page)
    trace = page.evaluate("() => linework.editor.trace(true)")
    mouse.up()
    settle(page)
    release = page.evaluate("() => linework.editor.trace(false)")
    return [
        *[dict(e, phase="move") for e in trace],
        *[dict(e, phase="release") for e in release],
    ]


def median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def memory(page: Any) -> dict[str, float | None]:
    heap = page.evaluate("() => performance.memory?.usedJSHeapSize ?? null")
    worker_heap = None
    for worker in page.workers:
        try:
            worker_heap = worker.evaluate(
                "() => self.performance?.memory?.usedJSHeapSize ?? null"
            )
        except Exception:
            worker_heap = None
    wasm = page.evaluate("() => linework.send({type: 'bench.memory'})").get("wasm")
    mb = 1024 * 1024
    return {
        "page_js_mb": heap / mb if heap else None,
        "worker_js_mb": worker_heap / mb if worker_heap else None,
        "wasm_mb": wasm / mb if wasm else None,
    }


def bench_size(page: Any, shapes: int, moves: int, folder: Path) -> dict[str, Any]:
    path = folder / f"bench-{shapes}.linework"
    path.write_text(json.dumps(diagram(shapes)))
    out: dict[str, Any] = {"shapes": shapes, "connectors": shapes}
    out["open_paint_ms"] = open_and_paint(page, path)
    out["open_paint_playwright_ms"] = playwright_ms(page)
    out["open_breakdown"] = open_breakdown(
        page, page.evaluate("() => window.__paintedAt")
    )
    out["count_first"] = page.evaluate(
        "() => document.querySelector('#canvas [data-role=content]').childElementCount"
    )
    out["whole_page_ms"], out["rest_frames"] = whole_page_ms(page)
    settle(page)
    zoom_to(page, 1.0)
    settle(page)

    # One shape, in the middle of the view.
    target = central_shape(page, shapes)
    trace = drag_trace(page, screen(page, *target), moves, 3.0)
    moved = [e for e in trace if e["phase"] == "move" and e["type"] == "pointermove"]
    out["drag_one"] = {
        "latency_ms": median([e["painted"] - e["since"] for e in moved]),
        # From the handler: Chromium holds a move until the next frame starts
        # (rAF-aligned input), which the event's timeStamp includes.
        "handled_ms": median([e["painted"] - e["handled"] for e in moved]),
        "queued_ms": median([e["handled"] - e["since"] for e in moved]),
        "python_ms": median([e["python"] for e in moved if e["python"] is not None]),
        "apply_ms": median([e["applyMs"] for e in moved]),
        "wait_ms": median([e["sent"] - e["since"] for e in moved]),
        "rpc_ms": median([e["received"] - e["sent"] for e in moved]),
        "paint_ms": median([e["painted"] - e["received"] for e in moved]),
        # Moves smaller than the grid change nothing (0 ops); count the others.
        "ops": median([e["ops"] for e in moved if e["ops"] > 0]),
        "touched_ids": sorted({i for e in moved for i in e["ids"]}),
        # The reply's JSON text as the worker posted it (issue 15: at most half
        # of the 3,390 B a move's reply had before protocol v2).
        "reply_bytes": median([e["bytes"] for e in moved if e.get("bytes")]),
    }
    page.keyboard.press("Control+z")
    settle(page)

    # Select all, then drag the whole selection by its first shape.
    page.focus("#canvas")
    page.evaluate("() => linework.editor.trace(true)")
    page.keyboard.press("Control+a")
    settle(page)
    select = [
        e
        for e in page.evaluate("() => linework.editor.trace(false)")
        if e["type"] == "keydown"
    ]
    trace = drag_trace(page, screen(page, *target), max(10, moves // 4), 4.0)
    moved = [e for e in trace if e["phase"] == "move" and e["type"] == "pointermove"]
    release = [e for e in trace if e["phase"] == "release" and e["type"] == "pointerup"]
    out["select_all_move"] = {
        "select_ms": select[0]["painted"] - select[0]["since"] if select else None,
        "move_latency_ms": median([e["painted"] - e["since"] for e in moved]),
        "move_python_ms": median(
            [e["python"] for e in moved if e["python"] is not None]
        ),
        "release_ms": release[0]["painted"] - release[0]["since"] if release else None,
        "release_python_ms": release[0]["python"] if release else None,
    }
    out["memory"] = memory(page)
    page.keyboard.press("Control+z")
    page.keyboard.press("Escape")
    settle(page)
    return out


def run(
    url: str, chromium: str | None, sizes: list[int], moves: int
) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--enable-precise-memory-info"],
        )
        for shapes in sizes:
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            page = context.new_page()
            page.goto(url)
            page.wait_for_selector(
                "body[data-editor]", state="attached", timeout=120_000
            )
            page.evaluate(WARMED_JS)
            results.append(bench_size(page, shapes, moves, Path(tmp)))
            context.close()
        browser.close()
    return results


def fmt(v: Any, unit: str = "ms") -> str:
    if v is None or (isinstance(v, float) and v != v):
        return "n/a"
    return f"{v:.1f} {unit}" if isinstance(v, float) else f"{v} {unit}"


def report(results: list[dict[str, Any]]) -> None:
    print("Editor in the browser (medians; targets from docs/architecture.md §10)")
    for r in results:
        n = r["shapes"]
        d, s, m = r["drag_one"], r["select_all_move"], r["memory"]
        print(f"  {n} shapes + {r['connectors']} connectors")
        print(
            f"    open + paint                  {fmt(r['open_paint_ms']):>10}   (target {'0.25 s' if n <= 1000 else '0.8 s'};"
            f" {r['count_first']} of {n + r['connectors']} elements, the view;"
            " measured in the page)"
        )
        print(
            f"    open + paint (old measure)    {fmt(r['open_paint_playwright_ms']):>10}"
            "   (Playwright sees the revision, then a double rAF: its round trips included)"
        )
        b = r["open_breakdown"]
        print(
            "    open: breakdown               "
            + ", ".join(f"{what} {ms:.0f}" for what, ms in b["steps"] if ms >= 0.5)
            + " ms"
        )
        print(
            "    open: worker (Python) phases  "
            + ", ".join(f"{what} {ms:.0f}" for what, ms in b["core"].items())
            + " ms"
        )
        print(
            f"    open → rest painted (idle)    {fmt(r['whole_page_ms']):>10}   (editable all along)"
        )
        f = r["rest_frames"]
        print(
            f"    rest painted: longest task    {fmt(f['task']):>10}   (0: none over 50 ms;"
            f" longest frame {fmt(f['frame'])} of {f['frames']})"
        )
        print(
            f"    drag one: move → painted      {fmt(d['latency_ms']):>10}   (target <= 33 ms, double rAF)"
        )
        print(
            f"    drag one: handler → painted   {fmt(d['handled_ms']):>10}   (Chromium held the move"
            f" {fmt(d['queued_ms'])} for the next frame before the page saw it)"
        )
        print(
            f"    drag one: Python per move     {fmt(d['python_ms']):>10}   (target <= 4 ms)"
        )
        print(
            f"    drag one: breakdown           input→sent {fmt(d['wait_ms'])}, round trip {fmt(d['rpc_ms'])},"
            f" apply {fmt(d['apply_ms'])}, received→painted {fmt(d['paint_ms'])}"
        )
        print(
            f"    drag one: DOM ops per move    {fmt(d['ops'], 'ops'):>10}   touching {', '.join(d['touched_ids'])} (+ overlay)"
        )
        print(
            f"    drag one: reply per move      {fmt(d['reply_bytes'], 'B'):>10}   (target <= half of"
            " the 3,390 B before protocol v2; tools/bench_reply.py splits it)"
        )
        print(f"    select all (Ctrl+A) → painted {fmt(s['select_ms']):>10}")
        print(
            f"    move all: move → painted      {fmt(s['move_latency_ms']):>10}   (Python {fmt(s['move_python_ms'])})"
        )
        print(
            f"    move all: release → painted   {fmt(s['release_ms']):>10}   (Python {fmt(s['release_python_ms'])}; target {'150' if n <= 1000 else '500'} ms)"
        )
        heap = [m["page_js_mb"], m["worker_js_mb"], m["wasm_mb"]]
        total = sum(h for h in heap if h)
        print(
            f"    memory: page JS {fmt(m['page_js_mb'], 'MB')}, worker JS {fmt(m['worker_js_mb'], 'MB')},"
            f" wasm {fmt(m['wasm_mb'], 'MB')} = {total:.0f} MB (target <= 150 MB at 5,000)"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,5000")
    parser.add_argument("--moves", type=int, default=40)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    build = load_build()
    if not build.dist_is_fresh():
        build.build()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    with build.serving(build.DIST) as server:
        results = run(server.url, build.find_chromium(), sizes, args.moves)
    report(results)
    # The same reply natively, split into its parts (ui, overlay, ops).
    import bench_reply  # tools/ is on the path when this runs as a script

    bench_reply.main([])
    if args.json:
        print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
