"""Opening a big diagram: the opening view first, the rest in idle slices.

The file is whole and editable from the first paint: a shape that was not
painted then can be scrolled to and dragged with the mouse at once, and once
the idle slices are done the canvas holds every element in paint order.
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
from lw_helpers import App

__all__ = ["editor_app"]

COLS, ROWS, DX, DY = 20, 100, 160.0, 110.0
# In the top row, mid-page: above the fitted view (the page is too tall for it).
TARGET = "s10"


def _diagram() -> dict[str, Any]:
    """Return a tall page: 2,000 shapes, each joined to its right or lower neighbour."""
    n = COLS * ROWS
    els: list[dict[str, Any]] = [
        {
            "type": "shape",
            "id": f"s{i}",
            "layer": "l1",
            "kind": "rectangle",
            "box": {
                "x": (i % COLS) * DX + 20,
                "y": (i // COLS) * DY + 20,
                "w": 100,
                "h": 60,
            },
            "text": f"Shape {i}",
        }
        for i in range(n)
    ]
    for i in range(n):
        j = i + 1 if (i + 1) % COLS else i + COLS
        if j < n:
            els.append(
                {
                    "type": "connector",
                    "id": f"c{i}",
                    "layer": "l1",
                    "source": {"shape": f"s{i}"},
                    "target": {"shape": f"s{j}"},
                }
            )
    page = {
        "id": "p1",
        "name": "Tall",
        "width": COLS * DX + 40,
        "height": ROWS * DY + 40,
        "layers": [{"id": "l1", "name": "Layer 1"}],
        "elements": els,
    }
    return {"format": "linework", "version": 1, "pages": [page], "meta": {}}


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


def test_a_shape_painted_after_the_first_paint_can_be_dragged(
    app: App, tmp_path: Path
) -> None:
    path = tmp_path / "tall.linework"
    diagram = _diagram()
    path.write_text(json.dumps(diagram))
    total = len(diagram["pages"][0]["elements"])
    app.page.evaluate(WATCH_FIRST_PAINT)
    app.open_file(path)
    first = app.page.wait_for_function("() => window.__firstPaint").json_value()
    # The opening view came first: the top and bottom rows were left for later.
    assert 0 < len(first) < total
    assert TARGET not in first and "s1010" in first
    assert f"{total} elements" in app.page.locator("[data-role=status]").inner_text()

    # Scroll up to the target (the wheel pans) and drag it right away.
    box = by_id(app)[TARGET]["box"]
    for _ in range(40):
        x, y = screen(app, box["x"] + 50, box["y"] + 30)
        if y > 200:
            break
        app.page.mouse.move(700, 450)
        app.page.mouse.wheel(0, -400)
        settle(app)
    # Zoom in on it (Ctrl+wheel zooms at the pointer), then drag it.
    for _ in range(10):
        x, y = screen(app, box["x"] + 50, box["y"] + 30)
        if app.view()["scale"] >= 0.5:
            break
        app.page.mouse.move(x, y)
        app.page.keyboard.down("Control")
        app.page.mouse.wheel(0, -300)
        app.page.keyboard.up("Control")
        settle(app)
    x, y = screen(app, box["x"] + 50, box["y"] + 30)
    scale = app.view()["scale"]
    drag(app, (x, y), (x + 60, y + 40))
    moved = by_id(app)[TARGET]["box"]
    assert moved["x"] == pytest.approx(box["x"] + 60 / scale, abs=20)
    assert moved["y"] == pytest.approx(box["y"] + 40 / scale, abs=20)
    assert ui(app)["selection"] == [TARGET]

    # Painted where it was dropped: its node sits at the new place on screen.
    shown = app.page.locator(f'#canvas g[data-id="{TARGET}"]').bounding_box()
    assert shown is not None
    nx, ny = screen(app, moved["x"], moved["y"])
    assert shown["x"] == pytest.approx(nx, abs=3)
    assert shown["y"] == pytest.approx(ny, abs=3)

    # Once the idle slices are done, every element is there, in paint order.
    app.page.wait_for_function(
        "() => linework.editor.ui().pending === 0", timeout=60_000
    )
    assert dom_ids(app) == [e["id"] for e in elements(app)]

    # One undo step takes the drag back.
    app.page.keyboard.press("Control+z")
    settle(app)
    assert by_id(app)[TARGET]["box"] == box
