"""C4 model kinds: person, software system, container, component, boundaries.

A C4 element's label holds its lines as draw.io's C4 shapes show them: the
name, then the type in brackets (with the technology, ``[Container: Java]``),
then the description; editing the label edits them all. The boundaries are
containers (``props["container"]``): what is dropped inside travels with them.
Colours are the C4 model's defaults, applied as the style when added.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from linework.geometry import Box, Vec
from linework.model import Shape
from linework.shapes._curves import ellipse
from linework.shapes.kind import BoxKind, KindBase, compass_ports
from linework.shapes.rect import RoundedKind, rect_node, rounded_outline
from linework.shapes.table import table_kinds
from linework.svg import SvgNode, node

#: Share of a person's height the head takes (draw.io's mxgraph.c4.person2).
HEAD_SHARE: Final = 0.38


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonKind(KindBase):
    """A C4 person: a round head over a rounded body that carries the label."""

    def _parts(self, shape: Shape) -> tuple[Vec, float, Box]:
        b = shape.box
        head_h = b.h * HEAD_SHARE
        r = min(head_h / 2, b.w / 4)
        c = Vec(b.center.x, b.y + r)
        body_top = b.y + 2 * r * 0.85
        return c, r, Box(b.x, body_top, b.w, b.bottom - body_top)

    def outline(self, shape: Shape) -> tuple[Vec, ...]:
        """Return the head's upper arc joined to the body's rounded rectangle."""
        c, r, body = self._parts(shape)
        head = [p for p in ellipse(c, r, r, 32) if p.y <= body.y]
        head.sort(key=lambda p: p.x)
        rr = min(body.h, body.w) * 0.25
        torso = rounded_outline(body, rr)
        # Walk the torso from its top-right corner round to the top-left.
        top = min(p.y for p in torso)
        right_top = max(
            (i for i, p in enumerate(torso) if p.y - top < 1e-9),
            key=lambda i: torso[i].x,
        )
        ordered = torso[right_top:] + torso[:right_top]
        return (*head, *ordered)

    def ports(self, shape: Shape) -> dict[str, Vec]:
        """Return the head's top, and the body's sides and bottom."""
        c, r, body = self._parts(shape)
        ports = compass_ports(shape.box, self.outline(shape))
        ports["n"] = Vec(c.x, c.y - r)
        ports["e"] = Vec(body.right, body.center.y)
        ports["w"] = Vec(body.x, body.center.y)
        ports["s"] = Vec(body.center.x, body.bottom)
        return ports

    def label_box(self, shape: Shape) -> Box:
        """Return the body below the head."""
        return self._parts(shape)[2]

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the body, then the head over it."""
        c, r, body = self._parts(shape)
        rr = min(body.h, body.w) * 0.25
        return (rect_node(body, rr), node("circle", cx=c.x, cy=c.y, r=r))


@dataclass(frozen=True, slots=True, kw_only=True)
class BoundaryKind(BoxKind):
    """A C4 boundary: a dashed frame whose title sits at its bottom left."""

    def label_box(self, shape: Shape) -> Box:
        """Return a band along the bottom of the frame."""
        b = shape.box
        band = min(b.h, 48.0)
        return Box(b.x, b.bottom - band, b.w, band)

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the frame (the style dashes it)."""
        return (rect_node(shape.box, 4.0),)


#: Every C4 kind, in palette order (rows of kinds.json).
C4_KINDS: Final = table_kinds(PersonKind, RoundedKind, BoundaryKind, library="c4")

#: The type line each element kind's label shows (draw.io's ``c4Type``).
C4_TYPES: Final[dict[str, str]] = {
    "c4-person": "Person",
    "c4-software-system": "Software System",
    "c4-container": "Container",
    "c4-component": "Component",
    "c4-system-boundary": "Software System",
    "c4-container-boundary": "Container",
}
