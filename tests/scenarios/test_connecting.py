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


def _shapes(t: TestEditor) -> list[str]:
    from linework.model import Shape

    return sorted(r.id for r in t.doc.records.values() if isinstance(r, Shape))


def test_hover_arrows_show_round_a_hovered_shape() -> None:
    t = TestEditor()
    t.drop_shape("rectangle", 200, 200)  # 140..260 x 170..230
    t.key_down("Escape")
    t.pointer_move(200, 200)
    assert 4 == t.overlay.count('data-role="hover-arrow"')
    # Crossing the gap to the east arrow keeps them.
    for x in (265, 275, 285, 292):
        t.pointer_move(x, 200)
        assert 4 == t.overlay.count('data-role="hover-arrow"'), x
    t.pointer_move(200, 400)
    assert "hover-arrow" not in t.overlay


def test_hover_arrow_click_clones_east_and_connects_in_one_step() -> None:
    t = TestEditor()
    t.drop_shape("rectangle", 200, 200)
    t.action("set-text", id="shape:1", text="Step")
    t.key_down("Escape")
    t.pointer_move(200, 200)
    t.pointer_move(280, 200)
    t.click(292, 200)

    assert ["shape:1", "shape:2"] == _shapes(t)
    clone = t.shape("shape:2")
    one = t.shape("shape:1")
    assert clone.box.y == one.box.y and clone.box.x > one.box.right + 20
    assert (clone.box.w, clone.box.h, clone.kind) == (one.box.w, one.box.h, one.kind)
    assert {("shape:1", "shape:2")} == _ends(t)
    conn = _connectors(t)[0]
    assert conn.source.port == "e" and conn.target.port == "w"  # type: ignore[union-attr]
    assert ["shape:2"] == t.selection
    t.key_down("z", ctrl=True)
    assert ["shape:1"] == _shapes(t) and [] == _connectors(t)


def test_a_clone_steps_past_a_shape_already_there() -> None:
    t = TestEditor()
    t.drop_shape("rectangle", 200, 200)  # 140..260
    t.drop_shape("rectangle", 380, 200)  # where the first clone would go
    t.key_down("Escape")
    t.pointer_move(200, 200)
    t.pointer_move(280, 200)
    t.click(292, 200)
    clone = t.shape("shape:3")
    assert clone.box.x >= 440 + 60


def test_dragging_a_hover_arrow_connects_without_cloning() -> None:
    t = TestEditor()
    t.drop_shape("rectangle", 200, 200)
    t.drop_shape("rectangle", 200, 450)
    t.key_down("Escape")
    t.pointer_move(200, 200)
    t.pointer_move(200, 240)
    t.drag((200, 262), (200, 450))
    assert ["shape:1", "shape:2"] == _shapes(t)
    assert {("shape:1", "shape:2")} == _ends(t)
    assert "s" == _connectors(t)[0].source.port  # type: ignore[union-attr]


def test_alt_shift_arrow_clones_and_connects_the_selected_shape() -> None:
    t = TestEditor()
    t.drop_shape("rectangle", 200, 200)
    t.key_down("ArrowDown", alt=True, shift=True)
    assert 2 == len(_shapes(t))
    clone = t.shape("shape:2")
    assert clone.box.x == t.shape("shape:1").box.x
    assert clone.box.y > t.shape("shape:1").box.bottom
    assert {("shape:1", "shape:2")} == _ends(t)
    assert ["shape:2"] == t.selection


def test_the_line_tool_draws_free_and_attached_connectors() -> None:
    """The toolbar's line tool: canvas to canvas (free ends), then shape to
    canvas (attached at the start); each is one undo step."""
    from linework.geometry import Vec
    from linework.model import Free

    t = TestEditor()
    t.drop_shape("rectangle", 200, 200)
    t.key_down("Escape")
    t.action("line-tool")
    assert "line" == t.ui["state"]
    t.drag((400, 100), (600, 150))
    (c,) = _connectors(t)
    assert c.source == Free(point=Vec(400, 100))
    assert c.target == Free(point=Vec(600, 150))
    assert [c.id] == t.selection and "idle" == t.ui["state"]

    t.action("line-tool")
    t.drag((200, 200), (200, 500))
    links = [x for x in _connectors(t) if x.id != c.id]
    assert 1 == len(links)
    assert links[0].source == Attached(shape="shape:1")
    t.key_down("z", ctrl=True)
    assert [c.id] == [x.id for x in _connectors(t)]
    t.action("line-tool")
    t.key_down("Escape")
    assert "idle" == t.ui["state"]
