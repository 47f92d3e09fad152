"""Scenarios: drawing, connecting, moving, text, and undo of all of it."""

from __future__ import annotations

import base64
import json
from typing import Any

from linework.bridge import Api
from linework.formats import native
from linework.geometry import Box
from linework.model import Attached, Free
from scenarios.driver import TestEditor


def two_shapes() -> TestEditor:
    """Two shapes side by side: a rectangle at (140..260, 170..230), an ellipse right."""
    t = TestEditor()
    t.drop_shape("rectangle", 200, 200).drop_shape("ellipse", 500, 200)
    t.click(100, 600)  # deselect, so the rectangle's handles do not cover its ports
    return t


def test_drop_shape_adds_the_kind_centred_and_selects_it() -> None:
    """A palette drop adds a shape of the kind's default size centred on the point."""
    t = TestEditor()

    t.drop_shape("rectangle", 200, 200)

    assert ["shape:1"] == t.selection
    assert Box(140, 170, 120, 60) == t.shape("shape:1").box
    assert t.ui["can_undo"] and t.ui["dirty"]


def test_drag_from_a_port_connects_two_shapes() -> None:
    """Dragging from a hovered shape's port to another shape's port attaches both ends."""
    t = two_shapes()

    t.pointer_move(260, 200)
    assert 'data-port="e"' in t.overlay and t.ui["cursor"] == "crosshair"
    t.drag((260, 200), (440, 200))

    conn = t.connector(t.selection[0])
    assert Attached(shape="shape:1", port="e") == conn.source
    assert Attached(shape="shape:2", port="w") == conn.target
    assert 'data-handle="source"' in t.overlay


def test_connector_released_on_empty_canvas_stays_free() -> None:
    """A connector dropped where there is no shape keeps a free end there."""
    t = two_shapes()

    t.drag((260, 200), (300, 420))

    conn = t.connector(t.selection[0])
    assert isinstance(conn.target, Free)


def test_moving_a_shape_reroutes_its_connector() -> None:
    """Moving a connected shape changes the connector's route and its SVG."""
    t = two_shapes()
    t.drag((260, 200), (440, 200))
    conn = t.selection[0]
    before_points, before_svg = t.route_points(conn), t.svg_of(conn)

    t.drag((200, 210), (200, 410))

    assert 200 == t.shape("shape:1").box.y - 170
    assert before_points != t.route_points(conn)
    assert before_svg != t.svg_of(conn)
    assert t.route_points(conn)[0].y > 300


def test_single_shape_drag_ops_touch_only_it_and_its_connectors() -> None:
    """Each pointer move of a one-shape drag upserts that shape and its connectors only."""
    t = two_shapes()
    t.drop_shape("diamond", 200, 500).drop_shape("star", 500, 500)
    t.click(100, 700)
    t.drag((260, 200), (440, 200))
    conn = t.selection[0]
    t.click(100, 700)
    steps = len(t.editor.history)

    t.pointer_move(200, 200).pointer_down(200, 200)
    for y in range(205, 300, 7):
        t.pointer_move(200, y)
        touched = {op["id"] for op in t.ops}
        assert touched <= {"shape:1", conn}
        assert all(op["op"] == "upsert" for op in t.ops)
    assert {"shape:1", conn} == touched
    t.pointer_up(200, 299)

    assert steps + 1 == len(t.editor.history)


def test_label_with_markup_is_escaped_text() -> None:
    """A label holding <script> is stored verbatim and rendered as escaped text."""
    t = two_shapes()
    t.double_click(200, 200)
    assert "shape:1" == t.ui["edit_text"]["id"]

    t.action("set-text", id="shape:1", text='<script>alert("x")</script> & co')

    assert '<script>alert("x")</script> & co' == t.shape("shape:1").text
    svg = t.svg_of("shape:1")
    assert "<script" not in svg
    assert "&lt;script&gt;" in svg
    assert t.ui["edit_text"] is None


def test_double_click_empty_canvas_adds_a_text_kept_only_with_words() -> None:
    """A double-click on empty canvas adds a text; committing it empty leaves nothing."""
    t = TestEditor()
    empty = t.encoded()

    t.double_click(300, 300)
    rid = t.ui["edit_text"]["id"]
    assert t.ui["edit_text"]["created"]
    t.action("set-text", id=rid, text="")

    assert empty == t.encoded()
    assert not t.ui["can_undo"]

    t.double_click(300, 300)
    rid = t.ui["edit_text"]["id"]
    t.action("set-text", id=rid, text="Hello")
    assert "Hello" == t.shape(rid).text
    assert 1 == len(t.editor.history)


def test_connector_label_is_edited_in_place() -> None:
    """Double-clicking a connector edits its first label."""
    t = two_shapes()
    t.drag((260, 200), (440, 200))
    conn = t.selection[0]
    mid = t.route_points(conn)
    p = ((mid[0].x + mid[-1].x) / 2, (mid[0].y + mid[-1].y) / 2)

    t.double_click(*p)
    assert conn == t.ui["edit_text"]["id"]
    t.action("set-text", id=conn, text="yes")

    assert "yes" == t.connector(conn).labels[0].text


def test_undo_everything_then_redo_gives_an_identical_document() -> None:
    """Undo back to the empty page, then redo to byte-identical .linework."""
    t = TestEditor()
    empty = t.encoded()
    t.drop_shape("rectangle", 200, 200).drop_shape("ellipse", 500, 200)
    t.click(100, 600)
    t.drag((260, 200), (440, 200))
    t.drag((200, 210), (200, 410))
    t.double_click(200, 400)
    t.action("set-text", id="shape:1", text="<b>hi</b>")
    t.action("select", ids=["shape:1", "shape:2"])
    t.key_down("g", ctrl=True)
    t.action("set-style", fields={"fill": "#ff8800"})
    final = t.encoded()
    steps = len(t.editor.history)

    for _ in range(steps):
        t.key_down("z", ctrl=True)
    assert empty == t.encoded()
    assert not t.ui["can_undo"] and not t.ui["dirty"]
    for _ in range(steps):
        t.key_down("z", ctrl=True, shift=True)

    assert final == t.encoded()
    assert not t.ui["can_redo"]


def test_escape_cancels_a_drag_leaving_no_step_and_keeping_redo() -> None:
    """Escape mid-drag puts the shape back; no undo step; redo still available."""
    t = two_shapes()
    t.action("nudge", dx=0, dy=0)
    t.action("select", ids=["shape:2"]).action("nudge", dx=5, dy=0)
    t.key_down("z", ctrl=True)
    assert t.ui["can_redo"]
    before, steps = t.encoded(), len(t.editor.history)

    t.drag((200, 200), (300, 300), release=False)
    assert before != t.encoded()
    t.key_down("Escape")
    t.pointer_up(300, 300)

    assert before == t.encoded()
    assert steps == len(t.editor.history)
    assert t.ui["can_redo"]


def test_selection_changes_do_not_clear_redo() -> None:
    """Clicking, rubber-banding and select-all keep the redo stack."""
    t = two_shapes()
    t.key_down("z", ctrl=True)
    assert t.ui["can_redo"]

    t.click(200, 200).click(100, 600).key_down("a", ctrl=True)
    t.drag((50, 50), (700, 700))

    assert t.ui["can_redo"]


def test_saved_state_is_clean_again_after_undo() -> None:
    """After a save, a change makes the document dirty and undoing it cleans it."""
    t = two_shapes()
    t.action("saved")
    assert not t.ui["dirty"]

    t.action("select", ids=["shape:1"]).key_down("ArrowRight")
    assert t.ui["dirty"]
    t.key_down("z", ctrl=True)

    assert not t.ui["dirty"]


def _bridge_call(api: Api, **message: Any) -> dict[str, Any]:
    return api.dispatch(json.dumps(message))


def test_load_and_new_reset_the_canvas() -> None:
    """Opening .linework bytes replaces the document with a clean history."""
    t = two_shapes()
    data = base64.b64encode(native.encode(t.doc)).decode()
    api = Api()
    reply = _bridge_call(api, type="file-new")
    assert "reset" == reply["ops"][0]["op"] and [] == reply["ops"][0]["elements"]

    reply = _bridge_call(api, type="file-open", name="two.linework", data=data)

    assert 2 == len(reply["ops"][0]["elements"])
    assert not reply["ui"]["dirty"] and not reply["ui"]["can_undo"]


def test_a_bad_load_changes_nothing() -> None:
    """A file whose data cannot be read reports the error and keeps the diagram."""
    t = two_shapes()
    api = Api()
    good = base64.b64encode(native.encode(t.doc)).decode()
    _bridge_call(api, type="file-open", name="two.linework", data=good)
    before = _bridge_call(api, type="recovery")["data"]
    bad = base64.b64encode(b'{"format": "linework", "version": 1}').decode()

    reply = _bridge_call(api, type="file-open", name="bad.linework", data=bad)

    assert before == _bridge_call(api, type="recovery")["data"]
    assert reply["ok"] is False and reply["code"].startswith("LW-E01")


def test_undo_during_a_drag_only_takes_back_the_drag() -> None:
    """Ctrl+Z mid-drag cancels the drag and leaves earlier steps alone."""
    t = two_shapes()
    steps = len(t.editor.history)
    before = t.encoded()

    t.drag((200, 200), (260, 290), release=False)
    assert "translating" == t.ui["state"]
    t.key_down("z", ctrl=True)
    t.pointer_up(260, 290)

    assert before == t.encoded()
    assert steps == len(t.editor.history)
    assert "idle" == t.ui["state"]
