"""Flowchart symbols with curved or decorated outlines.

Polygon symbols live in ``polygons``, circle symbols in ``ellipse``, documents
in ``document``; process is a ``rect.RectKind``.
"""

from __future__ import annotations

from dataclasses import dataclass

from linework.geometry import Box, Vec
from linework.model import Shape
from linework.shapes._curves import SQRT_HALF, arc, closed
from linework.shapes.kind import BoxKind, KindBase, lines_node, side_ports
from linework.shapes.rect import rect_node, rounded_outline
from linework.svg import SvgNode, node, path_d

_IN45 = 1 - SQRT_HALF  # how far a 45° point of an arc sits in from its box edge


def _inset(b: Box, dx: float, dy: float) -> Box:
    return Box(b.x + dx, b.y + dy, b.w - 2 * dx, b.h - 2 * dy)


@dataclass(frozen=True, slots=True, kw_only=True)
class TerminatorKind(KindBase):
    """A stadium: a rectangle with fully rounded short ends."""

    def outline(self, shape: Shape) -> tuple[Vec, ...]:
        """Return the stadium, its ends flattened."""
        b = shape.box
        return rounded_outline(b, min(b.w, b.h) / 2)

    def ports(self, shape: Shape) -> dict[str, Vec]:
        """Return the edge midpoints."""
        return side_ports(shape.box)

    def label_box(self, shape: Shape) -> Box:
        """Return the box pulled in to the ends' 45° points."""
        b = shape.box
        k = min(b.w, b.h) / 2 * _IN45
        return _inset(b, k, k)

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return a fully rounded ``<rect>``."""
        b = shape.box
        return (rect_node(b, min(b.w, b.h) / 2),)


@dataclass(frozen=True, slots=True, kw_only=True)
class _RuledKind(BoxKind):
    """A rectangle ruled by a vertical line ``_bar`` in from its left side and a
    second inner line (``_second``), both unfilled."""

    def _bar(self, b: Box) -> float:
        raise NotImplementedError

    def _second(self, b: Box, i: float) -> list[Vec]:
        raise NotImplementedError

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the rect and its two inner lines."""
        b = shape.box
        i = self._bar(b)
        left = [Vec(b.x + i, b.y), Vec(b.x + i, b.bottom)]
        return (rect_node(b), lines_node(left, self._second(b, i)))


@dataclass(frozen=True, slots=True, kw_only=True)
class PredefinedProcessKind(_RuledKind):
    """A rectangle with a vertical line inside each side."""

    def _bar(self, b: Box) -> float:
        return min(b.w / 10, b.h / 3)

    def _second(self, b: Box, i: float) -> list[Vec]:
        return [Vec(b.right - i, b.y), Vec(b.right - i, b.bottom)]

    def label_box(self, shape: Shape) -> Box:
        """Return the space between the two inner lines."""
        b = shape.box
        return _inset(b, self._bar(b), 0.0)


@dataclass(frozen=True, slots=True, kw_only=True)
class InternalStorageKind(_RuledKind):
    """A rectangle with one line near the top and one near the left."""

    def _bar(self, b: Box) -> float:
        return min(b.w, b.h) * 0.15

    def _second(self, b: Box, i: float) -> list[Vec]:
        return [Vec(b.x, b.y + i), Vec(b.right, b.y + i)]

    def label_box(self, shape: Shape) -> Box:
        """Return the cell right of and below the two lines."""
        b = shape.box
        i = self._bar(b)
        return Box(b.x + i, b.y + i, b.w - i, b.h - i)


@dataclass(frozen=True, slots=True, kw_only=True)
class DelayKind(KindBase):
    """A "D": straight left part, half-ellipse on the right."""

    def _rx(self, b: Box) -> float:
        return min(b.w, b.h) / 2

    def outline(self, shape: Shape) -> tuple[Vec, ...]:
        """Return the straight part and the flattened right half-ellipse."""
        b = shape.box
        rx = self._rx(b)
        c = Vec(b.right - rx, b.center.y)
        return closed(
            [Vec(b.x, b.y), *arc(c, rx, b.h / 2, -90, 90, 16), Vec(b.x, b.bottom)]
        )

    def ports(self, shape: Shape) -> dict[str, Vec]:
        """Return the edge midpoints ("e" is the arc's tip)."""
        return side_ports(shape.box)

    def label_box(self, shape: Shape) -> Box:
        """Return the box pulled in to the arc's 45° points."""
        b = shape.box
        rx, ry = self._rx(b), b.h / 2
        return Box(b.x, b.y + ry * _IN45, b.w - rx * _IN45, b.h - 2 * ry * _IN45)

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return one path with an arc."""
        b = shape.box
        rx, ry = self._rx(b), b.h / 2
        d = path_d(
            [
                ("M", (b.x, b.y)),
                ("L", (b.right - rx, b.y)),
                ("A", (rx, ry, 0, 0, 1, b.right - rx, b.bottom)),
                ("L", (b.x, b.bottom)),
                ("Z", ()),
            ]
        )
        return (node("path", d=d),)


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredDataKind(KindBase):
    """A drum on its side: convex left end, concave right end."""

    def _rx(self, b: Box) -> float:
        return min(b.w / 6, b.h / 2)

    def outline(self, shape: Shape) -> tuple[Vec, ...]:
        """Return the top, the concave right arc, the bottom and the convex left arc."""
        b = shape.box
        rx, ry, cy = self._rx(b), b.h / 2, b.center.y
        return closed(
            [
                Vec(b.x + rx, b.y),
                *arc(Vec(b.right, cy), rx, ry, 270, 90, 16),
                *arc(Vec(b.x + rx, cy), rx, ry, 90, 270, 16),
            ]
        )

    def ports(self, shape: Shape) -> dict[str, Vec]:
        """Return edge midpoints; "e" is the deepest point of the concave end."""
        b = shape.box
        ports = side_ports(b)
        ports["e"] = Vec(b.right - self._rx(b), b.center.y)
        return ports

    def label_box(self, shape: Shape) -> Box:
        """Return the part between the two ends."""
        b = shape.box
        return _inset(b, self._rx(b), 0.0)

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return one path with a concave and a convex arc."""
        b = shape.box
        rx, ry = self._rx(b), b.h / 2
        d = path_d(
            [
                ("M", (b.x + rx, b.y)),
                ("L", (b.right, b.y)),
                ("A", (rx, ry, 0, 0, 0, b.right, b.bottom)),
                ("L", (b.x + rx, b.bottom)),
                ("A", (rx, ry, 0, 0, 1, b.x + rx, b.y)),
                ("Z", ()),
            ]
        )
        return (node("path", d=d),)


@dataclass(frozen=True, slots=True, kw_only=True)
class DisplayKind(KindBase):
    """A screen: pointed left end, rounded right end."""

    def _ends(self, b: Box) -> tuple[float, float]:
        """Return the point's length and the right arc's horizontal radius."""
        return b.w / 6, min(b.w / 6, b.h / 2)

    def outline(self, shape: Shape) -> tuple[Vec, ...]:
        """Return the point, the top, the flattened right arc and the bottom."""
        b = shape.box
        p, rx = self._ends(b)
        c = Vec(b.right - rx, b.center.y)
        return closed(
            [
                Vec(b.x, b.center.y),
                Vec(b.x + p, b.y),
                *arc(c, rx, b.h / 2, -90, 90, 16),
                Vec(b.x + p, b.bottom),
            ]
        )

    def ports(self, shape: Shape) -> dict[str, Vec]:
        """Return the edge midpoints ("w" is the point, "e" the arc's tip)."""
        return side_ports(shape.box)

    def label_box(self, shape: Shape) -> Box:
        """Return the part right of the point, pulled in to the arc's 45° points."""
        b = shape.box
        p, rx = self._ends(b)
        ry = b.h / 2
        return Box(
            b.x + p, b.y + ry * _IN45, b.w - p - rx * _IN45, b.h - 2 * ry * _IN45
        )

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return one path with an arc."""
        b = shape.box
        p, rx = self._ends(b)
        d = path_d(
            [
                ("M", (b.x, b.center.y)),
                ("L", (b.x + p, b.y)),
                ("L", (b.right - rx, b.y)),
                ("A", (rx, b.h / 2, 0, 0, 1, b.right - rx, b.bottom)),
                ("L", (b.x + p, b.bottom)),
                ("Z", ()),
            ]
        )
        return (node("path", d=d),)
