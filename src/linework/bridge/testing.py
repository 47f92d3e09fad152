"""Messages for tests, benchmarks and users' scripts; the page itself never sends them.

- ``{"type": "test.render", "id"?}`` (also ``render``): a page's fragments as
  rendered now, without changing the view: ``{"ok", "page", "elements",
  "defs"}``, to compare the browser's bytes with native rendering (P7).
- ``{"type": "test.fail", "text"?}``: an unexpected exception carrying
  ``text``, so tests can check such details never leave the page.
- ``{"type": "test.crash"}``: kills the runtime (JSON nested 100,000 deep
  overflows the JavaScript stack under Pyodide), for the recovery path.
- ``{"type": "bench.memory"}``: ``{"ok", "wasm": bytes | None}``, the size of
  the runtime's heap (null when not running in Pyodide).
- ``{"type": "bench.phases"}``: ``{"ok", "phases": {name: ms}}``, where the
  last open (or new) spent its time in Python (``linework.phases``).
- ``open`` and ``page`` (docs/automation.md, kept for users' scripts): open a
  file like ``file-open`` and answer the shape scripts were given, ``{"ok",
  "title", "format", "warnings", "pages", "page", "elements", "defs",
  "overlay", "ui"}``; show another page: ``{"ok", "page", "elements"}``.
"""

from __future__ import annotations

import json
from typing import Any, Final

from linework import phases, render
from linework.app.workspace import Workspace as Session
from linework.bridge import fields
from linework.errors import LineworkError
from linework.model import Document, Page

Reply = dict[str, Any]
# Deep enough to overflow the JavaScript stack under Pyodide in a worker
# (docs/architecture.md §7 measured 5,000).
_CRASH_DEPTH: Final = 100_000


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
    found = document.get(page_id)
    if not isinstance(found, Page):
        raise LineworkError("LW-E0001", f"no page {page_id[:80]!r} in this document")
    return found


def _open_document(session: Session) -> Document:
    return session.require_document("LW-E0001")


def render_page(session: Session, message: dict[str, Any]) -> Reply:
    """Return a page's fragments as rendered now, without changing the view."""
    document = _open_document(session)
    page_id = message.get("id", session.page_id)
    if not isinstance(page_id, str):
        raise LineworkError("LW-E0001", "message field 'id' must be a string")
    page = _find_page(document, page_id)
    return {
        "ok": True,
        "page": _page_info(page),
        "elements": [
            [eid, svg] for eid, svg in render.page_fragments(document, page.id)
        ],
        "defs": render.SVG_DEFS,
    }


def open_file(session: Session, message: dict[str, Any]) -> Reply:
    """Open a file for a script (``open``): as ``file-open``, in the old shape."""
    name = fields.field(message, "name", str)
    data = fields.data(message, "data", "LW-E0100")
    replaced = session.open_file(name, data)
    response, info = replaced.response, replaced.document
    reset = next(op for op in response.ops if op["op"] == "reset")
    document = session.editor.document
    return {
        "ok": True,
        "page": _page_info(_find_page(document, session.page_id)),
        "elements": reset["elements"],
        "overlay": response.overlay,
        "ui": response.ui,
        "title": info.title,
        "format": info.format,
        "warnings": info.warnings,
        "pages": response.ui.pages,
        "defs": info.defs,
    }


def switch_page(session: Session, message: dict[str, Any]) -> Reply:
    """Show another page for a script (``page``): ``{"ok", "page", "elements"}``."""
    document = _open_document(session)
    page = _find_page(document, fields.field(message, "id", str))
    editor = session.editor
    editor.switch_page(page.id)
    reset = editor.respond_to({"type": "refresh"}).ops[0]
    assert reset["op"] == "reset"
    return {"ok": True, "page": _page_info(page), "elements": reset["elements"]}


def fail(session: Session, message: dict[str, Any]) -> Reply:
    """Raise an unexpected exception whose text includes ``text``."""
    text = message.get("text", "")
    raise RuntimeError(f"debug failure with {str(text)[:200]}")


def crash(session: Session, message: dict[str, Any]) -> Reply:
    """Kill the runtime on purpose (natively this only raises RecursionError)."""
    json.loads("[" * _CRASH_DEPTH + "]" * _CRASH_DEPTH)
    return {"ok": True}


def memory(session: Session, message: dict[str, Any]) -> Reply:
    """Return ``{"ok", "wasm": bytes | None}``: the size of the runtime's heap."""
    try:
        import pyodide_js  # type: ignore[import-not-found]  # only in Pyodide
    except ImportError:
        return {"ok": True, "wasm": None}
    try:
        return {"ok": True, "wasm": int(pyodide_js._module.HEAP8.length)}
    except AttributeError as error:
        raise LineworkError("LW-E0001", "the runtime hides its heap") from error


def open_phases(session: Session, message: dict[str, Any]) -> Reply:
    """Return ``{"ok", "phases"}``: the last open's time per phase in Python (ms)."""
    return {"ok": True, "phases": phases.last()}
