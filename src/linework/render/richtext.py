"""Rich labels (runs and paragraphs) → placed pieces → SVG ``<text>``.

Runs are measured with the shipped metrics of their own family, weight, style
and size (``linework.text.metrics``), never with the DOM, so a rich label lays
out to the same bytes natively and in Pyodide. Each piece gets an explicit
``x`` and baseline ``y``: the browser's own advances never move what follows.

Lines are as tall as CSS makes them with ``line-height: 1.2``: every piece's
box is 1.2 × its size with the content area centred in it, lined up on one
baseline, together with the label's own font as a strut. So a line with a
20 px word is taller than one of 12 px text, as in draw.io.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Final, assert_never

from linework.geometry import Box
from linework.links import safe_link
from linework.model import Style
from linework.model.rich import Align, Paragraph, RichText, Run, safe_family
from linework.render.paint import FONT_STACKS, family_of, font_attrs
from linework.svg import AttrValue, SvgNode
from linework.text import TextLayout, TextLine
from linework.text.layout import ELLIPSIS, MAX_DRAWN_CHARS, max_lines
from linework.text.metrics import (
    LINE_HEIGHT_EM,
    _advance_table,
    baseline_offset,
    face_metrics,
    font_face,
)

_TOKENS: Final = re.compile(r" +|[^ ]+")
_SLACK: Final = 1e-6
_OVERFLOW: Final = 1.6
#: A link without a colour of its own is drawn in this colour (and underlined).
LINK_COLOUR: Final = "#1a5fb4"


@dataclass(frozen=True, slots=True)
class Fmt:
    """A run's formatting with the element's style filled in."""

    family: str
    size: float
    bold: bool
    italic: bool
    underline: bool
    strike: bool
    color: str
    link: str | None


@dataclass(frozen=True, slots=True)
class Piece:
    """Text of one formatting placed on a line: left edge ``x``, baseline ``y``."""

    text: str
    fmt: Fmt
    x: float
    y: float
    width: float


@dataclass(frozen=True, slots=True)
class RichLayout:
    """The placed pieces, and the same lines as a plain :class:`TextLayout`.

    ``plain`` serves what measures labels (hit boxes, export bounds): each
    line's text, left edge, baseline and width, anchored at the start.
    """

    pieces: tuple[Piece, ...]
    plain: TextLayout


def resolve(run: Run, style: Style) -> Fmt:
    """Fill a run's unset formatting from the element's style."""
    link = safe_link(run.link) if run.link else None
    underline = style.underline if run.underline is None else run.underline
    return Fmt(
        family=(safe_family(run.family) if run.family else None) or family_of(style),
        size=style.font_size if run.size is None else run.size,
        bold=style.bold if run.bold is None else run.bold,
        italic=style.italic if run.italic is None else run.italic,
        underline=underline or (link is not None and run.underline is None),
        strike=bool(run.strike),
        color=run.color or (LINK_COLOUR if link else style.font_color),
        link=link,
    )


def _width(text: str, f: Fmt) -> float:
    face = font_face(bold=f.bold, italic=f.italic)
    advances = _advance_table(face, f.family)
    units = sum(map(advances.__getitem__, text))
    return units * f.size / face_metrics(face, f.family).units_per_em


def _extent(f: Fmt) -> tuple[float, float]:
    """Return (above, below) the baseline of a piece's line box."""
    above = baseline_offset(f.size, f.family)
    return above, LINE_HEIGHT_EM * f.size - above


# A line being built: (text, fmt, width) pieces, left to right.
_Line = list[tuple[str, Fmt, float]]


def _wrap(
    para: Paragraph, style: Style, limit: float, word_limit: float
) -> list[_Line]:
    """Greedily fill lines with whole words (a word may span runs)."""
    words: list[tuple[list[tuple[str, Fmt, float]], float]] = []  # (pieces, width)
    gaps: list[list[tuple[str, Fmt, float]]] = []  # spaces before each word
    gap: list[tuple[str, Fmt, float]] = []
    current: list[tuple[str, Fmt, float]] | None = None
    for run in para.runs:
        f = resolve(run, style)
        for token in _TOKENS.findall(run.text):
            w = _width(token, f)
            if token[0] == " ":
                if current is not None:
                    words.append((current, sum(p[2] for p in current)))
                    current = None
                gap.append((token, f, w))
            else:
                if current is None:
                    gaps.append(gap)
                    gap = []
                    current = []
                current.append((token, f, w))
    if current is not None:
        words.append((current, sum(p[2] for p in current)))
    lines: list[_Line] = []
    line: _Line = []
    line_w = 0.0
    leading = gap if not words else []  # a paragraph of spaces only
    for (pieces, w), before in zip(words, gaps, strict=True):
        gap_w = sum(p[2] for p in before)
        if not line and not lines:
            # Leading spaces of a paragraph are kept (as typed).
            if line_w + gap_w + w <= limit:
                line, line_w = [*before, *pieces], gap_w + w
                continue
        elif line and line_w + gap_w + w <= limit:
            line.extend(before)
            line.extend(pieces)
            line_w += gap_w + w
            continue
        if line:
            lines.append(line)
        if w <= word_limit:
            line, line_w = list(pieces), w
            continue
        *full, line = _break_word(pieces, limit)
        lines.extend(full)
        line_w = sum(p[2] for p in line)
    if line or not lines:
        lines.append(line or leading)
    return lines


def _break_word(pieces: list[tuple[str, Fmt, float]], limit: float) -> list[_Line]:
    """Split an over-long word between characters; each line holds at least one."""
    out: list[_Line] = []
    line: _Line = []
    line_w = 0.0
    for text, f, _w in pieces:
        for ch in text:
            cw = _width(ch, f)
            if line and line_w + cw > limit:
                out.append(line)
                line, line_w = [], 0.0
            if line and line[-1][1] == f:
                last = line[-1]
                line[-1] = (last[0] + ch, f, last[2] + cw)
            else:
                line.append((ch, f, cw))
            line_w += cw
    out.append(line)
    return out


def layout_rich(
    rich: RichText,
    box: Box,
    style: Style,
    *,
    wrap: bool = True,
    room: float = 0.0,
) -> RichLayout:
    """Lay out ``rich`` inside ``box`` (already padded) with ``style``'s defaults."""
    return _layout(rich, box, style, wrap, room)


@lru_cache(maxsize=1024)
def _layout(
    rich: RichText, box: Box, style: Style, wrap: bool, room: float
) -> RichLayout:
    if wrap and box.w > 0:
        limit = box.w + _SLACK
        word_limit = max(limit * _OVERFLOW, room + _SLACK)
    else:
        limit = word_limit = float("inf")
    strut = Fmt(family_of(style), style.font_size, False, False, False, False, "", None)
    most = max_lines(box.h, LINE_HEIGHT_EM * style.font_size)
    lines: list[tuple[_Line, Align]] = []  # (pieces, paragraph alignment)
    chars = 0
    paragraphs, truncated = _bounded(rich)
    cut = False
    for para in paragraphs:
        if cut:
            break
        align: Align = para.align or style.align
        for line in _wrap(para, style, limit, word_limit):
            if len(lines) >= most or chars > MAX_DRAWN_CHARS:
                cut = True  # more text than is drawn: the last line ends in "…"
                break
            lines.append((line, align))
            chars += sum(len(p[0]) for p in line)
    cut = cut or truncated
    if cut and lines and lines[-1][0]:
        last, align = lines[-1]
        text, f, _w = last[-1]
        text = text.rstrip() + ELLIPSIS
        lines[-1] = ([*last[:-1], (text, f, _width(text, f))], align)
    # Vertical extent of each line: its pieces and the strut, on one baseline.
    extents = []
    for line, _align in lines:
        above, below = _extent(strut)
        for _t, f, _w in line:
            a, b = _extent(f)
            above, below = max(above, a), max(below, b)
        extents.append((above, below))
    height = sum(a + b for a, b in extents)
    match style.valign:
        case "top":
            top = box.y
        case "middle":
            top = box.y + (box.h - height) / 2
        case "bottom":
            top = box.y + box.h - height
        case _:
            assert_never(style.valign)
    pieces: list[Piece] = []
    plain: list[TextLine] = []
    y = top
    for (line, align), (above, below) in zip(lines, extents, strict=True):
        baseline = y + above
        y += above + below
        # Spaces at the end of a line are not drawn (the wrap swallowed them).
        while line and not line[-1][0].strip(" "):
            line = line[:-1]
        if line and line[-1][0] != line[-1][0].rstrip(" "):
            text, f, _w = line[-1]
            text = text.rstrip(" ")
            line = [*line[:-1], (text, f, _width(text, f))]
        width = sum(p[2] for p in line)
        if align == "left":
            x = box.x
        elif align == "right":
            x = box.x + box.w - width
        else:
            x = box.x + (box.w - width) / 2
        plain.append(TextLine("".join(p[0] for p in line), x, baseline, width))
        for text, f, w in _merged(line):
            pieces.append(Piece(text, f, x, baseline, w))
            x += w
    return RichLayout(
        pieces=tuple(pieces),
        plain=TextLayout(
            tuple(plain),
            max((ln.width for ln in plain), default=0.0),
            height,
            "start",
        ),
    )


def _bounded(rich: RichText) -> tuple[tuple[Paragraph, ...], bool]:
    """Return the paragraphs cut to ``MAX_DRAWN_CHARS`` characters, and if cut."""
    if len(rich.plain) <= MAX_DRAWN_CHARS:
        return rich.paragraphs, False
    room = MAX_DRAWN_CHARS
    out: list[Paragraph] = []
    for para in rich.paragraphs:
        runs: list[Run] = []
        for run in para.runs:
            if room <= 0:
                break
            runs.append(
                run if len(run.text) <= room else replace(run, text=run.text[:room])
            )
            room -= len(runs[-1].text)
        out.append(replace(para, runs=tuple(runs)))
        room -= 1  # the line break
        if room <= 0:
            break
    return tuple(out), True


def _merged(line: _Line) -> _Line:
    """Join neighbouring pieces of the same formatting (one tspan each)."""
    out: _Line = []
    for text, f, w in line:
        if out and out[-1][1] == f:
            t0, _f, w0 = out[-1]
            out[-1] = (t0 + text, f, w0 + w)
        else:
            out.append((text, f, w))
    return out


def rich_nodes(layout: RichLayout, style: Style) -> tuple[SvgNode, ...]:
    """Return one ``<text>`` with a ``<tspan>`` per piece (links wrap theirs)."""
    if not any(p.text.strip() for p in layout.pieces):
        return ()
    base = font_attrs(style)
    base_family = family_of(style)
    spans: list[SvgNode] = []
    for p in layout.pieces:
        if not p.text:
            continue
        f = p.fmt
        attrs: list[tuple[str, AttrValue]] = [("x", p.x), ("y", p.y)]
        if f.family != base_family:
            attrs.append(("font-family", FONT_STACKS[f.family]))
        if f.size != style.font_size:
            attrs.append(("font-size", f.size))
        if f.bold != style.bold:
            attrs.append(("font-weight", "bold" if f.bold else "normal"))
        if f.italic != style.italic:
            attrs.append(("font-style", "italic" if f.italic else "normal"))
        deco = " ".join(
            name
            for name, on in (("underline", f.underline), ("line-through", f.strike))
            if on
        )
        if deco != ("underline" if style.underline else ""):
            attrs.append(("text-decoration", deco or "none"))
        if f.color != style.font_color:
            attrs.append(("fill", f.color))
        span = SvgNode("tspan", tuple(attrs), (), p.text)
        if f.link:
            span = SvgNode(
                "a",
                (
                    ("href", f.link),
                    ("target", "_blank"),
                    ("rel", "noopener noreferrer"),
                ),
                (span,),
            )
        spans.append(span)
    fonts = tuple((k.replace("_", "-"), v) for k, v in base.items() if v is not None)
    attrs_text = (("text-anchor", "start"), *fonts, ("xml:space", "preserve"))
    return (SvgNode("text", attrs_text, tuple(spans)),)
