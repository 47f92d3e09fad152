"""Arrowhead sizes in the properties panel, by real mouse and keyboard (#12).

A click on a connector shows Start size / End size; typing a number makes
that head that long on the canvas (one undo step), and clearing the field
returns it to the automatic size ("auto").
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
    clean_test,
    elements,
    screen,
    settle,
    ui,
)
from lw_helpers import App

editor_app = editor_helpers.editor_app  # the module's app (fixture)

PANEL = "[data-role=properties]"


@pytest.fixture(autouse=True)
def _fresh(editor_app: App) -> Any:
    """Each test starts from an empty document and must log no error."""
    editor_app.page.keyboard.press("Escape")
    with clean_test(editor_app):
        yield


def _head_height(app: App, cid: str) -> float:
    """Return the drawn connector's height: a horizontal line's is its heads'."""
    settle(app)
    return app.page.evaluate(  # type: ignore[no-any-return]
        "id => document.querySelector(`#canvas [data-id='${id}']`).getBBox().height",
        cid,
    )


def _clicked_connector(app: App) -> str:
    """Connect two rectangles, click the line with the mouse; return its id."""
    a = add(app, "rectangle", 200, 300)
    b = add(app, "rectangle", 600, 300)
    action(
        app,
        "connect",
        source={"shape": a, "port": "e"},
        target={"shape": b, "port": "w"},
    )
    cid: str = next(e["id"] for e in elements(app) if e["type"] == "connector")
    action(app, "select-none")
    app.page.mouse.click(*screen(app, 400, 300))  # on the line
    settle(app)
    assert [cid] == ui(app)["selection"]
    return cid


def _type_into(app: App, prop: str, text: str) -> None:
    """Click a panel field, replace its text by keyboard and commit with Tab."""
    field = app.page.locator(f"{PANEL} input[data-prop={prop}]")
    field.click()
    app.page.keyboard.press(f"{PRIMARY}+a")
    app.page.keyboard.press("Backspace")
    if text:
        app.page.keyboard.type(text)
    app.page.keyboard.press("Tab")
    settle(app)


def test_end_size_typed_in_the_panel_resizes_the_head_and_clears_to_auto(
    editor_app: App,
) -> None:
    app = editor_app
    cid = _clicked_connector(app)

    panel = app.page.locator(PANEL)
    start, end = (
        panel.locator(f"input[data-prop={p}]")
        for p in ("start_arrow_size", "end_arrow_size")
    )
    assert start.is_visible() and end.is_visible()
    assert ("", "auto") == (end.input_value(), end.get_attribute("placeholder"))
    auto = _head_height(app, cid)

    _type_into(app, "end_arrow_size", "30")
    assert 30 == by_id(app)[cid]["style"]["end_arrow_size"]
    assert "start_arrow_size" not in by_id(app)[cid]["style"]
    big = _head_height(app, cid)
    assert big > auto * 1.8  # the classic head is about as wide as it is long
    assert "30" == end.input_value()

    _type_into(app, "end_arrow_size", "")
    assert "end_arrow_size" not in by_id(app)[cid].get("style", {})
    assert _head_height(app, cid) == pytest.approx(auto, abs=0.5)
    assert ("", "auto") == (end.input_value(), end.get_attribute("placeholder"))

    # Each commit was one step: undo brings back 30, then automatic again.
    # Focus back on the canvas (a click on empty page), then Ctrl+Z.
    app.page.mouse.click(*screen(app, 400, 600))
    settle(app)
    app.page.keyboard.press(f"{PRIMARY}+z")
    settle(app)
    assert 30 == by_id(app)[cid]["style"]["end_arrow_size"]
    app.page.keyboard.press(f"{PRIMARY}+z")
    settle(app)
    assert "end_arrow_size" not in by_id(app)[cid].get("style", {})


def test_arrow_keys_step_the_start_size(editor_app: App) -> None:
    app = editor_app
    cid = _clicked_connector(app)
    action(app, "set-arrowheads", start="diamond")
    _type_into(app, "start_arrow_size", "12")
    app.page.locator(f"{PANEL} input[data-prop=start_arrow_size]").click()
    app.page.keyboard.press("Shift+ArrowUp")
    settle(app)
    assert 20 == by_id(app)[cid]["style"]["start_arrow_size"]
