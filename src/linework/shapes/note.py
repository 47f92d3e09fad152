"""A note: a sheet with its top-right corner folded over."""

from __future__ import annotations

from dataclasses import dataclass

from linework.geometry import Box, Vec
from linework.model import Shape
from linework.shapes.kind import KindBase, lines_node, polygon_d, polygon_node
from linework.svg import SvgNode, node


def fold_size(box: Box) -> float:
    """Return the fold's leg length: a fifth of the short side."""
    return min(box.w, box.h) * 0.2


def folded_outline(box: Box, f: float) -> tuple[Vec, ...]:
    """Return a sheet with its top-right corner cut off ``f`` deep."""
    return (
        Vec(box.x, box.y),
        Vec(box.right - f, box.y),
        Vec(box.right, box.y + f),
        Vec(box.right, box.bottom),
        Vec(box.x, box.bottom),
    )


def fold_crease(box: Box, f: float) -> tuple[Vec, Vec, Vec]:
    """Return the crease drawn where :func:`folded_outline` cut the corner."""
    return (
        Vec(box.right - f, box.y),
        Vec(box.right - f, box.y + f),
        Vec(box.right, box.y + f),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class SheetKind(KindBase):
    """A sheet with its top-right corner folded ``_fold`` deep, drawn with the
    crease (the note, a UML comment, a BPMN data object)."""

    def _fold(self, b: Box) -> float:
        return fold_size(b)

    def outline(self, shape: Shape) -> tuple[Vec, ...]:
        """Return the sheet with the corner cut off."""
        b = shape.box
        return folded_outline(b, self._fold(b))

    def below_fold(self, shape: Shape) -> Box:
        """Return the sheet below the fold, so top-aligned text never runs under it."""
        b = shape.box
        f = self._fold(b)
        return Box(b.x, b.y + f, b.w, b.h - f)

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the sheet and the crease."""
        b = shape.box
        return (
            polygon_node(self.outline(shape)),
            lines_node(fold_crease(b, self._fold(b))),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class NoteKind(SheetKind):
    """A folded-corner sheet; the label avoids the fold by starting below it."""

    def label_box(self, shape: Shape) -> Box:
        """Return the sheet below the fold."""
        return self.below_fold(shape)

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the sheet, a darkened fold and the unfilled fold line."""
        b = shape.box
        f = fold_size(b)
        fold = fold_crease(b, f)
        return (
            polygon_node(self.outline(shape)),
            # A translucent black overlay darkens whatever fill the style gives.
            node(
                "path",
                d=polygon_d(fold),
                fill="#000000",
                fill_opacity=0.12,
                stroke="none",
            ),
            lines_node(fold),
        )
