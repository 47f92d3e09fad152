"""Free text: a label with no visible border, still clickable over its whole box."""

from __future__ import annotations

from dataclasses import dataclass

from linework.geometry import Vec
from linework.model import Shape
from linework.shapes.kind import KindBase, rect_ports
from linework.svg import SvgNode, node


@dataclass(frozen=True, slots=True, kw_only=True)
class TextKind(KindBase):
    """A borderless box; ``pointer-events="all"`` keeps its empty parts hittable."""

    def outline(self, shape: Shape) -> tuple[Vec, ...]:
        """Return the box corners."""
        b = shape.box
        return (
            Vec(b.x, b.y),
            Vec(b.right, b.y),
            Vec(b.right, b.bottom),
            Vec(b.x, b.bottom),
        )

    def ports(self, shape: Shape) -> dict[str, Vec]:
        """Return edge midpoints and corners."""
        return rect_ports(shape.box)

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return an invisible rect that still receives pointer events."""
        b = shape.box
        return (
            node(
                "rect",
                x=b.x,
                y=b.y,
                width=b.w,
                height=b.h,
                fill="none",
                stroke="none",
                pointer_events="all",
            ),
        )


TEXT = TextKind(
    name="text",
    title="Text",
    library="basic",
    default_size=(120.0, 40.0),
    keywords=("label", "caption", "words", "title"),
)
