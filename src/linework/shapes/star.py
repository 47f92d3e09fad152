"""A star with 3 to 24 points (``props["points"]``, default 5), filling its box."""

from __future__ import annotations

from dataclasses import dataclass

from linework.geometry import Box, Vec
from linework.model import Shape
from linework.shapes._curves import SQRT_HALF, cos_sin_deg
from linework.shapes.kind import KindBase

MIN_POINTS = 3
MAX_POINTS = 24
DEFAULT_POINTS = 5
# The regular pentagram's inner radius (cos 72° / cos 36°); other counts use a
# half-radius ring, which stays star-like from 3 to 24 points.
_PENTAGRAM_INNER = 0.381966
_INNER = 0.5


def star_points(shape: Shape) -> int:
    """Return ``props["points"]`` clamped to 3..24, or 5 if absent or not an int."""
    n = shape.props.get("points", DEFAULT_POINTS)
    if not isinstance(n, int) or isinstance(n, bool):
        return DEFAULT_POINTS
    return max(MIN_POINTS, min(MAX_POINTS, n))


def _unit_star(n: int) -> tuple[list[Vec], float]:
    """Return the unit-circle star, first tip straight up, and its inner radius."""
    inner = _PENTAGRAM_INNER if n == DEFAULT_POINTS else _INNER
    step = 360.0 / n
    pts: list[Vec] = []
    for k in range(n):
        for r, deg in ((1.0, -90.0 + step * k), (inner, -90.0 + step * (k + 0.5))):
            c, s = cos_sin_deg(deg)
            pts.append(Vec(r * c, r * s))
    return pts, inner


@dataclass(frozen=True, slots=True, kw_only=True)
class StarKind(KindBase):
    """The unit star stretched so its bounding box is the shape's box."""

    def _fit(self, shape: Shape) -> tuple[list[Vec], float, Vec, Vec]:
        """Return page points, inner radius, and the unit→page scale and origin."""
        unit, inner = _unit_star(star_points(shape))
        ub = Box.around(unit)
        b = shape.box
        scale = Vec(b.w / ub.w, b.h / ub.h)
        origin = Vec(b.x - ub.x * scale.x, b.y - ub.y * scale.y)
        pts = [Vec(origin.x + p.x * scale.x, origin.y + p.y * scale.y) for p in unit]
        return pts, inner, scale, origin

    def outline(self, shape: Shape) -> tuple[Vec, ...]:
        """Return alternating tips and notches, clockwise from the top tip."""
        return tuple(self._fit(shape)[0])

    def label_box(self, shape: Shape) -> Box:
        """Return the square inscribed in the inner ring (stretched with the star)."""
        _, inner, scale, origin = self._fit(shape)
        hx, hy = inner * SQRT_HALF * scale.x, inner * SQRT_HALF * scale.y
        return Box(origin.x - hx, origin.y - hy, 2 * hx, 2 * hy)
