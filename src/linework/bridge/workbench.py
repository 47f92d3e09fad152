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
from linework.shapes import DEFAULT_KINDS, LIBRARIES
from linework.shapes.defaults import initial_props, initial_style
from linework.shapes.preview import preview_extras
from linework.svg import serialize

#: Preview boxes fit this many units; the SVG scales them to the button.
_PREVIEW_W: Final = 48.0
_PREVIEW_H: Final = 36.0
_PREVIEW_PAD: Final = 2.0
#: Kinds that need data the palette cannot supply (an image's pixels), and
#: kinds that only imports make (floor-plan walls from draw.io).
_NOT_IN_PALETTE: Final = frozenset(
    {"image", "icon", "floorplan-wall-corner", "floorplan-wall-u"}
)


def _preview(kind_name: str, size: tuple[float, float]) -> str:
    """Return ``<svg viewBox>`` text drawing one shape of ``kind_name``."""
    w, h = size
    k = min(_PREVIEW_W / w, _PREVIEW_H / h)
    box = Box(_PREVIEW_PAD, _PREVIEW_PAD, w * k, h * k)
    text = "Text" if kind_name == "text" else ""
    shape = Shape(
        id=f"preview:{kind_name}",
        page="",
        layer="",
        kind=kind_name,
        box=box,
        text=text,
        **(
            preview_extras(kind_name, k)
            or {"style": initial_style(kind_name), "props": initial_props(kind_name)}
        ),
    )
    vw, vh = box.w + 2 * _PREVIEW_PAD, box.h + 2 * _PREVIEW_PAD
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {fmt(vw)} {fmt(vh)}">{serialize(shape_node(shape))}</svg>'
    )


def _preset_preview(name: str) -> str:
    """Return ``<svg viewBox>`` text drawing a preset's shapes (pool and lanes)."""
    from dataclasses import replace

    from linework.commands._base import ZCounter
    from linework.editor.presets import PRESETS, preset_shapes
    from linework.geometry import Box, fmt
    from linework.model import Document, IdSource, frozen_map
    from linework.render.shape import shape_node
    from linework.svg import serialize

    preset = PRESETS[name]
    w, h = preset.size
    k = min(_PREVIEW_W / w, _PREVIEW_H / h)
    box = Box(_PREVIEW_PAD, _PREVIEW_PAD, w * k, h * k)
    shapes = preset_shapes(
        preset,
        box,
        ids=IdSource(),
        page="",
        layer="",
        z=ZCounter(Document.new(), ""),
    )
    # The title bands scaled with the box, so the preview reads at 36 px.
    shapes = [
        replace(s, text="", props=frozen_map({**s.props, "header": 30.0 * k}))
        for s in shapes
    ]
    vw, vh = box.w + 2 * _PREVIEW_PAD, box.h + 2 * _PREVIEW_PAD
    body = "".join(serialize(shape_node(s)) for s in shapes)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {fmt(vw)} {fmt(vh)}">{body}</svg>'
    )


def _preset_entries(library: str) -> list[dict[str, Any]]:
    from linework.editor.presets import PRESETS

    return [
        {
            "name": p.name,
            "title": p.title,
            "library": p.library,
            "keywords": list(p.keywords),
            "default_size": list(p.size),
            "svg": _preset_preview(p.name),
        }
        for p in PRESETS.values()
        if p.library == library
    ]


_cache: list[dict[str, Any]] = []


def palette(session: Session, message: dict[str, Any]) -> dict[str, Any]:
    """Return the palette: ``{"ok", "kinds": [{"name", "title", "library",
    "keywords", "default_size", "svg"}], "libraries": [{"id", "title",
    "keywords"}]}`` in palette order.

    ``libraries`` names the sections: the page builds one per entry, and a
    section's keywords find every shape in it.
    """
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
        # Entries made of several shapes (BPMN pool and lane) end their section.
        for library in ("bpmn",):
            at = max(
                (i for i, e in enumerate(_cache) if e["library"] == library),
                default=len(_cache) - 1,
            )
            _cache[at + 1 : at + 1] = _preset_entries(library)
    libraries = [
        {"id": lib, "title": title, "keywords": list(words)}
        for lib, title, words in LIBRARIES
    ]
    return {"ok": True, "kinds": _cache, "libraries": libraries}


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
