"""Kinds whose silhouette is a fixed polygon, given as fractions of the box.

Adding one is adding a row to ``kinds.json`` (drawn by ``polygons.PolygonKind``):
the points (clockwise from the top-left), and the label rectangle as fractions
too. Ports are found by casting compass
rays in the unit square; axis-aligned scaling keeps them valid for any box.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from linework.geometry import Box, Vec
from linework.model import Shape
from linework.shapes.kind import KindBase, compass_ports
from linework.shapes.table import table_kind

Frac = tuple[float, float]
_UNIT = Box(0.0, 0.0, 1.0, 1.0)


@dataclass(frozen=True, slots=True, kw_only=True)
class PolygonKind(KindBase):
    """A polygon defined by ``points`` (fractions of the box, clockwise).

    ``label`` is ``(left, top, right, bottom)`` as fractions, chosen to lie
    inside the polygon.
    """

    points: tuple[Frac, ...]
    label: tuple[float, float, float, float] = (0.0, 0.0, 1.0, 1.0)

    def outline(self, shape: Shape) -> tuple[Vec, ...]:
        """Return the table's points scaled into the box."""
        b = shape.box
        return tuple(b.at(fx, fy) for fx, fy in self.points)

    def ports(self, shape: Shape) -> dict[str, Vec]:
        """Return where compass rays from the centre leave the polygon."""
        unit = tuple(Vec(fx, fy) for fx, fy in self.points)
        b = shape.box
        return {k: b.at(p.x, p.y) for k, p in compass_ports(_UNIT, unit).items()}

    def label_box(self, shape: Shape) -> Box:
        """Return the table's label rectangle scaled into the box."""
        b = shape.box
        x0, y0, x1, y1 = self.label
        return Box(b.x + b.w * x0, b.y + b.h * y0, b.w * (x1 - x0), b.h * (y1 - y0))


@dataclass(frozen=True, slots=True, kw_only=True)
class DiamondKind(KindBase):
    """A diamond filling the box (a UML choice; a BPMN gateway draws on one)."""

    def outline(self, shape: Shape) -> tuple[Vec, ...]:
        """Return the four edge midpoints."""
        b = shape.box
        c = b.center
        return (Vec(c.x, b.y), Vec(b.right, c.y), Vec(c.x, b.bottom), Vec(b.x, c.y))

    def ports(self, shape: Shape) -> dict[str, Vec]:
        """Return the four corners of the diamond."""
        n, e, s, w = self.outline(shape)
        return {"n": n, "e": e, "s": s, "w": w}


#: The diamond, for callers that want one kind object directly.
DIAMOND: Final = table_kind(PolygonKind, "diamond")
