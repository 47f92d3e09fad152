"""Handlers for viewing: open a file, switch page, render a page.

Every handler takes the session and the decoded message and returns a reply
dict. A failed open leaves the session as it was (promise P5).
"""

from __future__ import annotations

import base64
import binascii
import importlib
import sys
from typing import TYPE_CHECKING, Any

import linework
from linework.errors import LineworkError

if TYPE_CHECKING:
    from linework.bridge.session import Session
    from linework.model import Document, Page

# Imported by `warm` (or the first open) rather than at start-up.
_DEFERRED = ("linework.files", "linework.render")


def _field(message: dict[str, Any], name: str) -> str:
    value = message.get(name)
    if not isinstance(value, str):
        raise LineworkError("LW-E0001", f"message field {name!r} must be a string")
    return value


def _page_info(page: Page) -> dict[str, Any]:
    return {
        "id": page.id,
        "name": page.name,
        "width": page.width,
        "height": page.height,
        "background": page.background,
        "grid": {"size": page.grid.size, "visible": page.grid.visible},
    }


def _find_page(document: Document, page_id: str) -> Page:
    for page in document.pages():
        if page.id == page_id:
            return page
    raise LineworkError("LW-E0001", f"no page {page_id[:80]!r} in this document")


def _rendered(document: Document, page: Page) -> dict[str, Any]:
    from linework import render

    return {
        "ok": True,
        "page": _page_info(page),
        "elements": [
            [eid, svg] for eid, svg in render.page_fragments(document, page.id)
        ],
    }


_SUFFIXES = (
    ".drawio.svg",
    ".drawio.png",
    ".dio.svg",
    ".dio.png",
    ".excalidraw.svg",
    ".excalidraw.png",
    ".linework",
    ".json",
    ".drawio",
    ".dio",
    ".xml",
    ".gliffy",
    ".excalidraw",
    ".mmd",
    ".svg",
    ".png",
)


def _title_from(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    for suffix in _SUFFIXES:
        if base.lower().endswith(suffix) and len(base) > len(suffix):
            return base[: -len(suffix)]
    return base or "Untitled"


def open_file(session: Session, message: dict[str, Any]) -> dict[str, Any]:
    """Open a file of any kind ``linework.files`` reads and show its first page.

    Message: ``{"type": "open", "name": str, "data": base64}``.
    Reply: ``{"ok", "title", "format", "warnings", "pages": [{"id", "name"}],
    "page", "elements", "defs", "overlay", "ui"}`` (the last two as in the
    editor's response). The content decides the format, not the name.
    """
    from linework import files, render

    name = _field(message, "name")
    try:
        data = base64.b64decode(_field(message, "data"), validate=True)
    except (binascii.Error, ValueError) as error:
        raise LineworkError("LW-E0100", "the file data was not base64") from error
    result = files.open_document(data)
    document = result.doc
    pages = document.pages()
    if not pages:
        raise LineworkError("LW-E0102", "the document has no pages")
    # The editor renders the first page once; its reset op is the viewer's page.
    edited = session.editor.load(document)
    reset = edited["ops"][0]
    session.opened = True
    session.title = _title_from(name)
    return {
        "ok": True,
        "page": _page_info(pages[0]),
        "elements": reset["elements"],
        "overlay": edited["overlay"],
        "ui": edited["ui"],
        "title": session.title,
        "format": result.format,
        "warnings": list(result.warnings),
        "pages": [{"id": p.id, "name": p.name} for p in pages],
        "defs": render.SVG_DEFS,
    }


def _open_document(session: Session) -> Document:
    if session.document is None:
        raise LineworkError("LW-E0001", "no document is open")
    return session.document


def switch_page(session: Session, message: dict[str, Any]) -> dict[str, Any]:
    """Show another page of the open document.

    Message: ``{"type": "page", "id": str}``. Reply: ``{"ok", "page", "elements"}``.
    """
    document = _open_document(session)
    page = _find_page(document, _field(message, "id"))
    editor = session.editor
    editor.handle({"type": "action", "name": "set-page", "args": {"id": page.id}})
    # The editor's renderer has the page cached now; its reset is the viewer's page.
    reset = editor.handle({"type": "refresh"})["ops"][0]
    return {"ok": True, "page": _page_info(page), "elements": reset["elements"]}


def render_page(session: Session, message: dict[str, Any]) -> dict[str, Any]:
    """Return a page's fragments as rendered now, without changing the view.

    Message: ``{"type": "render", "id"?: str}`` (default: the page on screen).
    Reply: ``{"ok", "page", "elements", "defs"}``. Used by tests and scripts
    to compare the browser's bytes with native rendering (promise P7).
    """
    from linework import render

    document = _open_document(session)
    page_id = message.get("id", session.page_id)
    if not isinstance(page_id, str):
        raise LineworkError("LW-E0001", "message field 'id' must be a string")
    return {
        **_rendered(document, _find_page(document, page_id)),
        "defs": render.SVG_DEFS,
    }


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
    # memory, not the wheel's files (tools/devtools/make_snapshot.mjs warms this way).
    from linework.icons.bundled import has_bundled_icons

    has_bundled_icons()
    return {"ok": True}
