"""The bridge's message dispatcher: a JSON string in, a JSON string out.

Each message is an object with a ``type``; :data:`HANDLERS` maps types to
functions ``(session, message) -> reply``. Replies carry ``"ok": true`` or
``"ok": false`` with an error ``code`` (see ``linework.errors``), its
``message`` and a ``detail`` for the user. Nothing here raises into
JavaScript: an unexpected failure becomes ``LW-E0001``.

Modules that render or decode are imported on first use (or by ``warm``), so
that starting the app imports nothing the first paint does not need
(docs/architecture.md §7).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Final

from linework.bridge import (
    editing,
    embedding,
    filing,
    pasting,
    picturing,
    templating,
    viewer,
    workbench,
)
from linework.bridge.session import Session
from linework.errors import LineworkError

Message = dict[str, Any]
Reply = dict[str, Any]
Handler = Callable[[Session, Message], Reply]

# The message types and their handlers; later issues (the editor) add theirs.
HANDLERS: Final[dict[str, Handler]] = {
    "editor": editing.edit,
    "memory": workbench.memory,
    "new": editing.new_document,
    "open": viewer.open_file,
    "page": viewer.switch_page,
    "palette": workbench.palette,
    "render": viewer.render_page,
    "version": viewer.version,
    "warm": viewer.warm,
}
# Files: new, open (sealed too), save, export, recovery (web/files.js).
HANDLERS.update(filing.HANDLERS)
# Embedding, the read-only viewer and share links (web/embed.js, viewer-mode.js).
HANDLERS.update(embedding.HANDLERS)
# Pasted text: Linework's clipboard, a diagram to open, or text (web/editor/app.js).
HANDLERS.update(pasting.HANDLERS)
# Pictures: insert or open? (web/editor/pictures.js).
HANDLERS.update(picturing.HANDLERS)
# The template gallery: list and open (web/templates.js).
HANDLERS.update(templating.HANDLERS)

# Replies with unexpected errors keep a short detail: enough to report a bug,
# never the document.
_MAX_DETAIL = 300


def error_reply(error: LineworkError) -> Reply:
    """Return the reply for a registered error."""
    return {
        "ok": False,
        "code": error.code,
        "message": error.message,
        "detail": error.detail,
    }


class Api:
    """The one object JavaScript holds."""

    def __init__(self, handlers: dict[str, Handler] | None = None) -> None:
        """Create an API with a fresh session.

        Args:
            handlers: message type -> handler; defaults to :data:`HANDLERS`.
        """
        self._handlers = dict(HANDLERS if handlers is None else handlers)
        self._session = Session()

    def handle(self, message: str) -> str:
        """Handle one JSON message and return the JSON reply."""
        return json.dumps(
            self.dispatch(message), ensure_ascii=False, separators=(",", ":")
        )

    def dispatch(self, message: str) -> Reply:
        """Handle one JSON message and return the reply as a dict."""
        try:
            decoded = json.loads(message)
            if not isinstance(decoded, dict) or not isinstance(
                decoded.get("type"), str
            ):
                raise LineworkError("LW-E0001", "message without a type")
            handler = self._handlers.get(decoded["type"])
            if handler is None:
                raise LineworkError(
                    "LW-E0001", f"unknown message type {decoded['type'][:40]!r}"
                )
            # Viewer mode: refuse anything that could change the document.
            embedding.check_read_only(self._session, decoded)
            return handler(self._session, decoded)
        except LineworkError as error:
            return error_reply(error)
        except Exception as error:
            detail = f"{type(error).__name__}: {error}"[:_MAX_DETAIL]
            return error_reply(LineworkError("LW-E0001", detail))


def create_api() -> Api:
    """Return the object JavaScript talks to (called once by web/worker.js)."""
    return Api()
