"""Containers and swimlanes in the browser, with the real mouse.

Must-show 1: a draw.io swimlane opened from a file takes a shape dropped into
it from the palette; dragging the lane by its header moves every member, old
and new; a member dragged out leaves and stays where it was put when the lane
moves again. A container is highlighted while a shape is dragged over it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import editor_helpers
import pytest
from editor_helpers import by_id, clean_test, drag, screen, settle, ui
from lw_helpers import App

editor_app = editor_helpers.editor_app  # the module's app (fixture)

ROOT = Path(__file__).resolve().parents[2]
SWIMLANES = ROOT.parent / "shared" / "corpus" / "drawio" / "tpl_business_swimlane.xml"
LANE = "shape:193"  # "Sales Manager": x 504.5..664.5, y 88.5..738.5, header 40
OLD_MEMBERS = ("shape:194", "shape:195")


@pytest.fixture(autouse=True)
def _fresh(editor_app: App) -> Any:
    with clean_test(editor_app):
        yield


def box(el: dict[str, Any]) -> tuple[float, float]:
    return (el["box"]["x"], el["box"]["y"])


def drop_from_palette(app: App, kind: str, x: float, y: float) -> None:
    """Drag a palette entry with the mouse and drop it at page point (x, y)."""
    entry = app.page.locator(f"[data-shape={kind}]").first
    b = entry.bounding_box()
    assert b is not None
    mouse = app.page.mouse
    mouse.move(b["x"] + b["width"] / 2, b["y"] + b["height"] / 2)
    mouse.down()
    mouse.move(*screen(app, x, y), steps=10)
    mouse.up()
    settle(app)


@pytest.mark.skipif(not SWIMLANES.is_file(), reason="../shared/corpus is not present")
def test_drawio_swimlane_carries_old_and_new_members_and_lets_one_go(
    editor_app: App,
) -> None:
    app = editor_app
    app.open_file(SWIMLANES)
    settle(app)
    before = by_id(app)
    assert "swimlane" == before[LANE]["kind"]
    assert all(before[m]["container"] == LANE for m in OLD_MEMBERS)

    # Drop a new shape into the lane, between its two members.
    drop_from_palette(app, "rectangle", 584, 350)
    (new,) = ui(app)["selection"]
    assert LANE == by_id(app)[new].get("container")

    # Drag the lane by its header band: everything in it comes along.
    start = by_id(app)
    drag(app, screen(app, 560, 105), screen(app, 590, 185))
    after = by_id(app)
    dx, dy = after[LANE]["box"]["x"] - 504.5, after[LANE]["box"]["y"] - 88.5
    assert dx > 0 and dy > 0
    for rid in (*OLD_MEMBERS, new):
        assert box(after[rid]) == pytest.approx(
            (start[rid]["box"]["x"] + dx, start[rid]["box"]["y"] + dy)
        ), rid
    assert after["shape:188"]["box"] == start["shape:188"]["box"]  # another lane's

    # Drag the new shape out of the lane, below every lane: it leaves...
    here = after[new]["box"]
    cx, cy = here["x"] + here["w"] / 2, here["y"] + here["h"] / 2
    drag(app, screen(app, cx, cy), screen(app, 250, 800))
    out = by_id(app)
    assert "container" not in out[new]
    # ...and stays put when the lane moves again.
    lane = out[LANE]["box"]
    drag(
        app,
        screen(app, lane["x"] + 50, lane["y"] + 20),
        screen(app, lane["x"] + 20, lane["y"] + 5),
    )
    final = by_id(app)
    assert final[new]["box"] == out[new]["box"]
    assert final[LANE]["box"] != out[LANE]["box"]
    assert box(final[OLD_MEMBERS[0]]) != box(out[OLD_MEMBERS[0]])


def test_container_highlights_while_dragging_and_one_undo_per_gesture(
    editor_app: App,
) -> None:
    app = editor_app
    drop_from_palette(app, "container", 400, 300)  # 240..560 × 190..410
    # Dragged from the palette, the shape highlights the container it would join.
    entry = app.page.locator("[data-shape=rectangle]").first.bounding_box()
    assert entry is not None
    mouse = app.page.mouse
    mouse.move(entry["x"] + entry["width"] / 2, entry["y"] + entry["height"] / 2)
    mouse.down()
    mouse.move(*screen(app, 400, 320), steps=10)
    app.page.wait_for_selector("[data-role=drop-target]", state="attached")
    mouse.up()
    settle(app)
    (rect,) = ui(app)["selection"]
    assert 0 == app.page.locator("[data-role=drop-target]").count()
    assert by_id(app)[rect].get("container")
    drop_from_palette(app, "ellipse", 800, 300)
    (ellipse,) = ui(app)["selection"]
    mouse.move(*screen(app, 800, 300))
    mouse.down()
    mouse.move(*screen(app, 420, 320), steps=10)
    settle(app)
    target = app.page.locator("[data-role=drop-target]")
    assert 1 == target.count()
    highlighted = target.first.get_attribute("data-id")
    mouse.up()
    settle(app)
    assert 0 == app.page.locator("[data-role=drop-target]").count()
    frame = next(e for e in by_id(app).values() if e.get("kind") == "container")
    assert frame["id"] == highlighted == by_id(app)[ellipse].get("container")

    # One undo takes back the whole drop (the move and the joining).
    app.page.keyboard.press("Control+z")
    settle(app)
    back = by_id(app)[ellipse]
    assert "container" not in back
    assert (back["box"]["x"], back["box"]["y"]) == (800 - 60, 300 - 40)
