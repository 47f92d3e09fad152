"""What ``add-icon`` puts in the document: a library icon, sanitized by the core.

The palette sends the icon's SVG from the generated library data; the core
sanitizes it again (the page is not trusted to have done so), so the document
only ever holds SVG that passed linework.icons.sanitize, drawn via ``<image>``.
A cloud or network icon comes with its name as a label below it, as in draw.io
(``linework.icons.titles.icon_label``); ``text`` sets another (or none: "").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from linework.commands import CommandError
from linework.formats.stencils import icon_src
from linework.icons.sanitize import sanitize_svg
from linework.icons.titles import icon_label

#: A new icon's longer side, in page units (draw.io's icons are 48-78).
ICON_SIZE: Final = 64.0
_NAME: Final = re.compile(r"[a-z0-9][a-z0-9._-]{0,99}")


@dataclass(frozen=True, slots=True)
class NewIcon:
    """The props and default size of an icon about to be added."""

    props: Mapping[str, Any]
    size: tuple[float, float]
    text: str


def new_icon(args: Mapping[str, Any]) -> NewIcon:
    """Validate ``add-icon`` args (library, icon, svg, text?) and sanitize the SVG.

    Raises:
        CommandError: a missing or malformed argument.
        IconError: the SVG is not a safe, well-formed SVG (LW-E0220).
    """
    library, icon, svg = args.get("library"), args.get("icon"), args.get("svg")
    for name, value in (("library", library), ("icon", icon)):
        if not isinstance(value, str) or not _NAME.fullmatch(value):
            raise CommandError(f"argument {name!r} must be an icon name")
    if not isinstance(svg, str):
        raise CommandError("argument 'svg' must be SVG text")
    text = args.get("text")
    if text is None:
        text = icon_label(str(library), str(icon))
    elif not isinstance(text, str):
        raise CommandError("argument 'text' must be text")
    clean, w, h = sanitize_svg(svg)
    k = ICON_SIZE / max(w, h)
    return NewIcon(
        {"src": icon_src(clean), "library": library, "icon": icon},
        (round(max(w * k, 8.0), 2), round(max(h * k, 8.0), 2)),
        text,
    )
