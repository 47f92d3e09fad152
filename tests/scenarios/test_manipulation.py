"""Scenarios: select, resize, rotate, snap, connectors' ends and waypoints."""

from __future__ import annotations

import math

from linework.geometry import Box, Vec
from linework.model import (
    Attached,
    Connector,
    Document,
    Free,
    IdSource,
    Shape,
    Transaction,
)
from scenarios.driver import TestEditor


def three_shapes() -> TestEditor:
    """Rectangles centred at (200, 200), (500, 260) and (800, 140), none selected."""
    t = TestEditor()
    t.drop_shape("rectangle", 200, 200)
    t.drop_shape("rectangle", 500, 260)
    t.drop_shape("rectangle", 800, 140)
    t.key_down("Escape")
    return t


def test_click_selects_and_shift_click_adds_and_removes() -> None:
    """Click selects one; Shift-click adds another; Shift-click again removes it."""
    t = three_shapes()

    t.click(200, 200)
    assert ["shape:1"] == t.selection
    assert 1 == t.overlay.count('data-role="selection"')
    t.click(500, 260, shift=True)
    assert ["shape:1", "shape:2"] == t.selection
    assert 2 == t.overlay.count('data-role="selection"')
    assert 'data-role="selection-box"' in t.overlay
    t.click(200, 200, shift=True)
    assert ["shape:2"] == t.selection
    t.click(50, 600)
    assert [] == t.selection


def test_rubber_band_selects_what_lies_wholly_inside() -> None:
    """A band around two shapes selects them and not the one it only crosses."""
    t = three_shapes()

    t.drag((100, 100), (600, 320), release=False)
    assert 'data-role="rubber-band"' in t.overlay
    t.pointer_up(600, 320)

    assert ["shape:1", "shape:2"] == sorted(t.selection)
    assert 'data-role="rubber-band"' not in t.overlay


def test_dragging_moves_the_whole_selection_as_one_step() -> None:
    """Dragging one of two selected shapes moves both, as one undo step."""
    t = three_shapes()
    t.action("select", ids=["shape:1", "shape:2"])
    steps = len(t.editor.history)

    t.drag((200, 200), (230, 250))

    assert Box(170, 220, 120, 60) == t.shape("shape:1").box
    assert Box(470, 280, 120, 60) == t.shape("shape:2").box
    assert steps + 1 == len(t.editor.history)


def test_grid_snap_rounds_the_moved_box_to_the_grid() -> None:
    """With snapping on, a drag lands the box's corner on the 10 px grid."""
    t = three_shapes()
    t.action("set-guides", on=False)

    t.drag((200, 200), (233, 247))

    box = t.shape("shape:1").box
    assert (170.0, 220.0) == (box.x, box.y)
    t.action("toggle-snap")
    t.drag((200, 250), (203, 254))
    assert (173.0, 224.0) == (t.shape("shape:1").box.x, t.shape("shape:1").box.y)


def test_smart_guides_align_with_other_shapes_and_show() -> None:
    """Dragging near another shape's edge snaps onto it and draws a guide."""
    t = three_shapes()
    t.action("toggle-snap")  # guides only

    t.drag((200, 200), (200, 263), release=False)  # top 233 near shape 2's top 230
    assert 'data-role="guide"' in t.overlay
    t.pointer_up(200, 263)

    assert 230 == t.shape("shape:1").box.y
    assert 'data-role="guide"' not in t.overlay


def test_resize_handle_and_shift_keeps_the_ratio() -> None:
    """The se handle resizes freely; with Shift it keeps width:height."""
    t = three_shapes()
    t.click(200, 200)
    assert 'data-handle="se"' in t.overlay
    assert 'data-handle="rotate"' in t.overlay

    t.drag((260, 230), (300, 250))  # the se handle sits on the corner
    assert Box(140, 170, 160, 80) == t.shape("shape:1").box

    t.drag((300, 250), (460, 260), shift=True)
    box = t.shape("shape:1").box
    assert math.isclose(box.w / box.h, 2.0)
    assert (140, 170) == (box.x, box.y)


def test_resize_never_goes_below_the_minimum() -> None:
    """Dragging a handle past the opposite side stops at the minimum size."""
    t = three_shapes()
    t.click(200, 200)

    t.drag((260, 230), (0, 0))  # the se handle, on the corner

    assert (10, 10) == (t.shape("shape:1").box.w, t.shape("shape:1").box.h)


def test_rotate_handle_with_shift_snaps_to_15_degrees() -> None:
    """The rotate handle turns the shape; Shift snaps to multiples of 15 degrees."""
    t = three_shapes()
    t.click(200, 200)

    t.drag((200, 142), (262, 160), shift=True)

    rot = t.shape("shape:1").rotation_deg
    assert 0 < rot < 90
    assert 0 == rot % 15
    # The handle turned with the shape; without Shift any angle goes.
    a = math.radians(rot)
    handle = (200 + 58 * math.sin(a), 200 - 58 * math.cos(a))
    t.drag(handle, (handle[0] + 7, handle[1] + 20))
    assert 0 != t.shape("shape:1").rotation_deg % 15
    assert Vec(200, 200) == t.shape("shape:1").box.center


def test_multi_selection_resize_scales_every_shape() -> None:
    """Resizing a two-shape selection scales both boxes within the frame."""
    t = three_shapes()
    t.action("select", ids=["shape:1", "shape:2"])

    t.drag((560, 290), (980, 410))  # the se handle, on the frame corner (560, 290)

    assert Box(140, 170, 240, 120) == t.shape("shape:1").box
    assert Box(740, 290, 240, 120) == t.shape("shape:2").box


def test_drag_connector_end_to_reconnect_and_detach() -> None:
    """Dragging a selected connector's end onto another shape re-attaches it;
    dropping it on empty canvas leaves it free."""
    t = three_shapes()
    t.action(
        "connect", source={"shape": "shape:1", "port": "e"}, target={"shape": "shape:2"}
    )
    conn = t.selection[0]
    # The end's own handle (drawn a step back along the path, off the port).
    end = _handle(t, conn, "target")

    t.drag((end.x, end.y), (800, 140))
    assert "shape:3" == t.connector(conn).target.shape  # type: ignore[union-attr]

    end = _handle(t, conn, "target")
    t.drag((end.x, end.y), (600, 600))
    assert Free(point=Vec(600, 600)) == t.connector(conn).target


def _handle(t: TestEditor, conn: str, name: str) -> Vec:
    """Return where the selected connector's handle ``name`` is drawn."""
    from linework.editor.overlay import handles

    hs = handles(t.doc, [conn], t.zoom, t.editor.hits.routes)
    return next(h.at for h in hs if h.name == name)


def test_waypoints_are_added_moved_and_removed_with_handles() -> None:
    """Dragging a virtual bend adds a waypoint; dragging it moves it; a double-click
    on it removes it."""
    t = TestEditor()
    t.action(
        "connect",
        source={"x": 100, "y": 100},
        target={"x": 300, "y": 100},
        routing="straight",
    )
    conn = t.selection[0]
    assert 'data-handle="add-waypoint"' in t.overlay

    t.drag((200, 100), (200, 200))
    assert (Vec(200, 200),) == t.connector(conn).waypoints

    t.drag((200, 200), (220, 180))
    assert (Vec(220, 180),) == t.connector(conn).waypoints

    t.send({"type": "dblclick", "x": 220, "y": 180, "zoom": 1})
    assert () == t.connector(conn).waypoints


def test_connectors_between_moved_shapes_carry_their_waypoints() -> None:
    """Moving both ends' shapes translates the connector's waypoints too."""
    t = three_shapes()
    t.action(
        "connect",
        source={"shape": "shape:1"},
        target={"shape": "shape:2"},
        routing="straight",
    )
    conn = t.selection[0]
    t.action("add-waypoint", id=conn, x=350, y=400)
    t.action("select", ids=["shape:1", "shape:2"])

    t.action("nudge", dx=10, dy=0)

    assert (Vec(360, 400),) == t.connector(conn).waypoints


def test_place_tool_draws_a_shape_by_dragging() -> None:
    """The place tool draws the kind in the dragged box, then returns to select."""
    t = TestEditor()
    t.action("set-tool", tool="place", kind="ellipse")
    assert "place:ellipse" == t.ui["tool"]

    t.drag((100, 100), (300, 180), release=False)
    assert 'data-role="placing"' in t.overlay
    t.pointer_up(300, 180)

    s = t.shape(t.selection[0])
    assert ("ellipse", Box(100, 100, 200, 80)) == (s.kind, s.box)
    assert "select" == t.ui["tool"]


def test_hover_shows_outline_and_ports() -> None:
    """Hovering a shape outlines it and shows its ports; leaving hides them."""
    t = three_shapes()

    t.pointer_move(200, 200)
    assert "shape:1" == t.ui["hover"]
    assert 'data-role="hover"' in t.overlay and 'data-shape="shape:1"' in t.overlay
    t.pointer_move(50, 600)
    assert t.ui["hover"] is None and "data-port" not in t.overlay


def test_hit_tolerance_scales_with_zoom() -> None:
    """A point 8 page units off a shape hits at zoom 0.5 but not at zoom 2."""
    t = three_shapes()
    t.zoom = 2.0
    t.pointer_move(200, 178 - 16)
    assert t.ui["hover"] is None
    t.zoom = 0.5
    t.pointer_move(200, 170 - 8)
    assert "shape:1" == t.ui["hover"]


def test_arrow_keys_nudge_and_shift_nudges_a_grid_step() -> None:
    """Arrow keys move 1 px; Shift+arrow moves one grid step."""
    t = three_shapes()
    t.click(200, 200)

    t.key_down("ArrowRight").key_down("ArrowDown", shift=True)

    assert (141, 180) == (t.shape("shape:1").box.x, t.shape("shape:1").box.y)


def test_connect_action_attaches_and_the_route_follows() -> None:
    """The connect action joins two shapes; undo removes the connector."""
    t = three_shapes()

    t.action("connect", source={"shape": "shape:1"}, target={"shape": "shape:2"})

    conn = t.connector(t.selection[0])
    assert Attached(shape="shape:1") == conn.source
    t.key_down("z", ctrl=True)
    assert conn.id not in t.doc


def many_shapes(n: int = 260) -> TestEditor:
    """A page of ``n`` shapes 120x60 in rows of 20, each joined to the next."""
    seed = Document.new(IdSource())
    page = seed.pages()[0].id
    layer = seed.layers(page)[0].id
    tx = Transaction(seed)
    for i in range(n):
        tx.put(
            Shape(
                id=f"shape:{i + 1}",
                page=page,
                layer=layer,
                z=i,
                box=Box(40 + (i % 20) * 150, 70 + (i // 20) * 100, 120, 60),
            )
        )
    for i in range(1, n):
        tx.put(
            Connector(
                id=f"conn:{i}",
                page=page,
                layer=layer,
                z=n + i,
                source=Attached(shape=f"shape:{i}"),
                target=Attached(shape=f"shape:{i + 1}"),
            )
        )
    return TestEditor(seed.apply(tx.patch()))


def test_large_drags_are_previewed_by_translation_then_committed() -> None:
    """Moving hundreds of elements translates them in the browser while dragging
    (no re-render, no document change) and commits real geometry on release."""
    t = many_shapes()
    t.key_down("a", ctrl=True)
    before = t.encoded()

    t.drag((100, 100), (140, 130), release=False)
    kinds = {op["op"] for op in t.ops}
    assert {"translate"} == kinds
    assert 519 == len(t.ops[0]["ids"])
    assert before == t.encoded()
    t.pointer_up(140, 130)

    assert Box(80, 100, 120, 60) == t.shape("shape:1").box
    # Real fragments, and the hit index's entries, follow on idle.
    assert 519 == t.editor.painter.pending
    assert t.editor.hits.pending > 0
    # One more for the outline of this large page, which also waits for idle.
    assert t.ui["pending"] == t.editor.painter.pending + t.editor.hits.pending + 1
    t.flush()
    assert 0 == t.ui["pending"]
    assert not t.dom.offsets
    t.assert_dom_matches()
    t.key_down("z", ctrl=True)
    assert before == t.encoded()
    assert {"translate"} == {op["op"] for op in t.ops}
    t.flush().assert_dom_matches()


def test_hit_testing_right_after_a_large_move_sees_the_new_places() -> None:
    """The index update a large release defers is done before any query."""
    t = many_shapes()
    t.key_down("a", ctrl=True)
    t.drag((100, 100), (140, 130))
    assert t.editor.hits.pending > 0
    t.key_down("Escape")  # clear the selection, then click where shape 1 went
    t.click(140, 130)
    assert ["shape:1"] == t.ui["selection"]
    assert 0 == t.editor.hits.pending


def test_escape_during_a_large_drag_puts_everything_back() -> None:
    """Cancelling a previewed drag translates back and leaves no step."""
    t = many_shapes()
    t.key_down("a", ctrl=True)
    t.action("select", ids=[f"shape:{i}" for i in range(1, 260)])  # 260 stays
    steps = len(t.editor.history)

    t.drag((100, 100), (140, 130), release=False)
    assert any(op["op"] == "upsert" for op in t.ops)  # the one follower
    t.key_down("Escape")

    assert {(0.0, 0.0)} == set(t.dom.offsets.values())
    t.pointer_up(140, 130)
    assert steps == len(t.editor.history)
    t.assert_dom_matches()
