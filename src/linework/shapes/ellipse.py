"""Ellipses and circles, with the flowchart's circle-based symbols."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from linework.geometry import Box, Vec
from linework.model import Shape
from linework.shapes._curves import SQRT_HALF, ellipse, ellipse_ports
from linework.shapes.kind import KindBase, lines_node
from linework.svg import SvgNode, node


@dataclass(frozen=True, slots=True, kw_only=True)
class EllipseKind(KindBase):
    """An ellipse filling the box, or a circle on the short side (``is_circle``).

    ``mark`` adds the flowchart decorations: a "+" for "or", an "x" for the
    summing junction.
    """

    is_circle: bool = False
    mark: Literal["none", "plus", "x"] = "none"

    def _radii(self, shape: Shape) -> tuple[Vec, float, float]:
        b = shape.box
        if self.is_circle:
            r = min(b.w, b.h) / 2
            return b.center, r, r
        return b.center, b.w / 2, b.h / 2

    def outline(self, shape: Shape) -> tuple[Vec, ...]:
        """Return 32 points, compass extremes exact."""
        c, rx, ry = self._radii(shape)
        return ellipse(c, rx, ry, 32)

    def ports(self, shape: Shape) -> dict[str, Vec]:
        """Return the four extremes."""
        c, rx, ry = self._radii(shape)
        return ellipse_ports(c, rx, ry)

    def label_box(self, shape: Shape) -> Box:
        """Return the largest inscribed rectangle of the same proportions."""
        c, rx, ry = self._radii(shape)
        hx, hy = rx * SQRT_HALF, ry * SQRT_HALF
        return Box(c.x - hx, c.y - hy, 2 * hx, 2 * hy)

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the ellipse or circle, then the mark's unfilled lines."""
        c, rx, ry = self._radii(shape)
        base = (
            node("circle", cx=c.x, cy=c.y, r=rx)
            if self.is_circle
            else node("ellipse", cx=c.x, cy=c.y, rx=rx, ry=ry)
        )
        if self.mark == "plus":
            return (
                base,
                lines_node(
                    [Vec(c.x, c.y - ry), Vec(c.x, c.y + ry)],
                    [Vec(c.x - rx, c.y), Vec(c.x + rx, c.y)],
                ),
            )
        if self.mark == "x":
            dx, dy = rx * SQRT_HALF, ry * SQRT_HALF
            return (
                base,
                lines_node(
                    [Vec(c.x - dx, c.y - dy), Vec(c.x + dx, c.y + dy)],
                    [Vec(c.x + dx, c.y - dy), Vec(c.x - dx, c.y + dy)],
                ),
            )
        return (base,)
