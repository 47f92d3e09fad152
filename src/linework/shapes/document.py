"""Documents: a sheet with a wavy bottom edge, alone or as a stack of three."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

from linework.geometry import Box, Vec
from linework.geometry.bezier import cubic
from linework.model import Shape
from linework.shapes.kind import KindBase, side_ports
from linework.svg import SvgNode, node, path_d

WAVE: Final = 0.1  # amplitude of the bottom wave, as a fraction of the height
_BASE: Final = 1.0 - WAVE  # the wave oscillates about this fraction of the height
# Control points at ∓K around the base give a cubic whose peaks are exactly ±WAVE:
# max |3t(1-t)(2t-1)| over [0, 1] is 1/(2√3).
_K: Final = WAVE * 2 * math.sqrt(3)


def _wave_controls(b: Box) -> tuple[Vec, Vec, Vec, Vec]:
    """Return the bottom wave (a cubic), right to left: rising, then dipping."""
    base = b.y + b.h * _BASE
    return (
        Vec(b.right, base),
        Vec(b.x + b.w * 2 / 3, base - b.h * _K),
        Vec(b.x + b.w / 3, base + b.h * _K),
        Vec(b.x, base),
    )


def _wave(b: Box, t_end: float = 1.0, segments: int = 16) -> list[Vec]:
    """Return the wave from the right end to parameter ``t_end`` (x falls linearly)."""
    p0, p1, p2, p3 = _wave_controls(b)
    if t_end >= 1.0:
        return cubic(p0, p1, p2, p3, segments)
    # Split at t_end (de Casteljau) so the partial wave is sampled evenly.
    a, bb, c = _lerp(p0, p1, t_end), _lerp(p1, p2, t_end), _lerp(p2, p3, t_end)
    d, e = _lerp(a, bb, t_end), _lerp(bb, c, t_end)
    return cubic(p0, a, d, _lerp(d, e, t_end), segments)


def _lerp(a: Vec, b: Vec, t: float) -> Vec:
    return Vec(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)


def _sheet_d(b: Box) -> str:
    """Return path data of one sheet: top, right side, wave, left side."""
    p0, p1, p2, p3 = _wave_controls(b)
    return path_d(
        [
            ("M", (b.x, b.y)),
            ("L", (b.right, b.y)),
            ("L", (p0.x, p0.y)),
            ("C", (p1.x, p1.y, p2.x, p2.y, p3.x, p3.y)),
            ("Z", ()),
        ]
    )


def _text_area(b: Box) -> Box:
    """Return the sheet above the wave's highest point."""
    return Box(b.x, b.y, b.w, b.h * (_BASE - WAVE))


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentKind(KindBase):
    """One sheet with a wavy bottom."""

    def outline(self, shape: Shape) -> tuple[Vec, ...]:
        """Return the top corners and the flattened wave."""
        b = shape.box
        return (Vec(b.x, b.y), Vec(b.right, b.y), *_wave(b))

    def ports(self, shape: Shape) -> dict[str, Vec]:
        """Return edge midpoints; "s" is where the wave crosses its base line."""
        b = shape.box
        return side_ports(b, b.y + b.h * _BASE)

    def label_box(self, shape: Shape) -> Box:
        """Return the sheet above the wave."""
        return _text_area(shape.box)

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the sheet."""
        return (node("path", d=_sheet_d(shape.box)),)


def _sheets(b: Box) -> tuple[Box, Box, Box, float]:
    """Return back, middle and front sheet boxes and their offset."""
    d = min(b.w, b.h) * 0.08
    w, h = b.w - 2 * d, b.h - 2 * d
    return (
        Box(b.x + 2 * d, b.y, w, h),
        Box(b.x + d, b.y + d, w, h),
        Box(b.x, b.y + 2 * d, w, h),
        d,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class MultiDocumentKind(KindBase):
    """Three sheets stacked down-left; the front one holds the label."""

    def outline(self, shape: Shape) -> tuple[Vec, ...]:
        """Return the stack's silhouette, following the visible ends of back waves."""
        back, mid, front, d = _sheets(shape.box)
        # How much of a back sheet's wave shows at its right (none if flat).
        t_peek = d / back.w if back.w > 0 else 0.0
        return (
            Vec(back.x, back.y),
            Vec(back.right, back.y),
            *_wave(back, t_peek, 4),
            *_wave(mid, t_peek, 4),
            *_wave(front),
            Vec(front.x, front.y),
            Vec(mid.x, front.y),
            Vec(mid.x, mid.y),
            Vec(back.x, mid.y),
        )

    def label_box(self, shape: Shape) -> Box:
        """Return the front sheet above its wave."""
        return _text_area(_sheets(shape.box)[2])

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return three filled sheets, back to front, so each hides the one behind."""
        return tuple(node("path", d=_sheet_d(s)) for s in _sheets(shape.box)[:3])
