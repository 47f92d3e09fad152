"""Measuring routes: path data, points along them, hit distance, trimming."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linework.geometry import Vec
from linework.routing import Route, hit_distance, length, path_data, point_at, trimmed

L_ROUTE = Route(
    points=(Vec(0, 0), Vec(10, 0), Vec(10, 10)),
    start_dir=Vec(-1, 0),
    end_dir=Vec(0, 1),
)


def test_path_data_of_a_polyline() -> None:
    """A straight or orthogonal route is ``M`` then ``L`` per vertex."""
    actual = path_data(L_ROUTE)

    expected = "M0 0L10 0L10 10"
    assert expected == actual


@pytest.mark.parametrize(
    ("t", "expected"),
    [
        (0.0, (Vec(0, 0), Vec(1, 0))),
        (0.25, (Vec(5, 0), Vec(1, 0))),
        (0.75, (Vec(10, 5), Vec(0, 1))),
        (1.0, (Vec(10, 10), Vec(0, 1))),
        (-3.0, (Vec(0, 0), Vec(1, 0))),
        (7.0, (Vec(10, 10), Vec(0, 1))),
    ],
)
def test_point_at_walks_the_route_by_length(
    t: float, expected: tuple[Vec, Vec]
) -> None:
    """Fractions are of the length; out-of-range fractions are clamped."""
    actual = point_at(L_ROUTE, t)

    assert expected == actual


def test_point_at_on_a_zero_length_route() -> None:
    """A route with no length still gives a point and a unit tangent."""
    actual = point_at(Route(points=(Vec(3, 4), Vec(3, 4))), 0.5)

    expected = (Vec(3, 4), Vec(1, 0))
    assert expected == actual


def test_hit_distance_is_the_distance_to_the_nearest_segment() -> None:
    """Points on the route are at 0; others at their distance from it."""
    actual = (
        hit_distance(L_ROUTE, Vec(5, 0)),
        hit_distance(L_ROUTE, Vec(5, 3)),
        hit_distance(L_ROUTE, Vec(13, 14)),
    )

    expected = (0.0, 3.0, 5.0)
    assert expected == actual


def test_trimmed_pulls_both_ends_back_along_the_route() -> None:
    """Trimming moves each end toward its neighbour."""
    actual = trimmed(L_ROUTE, 2, 3).points

    expected = (Vec(2, 0), Vec(10, 0), Vec(10, 7))
    assert expected == actual


def test_trimmed_never_takes_more_than_half_an_end_segment() -> None:
    """Asking for more than the segment keeps the line from vanishing."""
    actual = trimmed(L_ROUTE, 100, 100).points

    expected = (Vec(5, 0), Vec(10, 0), Vec(10, 5))
    assert expected == actual


@given(
    st.lists(
        st.builds(
            Vec,
            st.integers(-100, 100).map(float),
            st.integers(-100, 100).map(float),
        ),
        min_size=3,
        max_size=6,
    ),
    st.floats(0, 1),
)
def test_curved_point_at_lies_on_the_drawn_curve(pts: list[Vec], t: float) -> None:
    """Labels on a curve sit on it: ``point_at`` is at distance ~0 from the curve."""
    r = Route(points=tuple(pts), curved=True)

    p, tangent = point_at(r, t)

    assert hit_distance(r, p) == pytest.approx(0, abs=1e-6)
    assert math.isfinite(length(r))
    assert tangent.length() == pytest.approx(1) or tangent == Vec(1, 0)
