"""Straight routes go through their waypoints; curved ones pass through them smoothly."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linework.geometry import Vec
from linework.routing import beziers, path_data, route

from ._build import Builder, at, free, passes_in_order

coord = st.integers(min_value=-500, max_value=500).map(float)
waypoint_lists = st.lists(st.builds(Vec, coord, coord), max_size=4, unique=True)


@given(waypoint_lists)
def test_straight_route_is_the_ends_joined_through_the_waypoints(
    waypoints: list[Vec],
) -> None:
    """A straight route's vertices are source, the waypoints in order, target."""
    b = Builder()
    c = b.connector(
        free(-600, 0), free(600, 0), routing="straight", waypoints=waypoints
    )
    doc = b.doc()

    actual = route(doc, c).points

    expected = (Vec(-600, 0), *waypoints, Vec(600, 0))
    assert expected == actual


def test_straight_self_loop_is_drawn_around_the_shape() -> None:
    """A straight connector from a shape to itself becomes a visible loop."""
    b = Builder()
    s = b.shape(0, 0)
    c = b.connector(at(s), at(s), routing="straight")
    doc = b.doc()

    actual = len(route(doc, c).points)

    expected = 5
    assert expected == actual


@given(waypoint_lists)
def test_curved_route_passes_through_every_waypoint(waypoints: list[Vec]) -> None:
    """Each waypoint is where one Bézier of the drawn curve ends and the next begins."""
    b = Builder()
    s, t = b.shape(-700, -30), b.shape(700, -30)
    c = b.connector(at(s), at(t), routing="curved", waypoints=waypoints)
    doc = b.doc()

    r = route(doc, c)
    joints = [cubic[0] for cubic in beziers(r.points)] + [r.points[-1]]

    assert r.curved
    assert passes_in_order(joints, waypoints)


def test_curved_route_leaves_and_enters_perpendicular_to_the_sides() -> None:
    """The first and last control points lie along the side normals."""
    b = Builder()
    s, t = b.shape(0, 0), b.shape(300, 200)
    c = b.connector(at(s, "e"), at(t, "n"), routing="curved")
    doc = b.doc()

    r = route(doc, c)
    cubics = beziers(r.points, r.start_dir, r.end_dir)
    first, last = cubics[0], cubics[-1]

    expected = (Vec(-1, 0), Vec(0, 1))
    assert expected == (r.start_dir, r.end_dir)
    assert first[1].y == pytest.approx(first[0].y)
    assert first[1].x > first[0].x
    assert last[2].x == pytest.approx(last[3].x)
    assert last[2].y < last[3].y


def test_curved_path_data_is_one_move_then_cubics() -> None:
    """A curved route's SVG path is ``M`` followed only by ``C`` commands."""
    b = Builder()
    s, t = b.shape(0, 0), b.shape(300, 200)
    c = b.connector(at(s), at(t), routing="curved")
    doc = b.doc()

    d = path_data(route(doc, c))
    actual = re.findall(r"[A-Za-z]", d)

    expected = ["M", "C", "C"]
    assert expected == actual
