"""Curved routes: knots on the orthogonal route, joined by a Catmull-Rom spline.

The spline is *centripetal* (alpha = 1/2): with the uneven knot spacing of a
route (a 20 px stub next to a 300 px run) the uniform kind overshoots into
loops and cusps, the centripetal kind provably does not. It becomes cubic
Béziers (the d3-shape conversion) so SVG can draw it exactly.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Final

from linework.geometry import Vec
from linework.geometry.bezier import cubic_point
from linework.routing._geom import simplify
from linework.routing.orthogonal import orthogonal
from linework.routing.types import RouteInput

Cubic = tuple[Vec, Vec, Vec, Vec]
#: Samples per Bézier when a curve is measured as a polyline.
FLATTEN_STEPS: Final = 16


def curved(inp: RouteInput) -> tuple[Vec, ...]:
    """Return the knots of a smooth curve that follows the orthogonal route.

    The knots are the two ends, the middle of every inner segment, and every
    waypoint, which the curve passes through. The curve leaves and enters
    perpendicular to the sides because :func:`beziers` is given the end
    directions of the orthogonal route (see ``Route.start_dir``).
    """
    return knots(orthogonal(inp), inp.waypoints)


def knots(points: Sequence[Vec], waypoints: Sequence[Vec] = ()) -> tuple[Vec, ...]:
    """Return the spline knots for an orthogonal polyline.

    Corners are not knots, as a spline forced through a corner wobbles
    around it; the middles of the runs between them are, and the waypoints.

    >>> knots([Vec(0, 0), Vec(100, 0), Vec(100, 100), Vec(200, 100)])
    (Vec(x=0, y=0), Vec(x=100.0, y=50.0), Vec(x=200, y=100))
    """
    if len(points) <= 2:
        return tuple(points)
    pinned = set(waypoints)
    last = len(points) - 2
    out = [points[0]]
    for i in range(1, last + 1):
        if points[i] in pinned:
            out.append(points[i])
        # A run that starts or ends at a waypoint already has a knot there;
        # a second one in its middle only makes the curve wobble.
        if i < last and not (points[i] in pinned or points[i + 1] in pinned):
            out.append((points[i] + points[i + 1]) * 0.5)
    out.append(points[-1])
    return simplify(out, keep=out)


def beziers(
    points: Sequence[Vec], start_dir: Vec | None = None, end_dir: Vec | None = None
) -> tuple[Cubic, ...]:
    """Return the Béziers of the centripetal Catmull-Rom spline through ``points``.

    The ends are clamped: the first and last control points sit a third of
    the end chord away along ``-start_dir`` and ``-end_dir`` (which point out
    of the path, as in ``Route``), so the curve leaves and arrives exactly
    along them; without a direction, along the end chord.

    >>> beziers([Vec(0, 0), Vec(3, 0)])
    ((Vec(x=0, y=0), Vec(x=1.0, y=0.0), Vec(x=2.0, y=0.0), Vec(x=3, y=0)),)
    """
    n = len(points)
    if n < 2:
        return ()
    pts = [points[0] * 2 - points[1], *points, points[-1] * 2 - points[-2]]
    out: list[Cubic] = []
    for i in range(1, n):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[i + 1], pts[i + 2]
        out.append((p1, _control(p0, p1, p2), _control(p3, p2, p1), p2))
    if start_dir is not None:
        a, _, c2, b = out[0]
        out[0] = (a, a - start_dir * (a.distance(b) / 3), c2, b)
    if end_dir is not None:
        a, c1, _, b = out[-1]
        out[-1] = (a, c1, b - end_dir * (a.distance(b) / 3), b)
    return tuple(out)


def _control(p0: Vec, p1: Vec, p2: Vec) -> Vec:
    """Return the Bézier control point next to ``p1`` on the segment ``p1``–``p2``."""
    d01, d12 = p0.distance(p1), p1.distance(p2)
    l01, l12 = math.sqrt(d01), math.sqrt(d12)
    if l01 <= 1e-12:
        return p1
    a = 2 * d01 + 3 * l01 * l12 + d12
    k = 3 * l01 * (l01 + l12)
    return Vec(
        (p1.x * a - p0.x * d12 + p2.x * d01) / k,
        (p1.y * a - p0.y * d12 + p2.y * d01) / k,
    )


def flatten(cubics: Sequence[Cubic], steps: int = FLATTEN_STEPS) -> tuple[Vec, ...]:
    """Return points along the Béziers, ``steps`` per curve, ends included."""
    if not cubics:
        return ()
    out = [cubics[0][0]]
    for p0, c1, c2, p1 in cubics:
        out.extend(cubic_point(p0, c1, c2, p1, j / steps) for j in range(1, steps + 1))
        out[-1] = p1  # exact, so the curve ends where the route does
    return tuple(out)
