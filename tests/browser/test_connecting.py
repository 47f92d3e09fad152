"""Connecting and type to edit (#12), by real mouse and keyboard.

A fan-out from one port draws a second connector; a 120×24 row at fit zoom
starts a connector from the middle of its right side; a hover arrow clicked
clones the shape that way and connects it; typing on a selected shape edits
its label. Every gesture is one undo step.
"""

from __future__ import annotations

from typing import Any

import editor_helpers
import pytest
from editor_helpers import (
    PRIMARY,
    action,
    add,
    by_id,
    centre_of,
    clean_test,
    drag,
    elements,
    screen,
    settle,
    ui,
)
from lw_helpers import App

editor_app = editor_helpers.editor_app  # the module's app (fixture)


@pytest.fixture(autouse=True)
def _fresh(editor_app: App) -> Any:
    """Each test starts from an empty document and must log no error."""
    with clean_test(editor_app):
        yield


def _links(app: App) -> set[tuple[str, str]]:
    """Return (source shape, target shape) of every connector on the page."""
    return {
        (e["source"].get("shape"), e["target"].get("shape"))
        for e in elements(app)
        if e["type"] == "connector"
    }


def _undo(app: App) -> None:
    app.page.keyboard.press(f"{PRIMARY}+z")
    settle(app)


def test_fan_out_from_one_port_gives_a_to_b_and_a_to_c(editor_app: App) -> None:
    """Draw A→B, then at once drag from the same port of A to C: A→B and A→C."""
    app = editor_app
    a = add(app, "rectangle", 200, 250)
    b = add(app, "rectangle", 500, 120)
    c = add(app, "rectangle", 500, 380)
    action(app, "select-none")

    app.page.mouse.move(*screen(app, 200, 250))
    settle(app)
    port = f"[data-role=overlay] circle[data-port=e][data-shape='{a}']"
    app.page.wait_for_selector(port, state="attached")
    at = centre_of(app, port)
    drag(app, at, screen(app, 500, 120), steps=10)
    assert {(a, b)} == _links(app)
    assert 1 == len(ui(app)["selection"])  # the new connector, selected

    drag(app, at, screen(app, 500, 380), steps=10)

    assert {(a, b), (a, c)} == _links(app)
    _undo(app)
    assert {(a, b)} == _links(app)
    _undo(app)
    assert set() == _links(app)


def test_a_120_by_24_row_at_fit_zoom_connects_from_its_right_side(
    editor_app: App,
) -> None:
    """At fit zoom a 120×24 shape is under 28 px high; from the middle of its
    right side a drag draws a connector; from its middle it moves."""
    app = editor_app
    row = add(app, "rectangle", 200, 200)
    action(app, "set-box", x=140, y=188, w=120, h=24)
    target = add(app, "rectangle", 700, 200)
    add(app, "rectangle", 1500, 900)  # spreads the page: fit zooms out
    action(app, "select-none")
    app.page.click("[data-action=zoom-fit]")
    settle(app)
    scale = app.view()["scale"]
    assert 12 <= 24 * scale < 28, scale

    drag(app, screen(app, 260, 200), screen(app, 700, 200), steps=10)

    links = [e for e in elements(app) if e["type"] == "connector"]
    assert 1 == len(links)
    assert {"shape": row, "port": "e"} == links[0]["source"]
    assert target == links[0]["target"]["shape"]
    _undo(app)
    assert set() == _links(app)
    action(app, "select-none")
    drag(app, screen(app, 200, 200), screen(app, 200, 300), steps=6)
    assert by_id(app)[row]["box"]["y"] == pytest.approx(288, abs=12)
    assert set() == _links(app)


def test_typing_on_a_selected_shape_edits_its_label(editor_app: App) -> None:
    """Select a shape and type: its label becomes what was typed; one undo."""
    app = editor_app
    s = add(app, "rectangle", 300, 250, text="Old")
    action(app, "select-none")
    app.page.mouse.click(*screen(app, 300, 250))
    settle(app)
    assert [s] == ui(app)["selection"]

    app.page.keyboard.type("New text")
    app.page.wait_for_selector("[data-role=text-editor]:not([hidden])")
    app.page.keyboard.press(f"{PRIMARY}+Enter")
    settle(app)

    assert "New text" == by_id(app)[s]["text"]
    _undo(app)
    assert "Old" == by_id(app)[s]["text"]


def _hovered_shape(app: App, which: str = "") -> tuple[str, str]:
    """Add a labelled rectangle and hover it until its arrows show; return its
    id and the selector of its hover arrows (``which``: e.g. one direction)."""
    a = add(app, "rectangle", 300, 250, text="Step")
    action(app, "select-none")
    app.page.mouse.move(*screen(app, 300, 250))
    settle(app)
    arrow = f"[data-role=overlay] [data-role=hover-arrow]{which}[data-shape='{a}']"
    app.page.wait_for_selector(arrow, state="attached")
    return a, arrow


def test_hover_arrow_click_clones_and_connects(editor_app: App) -> None:
    """Hover a shape, click its east arrow: a clone to the east, connected,
    selected; one undo takes back both."""
    app = editor_app
    a, arrow = _hovered_shape(app, "[data-dir=e]")
    at = centre_of(app, arrow)
    app.page.mouse.move(*at, steps=8)  # across the gap: the arrows stay
    settle(app)
    app.page.mouse.click(*at)
    settle(app)

    shapes = {e["id"]: e for e in elements(app) if e["type"] == "shape"}
    assert 2 == len(shapes)
    clone = next(s for rid, s in shapes.items() if rid != a)
    assert clone["box"]["y"] == pytest.approx(shapes[a]["box"]["y"])
    assert clone["box"]["x"] > shapes[a]["box"]["x"] + shapes[a]["box"]["w"]
    assert "Step" == clone["text"]
    assert {(a, clone["id"])} == _links(app)
    assert [clone["id"]] == ui(app)["selection"]
    _undo(app)
    assert [a] == [e["id"] for e in elements(app)]


def test_line_tool_draws_a_connector_from_the_canvas_to_a_shape(
    editor_app: App,
) -> None:
    """The toolbar's line button, then a drag from empty canvas onto a shape:
    a connector with a free start, attached at its end; one undo."""
    app = editor_app
    b = add(app, "rectangle", 500, 250)
    action(app, "select-none")
    app.page.click("[data-action=line-tool]")
    settle(app)
    drag(app, screen(app, 150, 250), screen(app, 500, 250), steps=10)

    links = [e for e in elements(app) if e["type"] == "connector"]
    assert 1 == len(links)
    assert "shape" not in links[0]["source"]
    assert b == links[0]["target"]["shape"]
    assert [links[0]["id"]] == ui(app)["selection"]
    _undo(app)
    assert [] == [e for e in elements(app) if e["type"] == "connector"]


def test_hover_handles_go_when_the_pointer_leaves_the_canvas(
    editor_app: App,
) -> None:
    """Hover a shape: its arrows show; move the pointer onto the side panel:
    they go (they stayed until the next move on the canvas)."""
    app = editor_app
    a, arrow = _hovered_shape(app)
    panel = app.page.locator("[data-role=outline]").bounding_box()
    assert panel is not None
    app.page.mouse.move(panel["x"] + 20, panel["y"] + 10, steps=4)
    settle(app)
    app.page.wait_for_selector(arrow, state="detached")
    assert ui(app)["hover"] is None
    assert [a] == [e["id"] for e in elements(app)]
