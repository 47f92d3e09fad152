"""Rotated queries: to_page, ports, containment, boundary points, bounds."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linework.geometry import Box, Vec, rotate_about
from linework.geometry.polygon import distance_to_boundary
from linework.model import Shape
from linework.shapes import (
    DEFAULT_KINDS,
    ShapeKind,
    boundary_point,
    bounds,
    contains,
    kind_of,
    nearest_port,
    outline_page,
    port_page,
    ports_page,
    to_page,
)
from linework.shapes.polygons import DIAMOND


def shape(kind: str, box: Box, rotation_deg: float = 0.0) -> Shape:
    """Return a shape of ``kind`` in ``box``, turned by ``rotation_deg``."""
    return Shape(
        id="shape:1",
        page="page:1",
        layer="layer:1",
        kind=kind,
        box=box,
        rotation_deg=rotation_deg,
    )


def test_rectangle_ports_rotated_90_exactly() -> None:
    """A quarter turn moves each port to its exact rotated place (clockwise)."""
    s = shape("rectangle", Box(10, 20, 100, 50), 90)

    assert {
        "n": Vec(85, 45),
        "e": Vec(60, 95),
        "s": Vec(35, 45),
        "w": Vec(60, -5),
    } == {k: v for k, v in ports_page(s).items() if len(k) == 1}


@pytest.mark.parametrize(
    "kind",
    ["rectangle", "ellipse", "circle", "diamond", "octagon", "cross", "decision"],
)
def test_quarter_turns_swap_ports_of_symmetric_kinds(kind: str) -> None:
    """In a square box, turning 90° puts "n" exactly where "e" was, and so on."""
    box = Box(10, 20, 100, 100)
    flat = ports_page(shape(kind, box))
    turned = ports_page(shape(kind, box, 90))

    assert [flat["e"], flat["s"], flat["w"], flat["n"]] == [
        turned["n"],
        turned["e"],
        turned["s"],
        turned["w"],
    ]


@pytest.mark.parametrize("kind", DEFAULT_KINDS, ids=[k.name for k in DEFAULT_KINDS])
def test_port_page_is_rotated_port(kind: ShapeKind) -> None:
    """port_page applies the rotation about the box centre, and nothing else."""
    s = shape(kind.name, Box(3, 4, 120, 70), 90)
    c = s.box.center

    assert {k: rotate_about(p, c, 90) for k, p in kind.ports(s).items()} == {
        k: port_page(s, k) for k in kind.ports(s)
    }
    assert port_page(s, "no-such-port") is None


def test_to_page_unrotated_is_identity() -> None:
    """Without rotation, to_page returns the point unchanged."""
    p = Vec(1.5, -2.25)

    assert p == to_page(shape("rectangle", Box(0, 0, 10, 10)), p)


@pytest.mark.parametrize("kind", DEFAULT_KINDS, ids=[k.name for k in DEFAULT_KINDS])
def test_contains_centre_not_far_point(kind: ShapeKind) -> None:
    """Every kind contains its centre and not a point well outside its box."""
    s = shape(kind.name, Box(0, 0, 120, 80), 33)

    expected = (True, False)

    assert expected == (contains(s, s.box.center), contains(s, Vec(500, 500)))


def test_contains_edge_within_tolerance() -> None:
    """Edge points count; points just outside count only within the tolerance."""
    s = shape("rectangle", Box(0, 0, 100, 50))

    expected = (True, False, True)

    actual = (
        contains(s, Vec(0, 25)),
        contains(s, Vec(-0.3, 25)),
        contains(s, Vec(-0.3, 25), tolerance=0.5),
    )
    assert expected == actual


def test_contains_follows_rotation() -> None:
    """A long bar turned upright contains points above its centre, not beside it."""
    s = shape("rectangle", Box(0, 90, 200, 20), 90)

    expected = (True, False)

    assert expected == (contains(s, Vec(100, 20)), contains(s, Vec(180, 100)))


def test_contains_concave() -> None:
    """The cross's notches are outside even though they are inside its box."""
    s = shape("cross", Box(0, 0, 90, 90))

    expected = (False, True)

    assert expected == (contains(s, Vec(10, 10)), contains(s, Vec(45, 10)))


def test_boundary_point_axis() -> None:
    """Toward a point straight right, a rectangle's boundary is its "e" port."""
    s = shape("rectangle", Box(0, 0, 100, 50))

    assert Vec(100, 25) == boundary_point(s, Vec(1000, 25))


def test_boundary_point_rotated_diamond() -> None:
    """A diamond turned 90° is met at its rotated tip."""
    s = shape("diamond", Box(0, 0, 100, 50), 90)
    expected = (50, -25)

    p = boundary_point(s, Vec(50, -1000))
    assert expected == pytest.approx((p.x, p.y))


def test_boundary_point_toward_centre_is_east_port() -> None:
    """With no direction to go, the "e" port stands in."""
    s = shape("ellipse", Box(0, 0, 100, 50), 30)

    assert port_page(s, "e") == boundary_point(s, s.box.center)


def test_boundary_point_concave_takes_silhouette() -> None:
    """Through the cross's top arm, the ray stops at the outermost crossing."""
    s = shape("cross", Box(0, 0, 90, 90))

    assert Vec(45, 0) == boundary_point(s, Vec(45, -500))


@given(
    kind=st.sampled_from(DEFAULT_KINDS),
    x=st.floats(-1000, 1000),
    y=st.floats(-1000, 1000),
    w=st.floats(1, 1000),
    h=st.floats(1, 1000),
    rotation=st.floats(-360, 360),
    angle=st.floats(0, 360),
    dist=st.floats(0.01, 5000),
)
def test_boundary_point_lands_on_outline(
    kind: ShapeKind,
    x: float,
    y: float,
    w: float,
    h: float,
    rotation: float,
    angle: float,
    dist: float,
) -> None:
    """The boundary point is on the rotated outline, in the direction asked for."""
    s = shape(kind.name, Box(x, y, w, h), rotation)
    c = s.box.center
    a = math.radians(angle)
    toward = Vec(c.x + math.cos(a) * dist, c.y + math.sin(a) * dist)
    p = boundary_point(s, toward)
    scale = max(w, h) + abs(x) + abs(y)
    ray, got = (toward - c).normalized(), (p - c).normalized()

    assert distance_to_boundary(p, outline_page(s)) <= 1e-9 * scale
    assert abs(ray.cross(got)) <= 1e-6
    assert ray.dot(got) > 0


def test_nearest_port_corner_and_tie() -> None:
    """The closest port wins; ties go to the port listed first."""
    s = shape("rectangle", Box(0, 0, 100, 100))

    assert ("nw", Vec(0, 0)) == nearest_port(s, Vec(-5, 3))
    assert ("n", Vec(50, 0)) == nearest_port(s, Vec(50, 50))


def test_bounds_of_rotated_rectangle() -> None:
    """A quarter turn swaps the bounds' width and height about the centre."""
    s = shape("rectangle", Box(0, 0, 100, 50))

    assert Box(0, 0, 100, 50) == bounds(s)
    assert Box(25, -25, 50, 100) == bounds(replace(s, rotation_deg=90))


def test_bounds_of_turned_circle_keeps_size() -> None:
    """A circle's bounds hardly change when it turns (flattening is fine-grained)."""
    expected = (0, 0, 100, 100)

    b = bounds(shape("circle", Box(0, 0, 100, 100), 45))
    assert expected == pytest.approx((b.x, b.y, b.w, b.h), abs=0.5)


def test_custom_kinds_mapping() -> None:
    """Helpers take the registry to use; unknown kinds fall back to rectangle."""
    s = shape("diamond", Box(0, 0, 100, 50))
    only_rect: dict[str, ShapeKind] = {}

    assert DIAMOND.outline(s) == outline_page(s)
    assert kind_of("rectangle").outline(s) == outline_page(s, kinds=only_rect)
