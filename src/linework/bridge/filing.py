"""Handlers for files: new, open, save and the recovery copy (web/files.js).

The browser shell owns the dialogs, the file handles and WebCrypto; the rules
(promise P5, "nothing lost") live in :mod:`linework.app.workspace`. Bytes
cross as base64 text.

``file-new``, ``file-open`` and ``open-plain`` all answer the one "document
replaced" reply (:class:`linework.editor.protocol.DocumentReply`): the
editor's response, whose ``reset`` op paints the page, and a ``document``
block (title, format, native, sealed, warnings, count, defs). A plain picture
given to ``file-open`` answers ``LW-E0206`` with ``"picture": true`` (the
page offers to insert it); a sealed file answers ``LW-E0304`` and the page
goes through ``unseal-parse`` and ``open-plain`` (``bridge.sealing``).
"""

from __future__ import annotations

from typing import Any

from linework import phases
from linework.app.workspace import Replaced
from linework.app.workspace import Workspace as Session
from linework.bridge import fields
from linework.editor.open_view import Canvas
from linework.formats import native

Reply = dict[str, Any]


def document_reply(replaced: Replaced) -> Reply:
    """Return the "document replaced" reply."""
    response = replaced.response
    return {
        "ok": True,
        "ops": response.ops,
        "overlay": response.overlay,
        "ui": response.ui,
        "once": response.once,
        "document": replaced.document,
    }


def _canvas(message: dict[str, Any]) -> Canvas | None:
    """Return the optional ``canvas: {width, height, fit?}`` (px) of an open message.

    The page says how big its canvas is, so the core computes the opening view
    (the reply's ``document.view``) and paints what it shows first
    (``ui.pending`` counts the rest). Anything odd is ignored: the whole page
    is then painted at once, as without it, and the page fits it itself.
    """
    raw = message.get("canvas")
    if not isinstance(raw, dict):
        return None
    size: list[float] = []
    for v in (raw.get("width"), raw.get("height")):
        if isinstance(v, bool) or not isinstance(v, int | float):
            return None
        if not 0 < v <= 100_000:
            return None
        size.append(float(v))
    return Canvas(size[0], size[1], whole=raw.get("fit") is True)


def new_file(session: Session, message: dict[str, Any]) -> Reply:
    """Start an empty, clean diagram: ``{"type": "file-new"}``."""
    return document_reply(session.new())


def open_file(session: Session, message: dict[str, Any]) -> Reply:
    """Open any file Linework reads: ``{"type": "file-open", "name", "data",
    "canvas"?, "meta_title"?, "copy"?}`` (see ``FileOpenMessage``)."""
    name = fields.field(message, "name", str)
    with phases.phase("base64"):
        data = fields.data(message, "data", "LW-E0100")
    return document_reply(
        session.open_file(
            name,
            data,
            _canvas(message),
            meta_title=message.get("meta_title") is True,
            copy=message.get("copy") is True,
        )
    )


def open_plain(session: Session, message: dict[str, Any]) -> Reply:
    """Open the decrypted content of a sealed file: ``{"type": "open-plain",
    "name", "data"}`` (the plaintext ``.linework`` bytes)."""
    name = fields.field(message, "name", str)
    plaintext = fields.data(message, "data", "LW-E0301")
    return document_reply(session.open_plain(name, plaintext, _canvas(message)))


def save(session: Session, message: dict[str, Any]) -> Reply:
    """Return the ``.linework`` bytes to write: ``{"type": "save"}``.

    Reply: ``{"ok", "data": base64, "token", "title"}``. The document stays
    dirty until ``saved`` with this token.
    """
    data, token = session.save()
    return {
        "ok": True,
        "data": fields.b64(data),
        "token": token,
        "title": session.title,
    }


def saved(session: Session, message: dict[str, Any]) -> Reply:
    """The page wrote a save: ``{"type": "saved", "token", "name"?}``.

    Marks the document saved only when it is still the document that save
    handed out, and takes the file's name as the title. Reply: ``{"ok",
    "dirty", "title"}``.
    """
    name = message.get("name")
    session.saved(message.get("token"), name if isinstance(name, str) else None)
    return {
        "ok": True,
        "dirty": session.editor.history.dirty,
        "title": session.title,
    }


def recovery(session: Session, message: dict[str, Any]) -> Reply:
    """Return the open document as ``.linework`` text for the page's recovery copy.

    Reply: ``{"ok", "data": text or null, "title", "dirty"}``. The page keeps it
    in memory only, to offer "Download your diagram" if the runtime dies.
    """
    if not session.opened:
        return {"ok": True, "data": None, "title": session.title, "dirty": False}
    return {
        "ok": True,
        "data": native.encode(session.editor.document).decode("utf-8"),
        "title": session.title,
        "dirty": session.editor.history.dirty,
    }
