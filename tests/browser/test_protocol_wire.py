"""Protocol v2 in the browser: small replies while dragging, the whole ui for the page.

The core sends ``ui`` as what changed since its last reply; web/rpc.js merges
it, so the page's code and scripts (``linework.send``) always see the whole
state, whoever sent the message that changed it.
"""

from __future__ import annotations

import statistics
from typing import Any

import editor_helpers
import pytest
from editor_helpers import add, clean_test, dom_ids, screen, settle, ui
from lw_helpers import App

from linework.editor.protocol import UI_FIELDS

editor_app = editor_helpers.editor_app  # the module's app (fixture)


@pytest.fixture(autouse=True)
def _fresh(editor_app: App) -> Any:
    """Each test starts from an empty document and must log no error."""
    with clean_test(editor_app):
        yield


def test_a_drag_move_reply_is_small_and_the_ui_stays_whole(editor_app: App) -> None:
    app = editor_app
    sid = add(app, "rectangle", 300, 200)
    mouse = app.page.mouse
    mouse.move(*screen(app, 300, 200))
    mouse.down()
    settle(app)
    app.page.evaluate("() => linework.editor.trace(true)")
    for i in range(1, 13):
        mouse.move(*screen(app, 300 + 4 * i, 200 + 2 * i))
        settle(app)
    trace = app.page.evaluate("() => linework.editor.trace(false)")
    mouse.up()
    settle(app)

    moves = [e for e in trace if e["type"] == "pointermove"]
    assert len(moves) >= 6
    # Protocol v1 resent the whole ui (about 2 KB) with every move.
    assert statistics.median(e["bytes"] for e in moves) < 1500
    state = ui(app)
    assert set(UI_FIELDS) <= set(state)
    assert [sid] == state["selection"] and state["state"] == "idle"
    assert state["props"]["box"]["x"] > 300 - 50


def test_a_scripts_change_reaches_the_page(editor_app: App) -> None:
    """A change answered to a script is not lost for the page's own ui."""
    app = editor_app
    sid = add(app, "ellipse", 200, 200)
    assert "1" == app.page.get_attribute("body", "data-selection")
    reply = app.send(
        {"type": "editor", "event": {"type": "action", "name": "select-none"}}
    )
    assert reply["ok"] and [] == reply["ui"]["selection"]
    assert set(UI_FIELDS) <= set(reply["ui"])
    # The page's next own reply carries no selection change (the script got
    # it), yet the page's state has it.
    state = ui(app)
    assert [] == state["selection"]
    app.page.evaluate("() => linework.editor.action('select', {ids: []})")
    settle(app)
    assert "0" == app.page.get_attribute("body", "data-selection")
    assert sid in dom_ids(app)
