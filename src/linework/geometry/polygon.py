"""Polygon queries on outlines: area, ray hits, containment, distance to edge.

Outlines are closed implicitly: the last point connects back to the first.
Shared by the shape kinds (outlines, hit tests) and the router (where a
floating connector end leaves its shape).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from linework.geometry import Vec


def signed_area(pts: Sequence[Vec]) -> float:
    """Return the shoelace area; positive when clockwise on screen (y down).

    >>> signed_area([Vec(0, 0), Vec(2, 0), Vec(2, 1), Vec(0, 1)])
    2.0
    """
    n = len(pts)
    s = 0.0
    for i in range(n):
        a, b = pts[i], pts[(i + 1) % n]
        s += a.x * b.y - b.x * a.y
    return s / 2


def farthest_hit(
    origin: Vec, direction: Vec, pts: Sequence[Vec], *, eps: float = 1e-12
) -> Vec | None:
    """Return the last crossing of the ray ``origin + t·direction`` with the outline.

    The last crossing is the silhouette seen from outside, which is where a
    connector must stop even on concave kinds (star, cross, cloud). An edge
    counts when the ray meets it within ``eps`` (as a fraction of the edge)
    of its ends, so a ray through a vertex is not lost to rounding.

    >>> square = [Vec(0, 0), Vec(2, 0), Vec(2, 2), Vec(0, 2)]
    >>> farthest_hit(Vec(1, 1), Vec(1, 0), square)
    Vec(x=2.0, y=1.0)
    """
    # Plain floats instead of Vec arithmetic (this runs for every floating end
    # on every edge of curved outlines); each expression is the one Vec.cross
    # and Vec.__sub__ evaluate, in the same order, so results are bit-identical.
    best_t = -1.0
    best: tuple[float, float] | None = None
    ox, oy = origin.x, origin.y
    dx, dy = direction.x, direction.y
    n = len(pts)
    if n == 0:
        return None
    # Along an axis (the rays routing casts) an edge wholly on one side of the
    # ray, by more than the eps slack allows for, cannot be accepted below: its
    # s is then below -eps or above 1 + eps with room to spare for rounding
    # (the margin is 4·eps). Skip those with two comparisons.
    axis = 0
    o = 0.0
    if dy == 0 and (dx == 1 or dx == -1):
        axis, o = 1, oy
    elif dx == 0 and (dy == 1 or dy == -1):
        axis, o = 2, ox
    slack = 4 * eps
    b = pts[0]
    for i in range(n):
        a, b = b, pts[i + 1] if i + 1 < n else pts[0]
        if axis:
            if axis == 1:
                lo, hi = (a.y, b.y) if a.y <= b.y else (b.y, a.y)
            else:
                lo, hi = (a.x, b.x) if a.x <= b.x else (b.x, a.x)
            if (lo > o and lo - o > slack * (hi - lo)) or (
                hi < o and o - hi > slack * (hi - lo)
            ):
                continue
        ax, ay = a.x, a.y
        ex, ey = b.x - ax, b.y - ay
        denom = dx * ey - dy * ex
        if denom == 0.0:
            continue  # parallel: the neighbouring edges report the crossing
        aox, aoy = ax - ox, ay - oy
        t = (aox * ey - aoy * ex) / denom
        if t >= 0.0 and t > best_t:
            s = (aox * dy - aoy * dx) / denom
            if -eps <= s <= 1.0 + eps:
                best_t = t
                # Interpolate on the edge, not the ray, so the point lies on it.
                s = min(1.0, max(0.0, s))
                best = (ax + ex * s, ay + ey * s)
    return None if best is None else Vec(best[0], best[1])


def distance_to_boundary(p: Vec, pts: Sequence[Vec]) -> float:
    """Return the distance from ``p`` to the nearest edge of the outline.

    >>> distance_to_boundary(Vec(1, 3), [Vec(0, 0), Vec(2, 0), Vec(2, 2), Vec(0, 2)])
    1.0
    """
    best = math.inf
    n = len(pts)
    for i in range(n):
        a, b = pts[i], pts[(i + 1) % n]
        e = b - a
        ll = e.dot(e)
        t = 0.0 if ll == 0.0 else min(1.0, max(0.0, (p - a).dot(e) / ll))
        best = min(best, math.hypot(a.x + e.x * t - p.x, a.y + e.y * t - p.y))
    return best


def is_inside(p: Vec, pts: Sequence[Vec]) -> bool:
    """Return whether ``p`` is strictly inside the outline (even-odd rule).

    >>> is_inside(Vec(1, 1), [Vec(0, 0), Vec(2, 0), Vec(2, 2), Vec(0, 2)])
    True
    """
    inside = False
    n = len(pts)
    for i in range(n):
        a, b = pts[i], pts[(i + 1) % n]
        if (a.y > p.y) != (b.y > p.y):
            x = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y)
            if p.x < x:
                inside = not inside
    return inside
