"""Lanes of a pool: resize one and the next ones move; add, remove, reorder."""

from __future__ import annotations

from linework.geometry import Box, Vec
from linework.model import CONTAINER_KEY
from scenarios.driver import TestEditor


def pool_with_two_lanes() -> TestEditor:
    """A pool (shape:1, 100..600 × 100..500) holding two column lanes side by
    side (shape:2 at 120..320, shape:3 at 320..520, y 140..480) and a task in
    the second lane (shape:4)."""
    t = TestEditor()
    t.action("add-shape", kind="container", x=350, y=300, w=500, h=400)
    t.action("add-shape", kind="swimlane", x=220, y=310, w=200, h=340)
    t.action("add-shape", kind="swimlane", x=420, y=310, w=200, h=340)
    t.action("add-shape", kind="process", x=420, y=300)
    t.click(800, 800)
    return t


def box(t: TestEditor, rid: str) -> Box:
    return t.shape(rid).box


def test_the_pool_holds_its_lanes_and_the_task_its_lane() -> None:
    t = pool_with_two_lanes()

    assert ["shape:1", "shape:1", "shape:3"] == [
        t.doc.records[r].extra.get(CONTAINER_KEY)
        for r in ("shape:2", "shape:3", "shape:4")
    ]


def test_resizing_a_lane_moves_the_next_lane_and_its_members_and_grows_the_pool() -> (
    None
):
    t = pool_with_two_lanes()
    task_before = box(t, "shape:4")
    t.click(220, 200)  # select the first lane
    assert ["shape:2"] == t.selection

    t.drag((320, 310), (380, 310))  # its east handle, 60 to the right

    assert Box(120, 140, 260, 340) == box(t, "shape:2")
    assert Box(380, 140, 200, 340) == box(t, "shape:3")
    assert task_before.translated(Vec(60, 0)) == box(t, "shape:4")
    assert Box(100, 100, 560, 400) == box(t, "shape:1")  # its margin kept
    t.action("undo")
    assert Box(320, 140, 200, 340) == box(t, "shape:3")


def test_add_remove_and_reorder_lanes() -> None:
    t = pool_with_two_lanes()
    t.action("select", ids=["shape:2"])
    assert t.ui["enabled"]["add-lane"] and t.ui["enabled"]["lane-later"]
    assert not t.ui["enabled"]["lane-earlier"]

    t.action("add-lane")  # after the first: the second moves on
    (new,) = t.selection
    assert Box(320, 140, 200, 340) == box(t, new)
    assert Box(520, 140, 200, 340) == box(t, "shape:3")
    assert "shape:1" == t.doc.records[new].extra.get(CONTAINER_KEY)
    assert Box(100, 100, 700, 400) == box(t, "shape:1")

    t.action("lane-later", id="shape:2")  # swap the first two
    assert (120.0, 320.0) == (box(t, new).x, box(t, "shape:2").x)

    t.action("remove-lane", id=new)  # the gap closes
    assert new not in t.doc.records
    assert (120.0, 320.0) == (box(t, "shape:2").x, box(t, "shape:3").x)
    assert "shape:4" in t.doc.records  # in the third lane, which stays
    assert Box(100, 100, 500, 400) == box(t, "shape:1")
    t.action("undo")
    assert new in t.doc.records
