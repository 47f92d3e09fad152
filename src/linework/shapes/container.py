"""Containers: a titled frame and a swimlane, both with a header band for the title.

What makes them containers (members that travel with them) is data on the
members, handled by ``commands.containers``; the kinds only draw the frame and
put the label in the header. The band's depth is ``props["header"]`` (page
units), ``props["header_side"]`` is ``"top"`` (default) or ``"left"`` (a
horizontal lane, titled bottom to top down its left side), and
``props["header_fill"]`` (``#rrggbb``) paints the band (draw.io's ``fillColor``
of a swimlane; the body takes the style's fill).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from linework.geometry import Box, Vec
from linework.model import Shape
from linework.shapes.kind import BoxKind, box_rect, lines_node
from linework.svg import SvgNode, node

#: The band is at most this share of the box, so a tiny frame still has a body.
MAX_HEADER_SHARE: Final = 0.5
#: The kinds drawn with a header band (containers by kind).
CONTAINER_KIND_NAMES: Final = ("container", "swimlane")
_HEX: Final = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")


def header_depth(shape: Shape, default: float) -> float:
    """Return the header band's depth, bounded by the box."""
    raw = shape.props.get("header", default)
    depth = float(raw) if isinstance(raw, int | float) and raw >= 0 else default
    side = shape.box.w if header_side(shape) == "left" else shape.box.h
    return min(depth, side * MAX_HEADER_SHARE)


def header_side(shape: Shape) -> str:
    """Return ``"left"`` for a band down the left side, else ``"top"``."""
    return "left" if shape.props.get("header_side") == "left" else "top"


def header_box(shape: Shape, default: float) -> Box:
    """Return the header band in page units."""
    b = shape.box
    d = header_depth(shape, default)
    if header_side(shape) == "left":
        return Box(b.x, b.y, d, b.h)
    return Box(b.x, b.y, b.w, d)


@dataclass(frozen=True, slots=True, kw_only=True)
class ContainerKind(BoxKind):
    """A frame whose title sits in a header band, split from the body by a line."""

    header: float = 30.0

    def label_box(self, shape: Shape) -> Box:
        """Return the header band: the title never lands among the members."""
        return header_box(shape, self.header)

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the frame, a faint tint over the band, and the band's edge."""
        b = shape.box
        h = header_box(shape, self.header)
        if header_side(shape) == "left":
            edge = [Vec(h.right, b.y), Vec(h.right, b.bottom)]
        else:
            edge = [Vec(b.x, h.bottom), Vec(b.right, h.bottom)]
        head = shape.props.get("header_fill")
        if isinstance(head, str) and _HEX.fullmatch(head):
            band = node("rect", x=h.x, y=h.y, width=h.w, height=h.h, fill=head)
        else:  # a faint tint of whatever the body's fill is
            band = node(
                "rect",
                x=h.x,
                y=h.y,
                width=h.w,
                height=h.h,
                fill="#000000",
                fill_opacity=0.05,
                stroke="none",
            )
        return (
            box_rect(b),
            band,
            lines_node(edge),
        )
