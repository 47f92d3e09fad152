"""The bridge's message dispatcher: a JSON string in, a JSON string out.

Each message is an object with a ``type``; :data:`HANDLERS` names, for each
type, the function ``(session, message) -> reply`` as ``"module:function"``
in this package, imported on first use, so that starting the app imports
nothing the first paint does not need (docs/architecture.md §7). Replies carry
``"ok": true`` or ``"ok": false`` with an error ``code`` (see
``linework.errors``), its ``message`` and a ``detail`` for the user. Nothing
here raises into JavaScript: an unexpected failure becomes ``LW-E0001``.

Replies are turned into text by the session's :class:`~linework.bridge.wire.Wire`
(``ui`` as what changed since the last reply). Test and benchmark helpers live
under their own names, ``test.*`` and ``bench.*`` (``bridge.testing``).
"""

from __future__ import annotations

import importlib
import json
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final

from linework import phases
from linework.app.policy import check_read_only
from linework.bridge.wire import Wire, plain
from linework.errors import LineworkError
from linework.formats.utf8json import json_utf8

if TYPE_CHECKING:
    from linework.app.workspace import Workspace as Session

Message = dict[str, Any]
Reply = Mapping[str, Any]
Handler = Callable[["Session", Message], Reply]

#: Message type -> ``"module:function"`` in ``linework.bridge``.
HANDLERS: Final[dict[str, str]] = {
    # The editor and the chrome around it (web/editor/).
    "editor": "editing:edit",
    "palette": "workbench:palette",
    "version": "workbench:version",
    "warm": "warming:warm",
    "paste-kind": "pasting:paste_kind",
    "picture-kind": "picturing:picture_kind",
    # Files: new, open (sealed too), save, export, recovery (web/files.js).
    "file-new": "filing:new_file",
    "file-open": "filing:open_file",
    "open-plain": "filing:open_plain",
    "unseal-parse": "sealing:unseal_parse",
    "passphrase": "sealing:passphrase",
    "seal-begin": "sealing:seal_begin",
    "seal-finish": "sealing:seal_finish",
    "save": "filing:save",
    "saved": "filing:saved",
    "file-export": "exporting:export",
    "png-embed": "exporting:png_embed",
    "recovery": "filing:recovery",
    # Embedding, the viewer and share links (web/embed.js, viewer-mode.js).
    "embed-sniff": "embedding:embed_sniff",
    "embed-export": "embedding:embed_export",
    "embed-status": "embedding:embed_status",
    "embed-title": "embedding:embed_title",
    "read-only": "embedding:read_only",
    "share-link": "embedding:share_link",
    "link-data": "embedding:link_data",
    # The template gallery: list and open (web/templates.js).
    "templates": "templating:gallery",
    "file-template": "templating:open_template",
    # Tests and benchmarks only.
    "test.render": "testing:render_page",
    "test.fail": "testing:fail",
    "test.crash": "testing:crash",
    "bench.memory": "testing:memory",
    "bench.phases": "testing:open_phases",
    # Kept for users' scripts (docs/automation.md); the page never sends them.
    "open": "testing:open_file",
    "page": "testing:switch_page",
    "render": "testing:render_page",
}

#: Messages that replace the document: their phases are recorded for
#: ``bench.phases`` (the message's parsing and the reply's encoding included).
TIMED: Final = frozenset({"file-new", "file-open", "open-plain", "file-template"})

# Replies with unexpected errors keep a short detail: enough to report a bug,
# never the document.
_MAX_DETAIL = 300


def error_reply(error: LineworkError) -> dict[str, Any]:
    """Return the reply for a registered error."""
    return {
        "ok": False,
        "code": error.code,
        "message": error.message,
        "detail": error.detail,
    }


def _resolve(target: str) -> Handler:
    module, name = target.split(":")
    handler: Handler = getattr(
        importlib.import_module(f"linework.bridge.{module}"), name
    )
    return handler


class Api:
    """The one object JavaScript holds."""

    def __init__(self, handlers: Mapping[str, str | Handler] | None = None) -> None:
        """Create an API with a fresh session.

        Args:
            handlers: message type -> handler (or ``"module:function"``);
                defaults to :data:`HANDLERS`.
        """
        self._table = dict(HANDLERS if handlers is None else handlers)
        self._handlers: dict[str, Handler] = {}
        self._workspace: Session | None = None
        self._wire = Wire()
        self._timed = False

    @property
    def _session(self) -> Session:
        """Return the workspace, made on the first message that needs it."""
        if self._workspace is None:
            # The one deferred import: the workspace brings the editor and the
            # renderer, which the worker's start-up must not wait for (§7).
            from linework.app.workspace import Workspace

            self._workspace = Workspace()
        return self._workspace

    def handle(self, message: str, data: bytes | None = None) -> str:
        """Handle one JSON message and return the JSON reply the worker posts.

        ``data``: bytes that came beside the message and stand for its
        ``data`` field (the page sends an opened file so: as base64 inside the
        JSON it cost a third more to carry and was copied five times).
        """
        self._timed = False
        reply = self._reply(message, data)
        if not self._timed:
            return self._wire.encode(reply)
        with phases.phase("encode"):
            return self._wire.encode(reply)

    def handle_utf8(self, message: str, data: Any = None) -> bytes:
        """Handle one JSON message and return the reply as UTF-8 bytes.

        The worker calls this one. Pyodide hands a ``str`` holding any
        non-ASCII character to JavaScript one character at a time (about
        50 ms for the 650 KB reply of a 1,000-icon open), ``bytes`` as one
        copy that the worker's TextDecoder reads in a millisecond or two.
        ``data``: a JavaScript Uint8Array (or None) beside the message; its
        bytes come over in one copy too.
        """
        if data is not None and hasattr(data, "to_bytes"):
            data = data.to_bytes()
        # A lone surrogate crosses as its JSON escape (formats/utf8json.py).
        return json_utf8(self.handle(message, None if data is None else bytes(data)))

    def dispatch(self, message: str) -> dict[str, Any]:
        """Handle one JSON message and return the reply as plain JSON values.

        ``ui`` is whole here (what the page sees after merging); native
        callers and tests use this.
        """
        return plain(self._reply(message))

    def _handler(self, kind: str) -> Handler:
        found = self._handlers.get(kind)
        if found is None:
            target = self._table.get(kind)
            if target is None:
                raise LineworkError("LW-E0001", f"unknown message type {kind[:40]!r}")
            found = _resolve(target) if isinstance(target, str) else target
            self._handlers[kind] = found
        return found

    def _reply(self, message: str, data: bytes | None = None) -> Reply:
        try:
            start = time.perf_counter()
            decoded = json.loads(message)
            if not isinstance(decoded, dict) or not isinstance(
                decoded.get("type"), str
            ):
                raise LineworkError("LW-E0001", "message without a type")
            if decoded["type"] in TIMED:
                self._timed = True
                phases.begin()
                phases.add("message", (time.perf_counter() - start) * 1000.0)
            if data is not None:
                decoded["data"] = data
            handler = self._handler(decoded["type"])
            # Viewer mode: refuse anything that could change the document.
            if self._workspace is not None and self._workspace.read_only:
                check_read_only(decoded, embed=self._workspace.embedded)
            return handler(self._session, decoded)
        except LineworkError as error:
            reply = error_reply(error)
            picture = getattr(error, "picture", False)
            return {**reply, "picture": True} if picture else reply
        except Exception as error:
            detail = f"{type(error).__name__}: {error}"[:_MAX_DETAIL]
            return error_reply(LineworkError("LW-E0001", detail))


def create_api() -> Api:
    """Return the object JavaScript talks to (called once by web/worker.js)."""
    return Api()
