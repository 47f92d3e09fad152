"""Straight routing: a polyline from end to end through the waypoints."""

from __future__ import annotations

from linework.geometry import Vec
from linework.routing._geom import simplify
from linework.routing.types import RouteInput


def straight(inp: RouteInput) -> tuple[Vec, ...]:
    """Return the ends joined through every waypoint, in order."""
    pts = (inp.source.point, *inp.waypoints, inp.target.point)
    return simplify(pts, keep=pts)
