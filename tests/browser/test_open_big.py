"""Opening a big diagram: at a readable zoom, the opening view first, the rest idle.

A drawing that does not fit the window at 50 % opens at 50 % with its
top-left corner at the canvas's top-left (draw.io opens at 100 % at the
top-left, Excalidraw scrolls to the content without zooming); one that fits
is fitted, at most at 100 %. The core chooses that view and paints what it
shows first; the rest follows in idle slices. The file is whole and editable
from the first paint: a shape that was not painted then can be reached by
zoom to fit or by scrolling and dragged with the mouse at once, select all
takes it too, and once the idle slices are done the canvas holds every
element in paint order.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from editor_helpers import (
    by_id,
    clean_test,
    dom_ids,
    drag,
    editor_app,
    elements,
    screen,
    settle,
    ui,
)
from lw_helpers import READY, App, document, write_document

from sample_docs import grid

__all__ = ["editor_app"]

COLS, ROWS, DX, DY = 20, 100, 160.0, 110.0
# In the bottom row, right: far outside the opening view (the top-left at 50 %).
TARGET = "s1995"
MARGIN = 24  # px between the canvas's edge and the drawing (web/canvas.js)


def _diagram(cols: int = COLS, rows: int = ROWS) -> dict[str, Any]:
    """Return a page of ``cols`` × ``rows`` shapes (by default a tall one:
    2,000 shapes), each joined to its right or lower neighbour."""
    n = cols * rows

    def neighbour(i: int) -> int | None:
        j = i + 1 if (i + 1) % cols else i + cols
        return j if j < n else None

    return grid(n, cols, neighbour, name="Tall", dx=DX, dy=DY)


@pytest.fixture
def app(editor_app: App) -> Iterator[App]:
    with clean_test(editor_app):
        yield editor_app


# Records the canvas's elements when a page is shown (the revision bumps right
# after the reset's nodes are in), before any idle slice can add to them.
WATCH_FIRST_PAINT = """() => {
  const svg = document.getElementById('canvas');
  const content = svg.querySelector('[data-role=content]');
  window.__firstPaint = null;
  const observer = new MutationObserver(() => {
    observer.disconnect();
    window.__firstPaint = [...content.children].map((e) => e.dataset.id);
  });
  observer.observe(svg, { attributes: true, attributeFilter: ['data-revision'] });
}"""


def _open_big(
    app: App, tmp_path: Path, cols: int = COLS, rows: int = ROWS
) -> tuple[list[str], int]:
    """Open a big diagram; return the ids of the first paint and the total."""
    path = tmp_path / "big.linework"
    diagram = _diagram(cols, rows)
    path.write_text(json.dumps(diagram))
    app.page.evaluate(WATCH_FIRST_PAINT)
    app.open_file(path)
    first = app.page.wait_for_function("() => window.__firstPaint").json_value()
    return first, len(diagram["pages"][0]["elements"])


def _canvas_size(app: App) -> tuple[float, float]:
    box = app.page.locator("#canvas").bounding_box()
    assert box is not None
    return box["width"], box["height"]


def _zoom_in_on(app: App, x: float, y: float, scale: float) -> None:
    """Ctrl+wheel over page point (x, y) until the zoom reaches ``scale``."""
    for _ in range(12):
        if app.view()["scale"] >= scale:
            return
        app.page.mouse.move(*screen(app, x, y))
        app.page.keyboard.down("Control")
        app.page.mouse.wheel(0, -300)
        app.page.keyboard.up("Control")
        settle(app)


def _drag_target(app: App, box: dict[str, float], target: str = TARGET) -> None:
    """Drag the target shape by (60, 40) px; check where it lands, in the
    document and on screen."""
    x, y = screen(app, box["x"] + 50, box["y"] + 30)
    scale = app.view()["scale"]
    drag(app, (x, y), (x + 60, y + 40))
    moved = by_id(app)[target]["box"]
    assert moved["x"] == pytest.approx(box["x"] + 60 / scale, abs=20)
    assert moved["y"] == pytest.approx(box["y"] + 40 / scale, abs=20)
    assert ui(app)["selection"] == [target]
    # Painted where it was dropped: its node sits at the new place on screen.
    shown = app.page.locator(f'#canvas g[data-id="{target}"]').bounding_box()
    assert shown is not None
    nx, ny = screen(app, moved["x"], moved["y"])
    assert shown["x"] == pytest.approx(nx, abs=3)
    assert shown["y"] == pytest.approx(ny, abs=3)


def test_a_big_drawing_opens_at_50_percent_at_its_top_left(
    app: App, tmp_path: Path
) -> None:
    first, total = _open_big(app, tmp_path)
    # 3,240 × 11,040 would fit this window at about 7 %: it opens at the
    # readable floor instead, the drawing's top-left at the margin.
    assert app.view() == {"scale": 0.5, "x": MARGIN, "y": MARGIN}
    s0 = app.page.locator('#canvas g[data-id="s0"]').bounding_box()
    canvas = app.page.locator("#canvas").bounding_box()
    assert s0 is not None and canvas is not None
    assert s0["x"] - canvas["x"] == pytest.approx(MARGIN + 20 * 0.5, abs=2)
    assert s0["y"] - canvas["y"] == pytest.approx(MARGIN + 20 * 0.5, abs=2)
    assert s0["width"] == pytest.approx(100 * 0.5, abs=3)
    # Only what that view shows came first: the top-left corner of the grid.
    width, height = _canvas_size(app)
    cols = (width - MARGIN) / 0.5 / DX
    rows = (height - MARGIN) / 0.5 / DY
    assert 0 < len(first) < total / 4
    assert {"s0", "c0", "s1", f"s{COLS}"} <= set(first)
    assert TARGET not in first and f"s{COLS * int(rows + 3)}" not in first
    assert cols < COLS - 3 and f"s{int(cols) + 3}" not in first
    assert f"{total} elements" in app.page.locator("[data-role=status]").inner_text()
    # The zoom box says so too.
    assert app.page.text_content("[data-role=zoom]") == "50%"

    # Complete at once: an export (made from the core's document, whatever
    # is painted yet) holds every element.
    svg = app.send({"type": "file-export", "format": "svg"})["data"]
    assert svg.count('<g data-id="') >= total and f'data-id="{TARGET}"' in svg

    # Zoom to fit still fits everything, below the floor (the elements not
    # painted yet included).
    app.page.click("[data-action=zoom-fit]")
    # (About 7 %: the whole drawing, centred.)
    fit = min(
        (height - 2 * MARGIN) / (ROWS * DY + 40),
        (width - 2 * MARGIN) / (COLS * DX + 40),
    )
    view = app.view()
    assert view["scale"] == pytest.approx(fit, rel=1e-3) and fit < 0.1
    assert view["x"] + (COLS * DX + 40) / 2 * fit == pytest.approx(width / 2, abs=3)
    assert view["y"] + (ROWS * DY + 40) / 2 * fit == pytest.approx(height / 2, abs=3)
    app.page.wait_for_function(
        "() => linework.editor.ui().pending === 0", timeout=60_000
    )
    assert dom_ids(app) == [e["id"] for e in elements(app)]


def test_a_diagram_that_fits_at_a_readable_zoom_is_fitted(
    app: App, tmp_path: Path
) -> None:
    """Small drawings still open fitted and centred, never above 100 %."""
    width, height = _canvas_size(app)
    for w, h in ((300.0, 200.0), (width * 1.6, height * 1.2)):
        doc = {
            "format": "linework",
            "version": 1,
            "pages": [
                {
                    "id": "p1",
                    "name": "Small",
                    "width": w,
                    "height": h,
                    "layers": [{"id": "l1", "name": "Layer 1"}],
                    "elements": [
                        {
                            "type": "shape",
                            "id": "a",
                            "layer": "l1",
                            "kind": "rectangle",
                            "box": {"x": 10, "y": 10, "w": 100, "h": 60},
                            "text": "A",
                        }
                    ],
                }
            ],
            "meta": {},
        }
        path = tmp_path / "small.linework"
        path.write_text(json.dumps(doc))
        app.open_file(path)
        view = app.view()
        scale = min(1.0, (width - 2 * MARGIN) / w, (height - 2 * MARGIN) / h)
        assert 0.5 < scale <= 1
        assert view["scale"] == pytest.approx(scale)
        # Centred: the page's middle at the canvas's middle.
        assert view["x"] + w / 2 * scale == pytest.approx(width / 2)
        assert view["y"] + h / 2 * scale == pytest.approx(height / 2)


def test_a_shape_painted_later_can_be_dragged_after_zoom_to_fit(
    app: App, tmp_path: Path
) -> None:
    # 8,040 × 4,440: zoom to fit shows it whole (at about 13 %).
    first, total = _open_big(app, tmp_path, cols=50, rows=40)
    target = f"s{total // 2 - 5}"  # in the bottom row
    assert target not in first
    box = by_id(app)[target]["box"]
    app.page.click("[data-action=zoom-fit]")
    settle(app)
    assert 0.1 < app.view()["scale"] < 0.5
    # The whole drawing is in the window: the target too.
    x, y = screen(app, box["x"] + 50, box["y"] + 30)
    canvas = app.page.locator("#canvas").bounding_box()
    assert canvas is not None
    assert canvas["x"] < x < canvas["x"] + canvas["width"]
    assert canvas["y"] < y < canvas["y"] + canvas["height"]
    _zoom_in_on(app, box["x"] + 50, box["y"] + 30, 0.5)
    _drag_target(app, box, target)
    app.page.keyboard.press("Control+z")
    settle(app)
    assert by_id(app)[target]["box"] == box


def test_select_all_and_move_takes_the_elements_not_painted_yet(
    app: App, tmp_path: Path
) -> None:
    first, total = _open_big(app, tmp_path)
    assert TARGET not in first
    before = by_id(app)
    app.page.focus("#canvas")
    app.page.keyboard.press("Control+a")
    assert len(ui(app)["selection"]) == total
    # Drag everything by a shape the opening view shows: 60, 40 px at 50 %.
    start = screen(app, before["s0"]["box"]["x"] + 50, before["s0"]["box"]["y"] + 30)
    drag(app, start, (start[0] + 60, start[1] + 40))
    after = by_id(app)
    for sid in ("s0", "s1010", TARGET):
        assert after[sid]["box"]["x"] == pytest.approx(
            before[sid]["box"]["x"] + 120, abs=12
        )
        assert after[sid]["box"]["y"] == pytest.approx(
            before[sid]["box"]["y"] + 80, abs=12
        )
    dx = after["s0"]["box"]["x"] - before["s0"]["box"]["x"]
    dy = after["s0"]["box"]["y"] - before["s0"]["box"]["y"]
    assert all(
        (e["box"]["x"] - before[i]["box"]["x"], e["box"]["y"] - before[i]["box"]["y"])
        == (dx, dy)
        for i, e in after.items()
        if e["type"] == "shape"
    )
    # Once painted, the target's node shows it where it went.
    app.page.wait_for_function(
        "() => linework.editor.ui().pending === 0", timeout=60_000
    )
    assert dom_ids(app) == [e["id"] for e in elements(app)]
    app.page.click("[data-action=zoom-fit]")
    settle(app)
    shown = app.page.locator(f'#canvas g[data-id="{TARGET}"]').bounding_box()
    assert shown is not None
    nx, ny = screen(app, after[TARGET]["box"]["x"], after[TARGET]["box"]["y"])
    assert shown["x"] == pytest.approx(nx, abs=3)
    assert shown["y"] == pytest.approx(ny, abs=3)
    # One undo step puts every element back.
    app.page.keyboard.press("Control+z")
    settle(app)
    assert by_id(app) == before


def test_a_shape_painted_after_the_first_paint_can_be_dragged(
    app: App, tmp_path: Path
) -> None:
    first, total = _open_big(app, tmp_path)
    # The opening view came first: the rest of the page was left for later.
    assert 0 < len(first) < total
    assert TARGET not in first and "s0" in first
    assert f"{total} elements" in app.page.locator("[data-role=status]").inner_text()

    # Scroll down and right to the target (the wheel pans, Shift+wheel
    # sideways) and drag it right away, at the opening zoom.
    box = by_id(app)[TARGET]["box"]
    canvas = app.page.locator("#canvas").bounding_box()
    assert canvas is not None
    for _ in range(80):
        x, y = screen(app, box["x"] + 50, box["y"] + 30)
        if y < canvas["y"] + canvas["height"] - 150:
            break
        app.page.mouse.move(700, 450)
        app.page.mouse.wheel(0, 600)
        settle(app)
    for _ in range(40):
        x, y = screen(app, box["x"] + 50, box["y"] + 30)
        if x < canvas["x"] + canvas["width"] - 150:
            break
        app.page.mouse.move(700, 450)
        app.page.keyboard.down("Shift")
        app.page.mouse.wheel(0, 400)
        app.page.keyboard.up("Shift")
        settle(app)
    assert app.view()["scale"] == 0.5
    _drag_target(app, box)

    # Once the idle slices are done, every element is there, in paint order.
    app.page.wait_for_function(
        "() => linework.editor.ui().pending === 0", timeout=60_000
    )
    assert dom_ids(app) == [e["id"] for e in elements(app)]

    # One undo step takes the drag back.
    app.page.keyboard.press("Control+z")
    settle(app)
    assert by_id(app)[TARGET]["box"] == box


def test_the_viewer_still_shows_the_whole_diagram(app: App, tmp_path: Path) -> None:
    """A share link of a wide diagram: the editor opens it at 50 % at its
    top-left, the viewer fits it whole (docs/user-guide.md, viewer mode)."""
    corners = [(0, 0), (5800, 0), (0, 3800), (5800, 3800), (2900, 1900)]
    doc = {
        "format": "linework",
        "version": 1,
        "pages": [
            {
                "id": "p1",
                "name": "Wide",
                "width": 6000,
                "height": 4000,
                "layers": [{"id": "l1", "name": "Layer 1"}],
                "elements": [
                    {
                        "type": "shape",
                        "id": f"s{i}",
                        "layer": "l1",
                        "kind": "rectangle",
                        "box": {"x": x + 20, "y": y + 20, "w": 160, "h": 100},
                        "text": f"Corner {i}",
                    }
                    for i, (x, y) in enumerate(corners)
                ],
            }
        ],
        "meta": {},
    }
    path = tmp_path / "wide.linework"
    path.write_text(json.dumps(doc))
    app.open_file(path)
    assert app.view() == {"scale": 0.5, "x": MARGIN, "y": MARGIN}
    reply = app.send({"type": "share-link"})
    assert reply["ok"], reply
    viewer = app.context.new_page()
    try:
        viewer.goto(f"{app.url}?mode=view#{reply['fragment']}")
        viewer.wait_for_selector(READY, state="attached", timeout=90_000)
        viewer.wait_for_function(
            "() => document.querySelectorAll('#canvas [data-role=content] > g[data-id]')"
            ".length === 5",
            timeout=30_000,
        )
        view = viewer.evaluate("() => linework.view()")
        assert 0.1 < view["scale"] < 0.5
        svg = viewer.locator("#canvas").bounding_box()
        assert svg is not None
        for i in range(len(corners)):
            shape = viewer.locator(f'#canvas g[data-id="s{i}"]').bounding_box()
            assert shape is not None
            assert (
                svg["x"] <= shape["x"]
                and shape["x"] + shape["width"] <= svg["x"] + svg["width"]
            )
            assert (
                svg["y"] <= shape["y"]
                and shape["y"] + shape["height"] <= svg["y"] + svg["height"]
            )
    finally:
        viewer.close()


# Every text the outline's "none" line shows, from before an open on.
WATCH_OUTLINE_NONE = """() => {
  const list = document.querySelector('[data-role=outline]');
  window.__outlineNone = [];
  const note = () => {
    const none = list.querySelector('.outline-none');
    if (none !== null) window.__outlineNone.push(none.textContent);
  };
  new MutationObserver(note).observe(list, { subtree: true, childList: true, characterData: true });
}"""


def test_a_big_page_s_outline_is_listed_not_empty_while_it_comes(
    app: App, tmp_path: Path
) -> None:
    """The outline of a big page follows in idle time: meanwhile it says it is
    being listed (it said "No shapes on this page." from the empty page
    before), then lists the shapes."""
    app.page.evaluate(WATCH_OUTLINE_NONE)
    _open_big(app, tmp_path)
    app.page.wait_for_function(
        "() => document.querySelectorAll('[data-role=outline] [role=option]').length > 0",
        timeout=60_000,
    )
    seen = app.page.evaluate("() => window.__outlineNone")
    assert "Listing this page's shapes…" in seen, seen
    assert "No shapes on this page." not in seen, seen


# Once the canvas shows the next page, the outline's text a frame later.
WATCH_OUTLINE_AFTER_SHOW = """() => {
  const svg = document.getElementById('canvas');
  window.__outlineAfterShow = null;
  const observer = new MutationObserver(() => {
    observer.disconnect();
    requestAnimationFrame(() => {
      window.__outlineAfterShow = document.querySelector('[data-role=outline]').textContent;
    });
  });
  observer.observe(svg, { attributes: true, attributeFilter: ['data-revision'] });
}"""


def test_a_big_page_opened_over_a_diagram_does_not_list_the_old_one(
    app: App, tmp_path: Path
) -> None:
    """Opened over a diagram, a big page's outline says it is being listed
    from the moment the page shows; it went on listing the last diagram's
    shapes until its own came."""
    small = tmp_path / "small.linework"
    write_document(small, document(text="OldDiagramMark"))
    app.open_file(small)
    app.page.wait_for_function(
        "() => document.querySelector('[data-role=outline]').textContent"
        ".includes('OldDiagramMark')",
        timeout=30_000,
    )
    app.page.evaluate(WATCH_OUTLINE_AFTER_SHOW)
    _open_big(app, tmp_path)
    shown = app.page.wait_for_function("() => window.__outlineAfterShow").json_value()
    assert "OldDiagramMark" not in shown, shown
