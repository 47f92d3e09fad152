"""Imported icon stencils (draw.io, Gliffy) as ``icon`` shapes.

A stencil with a library equivalent (linework.icons.mapping) becomes an icon
shape carrying that icon's SVG, so the document stays self-contained. An icon
stencil without one becomes a placeholder icon (labelled with the stencil's
name when the cell has no label) and is still counted as unmapped.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from linework.errors import LineworkError
from linework.formats import pictures
from linework.icons.bundled import bundled_icon, svg_data_uri
from linework.icons.mapping import (
    WEB_PICTURE,
    is_gliffy_icon,
    is_icon_family,
    map_drawio,
    map_gliffy,
    stencil_title,
)
from linework.icons.sanitize import sanitize_svg


@dataclass(frozen=True, slots=True)
class StencilIcon:
    """What an icon stencil imports as: ``icon`` props, and whether it mapped."""

    props: Mapping[str, Any]
    mapped: bool
    #: The label a placeholder shows when the cell has none.
    title: str


def icon_src(svg: str) -> str:
    """Return the data URI an icon shape stores for sanitized SVG text.

    The form the renderer draws (``pictures.safe_src``, idempotent), so the
    stored ``src`` and the drawn ``href`` are the same bytes.
    """
    uri = svg_data_uri(svg)
    return pictures.safe_src(uri) or uri


def _icon(key: str | None, stencil: str, title: str) -> StencilIcon | None:
    found = bundled_icon(key) if key else None
    if found is None:
        return None
    props: dict[str, Any] = {
        "src": icon_src(found.svg),
        "library": found.library,
        "icon": found.icon,
    }
    if stencil:
        props["stencil"] = stencil
    return StencilIcon(props, True, title)


#: The style keys draw.io export writes for an icon added from a library.
ICON_HINT: Final = ("lineworkKind", "icon")
ICON_KEY: Final = "lineworkIcon"
_KEY: Final = re.compile(r"[a-z0-9][a-z0-9._-]{0,99}/[a-z0-9][a-z0-9._-]{0,99}")


def _exported_icon(style: Mapping[str, str]) -> StencilIcon | None:
    """Read back an icon Linework exported as an SVG image (``lineworkKind=icon``)."""
    head, comma, payload = style.get("image", "").partition(",")
    if head != "data:image/svg+xml" or not comma:
        return None
    try:
        text = base64.b64decode(payload, validate=True).decode("utf-8")
        svg = sanitize_svg(text)[0]
    except (ValueError, LineworkError):
        return None
    props: dict[str, Any] = {"src": icon_src(svg)}
    key = style.get(ICON_KEY, "")
    if _KEY.fullmatch(key):
        props["library"], props["icon"] = key.split("/")
    return StencilIcon(props, True, "")


def drawio_icon(shape: str, style: Mapping[str, str]) -> StencilIcon | None:
    """Return how a draw.io stencil imports as an icon, or None if it is no icon.

    ``shape`` is the ``shape=`` value (or ``image`` for clip art).
    """
    if shape == "image" and style.get(ICON_HINT[0]) == ICON_HINT[1]:
        return _exported_icon(style)
    name, web = shape, ""
    if shape == "image":
        name = style.get("image", "")[:200]
        if name.startswith(("http://", "https://")):
            # A picture on the web (never fetched): a mapped icon goes back to
            # draw.io as itself, a placeholder as the address it had.
            address = style.get("image", "").strip()
            web = address if WEB_PICTURE.fullmatch(address) else ""
            name = ""
    elif shape.endswith((".resourceIcon", ".productIcon")):
        name = style.get("resIcon") or style.get("prIcon") or shape
    title = stencil_title(shape, style)
    hit = _icon(map_drawio(shape, style), name, title)
    if hit is not None:
        return hit
    if is_icon_family(shape, style):
        return StencilIcon({"stencil": web or name}, False, title)
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


_STENCIL: Final = re.compile(
    r"[A-Za-z0-9_.()\-]{1,200}|img/lib/[A-Za-z0-9_./\-]{1,200}"
)


def drawio_icon_pairs(props: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Return the draw.io style pairs that export an icon shape.

    An imported stencil goes back as itself (draw.io draws its own stencil, and a
    second import maps it again); an icon added here goes as an SVG image with
    ``lineworkKind=icon``, which the import reads back as this icon.
    """
    stencil = props.get("stencil")
    if isinstance(stencil, str) and WEB_PICTURE.fullmatch(stencil):
        return [("shape", "image"), ("image", stencil)]
    if isinstance(stencil, str) and _STENCIL.fullmatch(stencil) and ".." not in stencil:
        if stencil.startswith("img/lib/"):
            return [("shape", "image"), ("image", stencil)]
        direction = props.get("direction")  # a drawn dimension line's
        if direction in ("north", "south", "west"):
            return [("shape", stencil), ("direction", str(direction))]
        return [("shape", stencil)]
    src = props.get("src")
    if not isinstance(src, str) or not src.startswith("data:image/svg+xml;base64,"):
        return []
    pairs = [
        ("shape", "image"),
        ("image", "data:image/svg+xml," + src.partition(",")[2]),
        ICON_HINT,
    ]
    key = f"{props.get('library', '')}/{props.get('icon', '')}"
    if _KEY.fullmatch(key):
        pairs.append((ICON_KEY, key))
    return pairs
