"""A cylinder (database): a body below a top ellipse whose front rim is drawn."""

from __future__ import annotations

from dataclasses import dataclass

from linework.geometry import Box, Vec
from linework.model import Shape
from linework.shapes._curves import arc, closed
from linework.shapes.kind import KindBase, side_ports
from linework.svg import SvgNode, node, path_d


def cap_height(box: Box) -> float:
    """Return the vertical radius of the end ellipses: an eighth of the height.

    Capped at a quarter of the width so thin cylinders keep flat-looking caps.
    """
    return min(box.h / 8, box.w / 4)


@dataclass(frozen=True, slots=True, kw_only=True)
class CylinderKind(KindBase):
    """An upright cylinder; the label sits in the body under the top ellipse."""

    def outline(self, shape: Shape) -> tuple[Vec, ...]:
        """Return the back of the top ellipse, the sides and the bottom's front."""
        b = shape.box
        ry, rx = cap_height(b), b.w / 2
        cx = b.center.x
        return closed(
            [
                *arc(Vec(cx, b.y + ry), rx, ry, 180, 360, 16),
                *arc(Vec(cx, b.bottom - ry), rx, ry, 0, 180, 16),
            ]
        )

    def ports(self, shape: Shape) -> dict[str, Vec]:
        """Return the top and bottom extremes and the side midpoints."""
        return side_ports(shape.box)

    def label_box(self, shape: Shape) -> Box:
        """Return the body between the top ellipse and the bottom curve."""
        b = shape.box
        ry = cap_height(b)
        return Box(b.x, b.y + 2 * ry, b.w, b.h - 3 * ry)

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the filled silhouette, then the unfilled front rim of the top."""
        b = shape.box
        ry, rx = cap_height(b), b.w / 2
        top, bot = b.y + ry, b.bottom - ry
        silhouette = path_d(
            [
                ("M", (b.x, top)),
                ("A", (rx, ry, 0, 0, 1, b.right, top)),
                ("L", (b.right, bot)),
                ("A", (rx, ry, 0, 0, 1, b.x, bot)),
                ("Z", ()),
            ]
        )
        rim = path_d([("M", (b.x, top)), ("A", (rx, ry, 0, 0, 0, b.right, top))])
        return (node("path", d=silhouette), node("path", d=rim, fill="none"))
