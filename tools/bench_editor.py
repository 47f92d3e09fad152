"""Benchmark the editor natively: Python time per event on large documents.

Prints figures; it is not a test. Targets (docs/architecture.md §10, issue 4): at most
4 ms of Python per pointer move while dragging one shape, select-all and move
within 150 ms at 1,000 elements and 500 ms at 5,000.

Usage: ``python tools/bench_editor.py [sizes...]`` (default 1000 5000).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from typing import Any

from linework.editor import Editor
from linework.geometry import Box
from linework.model import Attached, Connector, Document, IdSource, Shape

COLUMNS = 50


def make_document(n: int) -> Document:
    """Return a page with ``n`` shapes in a grid, each joined to the next one."""
    ids = IdSource()
    doc = Document.new(ids)
    page = doc.pages()[0].id
    layer = doc.layers(page)[0].id
    records = dict(doc.records)
    kinds = ("rectangle", "ellipse", "diamond", "rounded-rectangle")
    for i in range(n):
        sid = f"shape:{i + 1}"
        records[sid] = Shape(
            id=sid,
            page=page,
            layer=layer,
            z=i,
            kind=kinds[i % len(kinds)],
            box=Box((i % COLUMNS) * 160.0, (i // COLUMNS) * 110.0, 100.0, 60.0),
            text=f"Shape {i + 1}",
        )
    for i in range(n - 1):
        cid = f"conn:{i + 1}"
        records[cid] = Connector(
            id=cid,
            page=page,
            layer=layer,
            z=n + i,
            source=Attached(shape=f"shape:{i + 1}"),
            target=Attached(shape=f"shape:{i + 2}"),
        )
    return Document(records=records)


def pointer(kind: str, x: float, y: float) -> dict[str, Any]:
    """Return a pointer event as the browser sends it."""
    return {"type": kind, "x": x, "y": y, "button": 0, "zoom": 1.0}


def timed(fn: Callable[[], object]) -> float:
    """Return the milliseconds ``fn`` took."""
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


def bench(n: int) -> None:
    """Print the figures for one document size."""
    doc = make_document(n)
    t0 = time.perf_counter()
    ed = Editor(doc, IdSource(doc.records))
    # Snapping off, so every move really moves (a snapped move may change nothing).
    ed.handle({"type": "action", "name": "set-snap", "args": {"snap": False}})
    print(f"\n{n} shapes + {n - 1} connectors")
    print(
        f"  open (first render of the page): {(time.perf_counter() - t0) * 1000:8.1f} ms"
    )

    # Drag one shape in the middle of the page (it has two connectors).
    target = doc.typed(f"shape:{n // 2}", Shape).box.center
    ed.handle(pointer("pointermove", target.x, target.y))
    ed.handle(pointer("pointerdown", target.x, target.y))
    moves: list[float] = []
    wire: list[float] = []
    ops: list[int] = []

    def record_ops(ev: dict[str, Any]) -> None:
        ops.append(len(ed.handle(ev)["ops"]))

    def through_json(ev: dict[str, Any]) -> None:
        ed.handle_json(json.dumps(ev))

    def move_to(x: float, y: float) -> None:
        ed.handle(pointer("pointermove", x, y))

    for i in range(1, 61):
        ev = pointer("pointermove", target.x + i * 1.7, target.y + i * 0.9)
        moves.append(timed(partial(record_ops, ev)))
        ev2 = pointer("pointermove", target.x + i * 1.7, target.y + i * 0.9 + 0.5)
        wire.append(timed(partial(through_json, ev2)))
    up = timed(lambda: ed.handle(pointer("pointerup", target.x + 102, target.y + 54)))
    print(
        f"  drag one shape, per move:         {statistics.median(moves):8.2f} ms median,"
        f" {max(moves):6.2f} max, ops/move {max(ops)}  (target ≤ 4 ms)"
    )
    print(
        f"  same, with the JSON round trip:   {statistics.median(wire):8.2f} ms median"
    )
    print(f"  drag one shape, release:          {up:8.2f} ms")

    # Hover over the page (hit-testing through the bucket grid).
    hovers = [
        timed(partial(move_to, (i * 37) % 8000, (i * 53) % 2000)) for i in range(60)
    ]
    print(
        f"  hover, per move:                  {statistics.median(hovers):8.2f} ms median"
    )

    # Select all, then drag everything.
    sel = timed(lambda: ed.handle({"type": "keydown", "key": "a", "ctrl": True}))
    start = doc.typed("shape:1", Shape).box.center
    down = timed(lambda: ed.handle(pointer("pointerdown", start.x, start.y)))
    first = timed(lambda: ed.handle(pointer("pointermove", start.x + 10, start.y + 10)))
    more = [
        timed(partial(move_to, start.x + 10 + i, start.y + 10)) for i in range(1, 6)
    ]
    release = timed(lambda: ed.handle(pointer("pointerup", start.x + 15, start.y + 10)))
    total = sel + down + first + statistics.median(more) + release
    print(f"  select-all:                       {sel:8.1f} ms")
    print(
        f"  move all: press {down:.1f}, first move {first:.1f}, "
        f"next moves {statistics.median(more):.1f} (median), release {release:.1f} ms"
    )
    print(f"  select-all + one move + release:  {total:8.1f} ms")
    while ed.handle({"type": "idle"})["ui"]["pending"]:
        pass
    undo = timed(lambda: ed.handle({"type": "keydown", "key": "z", "ctrl": True}))
    print(f"  undo of the move:                 {undo:8.1f} ms")
    idle = []
    while True:
        t = time.perf_counter()
        r = ed.handle({"type": "idle"})
        idle.append((time.perf_counter() - t) * 1000)
        if not r["ui"]["pending"]:
            break
    print(
        f"  catching up after it (idle):      {len(idle)} events,"
        f" {statistics.median(idle):.1f} ms median each, {sum(idle):.0f} ms in all"
    )


def main(argv: list[str]) -> None:
    """Run the benchmark for each size given (default 1000 and 5000)."""
    sizes = [int(a) for a in argv] or [1000, 5000]
    print(f"Python {sys.version.split()[0]}; times are Python only (no DOM).")
    for n in sizes:
        bench(n)


if __name__ == "__main__":
    main(sys.argv[1:])
