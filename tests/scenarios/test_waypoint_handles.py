"""Scenarios: a selected connector's virtual bends sit on its drawn path.

The "add bend" handles halve each stretch of the route between two control
points (ends and waypoints) as drawn, orthogonal elbows and curves included,
and dragging one (or pressing anywhere on the selected connector's line and
dragging) adds a waypoint that follows the pointer, as one undo step.
"""

from __future__ import annotations

import re

import pytest

from linework.geometry import Vec
from linework.routing import hit_distance, point_at, polyline, route
from scenarios.driver import TestEditor

ROUTINGS = ("straight", "orthogonal", "curved")
_CIRCLE = re.compile(r"<circle [^>]*>")
_ATTR = re.compile(r'([\w-]+)="([^"]*)"')


def bends(t: TestEditor) -> list[tuple[int, Vec]]:
    """Return the add-waypoint handles the overlay draws: (index, centre)."""
    out = []
    for tag in _CIRCLE.findall(t.overlay):
        attrs = dict(_ATTR.findall(tag))
        if attrs.get("data-handle") == "add-waypoint":
            at = Vec(float(attrs["cx"]), float(attrs["cy"]))
            out.append((int(attrs.get("data-index", "-1")), at))
    return out


def joined(routing: str, *waypoints: tuple[float, float]) -> tuple[TestEditor, str]:
    """Two shapes, the second lower right, joined by a selected connector."""
    t = TestEditor()
    t.drop_shape("rectangle", 200, 200)
    t.drop_shape("rectangle", 520, 420)
    t.action(
        "connect",
        source={"shape": "shape:1"},
        target={"shape": "shape:2"},
        routing=routing,
    )
    conn = t.selection[0]
    for x, y in waypoints:
        n = len(t.connector(conn).waypoints)
        t.action("add-waypoint", id=conn, index=n, x=x, y=y)
    t.action("select", ids=[conn])
    return t, conn


def off_path(t: TestEditor, conn: str, p: Vec) -> float:
    """Return how far ``p`` lies from the connector as drawn."""
    return hit_distance(route(t.doc, t.connector(conn)), p)


def undo_steps(t: TestEditor) -> int:
    """Return how many undo steps the editor holds."""
    n = 0
    before = t.encoded()
    while True:
        t.key_down("z", ctrl=True)
        now = t.encoded()
        if now == before:
            return n
        before = now
        n += 1


@pytest.mark.parametrize("routing", ROUTINGS)
def test_bend_handles_lie_on_the_drawn_route(routing: str) -> None:
    """Each virtual bend sits on the path as drawn, not on a chord across it."""
    t, conn = joined(routing)
    found = bends(t)

    assert [0] == [i for i, _ in found]
    assert off_path(t, conn, found[0][1]) == pytest.approx(0, abs=1e-3)


@pytest.mark.parametrize("routing", ROUTINGS)
def test_every_stretch_between_waypoints_has_a_bend_on_it(routing: str) -> None:
    """With a waypoint there are two stretches, each with a handle on the path."""
    t, conn = joined(routing, (400, 320))
    found = bends(t)

    assert [0, 1] == [i for i, _ in found]
    for _, at in found:
        assert off_path(t, conn, at) == pytest.approx(0, abs=1e-3)
    pts = t.route_points(conn)
    chords = [(pts[0], Vec(400, 320)), (Vec(400, 320), pts[-1])]
    # Each handle lies nearer its own stretch's middle than the other's.
    for (_, at), (a, b) in zip(found, chords, strict=True):
        assert at.distance((a + b) * 0.5) < 0.5 * a.distance(b) + 1
    if routing == "orthogonal":
        # The elbows leave the chords' middles in empty space: not where
        # the handles go.
        assert any(off_path(t, conn, (a + b) * 0.5) > 5 for a, b in chords)


@pytest.mark.parametrize("routing", ROUTINGS)
def test_dragging_a_bend_adds_a_waypoint_in_one_undo_step(routing: str) -> None:
    """The bend follows the pointer and becomes a waypoint; one undo removes it."""
    steps = undo_steps(joined(routing)[0])
    t, conn = joined(routing)
    _, at = bends(t)[0]

    t.drag((at.x, at.y), (700, 150))

    assert (Vec(700, 150),) == t.connector(conn).waypoints
    assert off_path(t, conn, Vec(700, 150)) == pytest.approx(0, abs=1e-3)
    t.key_down("z", ctrl=True)
    assert () == t.connector(conn).waypoints
    assert steps == undo_steps(t)


def test_dragging_the_selected_connectors_line_bends_it_there() -> None:
    """A press on the line away from handles adds a waypoint in that stretch."""
    t, conn = joined("orthogonal", (520, 200))
    line = polyline(route(t.doc, t.connector(conn)))
    # A point on the last stretch (after the waypoint), away from its handle.
    a, b = line[-2], line[-1]
    press = a + (b - a) * 0.2
    assert all(h.distance(press) > 10 for _, h in bends(t))

    t.drag((press.x, press.y), (650, 300))

    assert (Vec(520, 200), Vec(650, 300)) == t.connector(conn).waypoints
    assert [conn] == t.selection
    t.key_down("z", ctrl=True)
    assert (Vec(520, 200),) == t.connector(conn).waypoints


def test_a_click_on_the_line_only_keeps_it_selected() -> None:
    """Without a drag, pressing the selected connector's line changes nothing."""
    t, conn = joined("straight")
    before = t.connector(conn)
    p0, p1 = t.route_points(conn)[0], t.route_points(conn)[-1]
    press = p0 + (p1 - p0) * 0.3

    t.click(press.x, press.y)

    assert before == t.connector(conn) and [conn] == t.selection


def test_a_free_connectors_line_still_moves_it() -> None:
    """With a free end, dragging the line moves the connector, as before."""
    t = TestEditor()
    t.action(
        "connect",
        source={"x": 100, "y": 100},
        target={"x": 300, "y": 100},
        routing="straight",
    )
    conn = t.selection[0]

    t.drag((150, 100), (150, 140))

    c = t.connector(conn)
    assert () == c.waypoints
    assert (Vec(100, 140), Vec(300, 140)) == (c.source.point, c.target.point)  # type: ignore[union-attr]


def test_a_label_keeps_its_drag_and_no_bend_hides_it() -> None:
    """A label at the middle pushes the bend aside; pressing it slides the label."""
    t, conn = joined("orthogonal")
    t.action("edit-text", id=conn, label=0, position=0.5)
    t.action("set-text", id=conn, text="label")
    t.action("select", ids=[conn])
    ((_, at),) = bends(t)
    assert off_path(t, conn, at) == pytest.approx(0, abs=1e-3)
    centre, _ = point_at(route(t.doc, t.connector(conn)), 0.5)
    assert at.distance(centre) > 10

    t.drag((centre.x, centre.y), (centre.x, centre.y + 1000), steps=2)
    c = t.connector(conn)
    assert () == c.waypoints and c.labels[0].position != 0.5
