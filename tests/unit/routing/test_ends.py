"""Where connector ends sit: ports, anchors, floating ends, missing shapes."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linework.geometry import Vec, rotate_about
from linework.model import ROUTINGS, Attached, Free, Routing
from linework.routing import end_points, route, route_input
from linework.shapes import boundary_point, port_page

from ._build import Builder, at, free


def test_port_end_sits_on_the_rotated_port() -> None:
    """An end at a port of a rotated shape is that port, turned with the shape."""
    b = Builder()
    s = b.shape(0, 0, 100, 60, rotation_deg=90)
    c = b.connector(at(s, "n"), free(300, 300), routing="straight")
    doc = b.doc()

    actual = end_points(doc, c)[0]

    expected = port_page(s, "n")
    assert expected == actual


def test_anchor_end_sits_on_the_rotated_fraction_of_the_box() -> None:
    """An anchor is a fraction of the box, rotated about the box centre."""
    b = Builder()
    s = b.shape(0, 0, 100, 60, rotation_deg=30)
    c = b.connector(
        Attached(shape=s.id, anchor=Vec(0.25, 1)), free(300, 300), routing="straight"
    )
    doc = b.doc()

    actual = end_points(doc, c)[0]

    expected = rotate_about(Vec(25, 60), Vec(50, 30), 30)
    assert expected == actual


def test_unknown_port_floats_instead() -> None:
    """A port the kind does not have is treated as a floating end, not an error."""
    b = Builder()
    s = b.shape(0, 0)
    c = b.connector(at(s, "no-such-port"), free(300, 30), routing="straight")
    doc = b.doc()

    actual = end_points(doc, c)[0]

    expected = Vec(100, 30)
    assert expected == actual


def test_straight_floating_ends_aim_at_each_others_centres() -> None:
    """Two floating ends on a straight connector lie on the line between centres."""
    b = Builder()
    s, t = b.shape(0, 0), b.shape(300, 200, kind="ellipse")
    c = b.connector(at(s), at(t), routing="straight")
    doc = b.doc()

    actual = end_points(doc, c)

    expected = (
        boundary_point(s, t.box.center),
        boundary_point(t, s.box.center),
    )
    assert expected == actual


def test_straight_floating_end_aims_at_the_nearest_waypoint() -> None:
    """With waypoints, a floating end aims at the waypoint next to it."""
    b = Builder()
    s, t = b.shape(0, 0), b.shape(300, 0)
    c = b.connector(
        at(s), at(t), routing="straight", waypoints=[Vec(50, -100), Vec(350, 200)]
    )
    doc = b.doc()

    actual = end_points(doc, c)

    expected = (Vec(50, 0), Vec(350, 60))
    assert expected == actual


def test_orthogonal_floating_ends_take_the_facing_sides() -> None:
    """Shapes farther apart across than down connect east side to west side."""
    b = Builder()
    s, t = b.shape(0, 0), b.shape(300, 100)
    c = b.connector(at(s), at(t))
    doc = b.doc()

    inp = route_input(doc, c)
    actual = (inp.source.side, inp.target.side)

    expected = ("e", "w")
    assert expected == actual


def test_cardinal_port_side_turns_with_the_shape() -> None:
    """The "n" port of a shape turned a quarter clockwise leaves through the east."""
    b = Builder()
    s = b.shape(0, 0, rotation_deg=90)
    c = b.connector(at(s, "n"), free(500, 500))
    doc = b.doc()

    actual = route_input(doc, c).source.side

    expected = "e"
    assert expected == actual


@pytest.mark.parametrize("routing", ROUTINGS)
@pytest.mark.parametrize(
    "ends",
    [
        ("gone", "gone"),
        ("gone", "shape"),
        ("shape", "gone"),
        ("gone", "free"),
        ("free", "gone"),
    ],
)
@pytest.mark.parametrize("waypoints", [(), (Vec(10, 20), Vec(30, 40))])
def test_missing_shape_degrades_to_a_free_end(
    routing: Routing, ends: tuple[str, str], waypoints: tuple[Vec, ...]
) -> None:
    """An end attached to a shape that is not there routes without raising."""
    b = Builder()
    s = b.shape(0, 0)
    make: dict[str, Attached | Free] = {
        "gone": Attached(shape="shape:404", port="n"),
        "shape": at(s),
        "free": free(200, 200),
    }
    c = b.connector(make[ends[0]], make[ends[1]], routing=routing, waypoints=waypoints)
    doc = b.doc()

    pts = route(doc, c).points

    assert len(pts) >= 2
    assert all(math.isfinite(p.x) and math.isfinite(p.y) for p in pts)


@given(st.sampled_from(ROUTINGS), st.floats(0, 1), st.floats(0, 1))
def test_end_points_are_the_ends_of_the_route(
    routing: Routing, fx: float, fy: float
) -> None:
    """``end_points`` agrees with where the drawn route starts and stops."""
    b = Builder()
    s, t = b.shape(0, 0), b.shape(250, 120, kind="diamond")
    c = b.connector(Attached(shape=s.id, anchor=Vec(fx, fy)), at(t), routing=routing)
    doc = b.doc()

    pts = route(doc, c).points

    assert (pts[0], pts[-1]) == end_points(doc, c)
