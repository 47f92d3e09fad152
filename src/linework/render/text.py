"""Laid-out text → SVG ``<text>`` nodes (escaped by the serializer, never markup)."""

from __future__ import annotations

from linework import memo
from linework.geometry import Box
from linework.model import Style, text_paddings
from linework.render.paint import family_of, font_attrs
from linework.svg import SvgNode
from linework.text import TextLayout, layout_text


def layout_in(
    text: str, box: Box, style: Style, *, wrap: bool = True, room: float = 0.0
) -> TextLayout:
    """Lay out ``text`` inside ``box`` shrunk by the style's padding.

    ``room``: how wide a single word may be before it is split (the shape's
    own width, when ``box`` is a narrower label area): words wrap whole.

    A uniform padding is at most half the box's shorter side; per-side padding
    (``text_padding_left`` …) at most half the box's width or height.
    """
    inner = padded(box, style)
    return layout_text(
        text,
        width=inner.w,
        size_px=style.font_size,
        bold=style.bold,
        italic=style.italic,
        align=style.align,
        valign=style.valign,
        box=(inner.x, inner.y, inner.w, inner.h),
        wrap=wrap,
        word_width=room,
        family=family_of(style),
    )


def padded(box: Box, style: Style) -> Box:
    """Return ``box`` shrunk by the style's text padding (the text's own box)."""
    return Box(*padded_xywh(box, text_paddings(style)))


def padded_xywh(
    box: Box, paddings: tuple[float, float, float, float]
) -> tuple[float, float, float, float]:
    """Return :func:`padded`'s box as ``(x, y, w, h)``, from the style's paddings.

    For the label fast path (``render.shape_text``), which keeps the paddings
    of a style record.
    """
    top, right, bottom, left = paddings
    if top == right == bottom == left:
        pad = min(top, box.w / 2, box.h / 2)
        return (
            box.x + pad,
            box.y + pad,
            max(box.w - 2 * pad, 0.0),
            max(box.h - 2 * pad, 0.0),
        )
    left, right = min(left, box.w / 2), min(right, box.w / 2)
    top, bottom = min(top, box.h / 2), min(bottom, box.h / 2)
    return (
        box.x + left,
        box.y + top,
        max(box.w - left - right, 0.0),
        max(box.h - top - bottom, 0.0),
    )


def text_nodes(layout: TextLayout, style: Style) -> tuple[SvgNode, ...]:
    """Return one ``<text>`` with a ``<tspan>`` per line, or nothing for no text."""
    if not layout.lines:
        return ()
    # As node("tspan", x=…, y=…, text=…) builds them (x and y are never None).
    spans = tuple(
        [
            SvgNode("tspan", (("x", line.x), ("y", line.y)), (), line.text)
            for line in layout.lines
            if line.text
        ]
    )
    if not spans:
        return ()
    fonts = _fonts(style)
    # Keep runs of spaces the user typed; SVG would collapse them otherwise.
    attrs = (("text-anchor", layout.anchor), *fonts, ("xml:space", "preserve"))
    return (SvgNode("text", attrs, spans),)


# Most labels share a handful of style records (often DEFAULT_STYLE itself), so
# their font attributes are memoized by record identity (records are immutable;
# the stored record is compared with ``is``, so a recycled id() cannot alias).
_FONTS: dict[int, tuple[Style, tuple[tuple[str, str | float], ...]]] = {}


def _fonts(style: Style) -> tuple[tuple[str, str | float], ...]:
    hit = _FONTS.get(id(style))
    if hit is not None and hit[0] is style:
        return hit[1]
    fonts = tuple(
        (k.replace("_", "-"), v) for k, v in font_attrs(style).items() if v is not None
    )
    return memo.keep(_FONTS, id(style), (style, fonts))[1]
