"""Free text: a label with no visible border, still clickable over its whole box."""

from __future__ import annotations

from dataclasses import dataclass

from linework.model import Shape
from linework.shapes.kind import BoxKind, box_rect
from linework.svg import SvgNode


@dataclass(frozen=True, slots=True, kw_only=True)
class TextKind(BoxKind):
    """A borderless box; ``pointer-events="all"`` keeps its empty parts hittable."""

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return an invisible rect that still receives pointer events."""
        b = shape.box
        return (
            box_rect(
                b,
                fill="none",
                stroke="none",
                pointer_events="all",
            ),
        )
