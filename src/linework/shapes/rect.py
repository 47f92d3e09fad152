"""Rectangles, rounded or not: rectangle, rounded-rectangle and process."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from linework.geometry import Box, Vec
from linework.model import Shape
from linework.shapes._curves import SQRT_HALF, arc, closed
from linework.shapes.kind import KindBase, box_rect, rect_ports
from linework.shapes.table import table_kind
from linework.svg import SvgNode


def corner_radius(shape: Shape, default_frac: float = 0.0) -> float:
    """Return the style's corner radius, or ``default_frac`` of the short side.

    Clamped to half the short side so opposite corners never overlap.
    """
    short = min(shape.box.w, shape.box.h)
    r = shape.style.corner_radius
    if r <= 0:
        r = short * default_frac
    return max(0.0, min(r, short / 2))


def rounded_outline(box: Box, r: float, segments: int = 8) -> tuple[Vec, ...]:
    """Return a rectangle outline whose corners are quarter circles of radius ``r``."""
    x, y, right, bottom = box.x, box.y, box.right, box.bottom
    if r <= 0:
        return (Vec(x, y), Vec(right, y), Vec(right, bottom), Vec(x, bottom))
    pts = [
        *arc(Vec(x + r, y + r), r, r, 180, 270, segments),
        *arc(Vec(right - r, y + r), r, r, 270, 360, segments),
        *arc(Vec(right - r, bottom - r), r, r, 0, 90, segments),
        *arc(Vec(x + r, bottom - r), r, r, 90, 180, segments),
    ]
    return closed(pts)


def rect_node(box: Box, r: float = 0.0) -> SvgNode:
    """Return a ``<rect>``, with ``rx``/``ry`` only when rounded."""
    if r > 0:
        return box_rect(box, rx=r, ry=r)
    return box_rect(box)


def fixed_radius(shape: Shape, default: float) -> float:
    """Return the style's corner radius or ``default``, at most half the short side."""
    r = shape.style.corner_radius or default
    return max(0.0, min(r, min(shape.box.w, shape.box.h) / 2))


class RoundedBox:
    """Mix-in: a rectangle rounded by ``_radius``; ports sit on the corner arcs.

    Kinds that draw more than the one ``<rect>`` override ``body`` only.
    """

    __slots__ = ()

    def _radius(self, shape: Shape) -> float:
        raise NotImplementedError

    def outline(self, shape: Shape) -> tuple[Vec, ...]:
        """Return the (rounded) rectangle."""
        return rounded_outline(shape.box, self._radius(shape))

    def ports(self, shape: Shape) -> dict[str, Vec]:
        """Return edge midpoints and corners (on the arc when rounded)."""
        return rect_ports(shape.box, self._radius(shape) * (1 - SQRT_HALF))

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return one ``<rect>``."""
        return (rect_node(shape.box, self._radius(shape)),)


@dataclass(frozen=True, slots=True, kw_only=True)
class RectKind(RoundedBox, KindBase):
    """A rectangle honouring ``style.corner_radius``.

    ``default_radius_frac`` rounds the corners even when the style says 0 (the
    rounded rectangle uses 0.15 of the short side).
    """

    default_radius_frac: float = 0.0

    def _radius(self, shape: Shape) -> float:
        return corner_radius(shape, self.default_radius_frac)


@dataclass(frozen=True, slots=True, kw_only=True)
class RoundedKind(RoundedBox, KindBase):
    """A rounded rectangle of a fixed corner radius (UML state, C4 element)."""

    radius: float = 10.0

    def _radius(self, shape: Shape) -> float:
        return fixed_radius(shape, self.radius)


#: What unknown kinds are drawn as (``registry.FALLBACK_KIND``).
RECTANGLE: Final = table_kind(RectKind, "rectangle")
