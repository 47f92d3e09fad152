"""Imported icon stencils (draw.io, Gliffy) as ``icon`` shapes.

A stencil with a library equivalent (linework.icons.mapping) becomes an icon
shape carrying that icon's SVG, so the document stays self-contained. An icon
stencil without one becomes a placeholder icon (labelled with the stencil's
name when the cell has no label) and is still counted as unmapped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from linework.icons.bundled import bundled_icon, svg_data_uri
from linework.icons.mapping import (
    is_gliffy_icon,
    is_icon_family,
    map_drawio,
    map_gliffy,
    stencil_title,
)


@dataclass(frozen=True, slots=True)
class StencilIcon:
    """What an icon stencil imports as: ``icon`` props, and whether it mapped."""

    props: Mapping[str, Any]
    mapped: bool
    #: The label a placeholder shows when the cell has none.
    title: str


def _icon(key: str | None, stencil: str, title: str) -> StencilIcon | None:
    found = bundled_icon(key) if key else None
    if found is None:
        return None
    return StencilIcon(
        {
            "src": svg_data_uri(found.svg),
            "library": found.library,
            "icon": found.icon,
            "stencil": stencil,
        },
        True,
        title,
    )


def drawio_icon(shape: str, style: Mapping[str, str]) -> StencilIcon | None:
    """Return how a draw.io stencil imports as an icon, or None if it is no icon.

    ``shape`` is the ``shape=`` value (or ``image`` for clip art).
    """
    name = shape
    if shape == "image":
        name = style.get("image", "")[:200]
    title = stencil_title(shape, style)
    hit = _icon(map_drawio(shape, style), name, title)
    if hit is not None:
        return hit
    if is_icon_family(shape, style):
        return StencilIcon({"stencil": name}, False, title)
    return None


def gliffy_icon(uid: str) -> StencilIcon | None:
    """Return how a Gliffy stencil uid imports as an icon, or None if it is no icon."""
    title = stencil_title(uid)
    hit = _icon(map_gliffy(uid), uid, title)
    if hit is not None:
        return hit
    if is_gliffy_icon(uid):
        return StencilIcon({"stencil": uid}, False, title)
    return None
