"""Measure routes: SVG path data, points along them, hit distance, trimming."""

from __future__ import annotations

from linework.geometry import Vec, fmt
from linework.routing._geom import segment_distance
from linework.routing.curves import beziers, flatten
from linework.routing.types import Route
from linework.svg import path_d

_EAST = Vec(1.0, 0.0)


def path_data(route: Route) -> str:
    """Return the SVG ``d`` of a route: ``M…L…`` or, when curved, ``M…C…``.

    >>> path_data(Route(points=(Vec(0, 0), Vec(10, 0), Vec(10, 5))))
    'M0 0L10 0L10 5'
    """
    pts = route.points
    if not pts:
        return ""
    if not route.curved:
        # What path_d makes of M and L commands, without building them.
        p0 = pts[0]
        head = "M" + fmt(p0.x) + " " + fmt(p0.y)
        return head + "".join(["L" + fmt(p.x) + " " + fmt(p.y) for p in pts[1:]])
    cmds: list[tuple[str, tuple[float, ...]]] = [("M", (pts[0].x, pts[0].y))]
    for _, c1, c2, p in beziers(pts, route.start_dir, route.end_dir):
        cmds.append(("C", (c1.x, c1.y, c2.x, c2.y, p.x, p.y)))
    return path_d(cmds)


def polyline(route: Route) -> tuple[Vec, ...]:
    """Return the route as drawn, as a polyline (curves are sampled).

    Use it for bounds and measurements; the SVG uses :func:`path_data`.
    """
    if route.curved:
        return flatten(beziers(route.points, route.start_dir, route.end_dir))
    return route.points


def length(route: Route) -> float:
    """Return the drawn length of the route."""
    pts = polyline(route)
    return sum(pts[i].distance(pts[i + 1]) for i in range(len(pts) - 1))


def point_at(route: Route, t: float) -> tuple[Vec, Vec]:
    """Return the point at fraction ``t`` of the route's length and the unit tangent.

    ``t`` is clamped to 0..1. A zero-length route gives its first point and
    an eastward tangent, so a label still has somewhere to go.

    >>> point_at(Route(points=(Vec(0, 0), Vec(10, 0), Vec(10, 10))), 0.75)
    (Vec(x=10.0, y=5.0), Vec(x=0.0, y=1.0))
    """
    pts = polyline(route)
    if not pts:
        return Vec(0.0, 0.0), _EAST
    segs = [(pts[i], pts[i + 1]) for i in range(len(pts) - 1)]
    lengths = [a.distance(b) for a, b in segs]
    total = sum(lengths)
    if total == 0.0:
        return pts[0], _EAST
    left = min(1.0, max(0.0, t)) * total
    for (a, b), n in zip(segs, lengths, strict=True):
        if n == 0.0:
            continue
        if left <= n:
            k = left / n
            return Vec(a.x + (b.x - a.x) * k, a.y + (b.y - a.y) * k), (b - a) * (1 / n)
        left -= n
    # Rounding left a sliver past the end: the tangent of the last real segment.
    a, b = next(seg for seg, n in zip(segs[::-1], lengths[::-1], strict=True) if n)
    return pts[-1], (b - a).normalized()


def hit_distance(route: Route, p: Vec) -> float:
    """Return the distance from ``p`` to the route as drawn (for hit-testing)."""
    pts = polyline(route)
    if len(pts) == 1:
        return p.distance(pts[0])
    return min(
        (segment_distance(p, pts[i], pts[i + 1]) for i in range(len(pts) - 1)),
        default=float("inf"),
    )


def trimmed(route: Route, start: float, end: float) -> Route:
    """Return the route shortened by ``start`` and ``end`` at its two ends.

    Used to pull a line back under its arrowheads. Each end moves back along
    its end direction (for a polyline, along its end segment; for a curve,
    along its tangent, so the curve keeps its heading), by at most half the
    end chord, so the line never vanishes or turns round.
    """
    pts = list(route.points)
    if len(pts) < 2:
        return route
    pts[0] = _pull(pts[0], route.start_dir, pts[0].distance(pts[1]), start)
    pts[-1] = _pull(pts[-1], route.end_dir, pts[-1].distance(pts[-2]), end)
    # Built directly: dataclasses.replace re-reads every field by name, and
    # Route has exactly these four.
    return Route(
        points=tuple(pts),
        curved=route.curved,
        start_dir=route.start_dir,
        end_dir=route.end_dir,
    )


def _pull(p: Vec, out: Vec, chord: float, by: float) -> Vec:
    """Move ``p`` back against ``out`` by ``by``, at most half of ``chord``."""
    step = min(by, chord / 2)
    return p if step <= 0.0 else p - out * step
