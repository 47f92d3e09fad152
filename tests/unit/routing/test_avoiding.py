"""Orthogonal routes round the shapes in the way (#12): fixed layouts.

An org chart's row, one shape between the ends, parallel connectors into one
target, and draw.io waypoint edges: no route enters a shape's inside, and
each keeps the expected number of corners.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

import pytest

from linework.geometry import Box, Vec
from linework.model import Connector, Document, Patch, Shape
from linework.routing import route
from linework.routing.obstacles import grid_of

from ._build import Builder, at, enters, is_axis_aligned, passes_in_order


def corners(points: Sequence[Vec]) -> int:
    """Return how many times the path turns (collinear vertices are no corner)."""
    n = 0
    for a, b, c in zip(points, points[1:], points[2:], strict=False):
        ux, uy, vx, vy = b.x - a.x, b.y - a.y, c.x - b.x, c.y - b.y
        if abs(ux * vy - uy * vx) > 1e-6 or ux * vx + uy * vy < 0:
            n += 1
    return n


def clear_of(doc: Document, c: Connector, points: Sequence[Vec]) -> list[str]:
    """Return the shapes (other than the ends) whose inside the path enters."""
    ends = {getattr(c.source, "shape", None), getattr(c.target, "shape", None)}
    return [
        r.id
        for r in doc.records.values()
        if isinstance(r, Shape) and r.id not in ends and enters(points, r.box)
    ]


def test_org_chart_row_goes_round_the_middle_box() -> None:
    """CTO, CFO, COO on one row: CTO→COO goes round CFO with 4 corners."""
    b = Builder()
    cto = b.shape(0, 0)
    b.shape(200, 0)  # CFO, between them
    coo = b.shape(400, 0)
    c = b.connector(at(cto), at(coo))
    doc = b.doc()

    pts = route(doc, c).points

    assert is_axis_aligned(pts)
    assert [] == clear_of(doc, c, pts)
    assert 4 == corners(pts)


def test_org_chart_from_the_top_box_to_the_middle_of_the_row() -> None:
    """CEO above CFO; CEO→COO (the row's middle) does not cross CFO."""
    b = Builder()
    ceo = b.shape(0, 0)
    b.shape(0, 150)  # CFO, under the CEO
    coo = b.shape(200, 150)
    b.shape(400, 150)  # CTO
    c = b.connector(at(ceo), at(coo))
    doc = b.doc()

    pts = route(doc, c).points

    assert [] == clear_of(doc, c, pts)
    assert corners(pts) <= 2


def test_a_shape_between_the_ends_is_avoided_with_a_margin() -> None:
    """A tall shape between two side-by-side shapes: round it, 12 units clear."""
    b = Builder()
    left, right = b.shape(0, 100), b.shape(500, 100)
    mid = b.shape(230, 40, 60, 180)
    c = b.connector(at(left), at(right))
    doc = b.doc()

    pts = route(doc, c).points

    assert [] == clear_of(doc, c, pts)
    grown = Box(mid.box.x - 11.5, mid.box.y - 11.5, mid.box.w + 23, mid.box.h + 23)
    assert not enters(pts, grown)  # the margin
    assert 4 == corners(pts)


def test_without_a_shape_in_the_way_the_route_is_straight() -> None:
    b = Builder()
    left, right = b.shape(0, 100), b.shape(500, 100)
    b.shape(230, 300, 60, 60)  # below the line: not in the way
    c = b.connector(at(left), at(right))
    assert 0 == corners(route(b.doc(), c).points)


@pytest.mark.parametrize("shift", [2.0, 4.0, 8.0, 13.0])
def test_parallel_connectors_into_one_target_share_a_trunk_or_keep_apart(
    shift: float,
) -> None:
    """Two sources almost aligned: their vertical runs coincide or are 10 apart."""
    b = Builder()
    s1, s2 = b.shape(0, 0), b.shape(shift, 240)
    target = b.shape(400, 120)
    c1, c2 = b.connector(at(s1), at(target)), b.connector(at(s2), at(target))
    doc = b.doc()

    runs = []
    for c in (c1, c2):
        pts = route(doc, c).points
        assert [] == clear_of(doc, c, pts)
        assert 2 == corners(pts)
        runs.append(next(p.x for p, q in pairwise(pts) if p.x == q.x and p.y != q.y))
    gap = abs(runs[0] - runs[1])
    assert gap == 0 or gap >= 10, runs


def _segment_route_case() -> tuple[Document, Connector, list[Vec]]:
    """A draw.io orthogonal edge whose three points sit on its segments
    (where draw.io's segment handles put them)."""
    b = Builder()
    a, t = b.shape(0, 0), b.shape(400, 300)
    wps = [Vec(200, 90), Vec(250, 150), Vec(300, 240)]
    c = b.connector(at(a, "e"), at(t, "w"), waypoints=wps)
    return b.doc(), c, wps


def test_drawio_waypoints_on_segments_guide_the_route_without_loops() -> None:
    """Three points on the segments: 4 corners, through every point in order."""
    doc, c, wps = _segment_route_case()

    pts = route(doc, c).points

    assert is_axis_aligned(pts)
    assert passes_in_order(pts, wps)
    assert [] == clear_of(doc, c, pts)
    assert 4 == corners(pts)


def test_a_waypoint_behind_the_turn_costs_no_loop() -> None:
    """Points that a leg-by-leg search reached facing the wrong way (10 corners
    before): through them in order with 6."""
    b = Builder()
    a, t = b.shape(0, 0), b.shape(400, 300)
    wps = [Vec(200, -50), Vec(200, 400), Vec(300, 400)]
    c = b.connector(at(a), at(t), waypoints=wps)
    pts = route(b.doc(), c).points
    assert passes_in_order(pts, wps)
    assert corners(pts) <= 6


def test_the_obstacle_grid_follows_patches() -> None:
    """A shape moved into the way after the grid was built is seen by a fresh route."""
    b = Builder()
    left, right = b.shape(0, 100), b.shape(500, 100)
    mover = b.shape(230, 600, 60, 180)
    c = b.connector(at(left), at(right))
    doc = b.doc()
    assert 0 == corners(route(doc, c).points)
    grid_of(doc)  # built on this document
    moved = replace(mover, box=Box(230, 40, 60, 180))
    doc2 = doc.apply(Patch(updated={mover.id: (mover, moved)}))
    # A connector edited anew (a fresh record) routes on the carried grid.
    c2 = replace(c, style=replace(c.style, stroke_width=2.0))
    doc3 = doc2.apply(Patch(updated={c.id: (c, c2)}))
    pts = route(doc3, c2).points
    assert [] == clear_of(doc3, c2, pts)
    assert 4 == corners(pts)


def test_a_run_through_a_crowd_keeps_its_plain_course() -> None:
    """Past MAX_AVOIDED shapes in the way the route does not search round them
    all (a connector from the end of a long row back to its start)."""
    from linework.routing.orthogonal import MAX_AVOIDED

    b = Builder()
    row = [b.shape(i * 160.0, 0) for i in range(MAX_AVOIDED + 3)]
    c = b.connector(at(row[-1]), at(row[0]))
    doc = b.doc()
    pts = route(doc, c).points
    assert is_axis_aligned(pts)
    assert clear_of(doc, c, pts)  # straight through, as draw.io draws it
