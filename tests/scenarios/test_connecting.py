"""Scenarios: connecting (#12) — fan-out from one port, ports on small shapes,
type to edit.

A selected connector's end handle steps back along its path, off the port its
end sits on, so a second drag from that port draws a second connector (A→B,
A→C) instead of re-attaching the first; the handle beside it still drags the
end. Shapes from 12 px on screen offer ports whose pick areas shrink inside
the shape, so its middle still moves it.
"""

from __future__ import annotations

from linework.editor.overlay import END_HANDLE_PX
from linework.model import Attached, Connector
from scenarios.driver import TestEditor


def _connectors(t: TestEditor) -> list[Connector]:
    return [r for r in t.doc.records.values() if isinstance(r, Connector)]


def _ends(t: TestEditor) -> set[tuple[str, str]]:
    out = set()
    for c in _connectors(t):
        assert isinstance(c.source, Attached) and isinstance(c.target, Attached)
        out.add((c.source.shape, c.target.shape))
    return out


def _three() -> TestEditor:
    t = TestEditor()
    t.drop_shape("rectangle", 200, 200)  # shape:1, 140..260 x 170..230
    t.drop_shape("rectangle", 500, 100)  # shape:2
    t.drop_shape("rectangle", 500, 320)  # shape:3
    t.key_down("Escape")
    return t


def test_fan_out_from_one_port_draws_a_second_connector() -> None:
    """A→B, then at once from the same port to C: A→B and A→C, two undo steps."""
    t = _three()
    t.drag((260, 200), (500, 100))
    assert {("shape:1", "shape:2")} == _ends(t)
    first = _connectors(t)[0].id
    assert [first] == t.selection  # the new connector is selected

    t.drag((260, 200), (500, 320))

    assert {("shape:1", "shape:2"), ("shape:1", "shape:3")} == _ends(t)
    assert all(c.source.port == "e" for c in _connectors(t))  # type: ignore[union-attr]
    t.key_down("z", ctrl=True)
    assert {("shape:1", "shape:2")} == _ends(t)
    t.key_down("z", ctrl=True)
    assert set() == _ends(t)


def test_the_end_handle_beside_the_port_still_reconnects() -> None:
    """The selected connector's own source handle drags its end to another shape."""
    t = _three()
    t.drag((260, 200), (500, 100))
    assert 'data-handle="source"' in t.overlay
    grip = (260 + END_HANDLE_PX, 200.0)  # the handle, stepped back along the path
    t.drag(grip, (500, 320))
    assert {("shape:3", "shape:2")} == _ends(t)


def test_a_24_px_row_starts_a_connector_from_its_side_and_moves_from_its_middle() -> (
    None
):
    """A 120×24 shape at zoom 0.6 (14 px high): the middle of its right side
    starts a connector, its centre moves it."""
    t = TestEditor()
    t.drop_shape("rectangle", 200, 200)
    t.action("set-box", x=140, y=188, w=120, h=24)
    t.drop_shape("rectangle", 600, 200)
    t.key_down("Escape")
    t.zoom = 0.6
    t.pointer_move(259.5, 200)
    assert 'data-port="e"' in t.overlay
    t.drag((260, 200), (600, 200))
    assert {("shape:1", "shape:2")} == _ends(t)
    t.key_down("Escape")
    t.drag((200, 200), (200, 260))
    assert abs(t.shape("shape:1").box.y - 248.0) <= 10  # moved (grid-snapped)
    assert 1 == len(_connectors(t))


def test_typing_on_a_selected_shape_opens_its_editor_with_that_key() -> None:
    """A printable key edits the label from that character; '?' stays help."""
    t = TestEditor()
    t.drop_shape("rectangle", 200, 200)
    t.key_down("H", shift=True)
    edit = t.ui["edit_text"]
    assert edit is not None and "shape:1" == edit["id"] and "H" == edit["typed"]
    t.action("set-text", id="shape:1", text="Hello")
    assert "Hello" == t.shape("shape:1").text
    t.key_down("z", ctrl=True)
    assert "" == t.shape("shape:1").text


def test_typing_on_a_selected_connector_edits_its_label() -> None:
    t = _three()
    t.drag((260, 200), (500, 100))
    t.key_down("y")
    edit = t.ui["edit_text"]
    assert edit is not None and edit["id"] == t.selection[0] and "y" == edit["typed"]


def test_keys_that_do_not_type_leave_the_selection_alone() -> None:
    """Nothing selected, two selected, Ctrl+letter, '?' and Space: no editor."""
    t = _three()
    t.key_down("a")
    assert t.ui["edit_text"] is None
    t.action("select", ids=["shape:1", "shape:2"])
    t.key_down("a")
    assert t.ui["edit_text"] is None
    t.action("select", ids=["shape:1"])
    for key, ctrl in ((" ", False), ("?", False), ("d", True)):
        t.key_down(key, ctrl=ctrl)
        assert t.ui["edit_text"] is None, key
