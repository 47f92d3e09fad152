"""Flatten circles and elliptical arcs into points (cubics: geometry.bezier).

Outlines are polygons so hit-testing and connector clipping stay simple; the
drawing keeps the true curves. Right angles are exact so that the compass points
of an ellipse are vertices of its outline, bit for bit, on every platform.
"""

from __future__ import annotations

import math

from linework.geometry import Vec

SQRT_HALF = math.sqrt(0.5)


def cos_sin_deg(deg: float) -> tuple[float, float]:
    """Return (cos, sin) of an angle in degrees, exact at multiples of 90°.

    >>> cos_sin_deg(270)
    (0.0, -1.0)
    """
    hit = _TRIG.get(deg)
    if hit is not None:
        return hit
    d = deg % 360.0
    if d % 90.0 == 0.0:
        out = {0.0: (1.0, 0.0), 90.0: (0.0, 1.0), 180.0: (-1.0, 0.0)}.get(
            d, (0.0, -1.0)
        )
    else:
        r = math.radians(d)
        out = math.cos(r), math.sin(r)
    if len(_TRIG) >= 4096:
        _TRIG.clear()
    _TRIG[deg] = out
    return out


# Outlines use the same few angles (every 11.25° of an ellipse, the corners of
# rounded rectangles) for every shape; the answer depends on the angle alone.
_TRIG: dict[float, tuple[float, float]] = {}


def arc(
    c: Vec, rx: float, ry: float, start_deg: float, end_deg: float, segments: int
) -> list[Vec]:
    """Return ``segments + 1`` points along an elliptical arc, both ends included.

    Angles grow clockwise on screen (SVG's y-down convention), 0° pointing east.

    >>> arc(Vec(0, 0), 2, 1, 0, 90, 1)
    [Vec(x=2.0, y=0.0), Vec(x=0.0, y=1.0)]
    """
    cx, cy = c.x, c.y
    return [
        Vec(cx + rx * co, cy + ry * si)
        for co, si in _arc_trig(start_deg, end_deg, segments)
    ]


# (cos, sin) along an arc, by its angles and segment count: every ellipse and
# rounded corner of a document uses the same few arcs.
# The key holds the angles' types too: an int and an equal float subtract alike
# only while exact, so they never share an entry.
_ARCS: dict[tuple[float, float, int, type, type], list[tuple[float, float]]] = {}


def _arc_trig(
    start_deg: float, end_deg: float, segments: int
) -> list[tuple[float, float]]:
    key = (start_deg, end_deg, segments, type(start_deg), type(end_deg))
    hit = _ARCS.get(key)
    if hit is None:
        step = (end_deg - start_deg) / segments
        hit = [cos_sin_deg(start_deg + step * k) for k in range(segments + 1)]
        if len(_ARCS) >= 1024:
            _ARCS.clear()
        _ARCS[key] = hit
    return hit


def ellipse(c: Vec, rx: float, ry: float, segments: int = 32) -> tuple[Vec, ...]:
    """Return a closed ellipse outline starting east, without repeating it.

    >>> len(ellipse(Vec(0, 0), 1, 1))
    32
    """
    return tuple(arc(c, rx, ry, 0.0, 360.0, segments)[:-1])


def ellipse_ports(c: Vec, rx: float, ry: float) -> dict[str, Vec]:
    """Return an ellipse's four extremes as the compass ports n, e, s, w."""
    return {
        "n": Vec(c.x, c.y - ry),
        "e": Vec(c.x + rx, c.y),
        "s": Vec(c.x, c.y + ry),
        "w": Vec(c.x - rx, c.y),
    }


def closed(points: list[Vec]) -> tuple[Vec, ...]:
    """Drop repeated consecutive points and a closing repeat of the first one.

    >>> closed([Vec(0, 0), Vec(1, 0), Vec(1, 0), Vec(0, 1), Vec(0, 0)])
    (Vec(x=0, y=0), Vec(x=1, y=0), Vec(x=0, y=1))
    """
    # Compared as (x, y) tuples: what Vec's generated __eq__ does, minus its
    # call overhead (outlines of rounded shapes go through here point by point).
    out: list[Vec] = []
    last: tuple[float, float] | None = None
    for p in points:
        xy = (p.x, p.y)
        if last is None or last != xy:
            out.append(p)
            last = xy
    while len(out) > 1 and out[-1] == out[0]:
        out.pop()
    return tuple(out)
