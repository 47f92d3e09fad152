"""Text metrics and line breaking, from shipped font tables (no DOM)."""

from linework.text.layout import TextLayout, TextLine, layout_text
from linework.text.metrics import line_height, text_width

__all__ = ["TextLayout", "TextLine", "layout_text", "line_height", "text_width"]
