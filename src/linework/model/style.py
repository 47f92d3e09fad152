"""Visual style of shapes and connectors: one frozen record with sane defaults."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Final, Literal

HAlign = Literal["left", "center", "right"]
VAlign = Literal["top", "middle", "bottom"]
LabelPosition = Literal["inside", "top", "bottom", "left", "right"]

#: Where a shape's label box sits: on the shape (its kind's label box), or a
#: box of the shape's size just above, below, left or right of it (draw.io's
#: ``verticalLabelPosition`` / ``labelPosition``); ``align`` and ``valign``
#: still place the text inside that box.
LABEL_POSITIONS: Final[tuple[str, ...]] = ("inside", "top", "bottom", "left", "right")

ARROWHEADS: Final[tuple[str, ...]] = (
    "none",
    "classic",
    "open",
    "block",
    "block-hollow",
    "diamond",
    "diamond-hollow",
    "circle",
    "circle-hollow",
    "er-one",
    "er-many",
    "er-zero-or-one",
    "er-one-or-many",
    "er-zero-or-many",
    "cross",
)
DASHES: Final[tuple[str, ...]] = ("solid", "dashed", "dotted", "dash-dot")


@dataclass(frozen=True, slots=True, kw_only=True)
class Style:
    """How an element looks; connectors ignore fill and the other shape-only fields.

    Colours are ``#rrggbb`` or ``none``. ``dash`` names a pattern (see ``DASHES``)
    so the renderer can scale it with the stroke width.
    """

    fill: str = "#ffffff"
    stroke: str = "#1f2933"
    stroke_width: float = 1.5
    dash: str = "solid"
    opacity: float = 1.0
    corner_radius: float = 0.0
    shadow: bool = False
    font_family: str = "Arimo"
    font_size: float = 14.0
    font_color: str = "#1f2933"
    bold: bool = False
    italic: bool = False
    underline: bool = False
    align: HAlign = "center"
    valign: VAlign = "middle"
    text_padding: float = 6.0
    #: Per-side padding between the label box and its text; None takes
    #: ``text_padding`` (draw.io's ``spacing`` plus ``spacingLeft`` and so on).
    text_padding_top: float | None = None
    text_padding_right: float | None = None
    text_padding_bottom: float | None = None
    text_padding_left: float | None = None
    start_arrow: str = "none"
    end_arrow: str = "classic"
    #: Each head's length in page units (draw.io's ``startSize``/``endSize``
    #: plus the stroke width); None draws the automatic size for the stroke.
    start_arrow_size: float | None = None
    end_arrow_size: float | None = None
    label_position: LabelPosition = "inside"
    #: Break a label's lines to fit its box (draw.io's ``whiteSpace=wrap``).
    #: Without it a label breaks only at its own line feeds and may overflow
    #: the shape, centred (or aligned) on its box. A label outside the shape
    #: (``label_position``) never wraps.
    wrap: bool = True


#: The per-side padding fields, in CSS order (top, right, bottom, left).
TEXT_PADDING_SIDES: Final[tuple[str, ...]] = (
    "text_padding_top",
    "text_padding_right",
    "text_padding_bottom",
    "text_padding_left",
)


def text_paddings(style: Style) -> tuple[float, float, float, float]:
    """Return the label's padding on the top, right, bottom and left sides."""
    pad = style.text_padding
    top, right, bottom, left = (
        style.text_padding_top,
        style.text_padding_right,
        style.text_padding_bottom,
        style.text_padding_left,
    )
    return (
        pad if top is None else top,
        pad if right is None else right,
        pad if bottom is None else bottom,
        pad if left is None else left,
    )


DEFAULT_STYLE: Final = Style()
STYLE_FIELDS: Final[tuple[str, ...]] = tuple(f.name for f in fields(Style))
