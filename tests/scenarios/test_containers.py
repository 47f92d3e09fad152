"""Containers: drop in to join, drag out to leave, the container carries its members."""

from __future__ import annotations

from linework.formats import native
from linework.geometry import Vec
from linework.model import CONTAINER_KEY
from scenarios.driver import TestEditor


def lane_with_member() -> TestEditor:
    """A container (100..420 × 100..320, header 28) and a rectangle dropped inside."""
    t = TestEditor()
    t.drop_shape("container", 260, 210)  # shape:1
    t.drop_shape("rectangle", 220, 220)  # shape:2, wholly inside: joins
    t.click(700, 700)
    return t


def member_of(t: TestEditor, rid: str) -> object:
    return t.doc.records[rid].extra.get(CONTAINER_KEY)


def test_a_shape_dropped_inside_a_container_joins_it() -> None:
    t = lane_with_member()

    assert "shape:1" == member_of(t, "shape:2")
    t.drop_shape("rectangle", 700, 500)  # outside: no container
    assert member_of(t, "shape:3") is None


def test_moving_the_container_by_its_header_carries_members_and_connectors() -> None:
    t = lane_with_member()
    t.drop_shape("ellipse", 340, 280)  # shape:3, inside too
    t.action(
        "connect",
        source={"shape": "shape:2"},
        target={"shape": "shape:3"},
    )
    t.click(700, 700)
    before = {r: t.shape(r).box for r in ("shape:1", "shape:2", "shape:3")}

    t.drag((150, 110), (250, 160))  # the header band

    for rid, box in before.items():
        assert box.translated(Vec(100, 50)) == t.shape(rid).box, rid
    assert "shape:1" == member_of(t, "shape:2") == member_of(t, "shape:3")
    t.action("undo")
    assert {r: t.shape(r).box for r in before} == before


def test_dragging_a_member_out_makes_it_leave_and_it_stays_behind() -> None:
    t = lane_with_member()

    t.drag((220, 220), (700, 220))
    assert member_of(t, "shape:2") is None
    moved = t.shape("shape:2").box
    t.drag((150, 110), (150, 410))  # move the container down
    assert moved == t.shape("shape:2").box
    # One undo takes back the container move, the next the drag out.
    t.action("undo").action("undo")
    assert "shape:1" == member_of(t, "shape:2")


def test_the_container_is_highlighted_while_dragging_over_it() -> None:
    t = TestEditor()
    t.drop_shape("container", 260, 210).drop_shape("rectangle", 700, 500)

    t.drag((700, 500), (240, 230), release=False)
    assert 'data-role="drop-target" data-id="shape:1"' in t.overlay
    t.pointer_up(240, 230)
    assert "drop-target" not in t.overlay
    assert "shape:1" == member_of(t, "shape:2")
    assert t.doc.paint_index(t.editor.page_id)["shape:2"] > 0  # above its container


def test_containers_nest_and_delete_copy_carry_members() -> None:
    t = TestEditor()
    t.drop_shape("container", 400, 300)  # shape:1 (240..560 × 190..410)
    t.send({"type": "action", "name": "add-shape",
            "args": {"kind": "swimlane", "x": 400, "y": 330, "w": 200, "h": 140}})  # fmt: skip
    t.drop_shape("rectangle", 400, 350)  # shape:3 inside the lane
    assert "shape:1" == member_of(t, "shape:2")
    assert "shape:2" == member_of(t, "shape:3")

    t.action("select", ids=["shape:1"]).action("duplicate", dx=600, dy=0)
    copies = [r for r in t.doc.records if r.startswith("shape:") and r > "shape:3"]
    assert 3 == len(copies)
    (lane,) = [r for r in copies if t.shape(r).kind == "swimlane"]
    (inner,) = [r for r in copies if member_of(t, r) == lane]
    assert t.shape(inner).box == t.shape("shape:3").box.translated(Vec(600, 0))
    assert member_of(t, lane) not in (None, "shape:1")  # the copied frame

    t.action("select", ids=["shape:1"]).action("delete")
    assert not {"shape:1", "shape:2", "shape:3"} & set(t.doc.records)


def test_membership_survives_the_file_and_older_readers_keep_it() -> None:
    t = lane_with_member()

    data = t.encoded()
    assert b'"container":"shape:1"' in data and b'"minor":1' in data
    again = native.decode(data)
    assert "shape:1" == again.records["shape:2"].extra.get(CONTAINER_KEY)


def test_a_palette_drag_previews_the_container_it_would_join() -> None:
    t = TestEditor()
    t.drop_shape("container", 260, 210)
    before = t.doc

    t.action("drop-preview", kind="rectangle", x=250, y=230)
    assert 'data-role="drop-target" data-id="shape:1"' in t.overlay
    assert before is t.doc  # a preview changes nothing
    t.action("drop-preview", kind="rectangle", x=900, y=900)
    assert "drop-target" not in t.overlay
    t.action("drop-preview", kind="rectangle", x=250, y=230).action("drop-preview")
    assert "drop-target" not in t.overlay


def test_alt_drag_copies_the_container_with_its_members_selected_as_one() -> None:
    t = lane_with_member()

    t.drag((150, 110), (650, 110), alt=True)  # the header, with Alt: a copy

    (copy,) = t.selection
    assert copy not in ("shape:1", "shape:2")
    members = [r for r in t.doc.records if member_of(t, r) == copy]
    assert 1 == len(members)
    assert t.shape(members[0]).box == t.shape("shape:2").box.translated(Vec(500, 0))
    assert "shape:1" == member_of(t, "shape:2")
    t.action("undo")
    assert copy not in t.doc.records
