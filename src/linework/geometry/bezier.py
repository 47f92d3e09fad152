"""Cubic Bézier curves: one point, and a curve sampled into a polyline.

Shared by the shape kinds (curved outlines) and the router (curved connectors),
so both evaluate a curve with the same expression and get the same bytes.
"""

from __future__ import annotations

from linework.geometry.vec import Vec


def cubic_point(p0: Vec, p1: Vec, p2: Vec, p3: Vec, t: float) -> Vec:
    """Return the point at ``t`` (0..1) of the cubic Bézier ``p0 p1 p2 p3``.

    >>> cubic_point(Vec(0, 0), Vec(0, 1), Vec(1, 1), Vec(1, 0), 0.5)
    Vec(x=0.5, y=0.75)
    """
    u = 1.0 - t
    a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
    return Vec(
        a * p0.x + b * p1.x + c * p2.x + d * p3.x,
        a * p0.y + b * p1.y + c * p2.y + d * p3.y,
    )


def cubic(p0: Vec, p1: Vec, p2: Vec, p3: Vec, segments: int = 16) -> list[Vec]:
    """Return ``segments + 1`` points along a cubic Bézier curve, ends included.

    >>> cubic(Vec(0, 0), Vec(0, 1), Vec(1, 1), Vec(1, 0), 2)[1]
    Vec(x=0.5, y=0.75)
    """
    return [cubic_point(p0, p1, p2, p3, k / segments) for k in range(segments + 1)]
