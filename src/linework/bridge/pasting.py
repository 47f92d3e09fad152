"""Pasted text: what it is, decided here and not in the page (docs/architecture.md §2).

* ``{"type": "paste-kind", "text": str}`` → ``{"ok", "kind", "format"?, "label"?}``:

  - ``"clipboard"``: Linework's own copy (``copy``/``cut`` put a one-page
    ``.linework`` document of the selection on the clipboard, marked
    ``"meta": {"clipboard": true}`` by :func:`mark_clipboard`); the page hands
    it to the editor's ``paste`` action.
  - ``"diagram"``: a file's text (``.linework``, sealed too, draw.io incl. a
    bare ``<mxGraphModel>``, Mermaid, Excalidraw, Gliffy, a Linework SVG),
    judged by ``formats.imports.sniff`` as the CLI and Open do; ``format`` is
    the sniffed name, ``label`` its name for people and ``data`` (base64) the
    bytes to open (UTF-8, a leading byte-order mark dropped). The page opens it
    like a file (asking first about unsaved changes).
  - ``"text"``: anything else, including text that only starts like Mermaid
    (``graph of sales``) but does not read as it; the page adds a text shape.

The editor's copy payload is a valid ``.linework`` document, so a marker is
what tells it from a pasted file: the bridge adds it to ``once.clipboard`` on
the way out (:func:`mark_clipboard`); the editor ignores ``meta`` on paste.
"""

from __future__ import annotations

import json
from typing import Any, Final

from linework.app.workspace import Workspace as Session
from linework.bridge import fields
from linework.errors import LineworkError
from linework.formats import imports, limits

Reply = dict[str, Any]

#: The ``meta`` key that marks Linework's own clipboard payload.
CLIPBOARD_KEY: Final = "clipboard"
#: Formats by the name people know them by (for the page's question).
LABELS: Final[dict[str, str]] = {
    "linework": "Linework",
    "linework-sealed": "encrypted Linework",
    "linework-image": "Linework image",
    "drawio": "draw.io",
    "mermaid": "Mermaid",
    "excalidraw": "Excalidraw",
    "gliffy": "Gliffy",
}


def mark_clipboard(text: str) -> str:
    """Return the editor's copy payload with ``"meta": {"clipboard": true}`` added.

    Text that is not a JSON object comes back unchanged.
    """
    try:
        doc = json.loads(text)
    except ValueError:
        return text
    if not isinstance(doc, dict):
        return text
    meta = doc.get("meta")
    doc["meta"] = {**(meta if isinstance(meta, dict) else {}), CLIPBOARD_KEY: True}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _is_clipboard(session: Session, text: str) -> bool:
    if session.opened and text == session.editor.session.clipboard:
        return True  # this tab's last copy, with or without the marker
    try:
        doc = json.loads(text)
    except ValueError:
        return False  # broken .linework text: opening it says what is wrong
    meta = doc.get("meta") if isinstance(doc, dict) else None
    return isinstance(meta, dict) and meta.get(CLIPBOARD_KEY) is True


def _reads_as_mermaid(raw: bytes) -> bool:
    try:
        imports.read_any(raw)
    except LineworkError:
        return False
    return True


def paste_kind(session: Session, message: dict[str, Any]) -> Reply:
    """Say what pasted text is: Linework's clipboard, a diagram file, or text."""
    text = fields.field(message, "text", str)
    if not text.strip():
        return {"ok": True, "kind": "text"}
    try:
        raw = text.removeprefix("\ufeff").encode("utf-8")
    except UnicodeEncodeError:
        return {"ok": True, "kind": "text"}  # lone surrogates: no file holds them
    kind = imports.sniff(raw)
    if kind is None:
        return {"ok": True, "kind": "text"}
    if len(raw) > limits.MAX_FILE_BYTES:
        return _diagram(kind, raw)  # opening it says it is too big
    if kind == "linework" and _is_clipboard(session, text):
        return {"ok": True, "kind": "clipboard", "format": kind}
    if kind == "mermaid" and not _reads_as_mermaid(raw):
        return {"ok": True, "kind": "text"}
    return _diagram(kind, raw)


def _diagram(kind: str, raw: bytes) -> Reply:
    return {
        "ok": True,
        "kind": "diagram",
        "format": kind,
        "label": LABELS[kind],
        "data": fields.b64(raw),
    }
