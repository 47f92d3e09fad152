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
  Over :data:`SHARE_LIMIT` characters it is ``LW-E0402``.
* ``{"type": "link-data", "fragment": "d=…"}``: the reverse, ``{"ok", "format",
  "data": base64}`` to open like a file.
* ``{"type": "debug-fail", "text"?: str}``: raises an unexpected exception
  carrying ``text``, so tests can check that such details never leave the page.
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib
from typing import TYPE_CHECKING, Any, Final

from linework.errors import LineworkError

if TYPE_CHECKING:
    from linework.bridge.session import Session

Reply = dict[str, Any]

#: Formats a host may name in ``load``; the content must agree.
LOAD_FORMATS: Final = frozenset(
    {"linework", "drawio", "gliffy", "excalidraw", "mermaid"}
)
#: What ``sniff`` may answer for each named format.
_SNIFFED: Final[dict[str, frozenset[str]]] = {
    # What `save`/`autosave` sent back for a sealed document loads again as linework.
    "linework": frozenset({"linework", "linework-sealed", "linework-image"}),
    "drawio": frozenset({"drawio"}),
    "gliffy": frozenset({"gliffy"}),
    "excalidraw": frozenset({"excalidraw"}),
    "mermaid": frozenset({"mermaid"}),
}
EXPORT_FORMATS: Final = ("svg", "png", "linework", "drawio")
#: The longest title a host may give (as web/embed.js checks it).
MAX_TITLE_CHARS: Final = 200
#: The longest share-link fragment (``d=`` and the base64url text), in characters.
SHARE_LIMIT: Final = 100_000
_DATA_URI: Final = re.compile(
    r"data:image/(png|svg\+xml);base64,([A-Za-z0-9+/=\s]*)", re.ASCII
)
_BASE64URL: Final = re.compile(r"[A-Za-z0-9_-]*", re.ASCII)
_MAX_LOAD_CHARS: Final = 64 * 1024 * 1024


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _host_bytes(data: str) -> bytes:
    """Return the bytes of a host's ``data``: a data URI's payload, else UTF-8."""
    if len(data) > _MAX_LOAD_CHARS:
        raise LineworkError("LW-E0104", f"It has {len(data):,} characters.")
    m = _DATA_URI.fullmatch(data.strip()) if data.lstrip().startswith("data:") else None
    if data.lstrip().startswith("data:") and m is None:
        raise LineworkError("LW-E0602", "Only PNG and SVG data URIs in base64.")
    if m is not None:
        try:
            return base64.b64decode("".join(m.group(2).split()), validate=True)
        except (binascii.Error, ValueError):
            raise LineworkError("LW-E0602", "The data URI is not base64.") from None
    try:
        return data.encode("utf-8")
    except UnicodeEncodeError:
        raise LineworkError("LW-E0107", "It holds lone surrogates.") from None


def embed_sniff(session: Session, message: dict[str, Any]) -> Reply:
    """Check a host's diagram and return its bytes for the open message."""
    from linework.formats import imports

    data = message.get("data")
    if not isinstance(data, str):
        raise LineworkError("LW-E0601", "'data' must be a string")
    named = message.get("format")
    if named is not None and named not in LOAD_FORMATS:
        raise LineworkError("LW-E0601", "'format' is not a format Linework loads")
    raw = _host_bytes(data)
    kind = imports.sniff(raw)
    if kind is None:
        raise LineworkError("LW-E0100")
    if named is not None and kind not in _SNIFFED[named]:
        raise LineworkError("LW-E0602", f"The data is not {named}.")
    return {"ok": True, "format": kind, "data": _b64(raw)}


def _document_or_fail(session: Session, code: str) -> Any:
    if session.document is None:
        raise LineworkError(code, "No diagram is open.")
    return session.document


def _sealed_envelope(message: dict[str, Any]) -> bytes | None:
    """Return the message's ``sealed`` envelope (checked), or None when absent."""
    from linework import seal

    value = message.get("sealed")
    if value is None:
        return None
    if not isinstance(value, str):
        raise LineworkError("LW-E0401", "'sealed' must be base64 text")
    try:
        data = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise LineworkError("LW-E0401", "'sealed' is not base64") from None
    seal.parse_sealed(data)  # a malformed envelope is never handed out
    return data


def embed_export(session: Session, message: dict[str, Any]) -> Reply:
    """Return the open document in a format the host asked for."""
    from linework import files
    from linework.formats import native, png
    from linework.render import export_svg

    fmt = message.get("format")
    if fmt not in EXPORT_FORMATS:
        raise LineworkError("LW-E0601", "'format' must be svg, png, linework or drawio")
    doc = _document_or_fail(session, "LW-E0401")
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
        return {"ok": True, "format": fmt, "data": "data:image/png;base64," + _b64(out)}
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
    title = message.get("title")
    if not isinstance(title, str):
        raise LineworkError("LW-E0601", "'title' must be a string")
    session.title = " ".join(title.split())[:MAX_TITLE_CHARS] or "Untitled"
    return {"ok": True, "title": session.title}


def read_only(session: Session, message: dict[str, Any]) -> Reply:
    """Switch the session to viewer mode for good: ``{"ok", "read_only": true}``."""
    session.read_only = True
    return {"ok": True, "read_only": True}


#: What a read-only session still takes from the editor protocol: nothing that
#: can change the document (no presses, keys, drops, loads or new). Pointer
#: moves only hover while no press started a gesture.
_VIEW_EVENTS: Final = frozenset(
    {"refresh", "idle", "pointermove", "pointerup", "pointercancel"}
)
#: Message types that replace the document with a new, empty one.
_NEW_TYPES: Final = frozenset({"new", "file-new"})


def check_read_only(session: Session, message: dict[str, Any]) -> None:
    """Refuse a message that could change the document of a read-only session.

    Raises:
        LineworkError: LW-E0502.
    """
    if not session.read_only:
        return
    kind = message.get("type")
    if kind in _NEW_TYPES:
        raise LineworkError("LW-E0502", "The viewer cannot start a new diagram.")
    if kind != "editor":
        return
    event = message.get("event")
    etype = event.get("type") if isinstance(event, dict) else None
    if etype in _VIEW_EVENTS:
        return
    # The actions whose records say ``viewer`` (linework.editor.actions); read
    # here only once a session is read-only, so start-up imports no editor.
    from linework.editor.actions import REGISTRY

    if (
        etype == "action"
        and isinstance(event, dict)
        and event.get("name") in REGISTRY.viewer_actions
    ):
        return
    raise LineworkError("LW-E0502", "The viewer does not edit.")


def share_link(session: Session, message: dict[str, Any]) -> Reply:
    """Return the open document as a URL fragment ``d=<base64url(deflate-raw)>``.

    The viewer titles a link by ``meta.title``: a document without one gets
    the title on screen (unless Untitled), so the link is named as here; a
    title the document carries itself is kept. The open document is not changed.
    """
    from linework.formats import native
    from linework.model import Document, frozen_map

    doc = _document_or_fail(session, "LW-E0402")
    own = doc.meta.get("title")
    if not (isinstance(own, str) and own.strip()) and session.title not in (
        "",
        "Untitled",
    ):
        meta = frozen_map({**doc.meta, "title": session.title})
        doc = Document(records=doc.records, meta=meta, extra=doc.extra)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(native.encode(doc)) + packer.flush()
    fragment = "d=" + base64.urlsafe_b64encode(packed).rstrip(b"=").decode("ascii")
    if len(fragment) > SHARE_LIMIT:
        raise LineworkError(
            "LW-E0402",
            f"The link would be {len(fragment) // 1000:,} KB; "
            f"the limit is {SHARE_LIMIT // 1000} KB.",
        )
    return {"ok": True, "fragment": fragment, "limit": SHARE_LIMIT}


def link_bytes(fragment: str) -> bytes:
    """Return the ``.linework`` bytes of a share-link fragment ``d=…``.

    Raises:
        LineworkError: LW-E0604 for anything that is not such a fragment.
    """
    from linework.formats import limits, png

    if not fragment.startswith("d=") or len(fragment) > 8 * SHARE_LIMIT:
        raise LineworkError("LW-E0604", "The link has no diagram in it.")
    text = fragment[2:]
    if not _BASE64URL.fullmatch(text):
        raise LineworkError("LW-E0604", "The link was cut or changed.")
    try:
        packed = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        return png.inflate(packed, limits.MAX_FILE_BYTES, wbits=-15)
    except (binascii.Error, ValueError, zlib.error):
        raise LineworkError("LW-E0604", "The link was cut or changed.") from None


def link_data(session: Session, message: dict[str, Any]) -> Reply:
    """Unpack a share link: ``{"type": "link-data", "fragment"}`` → ``{"ok", "data"}``.

    ``data`` (base64 ``.linework`` bytes) then goes through the page's usual
    open message, as a file would.
    """
    from linework.formats import imports

    fragment = message.get("fragment")
    if not isinstance(fragment, str):
        raise LineworkError("LW-E0604", "The link has no diagram in it.")
    data = link_bytes(fragment)
    if imports.sniff(data) != "linework":
        raise LineworkError("LW-E0604", "The link holds no Linework diagram.")
    return {"ok": True, "format": "linework", "data": _b64(data)}


def debug_fail(session: Session, message: dict[str, Any]) -> Reply:
    """Raise an unexpected exception whose text includes ``text`` (a test hook)."""
    text = message.get("text", "")
    raise RuntimeError(f"debug failure with {str(text)[:200]}")


HANDLERS: Final = {
    "embed-sniff": embed_sniff,
    "embed-export": embed_export,
    "embed-status": embed_status,
    "embed-title": embed_title,
    "read-only": read_only,
    "share-link": share_link,
    "link-data": link_data,
    "debug-fail": debug_fail,
}
