"""The canvas scrolls about a viewport past the drawing and stops, by real wheel
events (and a middle-button drag): the drawing can be brought to any edge of the
window but is never lost off it; zoom and Fit keep working.
"""

from __future__ import annotations

from typing import Any

import editor_helpers
import pytest
from editor_helpers import add, clean_test, settle
from lw_helpers import App

editor_app = editor_helpers.editor_app  # the module's app (fixture)

#: web/pan-limit.js's KEEP_PX: what stays of the drawing on screen at the stop.
KEEP = 48

#: The drawing on screen: the page and every element (CSS px).
DRAWING_JS = """() => {
  const boxes = [document.querySelector('#canvas [data-role=page-background]'),
    ...document.querySelectorAll('#canvas [data-role=content] > g[data-id]')]
    .map((el) => el.getBoundingClientRect());
  return {
    left: Math.min(...boxes.map((b) => b.left)), top: Math.min(...boxes.map((b) => b.top)),
    right: Math.max(...boxes.map((b) => b.right)), bottom: Math.max(...boxes.map((b) => b.bottom)),
  };
}"""


@pytest.fixture(autouse=True)
def _fresh(editor_app: App) -> Any:
    with clean_test(editor_app):
        yield


def canvas_box(app: App) -> dict[str, float]:
    box = app.page.locator("#canvas").bounding_box()
    assert box is not None
    return dict(box)


def drawing(app: App) -> dict[str, float]:
    settle(app)
    return app.page.evaluate(DRAWING_JS)  # type: ignore[no-any-return]


def wheel_until_it_stops(app: App, dx: float, dy: float) -> int:
    """Wheel (dx, dy) over the canvas until the view stops moving; return the
    wheel events it took (asserting it does stop)."""
    c = canvas_box(app)
    app.page.mouse.move(c["x"] + c["width"] / 2, c["y"] + c["height"] / 2)
    before = app.view()
    for n in range(1, 200):
        app.page.mouse.wheel(dx, dy)
        settle(app)
        now = app.view()
        if now == before:
            return n
        before = now
    raise AssertionError("the view never stopped scrolling")


def on_screen(d: dict[str, float], c: dict[str, float]) -> tuple[float, float]:
    """Return how much of the drawing shows across and down (CSS px)."""
    across = min(d["right"], c["x"] + c["width"]) - max(d["left"], c["x"])
    down = min(d["bottom"], c["y"] + c["height"]) - max(d["top"], c["y"])
    return across, down


def test_wheeling_far_stops_a_viewport_past_the_drawing(editor_app: App) -> None:
    app = editor_app
    add(app, "rectangle", 550, 400, "Here")
    c = canvas_box(app)
    start = drawing(app)
    assert on_screen(start, c) == pytest.approx(
        (start["right"] - start["left"], start["bottom"] - start["top"]), abs=1
    )
    # Down: the drawing goes up until only a strip of its bottom shows at the top.
    assert wheel_until_it_stops(app, 0, 400) > 1
    d = drawing(app)
    assert d["bottom"] == pytest.approx(c["y"] + KEEP, abs=2)
    assert on_screen(d, c)[1] == pytest.approx(KEEP, abs=2)
    # More wheeling changes nothing; wheeling back moves at once.
    app.page.mouse.wheel(0, 4000)
    assert drawing(app) == d
    app.page.mouse.wheel(0, -100)
    assert drawing(app)["bottom"] == pytest.approx(d["bottom"] + 100, abs=2)
    # Up: its top edge comes down to the window's bottom edge, less the strip.
    wheel_until_it_stops(app, 0, -400)
    d = drawing(app)
    assert d["top"] == pytest.approx(c["y"] + c["height"] - KEEP, abs=2)
    # Right (horizontal wheel) and left (Shift+wheel), the same.
    wheel_until_it_stops(app, 400, 0)
    d = drawing(app)
    assert d["right"] == pytest.approx(c["x"] + KEEP, abs=2)
    app.page.keyboard.down("Shift")
    try:
        wheel_until_it_stops(app, 0, -400)
    finally:
        app.page.keyboard.up("Shift")
    d = drawing(app)
    assert d["left"] == pytest.approx(c["x"] + c["width"] - KEEP, abs=2)
    across, down = on_screen(d, c)
    assert across >= KEEP - 2 and down >= KEEP - 2  # never lost
    # Zoom still works (Ctrl+wheel), and Fit brings the whole drawing back.
    scale = app.view()["scale"]
    app.page.keyboard.down("Control")
    try:
        app.page.mouse.wheel(0, -300)
    finally:
        app.page.keyboard.up("Control")
    settle(app)
    assert app.view()["scale"] > scale * 1.2
    app.page.click("[data-action=zoom-fit]")
    d = drawing(app)
    assert on_screen(d, c) == pytest.approx(
        (d["right"] - d["left"], d["bottom"] - d["top"]), abs=1
    )


def test_a_shape_far_off_the_page_is_reached_and_bounds_the_scroll(
    editor_app: App,
) -> None:
    """The drawing's bounds count every shape, not only the page."""
    app = editor_app
    far = add(app, "rectangle", 4000, 300, "Far")
    app.page.click("[data-action=zoom-fit]")
    c = canvas_box(app)
    wheel_until_it_stops(app, 400, 0)
    shape = app.page.locator(f'#canvas g[data-id="{far}"]').bounding_box()
    assert shape is not None
    # At the stop, the far shape is the strip still on screen at the left edge.
    assert shape["x"] + shape["width"] == pytest.approx(c["x"] + KEEP, abs=2)


def test_drag_panning_goes_no_further_either(editor_app: App) -> None:
    """Middle-button drags (and Space+drag, the same code) stop at the bound too."""
    app = editor_app
    add(app, "rectangle", 550, 400)
    c = canvas_box(app)
    mouse = app.page.mouse
    # Dragged left far past the drawing, again and again until it stops (a
    # loaded machine may coalesce a drag's moves: counting drags was flaky).
    d = drawing(app)
    for _ in range(20):
        mouse.move(c["x"] + c["width"] - 20, c["y"] + 200)
        mouse.down(button="middle")
        mouse.move(c["x"] + 20, c["y"] + 200, steps=8)
        mouse.up(button="middle")
        before, d = d, drawing(app)
        if d == before:
            break
    assert d["right"] == pytest.approx(c["x"] + KEEP, abs=2)
    # Dragged back, it follows at once.
    mouse.move(c["x"] + 20, c["y"] + 200)
    mouse.down(button="middle")
    mouse.move(c["x"] + 320, c["y"] + 200, steps=8)
    mouse.up(button="middle")
    assert drawing(app)["right"] == pytest.approx(c["x"] + KEEP + 300, abs=2)


def test_a_middle_button_pan_pastes_nothing(editor_app: App) -> None:
    """Chromium on Linux pastes the primary selection (text selected anywhere)
    when a middle button goes up: a pan dropped that text into the diagram
    as text shapes. With text selected, a middle-button pan adds nothing."""
    app = editor_app
    add(app, "rectangle", 550, 400)
    search = app.page.locator("[data-role=palette-search]")
    search.fill("router")
    search.dblclick()  # selected by the user: the primary selection is "router"
    app.page.focus("#canvas")  # the canvas has the keys, as after any click
    c = canvas_box(app)
    mouse = app.page.mouse
    view = app.view()
    mouse.move(c["x"] + c["width"] - 20, c["y"] + 200)
    mouse.down(button="middle")
    mouse.move(c["x"] + c["width"] - 220, c["y"] + 200, steps=8)
    mouse.up(button="middle")
    app.page.wait_for_timeout(300)
    settle(app)
    search.fill("")
    kinds = app.page.evaluate(
        "() => [...document.querySelectorAll('#canvas [data-role=content] > g')]"
        ".map((g) => g.getAttribute('data-kind'))"
    )
    assert kinds == ["rectangle"]
    assert app.view()["x"] == pytest.approx(view["x"] - 200, abs=2)
