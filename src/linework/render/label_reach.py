"""How far a shape's label can reach, without laying it out.

Opening a page asks for the drawing's extent (``editor.open_view``), and a
label placed outside its shape (an icon's name below it) is part of it. Laying
out a thousand such labels is most of that question's time in Pyodide, yet
only the few near the drawing's edges can change the answer. This gives a
box that surely holds :func:`linework.render.shape.label_text_box`, from the
label box, the style and the text's advance sum alone, so the caller lays out
only the labels whose reach leaves the extent found so far.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from linework import memo
from linework.model import Shape, Style, text_paddings
from linework.model.capacity import MAX_ELEMENTS
from linework.render.paint import family_of
from linework.shapes import label_box
from linework.text.layout import ELLIPSIS, font_setup

#: Added on every side: the bound's arithmetic is not the layout's, so
#: rounding must never make it a hair too small.
_SLACK: Final = 1.0

#: What a style gives the bound: advances, px per font unit, the ellipsis's
#: advance, the font size, the line height, how far a line's text reaches
#: below its baseline's line box top, and the label position; None when no
#: cheap bound applies (an unusual font size, a negative padding).
_Font = tuple[Mapping[str, int], float, int, float, float, float, str]

#: Per style record (compared with ``is``): icons share a few styles.
_FONTS: dict[int, tuple[Style, _Font | None]] = {}


#: A reach: ``(x0, y0, x1, y1)``.
Reach = tuple[float, float, float, float]

#: Reaches by shape record (compared with ``is``): an open asks for every
#: shape's twice (the drawing's box, then what the view shows).
_REACHES: dict[int, tuple[Shape, Reach | None]] = {}


def label_reach(shape: Shape) -> Reach | None:
    """Return ``(x0, y0, x1, y1)`` surely holding the label's text box, or None.

    The text box is where :func:`~linework.render.shape.label_text_box` says
    the laid-out label lies, for an unrotated shape whose label may leave it.
    None when no cheap bound applies (a rotated shape, a rich label, an
    unusual font size or padding): the caller then lays the label out.

    Why it holds: such a label never wraps (``render.shape.label_layout``), so
    no line is wider than the advance sum of the whole text plus an ellipsis
    (advances are never negative), there are at most as many lines as line
    breaks plus one, every line's anchor lies in the label box (paddings only
    shrink it), and the block of lines is aligned top, middle or bottom in it.
    """
    hit = _REACHES.get(id(shape))
    if hit is not None and hit[0] is shape:
        return hit[1]
    reach = _label_reach(shape)
    if len(_REACHES) >= MAX_ELEMENTS:  # memo.keep, inline: asked per shape
        _REACHES.clear()
    _REACHES[id(shape)] = (shape, reach)
    return reach


def _label_reach(shape: Shape) -> Reach | None:
    if shape.rotation_deg % 360 or shape.rich is not None:
        return None
    st = shape.style
    hit = _FONTS.get(id(st))
    font = hit[1] if hit is not None and hit[0] is st else _font(st)
    if font is None:
        return None
    advances, px_per_unit, ellipsis, size, step, below, position = font
    text = shape.text
    # The layout looks every character up too (a miss is estimated and kept).
    width = (sum(map(advances.__getitem__, text)) + ellipsis) * px_per_unit
    height = (1 + text.count("\n") + text.count("\r")) * step
    b = shape.box
    x, y, w, h = b.x, b.y, b.w, b.h
    if position == "bottom":
        y += h
    elif position == "top":
        y -= h
    elif position == "left":
        x -= w
    elif position == "right":
        x += w
    else:
        lb = label_box(shape)
        x, y, w, h = lb.x, lb.y, lb.w, lb.h
    if w < 0 or h < 0:  # padding would not shrink such a box
        return None
    return (
        x - width - _SLACK,
        y - height - size - _SLACK,
        x + w + width + _SLACK,
        y + h + height + below + _SLACK,
    )


def _font(st: Style) -> _Font | None:
    size = st.font_size
    font: _Font | None = None
    if type(size) is float and 0.0 < size < 1e6 and min(text_paddings(st)) >= 0:
        advances, units_per_em, step, baseline = font_setup(
            size, st.bold, st.italic, family_of(st)
        )
        if 0.0 <= baseline <= 2 * step:
            # A line's text reaches 0.3 em below its baseline.
            below = baseline + 0.3 * size
            font = (
                advances,
                size / units_per_em,
                advances[ELLIPSIS],
                size,
                step,
                below,
                st.label_position,
            )
    return memo.keep(_FONTS, id(st), (st, font))[1]
