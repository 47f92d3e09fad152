"""Break a label into lines and place them in a box.

Pure and deterministic: widths are summed in integer font units from the
shipped metrics, and results are memoized because renders re-lay out the
same labels over and over.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal, assert_never

from linework import memo
from linework.text.metrics import (
    FONT_FAMILY,
    _advance_table,
    baseline_offset,
    face_metrics,
    font_face,
    line_height,
)

Align = Literal["left", "center", "right"]
VAlign = Literal["top", "middle", "bottom"]
Anchor = Literal["start", "middle", "end"]

#: The ``text-anchor`` of each horizontal alignment.
ANCHORS: Final[Mapping[Align, Anchor]] = {
    "left": "start",
    "center": "middle",
    "right": "end",
}
_TOKENS: Final = re.compile(r" +|[^ ]+")
# Lets text that was measured to exactly the box width stay on one line
# despite the px -> font-unit round trip.
_SLACK_UNITS: Final = 1e-6

# Render bounds (issue 14: a 100,000-character label in a 30 px box drew
# 3 million tspans). A label draws at most the lines that fit its box twice
# over, and never fewer than MIN_DRAWN_LINES (text that spills out of its box
# a little stays, as in draw.io); and at most MAX_DRAWN_CHARS characters. What
# is cut ends in an ellipsis. The text itself is kept whole in the document.
MIN_DRAWN_LINES: Final = 20
MAX_DRAWN_CHARS: Final = 10_000
ELLIPSIS: Final = "\u2026"


@dataclass(frozen=True, slots=True)
class TextLine:
    """One laid-out line.

    ``x`` is the ``text-anchor`` point (left edge, centre or right edge, per
    :attr:`TextLayout.anchor`) and ``y`` the baseline, both in box coordinates.
    """

    text: str
    x: float
    y: float
    width: float

    def __init__(self, text: str, x: float, y: float, width: float) -> None:
        # The generated frozen __init__'s work through the slot descriptors
        # directly (cheaper; every label of every render builds these).
        _LINE_TEXT(self, text)
        _LINE_X(self, x)
        _LINE_Y(self, y)
        _LINE_WIDTH(self, width)


@dataclass(frozen=True, slots=True)
class TextLayout:
    """Lines of a label, placed in its box.

    ``width`` is the widest line and ``height`` the number of lines times the
    line height; either may exceed the box. Text is dropped only past the
    render bounds (:func:`max_lines`, ``MAX_DRAWN_CHARS``), and then the last
    line drawn ends in an ellipsis.
    """

    lines: tuple[TextLine, ...]
    width: float
    height: float
    anchor: Anchor

    def __init__(
        self, lines: tuple[TextLine, ...], width: float, height: float, anchor: Anchor
    ) -> None:
        # As TextLine.__init__.
        _LAYOUT_LINES(self, lines)
        _LAYOUT_WIDTH(self, width)
        _LAYOUT_HEIGHT(self, height)
        _LAYOUT_ANCHOR(self, anchor)


def _setter(cls: type, name: str) -> Callable[[object, object], None]:
    """Return the slot descriptor's setter of ``cls.name`` (bypasses frozen)."""
    setter: Callable[[object, object], None] = cls.__dict__[name].__set__
    return setter


_LINE_TEXT: Final = _setter(TextLine, "text")
_LINE_X: Final = _setter(TextLine, "x")
_LINE_Y: Final = _setter(TextLine, "y")
_LINE_WIDTH: Final = _setter(TextLine, "width")
_LAYOUT_LINES: Final = _setter(TextLayout, "lines")
_LAYOUT_WIDTH: Final = _setter(TextLayout, "width")
_LAYOUT_HEIGHT: Final = _setter(TextLayout, "height")
_LAYOUT_ANCHOR: Final = _setter(TextLayout, "anchor")


def layout_text(
    text: str,
    *,
    width: float,
    size_px: float,
    bold: bool,
    italic: bool,
    align: Align,
    valign: VAlign,
    box: tuple[float, float, float, float],
    wrap: bool = True,
    word_width: float = 0.0,
    family: str = FONT_FAMILY,
) -> TextLayout:
    """Wrap ``text`` to ``width`` and align it inside ``box``.

    Line feeds (``\\n``, ``\\r\\n`` or a lone ``\\r``) always break. With
    ``wrap``, words break greedily at spaces; spaces at a wrap point are
    dropped, and a word wider than ``width`` is split between characters.
    Leading spaces of a paragraph are kept; trailing ones are not drawn.
    Output is bounded: at most :func:`max_lines` lines and ``MAX_DRAWN_CHARS``
    characters, the last line drawn ending in an ellipsis when text was cut.

    Args:
        text: The label; empty text gives no lines.
        width: The wrapping width in px; ``<= 0`` disables wrapping, so a
            degenerate box does not explode into one glyph per line.
        size_px: The CSS font size.
        bold: Use the 700 weight.
        italic: Use the italic face.
        align: Horizontal alignment inside ``box``.
        valign: Vertical alignment inside ``box``; overflow spills out of
            both sides for ``"middle"``.
        box: ``(x, y, w, h)`` of the area to align in.
        wrap: Break lines that are wider than ``width``.
        word_width: A single word up to this wide (px; e.g. the whole shape,
            when ``width`` is a diamond's narrower label area) stays whole and
            may overflow ``width``; only a wider word is split.
        family: The font family (see ``metrics.FAMILIES``).

    Returns:
        The placed lines; see :mod:`linework.text.metrics` for the baseline
        convention.
    """
    return _layout(
        text, width, size_px, bold, italic, align, valign, box, wrap, word_width, family
    )


@lru_cache(maxsize=4096)
def _layout(
    text: str,
    width: float,
    size_px: float,
    bold: bool,
    italic: bool,
    align: Align,
    valign: VAlign,
    box: tuple[float, float, float, float],
    wrap: bool,
    word_width: float = 0.0,
    family: str = FONT_FAMILY,
) -> TextLayout:
    advances, units_per_em, step, baseline = font_setup(size_px, bold, italic, family)
    box_x, box_y, box_w, box_h = box
    broken = break_lines(
        text, width, size_px, wrap, word_width, advances, units_per_em, box_h, step
    )
    anchor = ANCHORS[align]
    x, first_baseline = line_origin(
        float(box_x),
        float(box_y),
        float(box_w),
        float(box_h),
        len(broken) * step,
        anchor,
        valign,
        baseline,
    )
    lines = tuple(
        [
            TextLine(line, x, first_baseline + i * step, units * size_px / units_per_em)
            for i, (line, units) in enumerate(broken)
        ]
    )
    return TextLayout(
        lines,
        max([line.width for line in lines], default=0.0),
        len(broken) * step,
        anchor,
    )


#: What :func:`font_setup` returns.
Setup = tuple[Mapping[str, int], int, float, float]


def font_setup(size_px: float, bold: bool, italic: bool, family: str) -> Setup:
    """Return what a label's layout needs from its font alone.

    The advance table, units per em, line height and the first baseline's
    offset below the top of a line box: labels use few fonts, so this is
    memoized, for nonzero float sizes only (an int or a signed zero, equal
    keys that might not give the very same bits, is always computed).
    """
    key = (size_px, bold, italic, family)
    if type(size_px) is float and size_px != 0.0:
        hit = _SETUPS.get(key)
        if hit is not None:
            return hit
    face = font_face(bold=bold, italic=italic)
    setup = (
        _advance_table(face, family),
        face_metrics(face, family).units_per_em,
        line_height(size_px),
        baseline_offset(size_px, family),
    )
    if type(size_px) is float and size_px != 0.0:
        memo.keep(_SETUPS, key, setup, 1024)
    return setup


_SETUPS: dict[tuple[float, bool, bool, str], Setup] = {}


def break_lines(
    text: str,
    width: float,
    size_px: float,
    wrap: bool,
    word_width: float,
    advances: Mapping[str, int],
    units_per_em: int,
    box_h: float,
    step: float,
) -> list[tuple[str, int]]:
    """Return the lines drawn of ``text`` and their widths in font units.

    Bounded as :func:`layout_text` says; a cut ends in an ellipsis.
    """
    wraps = wrap and width > 0 and size_px > 0
    limit = width * units_per_em / size_px + _SLACK_UNITS if wraps else math.inf
    one = text and "\n" not in text and "\r" not in text
    if one and len(text) <= MAX_DRAWN_CHARS:
        # One paragraph (most labels): when it fits whole, _wrap_paragraph's
        # one line is the text less its trailing spaces (they only ever wait
        # for a next word), its width their integer sum. One line is never
        # cut (max_lines is at least MIN_DRAWN_LINES).
        line = text.rstrip(" ")
        units = sum(map(advances.__getitem__, line))
        if units <= limit:
            return [(line, units)]
    word_limit = (
        max(limit * _OVERFLOW, word_width * units_per_em / size_px + _SLACK_UNITS)
        if wraps
        else math.inf
    )
    most = max_lines(float(box_h), step)
    cut = len(text) > MAX_DRAWN_CHARS
    if cut:
        text = text[:MAX_DRAWN_CHARS]
    broken: list[tuple[str, int]] = []
    if one:
        # Whole, it is too wide (seen above), unless it was cut just now.
        whole = text.rstrip(" ") if cut else ""
        if cut and (cut_units := _units(whole, advances)) <= limit:
            broken.append((whole, cut_units))
        else:
            broken.extend(_wrap_paragraph(text, limit, advances, most + 1, word_limit))
    elif text:
        for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            broken.extend(
                _wrap_paragraph(paragraph, limit, advances, most + 1, word_limit)
            )
            if len(broken) > most:
                break
    if len(broken) > most:
        del broken[most:]
        cut = True
    if cut and broken:
        last = broken[-1][0].rstrip()
        broken[-1] = (last + ELLIPSIS, _units(last + ELLIPSIS, advances))
    return broken


def line_origin(
    box_x: float,
    box_y: float,
    box_w: float,
    box_h: float,
    height: float,
    anchor: Anchor,
    valign: VAlign,
    baseline: float,
) -> tuple[float, float]:
    """Return the anchor x of every line and the first line's baseline y."""
    match valign:
        case "top":
            top = box_y
        case "middle":
            top = box_y + (box_h - height) / 2
        case "bottom":
            top = box_y + box_h - height
        case _:
            assert_never(valign)
    match anchor:
        case "start":
            x = box_x
        case "middle":
            x = box_x + box_w / 2
        case "end":
            x = box_x + box_w
        case _:
            assert_never(anchor)
    return x, top + baseline


# A word a little wider than the box overflows it whole, as in draw.io ("diamond"
# in a small diamond reads better than "diamon/d"); only much longer words, such
# as URLs, are broken between characters.
_OVERFLOW = 1.6


def max_lines(box_h: float, step: float) -> int:
    """Return how many lines a label may draw in a box ``box_h`` px tall.

    Twice what fits, and at least ``MIN_DRAWN_LINES`` (a box of no height,
    such as a connector label's, or a degenerate line height still draws that
    many), so only text far beyond its box is cut.
    """
    fits = int(box_h / step) if step > 0 and 0 < box_h < 1e9 else 0
    return max(MIN_DRAWN_LINES, 2 * fits)


def _units(text: str, advances: Mapping[str, int]) -> int:
    return sum(map(advances.__getitem__, text))


def _wrap_paragraph(
    paragraph: str,
    limit: float,
    advances: Mapping[str, int],
    room: int,
    word_limit: float | None = None,
) -> list[tuple[str, int]]:
    """Greedily fill lines with words; return ``(text, width_units)`` pairs.

    A word wider than ``limit`` gets a line of its own, and is split only when
    it is wider than ``word_limit`` too (default ``limit`` × :data:`_OVERFLOW`).
    Stops after about ``room`` lines: the caller cuts the rest anyway.
    """
    if word_limit is None:
        word_limit = limit * _OVERFLOW
    lines: list[tuple[str, int]] = []
    line, line_units = "", 0
    gap, gap_units = "", 0  # the spaces between ``line`` and the next word
    advance = advances.__getitem__
    for token in _TOKENS.findall(paragraph):
        units = sum(map(advance, token))  # _units, inline
        if token[0] == " ":
            gap, gap_units = token, units
            continue
        if line_units + gap_units + units <= limit:
            line, line_units = line + gap + token, line_units + gap_units + units
            gap, gap_units = "", 0
            continue
        # Wrap here: the gap is swallowed by the break (or, before the first
        # word, the indentation is given up so the word gets the full width).
        if line:
            lines.append((line, line_units))
            if len(lines) >= room:
                return lines
        gap, gap_units = "", 0
        if units <= word_limit:
            line, line_units = token, units
            continue
        *full, (line, line_units) = _break_word(token, limit, advances, room)
        lines.extend(full)
        if len(lines) >= room:
            return lines
    lines.append((line, line_units))
    return lines


def _break_word(
    word: str, limit: float, advances: Mapping[str, int], room: int
) -> list[tuple[str, int]]:
    """Split an over-long word between clusters; each piece holds at least one.

    Stops after ``room`` pieces (the last one then holds the rest unmeasured).
    """
    pieces: list[tuple[str, int]] = []
    piece, piece_units = "", 0
    for cluster in _clusters(word):
        units = _units(cluster, advances)
        if piece and piece_units + units > limit:
            pieces.append((piece, piece_units))
            piece, piece_units = "", 0
            if len(pieces) >= room:
                break
        piece, piece_units = piece + cluster, piece_units + units
    pieces.append((piece, piece_units))
    return pieces


def _clusters(word: str) -> Iterator[str]:
    """Yield approximate grapheme clusters, so marks stay on their base letter."""
    start = 0
    for i in range(1, len(word)):
        char = word[i]
        joined = word[i - 1] == "\u200d" or char == "\u200d"
        if not (joined or unicodedata.category(char) in ("Mn", "Me")):
            yield word[start:i]
            start = i
    yield word[start:]
