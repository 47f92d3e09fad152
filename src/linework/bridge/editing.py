"""Handlers for editing: forward browser events to the editor, start a new diagram.

The editor's response (DOM ops, overlay, UI state) goes back unchanged, with
``"ok": true`` added, so web/ applies exactly what the core decided.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from linework.errors import LineworkError

if TYPE_CHECKING:
    from linework.bridge.session import Session


def edit(session: Session, message: dict[str, Any]) -> dict[str, Any]:
    """Handle one editor event: ``{"type": "editor", "event": {...}}``.

    Reply: ``{"ok": true, "ops", "overlay", "ui"}`` (see ``linework.editor.protocol``);
    a copy's ``ui.clipboard`` text carries ``"meta": {"clipboard": true}``, so
    a paste can tell it from a pasted ``.linework`` file (``bridge.pasting``).
    An event before any document starts a new, empty one. With ``"time": true``
    the reply adds ``python_ms``: how long the editor took to handle the event.
    """
    event = message.get("event")
    if not isinstance(event, dict):
        raise LineworkError("LW-E0001", "message field 'event' must be an object")
    editor = session.editor
    session.opened = True
    # Benchmarks ask how long the editor took (the bridge, not the core, reads
    # the clock, so the core stays deterministic).
    started = time.perf_counter()
    response = editor.handle(event)
    took = (time.perf_counter() - started) * 1000
    _mark_clipboard(response)
    if message.get("time") is not True:
        return {"ok": True, **response}
    return {"ok": True, **response, "python_ms": took}


def _mark_clipboard(response: dict[str, Any]) -> None:
    """Mark a copy for the system clipboard as Linework's own (``paste-kind``)."""
    ui = response.get("ui")
    if isinstance(ui, dict) and isinstance(ui.get("clipboard"), str):
        from linework.bridge.pasting import mark_clipboard

        ui["clipboard"] = mark_clipboard(ui["clipboard"])


def new_document(session: Session, message: dict[str, Any]) -> dict[str, Any]:
    """Start an empty diagram: ``{"type": "new"}`` → editor response plus title."""
    from linework.model import Document

    reply = session.editor.load(Document.new(session.editor.ids))
    session.opened = True
    session.title = "Untitled"
    return {"ok": True, "title": session.title, **reply}
