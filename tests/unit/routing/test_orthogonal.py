"""Orthogonal routes: axis-aligned, perpendicular at the ends, around the end shapes."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from linework.geometry import Box, Vec
from linework.routing import MARGIN, SIDE_NORMALS, Side, route, route_input
from linework.shapes import bounds, port_page

from ._build import Builder, at, enters, free, is_axis_aligned, passes_in_order

coord = st.integers(min_value=-400, max_value=400).map(float)
size = st.integers(min_value=4, max_value=200).map(float)
ports = st.sampled_from([None, "n", "e", "s", "w"])


def _gap(a: Box, b: Box) -> float:
    return max(b.left - a.right, a.left - b.right, b.top - a.bottom, a.top - b.bottom)


def _on_side(p: Vec, box: Box, normal: Vec, tol: float = 1e-6) -> bool:
    """Return whether ``p`` lies on the edge of ``box`` whose outward normal is given."""
    if normal.distance(SIDE_NORMALS["e"]) <= tol:
        edge_ok = abs(p.x - box.right) <= tol
    elif normal.distance(SIDE_NORMALS["w"]) <= tol:
        edge_ok = abs(p.x - box.left) <= tol
    elif normal.distance(SIDE_NORMALS["s"]) <= tol:
        edge_ok = abs(p.y - box.bottom) <= tol
    elif normal.distance(SIDE_NORMALS["n"]) <= tol:
        edge_ok = abs(p.y - box.top) <= tol
    else:
        return False
    return edge_ok and box.inflated(tol).contains(p)


def _direction(a: Vec, b: Vec) -> Vec:
    return (b - a).normalized()


@given(coord, coord, size, size, coord, coord, size, size, ports, ports)
def test_routes_between_separate_shapes_are_orthogonal_and_avoid_both(
    ax: float,
    ay: float,
    aw: float,
    ah: float,
    bx: float,
    by: float,
    bw: float,
    bh: float,
    sp: str | None,
    tp: str | None,
) -> None:
    """Segments are axis-aligned, ends sit on the shapes and never cut through them."""
    b = Builder()
    a_shape, b_shape = b.shape(ax, ay, aw, ah), b.shape(bx, by, bw, bh)
    assume(_gap(a_shape.box, b_shape.box) > 0)
    c = b.connector(at(a_shape, sp), at(b_shape, tp))
    doc = b.doc()

    pts = route(doc, c).points

    assert is_axis_aligned(pts)
    assert not enters(pts, a_shape.box)
    assert not enters(pts, b_shape.box)
    if sp is not None:
        assert port_page(a_shape, sp) == pts[0]
    if tp is not None:
        assert port_page(b_shape, tp) == pts[-1]


@given(coord, coord, size, size, coord, coord, size, size, ports, ports)
def test_first_and_last_segments_are_perpendicular_to_their_sides(
    ax: float,
    ay: float,
    aw: float,
    ah: float,
    bx: float,
    by: float,
    bw: float,
    bh: float,
    sp: str | None,
    tp: str | None,
) -> None:
    """The route leaves its source and enters its target at right angles to the side."""
    b = Builder()
    a_shape, b_shape = b.shape(ax, ay, aw, ah), b.shape(bx, by, bw, bh)
    assume(_gap(a_shape.box, b_shape.box) > 0)
    c = b.connector(at(a_shape, sp), at(b_shape, tp))
    doc = b.doc()

    pts = route(doc, c).points
    out = _direction(pts[1], pts[0])  # pointing back into the source
    into = _direction(pts[-2], pts[-1])  # pointing into the target

    assert _on_side(pts[0], a_shape.box, -out)
    assert _on_side(pts[-1], b_shape.box, -into)
    if sp is not None:
        assert SIDE_NORMALS[_side(sp)].distance(-out) == pytest.approx(0)
    if tp is not None:
        assert SIDE_NORMALS[_side(tp)].distance(-into) == pytest.approx(0)


def _side(port: str) -> Side:
    assert port in ("n", "e", "s", "w")
    return port  # type: ignore[return-value]


@given(
    st.lists(
        st.tuples(coord, st.integers(min_value=300, max_value=700).map(float)),
        min_size=1,
        max_size=3,
        unique=True,
    )
)
def test_orthogonal_routes_pass_through_waypoints_in_order(
    wps: list[tuple[float, float]],
) -> None:
    """Every waypoint is a vertex of the route, in the order given."""
    b = Builder()
    a_shape, b_shape = b.shape(0, 0), b.shape(300, 100)
    waypoints = [Vec(x, y) for x, y in wps]
    c = b.connector(at(a_shape), at(b_shape), waypoints=waypoints)
    doc = b.doc()

    pts = route(doc, c).points

    assert is_axis_aligned(pts)
    assert passes_in_order(pts, waypoints)


def test_shapes_side_by_side_get_a_z_through_the_middle_of_the_gap() -> None:
    """Floating ends face each other and the bend sits midway between the shapes."""
    b = Builder()
    a_shape, b_shape = b.shape(0, 0), b.shape(300, 200)
    c = b.connector(at(a_shape), at(b_shape))
    doc = b.doc()

    actual = route(doc, c).points

    expected = (Vec(100, 30), Vec(200, 30), Vec(200, 230), Vec(300, 230))
    assert expected == actual


def test_shapes_sharing_a_band_connect_with_one_straight_segment() -> None:
    """Floating ends level with each other where the shapes overlap vertically."""
    b = Builder()
    a_shape, b_shape = b.shape(0, 0, 100, 60), b.shape(300, 40, 100, 60)
    c = b.connector(at(a_shape), at(b_shape))
    doc = b.doc()

    actual = route(doc, c).points

    expected = (Vec(100, 50), Vec(300, 50))
    assert expected == actual


def test_ports_facing_away_route_around_the_shapes() -> None:
    """Leaving west to reach a shape in the east goes round the source, not through."""
    b = Builder()
    a_shape, b_shape = b.shape(0, 0), b.shape(300, 0)
    c = b.connector(at(a_shape, "w"), at(b_shape, "w"))
    doc = b.doc()

    pts = route(doc, c).points

    expected = (Vec(0, 30), Vec(-MARGIN, 30))
    assert expected == pts[:2]
    assert not enters(pts, a_shape.box)
    assert not enters(pts, b_shape.box)


def test_close_shapes_share_the_gap_for_their_stubs() -> None:
    """With a gap narrower than two margins, neither stub reaches the other shape."""
    b = Builder()
    a_shape, b_shape = b.shape(0, 0), b.shape(110, 30)
    c = b.connector(at(a_shape, "e"), at(b_shape, "w"))
    doc = b.doc()

    pts = route(doc, c).points

    assert is_axis_aligned(pts)
    assert not enters(pts, a_shape.box)
    assert not enters(pts, b_shape.box)
    expected = Vec(105, 30)
    assert expected == pts[1]


def test_self_loop_goes_around_its_shape() -> None:
    """A connector from a shape to itself leaves east and comes back in from the north."""
    b = Builder()
    s = b.shape(0, 0)
    c = b.connector(at(s), at(s))
    doc = b.doc()

    pts = route(doc, c).points

    expected = (
        Vec(100, 30),
        Vec(100 + MARGIN, 30),
        Vec(100 + MARGIN, -MARGIN),
        Vec(50, -MARGIN),
        Vec(50, 0),
    )
    assert expected == pts


@given(ports, ports)
def test_self_loops_between_any_ports_stay_outside_the_shape(
    sp: str | None, tp: str | None
) -> None:
    """Whatever the ports, a loop is orthogonal and never crosses its own shape."""
    b = Builder()
    s = b.shape(0, 0)
    c = b.connector(at(s, sp), at(s, tp))
    doc = b.doc()

    pts = route(doc, c).points

    assert is_axis_aligned(pts)
    assert not enters(pts, s.box)
    assert len(pts) >= 2


@given(
    coord,
    coord,
    size,
    size,
    st.floats(min_value=0, max_value=1),
    st.floats(min_value=0, max_value=1),
    size,
    size,
)
def test_overlapping_shapes_still_get_an_orthogonal_route(
    ax: float,
    ay: float,
    aw: float,
    ah: float,
    fx: float,
    fy: float,
    bw: float,
    bh: float,
) -> None:
    """Shapes that overlap cannot both be avoided, but the route stays well formed."""
    b = Builder()
    a_shape = b.shape(ax, ay, aw, ah)
    b_shape = b.shape(ax + fx * aw, ay + fy * ah, bw, bh)
    c = b.connector(at(a_shape, "e"), at(b_shape))
    doc = b.doc()

    pts = route(doc, c).points

    assert is_axis_aligned(pts)
    assert port_page(a_shape, "e") == pts[0]
    assert bounds(b_shape).inflated(1e-6).contains(pts[-1])


def test_free_ends_make_one_bend() -> None:
    """Two free points with no shapes in the way are joined by an L."""
    b = Builder()
    c = b.connector(free(0, 0), free(100, 50))
    doc = b.doc()

    pts = route(doc, c).points

    expected = 3
    assert expected == len(pts)
    assert is_axis_aligned(pts)


def test_zero_length_route_has_two_equal_points() -> None:
    """Both ends at one point give a degenerate but valid route."""
    b = Builder()
    c = b.connector(free(5, 5), free(5, 5))
    doc = b.doc()

    actual = route(doc, c).points

    expected = (Vec(5, 5), Vec(5, 5))
    assert expected == actual


@given(st.floats(min_value=0, max_value=359), ports)
def test_rotated_shapes_route_orthogonally_from_the_rotated_port(
    rotation: float, port: str | None
) -> None:
    """Routes from a rotated shape start on its rotated port and stay axis-aligned."""
    b = Builder()
    a_shape = b.shape(0, 0, rotation_deg=rotation)
    b_shape = b.shape(400, 300, kind="ellipse")
    c = b.connector(at(a_shape, port), at(b_shape))
    doc = b.doc()

    pts = route(doc, c).points
    source = route_input(doc, c).source

    assert is_axis_aligned(pts)
    assert source.point == pts[0]
    if port is not None:
        assert port_page(a_shape, port) == pts[0]
