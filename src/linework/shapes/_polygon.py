"""Polygon queries on outlines: area, ray hits, containment, distance to edge.

Outlines are closed implicitly: the last point connects back to the first.
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


def farthest_hit(origin: Vec, direction: Vec, pts: Sequence[Vec]) -> Vec | None:
    """Return the last crossing of the ray ``origin + t·direction`` with the outline.

    The last crossing is the silhouette seen from outside, which is where a
    connector must stop even on concave kinds (star, cross, cloud).

    >>> square = [Vec(0, 0), Vec(2, 0), Vec(2, 2), Vec(0, 2)]
    >>> farthest_hit(Vec(1, 1), Vec(1, 0), square)
    Vec(x=2.0, y=1.0)
    """
    # Plain floats instead of Vec arithmetic: each expression is the one
    # Vec.cross and Vec.__sub__ evaluate, in the same order (bit-identical).
    best_t = -1.0
    best: tuple[float, float] | None = None
    ox, oy = origin.x, origin.y
    dx, dy = direction.x, direction.y
    n = len(pts)
    if n == 0:
        return None
    b = pts[0]
    for i in range(n):
        a, b = b, pts[i + 1] if i + 1 < n else pts[0]
        ax, ay = a.x, a.y
        ex, ey = b.x - ax, b.y - ay
        denom = dx * ey - dy * ex
        if denom == 0.0:
            continue  # parallel: the neighbouring edges report the crossing
        aox, aoy = ax - ox, ay - oy
        t = (aox * ey - aoy * ex) / denom
        if t >= 0.0 and t > best_t:
            s = (aox * dy - aoy * dx) / denom
            if -1e-12 <= s <= 1.0 + 1e-12:
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
