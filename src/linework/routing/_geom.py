"""Small polyline helpers shared by the routers and the measurements."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Final

from linework.geometry import Vec
from linework.geometry.polygon import farthest_hit

#: Below this, two coordinates are the same line (page units are CSS px).
EPS: Final = 1e-9


def ray_exit(origin: Vec, direction: Vec, outline: Sequence[Vec]) -> Vec | None:
    """Return the farthest crossing of a ray with a closed outline, or None.

    The farthest crossing is the silhouette seen from outside, which is where
    a connector has to stop even on concave outlines; ``EPS`` is routing's
    tolerance for a ray through a vertex.

    >>> ray_exit(Vec(1, 1), Vec(1, 0), [Vec(0, 0), Vec(2, 0), Vec(2, 2), Vec(0, 2)])
    Vec(x=2.0, y=1.0)
    """
    return farthest_hit(origin, direction, outline, eps=EPS)


def simplify(points: Sequence[Vec], keep: Sequence[Vec] = ()) -> tuple[Vec, ...]:
    """Drop repeated points and the middle of straight runs, but not ``keep``.

    Waypoints are kept even in the middle of a run, so a curve built on the
    result still passes through them. A point where the path turns back is
    kept too: it is a corner, not a straight run.

    >>> simplify([Vec(0, 0), Vec(0, 0), Vec(1, 0), Vec(2, 0), Vec(2, 1)])
    (Vec(x=0, y=0), Vec(x=2, y=0), Vec(x=2, y=1))
    """
    # Plain floats instead of Vec arithmetic; each expression is the one
    # Vec.__sub__, cross, length (hypot) and dot evaluate, so bit-identical.
    # Without waypoints nothing is pinned, which spares hashing every point.
    pinned = set(keep) if keep else None
    hypot = math.hypot
    out: list[Vec] = []
    for p in points:
        if out:
            b = out[-1]
            px, py, bx, by = p.x, p.y, b.x, b.y
            if abs(bx - px) <= EPS and abs(by - py) <= EPS:
                continue
            if len(out) >= 2 and (pinned is None or b not in pinned):
                a = out[-2]
                ux, uy = bx - a.x, by - a.y
                vx, vy = px - bx, py - by
                if abs(ux * vy - uy * vx) <= EPS * max(
                    1.0, hypot(ux, uy) * hypot(vx, vy)
                ) and (ux * vx + uy * vy > 0):
                    out[-1] = p
                    continue
        out.append(p)
    return tuple(out)


def segment_distance(p: Vec, a: Vec, b: Vec) -> float:
    """Return the distance from ``p`` to the segment ``a``–``b``.

    >>> segment_distance(Vec(1, 1), Vec(0, 0), Vec(2, 0))
    1.0
    """
    ab = b - a
    n2 = ab.dot(ab)
    if n2 == 0.0:
        return p.distance(a)
    t = min(1.0, max(0.0, (p - a).dot(ab) / n2))
    return p.distance(Vec(a.x + ab.x * t, a.y + ab.y * t))
