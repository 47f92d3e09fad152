"""Handlers for embedding (docs/architecture.md §5), the viewer and share links.

The page (``web/embed.js``) checks who sent a host message and its shape; this
module checks what the message carries and does the work:

* ``{"type": "embed-sniff", "data": str, "format"?: str}``: which format the
  host's diagram text is in. ``data`` is the text as sent (linework JSON,
  draw.io XML, Gliffy, Excalidraw, Mermaid) or a ``data:`` URI of a PNG/SVG
  export. Reply ``{"ok", "format", "data": base64}``: the bytes to open with
  the page's usual open message. A named ``format`` that does not match the
  content is refused (``LW-E0602``), so nothing is opened.
* ``{"type": "embed-export", "format": "svg" | "linework" | "drawio" | "png",
  "sealed"?: base64}``: the open document as text ``{"ok", "format", "data"}``.
  PNG takes two steps: without ``raster`` the reply carries ``svg`` (plain, for
  the page to draw on a canvas); with ``raster`` (the canvas's PNG, base64) the
  reply's ``data`` is a ``data:image/png;base64,`` URI of that PNG with the
  diagram inside. ``sealed`` is a freshly sealed envelope of the document (the
  page seals with the session's key when a sealed document is open): then
  ``linework`` answers that envelope and SVG/PNG embed it instead of the
  plaintext, so the host never sees a sealed document in clear. ``drawio`` with
  ``sealed`` is refused (``LW-E0605``): the page asks the user first and sends
  the plain request only once they agreed.
* ``{"type": "embed-status", "modified"?: bool}``: ``modified: false`` marks
  the document saved (the host stored it). Reply ``{"ok", "dirty", "changed",
  "ui": {"dirty"}, "title", "page", "elements"}``: ``ui.dirty`` is what the
  page's file state follows (web/files.js observes every reply's ``ui.dirty``),
  ``elements`` counts the page on screen for the status line.
* ``{"type": "embed-title", "title": str}``: the host's ``configure {title}``;
  the session's title (status lines, saves) follows. Reply ``{"ok", "title"}``:
  the title as kept (blanks collapsed, at most 200 characters, else "Untitled").
* ``{"type": "read-only"}``: viewer mode for the rest of the session; the
  editor then refuses every event that could change the document.
* ``{"type": "share-link"}`` → ``{"ok", "fragment": "d=…", "limit"}``: the
  document deflated (raw) and base64url-encoded, for ``index.html?mode=view#d=…``,
  its ``meta.title`` the session's title (unless Untitled).
  Over ``linework.app.sharing.SHARE_LIMIT`` characters it is ``LW-E0402``.
* ``{"type": "link-data", "fragment": "d=…"}``: the reverse, ``{"ok", "format",
  "data": base64}`` to open like a file.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from linework import files, seal
from linework.app import hosting, sharing
from linework.app.workspace import Workspace as Session
from linework.bridge import fields
from linework.errors import LineworkError
from linework.formats import native, png
from linework.render import export_svg

Reply = dict[str, Any]
#: Re-exported for callers of the old name.
SHARE_LIMIT = sharing.SHARE_LIMIT


def embed_sniff(session: Session, message: dict[str, Any]) -> Reply:
    """Check a host's diagram and return its bytes for the open message."""
    data = fields.field(message, "data", str, code="LW-E0601")
    named = hosting.check_named(message.get("format"))
    raw = hosting.host_bytes(data)
    kind = hosting.matched_format(raw, named)
    return {"ok": True, "format": kind, "data": fields.b64(raw)}


def _sealed_envelope(message: dict[str, Any]) -> bytes | None:
    """Return the message's ``sealed`` envelope (checked), or None when absent."""
    value = message.get("sealed")
    if value is None:
        return None
    text = fields.field(message, "sealed", str, code="LW-E0401")
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise LineworkError("LW-E0401", "'sealed' is not base64") from None
    seal.parse_sealed(data)  # a malformed envelope is never handed out
    return data


def embed_export(session: Session, message: dict[str, Any]) -> Reply:
    """Return the open document in a format the host asked for."""
    fmt = message.get("format")
    if fmt not in hosting.EXPORT_FORMATS:
        raise LineworkError("LW-E0601", "'format' must be svg, png, linework or drawio")
    doc = session.require_document("LW-E0401")
    sealed = _sealed_envelope(message)
    payload = native.encode(doc) if sealed is None else sealed
    try:
        if fmt == "linework":
            return {"ok": True, "format": fmt, "data": payload.decode("utf-8")}
        if fmt == "drawio":
            if sealed is not None:
                raise LineworkError("LW-E0605", "draw.io files cannot be encrypted.")
            text = files.save_as(doc, "drawio").decode("utf-8")
            return {"ok": True, "format": fmt, "data": text}
        page_id = session.page_id
        if fmt == "svg":
            svg = export_svg(doc, page_id, embed=payload)
            return {"ok": True, "format": fmt, "data": svg}
        raster = message.get("raster")
        if raster is None:
            return {"ok": True, "format": fmt, "svg": export_svg(doc, page_id)}
        if not isinstance(raster, str):
            raise LineworkError("LW-E0401", "'raster' must be base64 text")
        try:
            image = base64.b64decode(raster, validate=True)
        except (binascii.Error, ValueError):
            raise LineworkError("LW-E0401", "'raster' is not base64") from None
        try:
            out = png.with_text_chunk(image, files.PNG_KEY, payload)
        except ValueError as error:
            raise LineworkError("LW-E0401", str(error)) from None
        return {
            "ok": True,
            "format": fmt,
            "data": "data:image/png;base64," + fields.b64(out),
        }
    except LineworkError:
        raise
    except Exception as error:  # an export must fail with its own code
        raise LineworkError("LW-E0401", type(error).__name__) from error


def embed_status(session: Session, message: dict[str, Any]) -> Reply:
    """Say whether the diagram changed since the last call, and whether it is dirty.

    Message: ``{"type": "embed-status", "modified"?: bool}``; ``modified: false``
    (the host stored the diagram) marks it saved, ``true`` marks it unsaved.
    Reply: ``{"ok", "dirty", "changed", "ui": {"dirty"}, "title", "page",
    "elements"}``: ``changed`` is true when the document is another one than at
    the previous ``embed-status`` (an edit, undo, redo or load); ``ui.dirty``
    repeats ``dirty`` where the page's file state (title marker, beforeunload)
    reads it from every reply; ``page`` and ``elements`` name the page on screen
    and count its elements.
    """
    modified = message.get("modified")
    if modified is not None and not isinstance(modified, bool):
        raise LineworkError("LW-E0601", "'modified' must be true or false")
    if not session.opened:
        return {"ok": True, "dirty": False, "changed": False, "ui": {"dirty": False}}
    editor = session.editor
    if modified is False:
        editor.mark_saved()
    elif modified is True:
        editor.history.mark_unsaved()
    doc = editor.document
    changed = doc is not session.watched
    session.watched = doc
    dirty = editor.history.dirty
    page = doc.get(editor.page_id)
    return {
        "ok": True,
        "dirty": dirty,
        "changed": changed,
        "ui": {"dirty": dirty},
        "title": session.title,
        "page": getattr(page, "name", ""),
        "elements": len(doc.elements(editor.page_id)),
    }


def embed_title(session: Session, message: dict[str, Any]) -> Reply:
    """Take the host's title for the open diagram: ``{"ok", "title"}``."""
    title = fields.field(message, "title", str, code="LW-E0601")
    return {"ok": True, "title": session.set_title(title)}


def read_only(session: Session, message: dict[str, Any]) -> Reply:
    """Switch the session to viewer mode for good: ``{"ok", "read_only": true}``.

    ``embed: true`` (optional) marks a read-only embed: the action records'
    embed allow-list applies (linework.app.policy).
    """
    embed = fields.field(message, "embed", bool, optional=True)
    session.read_only = True
    session.embedded = session.embedded or bool(embed)
    return {"ok": True, "read_only": True}


def share_link(session: Session, message: dict[str, Any]) -> Reply:
    """Return the open document as a URL fragment ``d=<base64url(deflate-raw)>``."""
    doc = session.require_document("LW-E0402")
    fragment = sharing.share_fragment(doc, session.title)
    return {"ok": True, "fragment": fragment, "limit": sharing.SHARE_LIMIT}


def link_data(session: Session, message: dict[str, Any]) -> Reply:
    """Unpack a share link: ``{"type": "link-data", "fragment"}`` → ``{"ok", "data"}``.

    ``data`` (base64 ``.linework`` bytes) then goes through the page's usual
    open message, as a file would.
    """
    fragment = message.get("fragment")
    if not isinstance(fragment, str):
        raise LineworkError("LW-E0604", "The link has no diagram in it.")
    data = sharing.link_document(fragment)
    return {"ok": True, "format": "linework", "data": fields.b64(data)}
