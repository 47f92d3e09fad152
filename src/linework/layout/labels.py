"""Label sizes for boxes the layout places, measured with the shipped font metrics.

Importers that get text but no geometry (Mermaid) size nodes, edge labels and
cluster titles from their text. Measuring with ``linework.text`` (the same
advances and line height the renderer lays labels out with) makes a box as wide
as its label really is, instead of guessing an average glyph width.
"""

from __future__ import annotations

from linework.text import line_height, text_width


def label_size(
    text: str, font_size: float, *, bold: bool = False, italic: bool = False
) -> tuple[float, float]:
    """Return the width of the widest line and the height of all lines of ``text``.

    >>> w, h = label_size("Start", 14.0)
    >>> 25 < w < 35, h
    (True, 16.8)
    >>> label_size("", 14.0)
    (0.0, 16.8)
    """
    lines = text.split("\n")
    widest = max(text_width(ln, font_size, bold=bold, italic=italic) for ln in lines)
    return widest, len(lines) * line_height(font_size)
