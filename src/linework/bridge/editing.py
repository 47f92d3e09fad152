"""Handler for editing: forward browser events to the editor.

The editor's typed response (DOM ops, overlay, UI state) goes back with
``"ok": true`` added, so web/ applies exactly what the core decided.
"""

from __future__ import annotations

import dataclasses
import time
from typing import Any

from linework.app.workspace import Workspace as Session
from linework.bridge import fields
from linework.bridge.pasting import mark_clipboard
from linework.editor.protocol import Response


def edit(session: Session, message: dict[str, Any]) -> dict[str, Any]:
    """Handle one editor event: ``{"type": "editor", "event": {...}}``.

    Reply: :class:`linework.editor.protocol.EditorReply`; a copy's
    ``once.clipboard`` text carries ``"meta": {"clipboard": true}``, so a
    paste can tell it from a pasted ``.linework`` file (``bridge.pasting``).
    An event before any document starts a new, empty one. With ``"time": true``
    the reply adds ``python_ms``: how long the editor took to handle the event.
    """
    event = fields.field(message, "event", dict)
    editor = session.editor
    session.opened = True
    # Benchmarks ask how long the editor took (the bridge, not the core, reads
    # the clock, so the core stays deterministic).
    started = time.perf_counter()
    response = _mark_clipboard(editor.respond_to(event))
    took = (time.perf_counter() - started) * 1000
    reply: dict[str, Any] = {
        "ok": True,
        "ops": response.ops,
        "overlay": response.overlay,
        "ui": response.ui,
        "once": response.once,
    }
    if message.get("time") is True:
        reply["python_ms"] = took
    return reply


def _mark_clipboard(response: Response) -> Response:
    """Mark a copy for the system clipboard as Linework's own (``paste-kind``)."""
    text = response.once.get("clipboard")
    if not isinstance(text, str):
        return response
    once = {**response.once, "clipboard": mark_clipboard(text)}
    return dataclasses.replace(response, once=once)  # type: ignore[arg-type]
