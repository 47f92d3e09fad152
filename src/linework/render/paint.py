"""Style → SVG presentation attributes, shared by shapes and connectors."""

from __future__ import annotations

from typing import Final

from linework.geometry import fmt
from linework.model import Style
from linework.model.rich import safe_family

FONT_STACK: Final = "Arimo, Arial, Helvetica, sans-serif"
#: Each shipped family, then the system fonts it is metric-compatible with.
FONT_STACKS: Final[dict[str, str]] = {
    "Arimo": FONT_STACK,
    "Tinos": "Tinos, 'Times New Roman', Times, serif",
    "Cousine": "Cousine, 'Courier New', Courier, monospace",
    "Caveat": "Caveat, cursive",
}

# Dash patterns in multiples of the stroke width, so thick lines keep their rhythm.
_DASH_UNITS: Final[dict[str, tuple[float, ...]]] = {
    "dashed": (4, 3),
    "dotted": (1, 2),
    "dash-dot": (4, 2, 1, 2),
}


def dasharray(dash: str, width: float) -> str | None:
    """Return the ``stroke-dasharray`` value for a named dash, or None for solid.

    >>> dasharray("dashed", 2), dasharray("solid", 2)
    ('8 6', None)
    """
    units = _DASH_UNITS.get(dash)
    if units is None:
        return None
    w = max(width, 1.0)
    return " ".join(fmt(u * w) for u in units)


def family_of(style: Style) -> str:
    """Return the shipped family a style draws with (Arimo for unknown names)."""
    name = style.font_family
    hit = _FAMILIES.get(name)
    if hit is None:
        hit = safe_family(name) or "Arimo"
        if len(_FAMILIES) >= 256:
            _FAMILIES.clear()
        _FAMILIES[name] = hit
    return hit


# Every label asks; styles name few families.
_FAMILIES: dict[str, str] = {"Arimo": "Arimo"}


def font_attrs(style: Style) -> dict[str, str | float | None]:
    """Return the text presentation attributes of a style."""
    return {
        "font_family": FONT_STACKS[family_of(style)],
        "font_size": style.font_size,
        "font_weight": "bold" if style.bold else None,
        "font_style": "italic" if style.italic else None,
        "text_decoration": "underline" if style.underline else None,
        "fill": style.font_color,
    }
