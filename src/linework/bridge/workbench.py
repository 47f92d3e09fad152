"""Handlers the editor's chrome needs around the editor itself.

- ``{"type": "palette"}``: the shape kinds for the palette, each with a small
  SVG preview drawn by the real renderer, so the palette shows exactly what
  a dropped shape looks like.
- ``{"type": "version"}``: the core's and Python's versions.
- ``{"type": "warm"}``: import the renderer and codecs ahead of the first open.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any, Final

import linework
from linework.app.workspace import Workspace as Session
from linework.geometry import Box, fmt
from linework.icons.bundled import has_bundled_icons
from linework.model import Shape
from linework.render.shape import shape_node
from linework.shapes import DEFAULT_KINDS
from linework.svg import serialize

#: Preview boxes fit this many units; the SVG scales them to the button.
_PREVIEW_W: Final = 48.0
_PREVIEW_H: Final = 36.0
_PREVIEW_PAD: Final = 2.0
#: Kinds that need data the palette cannot supply (an image's pixels).
_NOT_IN_PALETTE: Final = frozenset({"image", "icon"})


def _preview(kind_name: str, size: tuple[float, float]) -> str:
    """Return ``<svg viewBox>`` text drawing one shape of ``kind_name``."""
    w, h = size
    k = min(_PREVIEW_W / w, _PREVIEW_H / h)
    box = Box(_PREVIEW_PAD, _PREVIEW_PAD, w * k, h * k)
    text = "Text" if kind_name == "text" else ""
    shape = Shape(
        id=f"preview:{kind_name}", page="", layer="", kind=kind_name, box=box, text=text
    )
    vw, vh = box.w + 2 * _PREVIEW_PAD, box.h + 2 * _PREVIEW_PAD
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {fmt(vw)} {fmt(vh)}">{serialize(shape_node(shape))}</svg>'
    )


_cache: list[dict[str, Any]] = []


def palette(session: Session, message: dict[str, Any]) -> dict[str, Any]:
    """Return the palette: ``{"ok", "kinds": [{"name", "title", "library",
    "keywords", "default_size", "svg"}]}`` in palette order (basic, flowchart)."""
    if not _cache:
        _cache.extend(
            {
                "name": kind.name,
                "title": kind.title,
                "library": kind.library,
                "keywords": list(kind.keywords),
                "default_size": list(kind.default_size),
                "svg": _preview(kind.name, kind.default_size),
            }
            for kind in DEFAULT_KINDS
            if kind.name not in _NOT_IN_PALETTE
        )
    return {"ok": True, "kinds": _cache}


# Imported by `warm` (or the first open) rather than at start-up.
_DEFERRED: Final = ("linework.files", "linework.render", "linework.app.workspace")


def version(session: Session, message: dict[str, Any]) -> dict[str, Any]:
    """Return the core's and Python's versions: ``{"ok", "version", "python"}``."""
    return {
        "ok": True,
        "version": linework.__version__,
        "python": sys.version.split()[0],
    }


def warm(session: Session, message: dict[str, Any]) -> dict[str, Any]:
    """Import the renderer and codecs ahead of the first open: ``{"ok"}``."""
    for module in _DEFERRED:
        importlib.import_module(module)
    # The icons imports map to, read now: a memory snapshot holds what is in
    # memory, not the wheel's files (tools/make_snapshot.mjs warms this way).
    has_bundled_icons()
    return {"ok": True}
