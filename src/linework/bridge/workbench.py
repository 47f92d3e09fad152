"""Handlers the editor's chrome needs around the editor itself.

- ``{"type": "palette"}``: the shape kinds for the palette, each with a small
  SVG preview drawn by the real renderer, so the palette shows exactly what
  a dropped shape looks like.
- ``{"type": "memory"}``: the runtime's memory (wasm heap bytes) for
  benchmarks; ``null`` when not running in Pyodide.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from linework.errors import LineworkError

if TYPE_CHECKING:
    from linework.bridge.session import Session

#: Preview boxes fit this many units; the SVG scales them to the button.
_PREVIEW_W: Final = 48.0
_PREVIEW_H: Final = 36.0
_PREVIEW_PAD: Final = 2.0
#: Kinds that need data the palette cannot supply (an image's pixels).
_NOT_IN_PALETTE: Final = frozenset({"image", "icon"})


def _preview(kind_name: str, size: tuple[float, float]) -> str:
    """Return ``<svg viewBox>`` text drawing one shape of ``kind_name``."""
    from linework.geometry import Box, fmt
    from linework.model import Shape
    from linework.render.shape import shape_node
    from linework.svg import serialize

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
    "keywords", "default_size", "svg"}], "libraries": [{"id", "title",
    "keywords"}]}`` in palette order (basic, flowchart, mockups, org chart).

    ``libraries`` names the sections: the page builds one per entry, and a
    section's keywords find every shape in it.
    """
    from linework.shapes import DEFAULT_KINDS, LIBRARIES

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
    libraries = [
        {"id": lib, "title": title, "keywords": list(words)}
        for lib, title, words in LIBRARIES
    ]
    return {"ok": True, "kinds": _cache, "libraries": libraries}


def memory(session: Session, message: dict[str, Any]) -> dict[str, Any]:
    """Return ``{"ok", "wasm": bytes | None}``: the size of the runtime's heap."""
    try:
        import pyodide_js  # type: ignore[import-not-found]
    except ImportError:
        return {"ok": True, "wasm": None}
    try:
        return {"ok": True, "wasm": int(pyodide_js._module.HEAP8.length)}
    except AttributeError as error:
        raise LineworkError("LW-E0001", "the runtime hides its heap") from error
