"""Handlers for files: new, open (sealed too), save, export, recovery copy.

The browser shell (``web/files.js`` and friends) owns the dialogs, the file
handles and WebCrypto; this module owns every byte format. Bytes cross as
base64 text. The rules that keep promise P5 ("nothing lost") live here:

* An open replaces the editor's document only after the whole file decoded,
  so a file that fails leaves the open diagram and its dirty state as they were.
* ``save`` hands out the bytes and a token but does not mark the document
  saved: only ``saved`` does, once the page confirms that the write succeeded,
  and only if the document did not change in between. A failed write therefore
  leaves the document dirty.
* Sealing is two-phase (``seal-begin`` → WebCrypto → ``seal-finish``) and
  stateless here: ``seal-finish`` recomputes the plan from the salt, nonce and
  iteration count, so no secret stays in Python between messages.
"""

from __future__ import annotations

import base64
import binascii
import itertools
import json
from typing import TYPE_CHECKING, Any, Final

from linework.errors import LineworkError
from linework.gcpause import paused_gc

if TYPE_CHECKING:
    from linework.bridge.session import Session
    from linework.model import Document

Reply = dict[str, Any]

# Saves handed out and not yet confirmed: token -> the document they hold.
# Tokens are unique across sessions and a document is matched by identity, so
# one table serves every session; a handful at most, old ones are dropped.
_MAX_PENDING: Final = 8
_tokens = itertools.count(1)
_pending: dict[int, Document] = {}
# Deep enough to overflow the JavaScript stack under Pyodide in a worker
# (docs/architecture.md §7 measured 5,000); used only by ``debug-crash``.
_CRASH_DEPTH: Final = 100_000
#: The least strength score ("fair") "Save encrypted…" takes for a new passphrase.
MIN_SEAL_SCORE: Final = 2


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _bytes_field(message: dict[str, Any], name: str, code: str = "LW-E0001") -> bytes:
    value = message.get(name)
    if not isinstance(value, str):
        raise LineworkError("LW-E0001", f"message field {name!r} must be base64 text")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise LineworkError(code, f"message field {name!r} is not base64") from None


def _str_field(message: dict[str, Any], name: str, default: str | None = None) -> str:
    value = message.get(name, default)
    if not isinstance(value, str):
        raise LineworkError("LW-E0001", f"message field {name!r} must be a string")
    return value


def _canvas(message: dict[str, Any]) -> tuple[float, float] | None:
    """Return the optional ``canvas: {width, height}`` (px) of an open message.

    The page says how big its canvas is, so the core paints what the opening
    view shows first (``ui.pending`` counts the rest). Anything odd is ignored:
    the whole page is then painted at once, as without it.
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
    return size[0], size[1]


def _present(session: Session, response: Reply, **extra: Any) -> Reply:
    """Return the reply for a replaced document, shaped like the ``open`` reply.

    ``viewer.open_file`` and the shell's painting code expect ``page``,
    ``elements`` (the editor's reset op), ``pages``, ``overlay``, ``ui``,
    ``title`` and ``defs``; file replies keep that shape so one painter serves
    both, and add what the file shell needs (``native``, ``sealed``).
    """
    from linework import render
    from linework.bridge.viewer import _page_info

    doc = session.editor.document
    pages = doc.pages()
    page = next((p for p in pages if p.id == session.editor.page_id), pages[0])
    reset = next(op for op in response["ops"] if op.get("op") == "reset")
    return {
        "ok": True,
        "page": _page_info(page),
        "elements": reset["elements"],
        # Elements on the page; ``elements`` holds fewer while ``ui.pending``.
        "count": len(doc.elements(page.id)),
        "overlay": response["overlay"],
        "ui": response["ui"],
        "title": session.title,
        "pages": [{"id": p.id, "name": p.name} for p in pages],
        "defs": render.SVG_DEFS,
        **extra,
    }


def new_file(session: Session, message: dict[str, Any]) -> Reply:
    """Start an empty, clean diagram: ``{"type": "file-new"}``.

    Reply: as ``open`` (``page``, ``elements``, ``pages``, ``overlay``, ``ui``,
    ``title``, ``defs``) plus ``format``, ``native`` and ``sealed``.
    """
    from linework.model import Document

    response = session.editor.load(Document.new(session.editor.ids))
    session.opened = True
    session.title = "Untitled"
    return _present(session, response, format="linework", native=True, sealed=False)


def _embedded_or_self(data: bytes) -> bytes:
    from linework import files
    from linework.formats import imports

    if imports.sniff(data) == "linework-image":
        inner = files.embedded_document(data)
        if inner is None:
            raise LineworkError("LW-E0206")
        return inner
    return data


def open_file(session: Session, message: dict[str, Any]) -> Reply:
    """Open any file Linework reads: ``{"type": "file-open", "name", "data"}``.

    A plain picture (PNG, JPEG, GIF, WebP or SVG without a diagram inside)
    answers ``LW-E0206`` with ``"picture": true``: the page offers to insert it.
    A sealed file (or an image whose embedded diagram is sealed) answers
    ``LW-E0304``: the page then asks for the passphrase and goes through
    ``unseal-parse`` and ``open-plain``. Reply as ``file-new``, plus ``format``,
    ``warnings`` and ``native`` (the file is a ``.linework`` file that Save may
    write back to; false for imports and images, which Save must not overwrite).
    An optional ``canvas: {width, height}`` (px) paints the opening view
    first (see ``_canvas``); ``count`` then says how many elements the page
    has. With ``"meta_title": true`` the document's own title (``meta.title``),
    if it has one, wins over ``name`` (a share link has no file name). With
    ``"copy": true`` the document opens as a new one: titled "Untitled" and
    unsaved (``ui.dirty``), as "Edit a copy" of a share link wants.
    """
    from linework import files
    from linework.bridge import picturing
    from linework.bridge.viewer import _title_from
    from linework.formats import imports

    name = _str_field(message, "name")
    data = _bytes_field(message, "data", "LW-E0100")
    kind = imports.sniff(data)
    if picturing.kind_of(data) == "picture":
        # A plain picture holds no diagram: the page offers to insert it.
        error = LineworkError("LW-E0206", "It is a picture: insert it instead.")
        return {
            "ok": False,
            "code": error.code,
            "message": error.message,
            "detail": error.detail,
            "picture": True,
        }
    with paused_gc():
        result = files.open_document(data)
        if not result.doc.pages():
            raise LineworkError("LW-E0102", "the document has no pages")
        response = session.editor.load(result.doc, _canvas(message))
    session.opened = True
    session.title = _title_from(name)
    meta_title = result.doc.meta.get("title")
    if message.get("meta_title") is True and isinstance(meta_title, str):
        session.title = " ".join(meta_title.split())[:200] or session.title
    if message.get("copy") is True:
        # "Edit a copy" of a share link: a new document nobody saved yet.
        session.title = "Untitled"
        session.editor.history.mark_unsaved()
        response["ui"]["dirty"] = True
    return _present(
        session,
        response,
        format=result.format,
        warnings=list(result.warnings),
        native=kind in ("linework", "linework-sealed"),
        sealed=False,
    )


def unseal_parse(session: Session, message: dict[str, Any]) -> Reply:
    """Check a sealed file before asking for its passphrase.

    Message: ``{"type": "unseal-parse", "data"}`` (the sealed file, or an SVG or
    PNG export with a sealed diagram inside). Reply: ``{"ok", "salt", "nonce",
    "iterations", "ciphertext", "aad"}`` (base64), or LW-E0301/LW-E0302, so a
    damaged or too-new file is refused without asking for a passphrase.
    """
    from linework import seal

    envelope = seal.parse_sealed(_embedded_or_self(_bytes_field(message, "data")))
    return {
        "ok": True,
        "salt": _b64(envelope.salt),
        "nonce": _b64(envelope.nonce),
        "iterations": envelope.iterations,
        "ciphertext": _b64(envelope.ciphertext),
        "aad": _b64(envelope.aad),
    }


def passphrase(session: Session, message: dict[str, Any]) -> Reply:
    """Normalise a passphrase and rate it: ``{"type": "passphrase", "passphrase"}``.

    Reply: ``{"ok", "utf8": base64 of the NFC UTF-8 bytes PBKDF2 receives,
    "score": 0-4, "label", "advice", "enough"}`` (``advice``: why it is weak,
    "" when it is strong). Normalising in Python keeps one implementation of
    docs/architecture.md §4's rule for the browser and the CLI.
    ``enough``: "Save encrypted…" accepts it (a score of at least
    :data:`MIN_SEAL_SCORE`); a passphrase such as ``a`` would protect nothing.
    """
    from linework import seal

    text = _str_field(message, "passphrase")
    if not text:
        raise LineworkError("LW-E0304", "The passphrase is empty.")
    try:
        utf8 = seal.normalize_passphrase(text)
    except ValueError:
        raise LineworkError(
            "LW-E0304", "The passphrase is not valid Unicode text."
        ) from None
    score, label = seal.strength(text)
    from linework.seal.advice import advice

    return {
        "ok": True,
        "utf8": _b64(utf8),
        "score": score,
        "label": label,
        "advice": advice(text),
        "enough": score >= MIN_SEAL_SCORE,
    }


def open_plain(session: Session, message: dict[str, Any]) -> Reply:
    """Open the decrypted content of a sealed file.

    Message: ``{"type": "open-plain", "name", "data"}`` (the plaintext, which
    must be a ``.linework`` document). Reply as ``file-open`` with
    ``sealed: true``.
    """
    from linework.bridge.viewer import _title_from
    from linework.formats import native

    name = _str_field(message, "name")
    with paused_gc():
        doc = native.decode(_bytes_field(message, "data", "LW-E0301"))
        if not doc.pages():
            raise LineworkError("LW-E0102", "the document has no pages")
        response = session.editor.load(doc, _canvas(message))
    session.opened = True
    session.title = _title_from(name)
    return _present(
        session,
        response,
        format="linework-sealed",
        warnings=[],
        native=True,
        sealed=True,
    )


def _document(session: Session) -> Document:
    if not session.opened:
        raise LineworkError("LW-E0400", "no document is open")
    return session.editor.document


def save(session: Session, message: dict[str, Any]) -> Reply:
    """Return the ``.linework`` bytes to write: ``{"type": "save"}``.

    Reply: ``{"ok", "data": base64, "token", "title"}``. The document stays
    dirty until ``saved`` with this token.
    """
    from linework.formats import native

    doc = _document(session)
    try:
        data = native.encode(doc)
    except LineworkError:
        raise
    except Exception as error:  # the user must hear "not saved", with a code
        raise LineworkError("LW-E0400", type(error).__name__) from error
    token = next(_tokens)
    _pending[token] = doc
    for old in sorted(_pending)[:-_MAX_PENDING]:
        del _pending[old]
    return {"ok": True, "data": _b64(data), "token": token, "title": session.title}


def saved(session: Session, message: dict[str, Any]) -> Reply:
    """The page wrote a save: ``{"type": "saved", "token", "name"?}``.

    Marks the document saved only when it is still the document that save
    handed out (an edit made while the file was being written stays unsaved),
    and takes the file's name as the title. Reply: ``{"ok", "dirty", "title"}``.
    """
    from linework.bridge.viewer import _title_from

    token = message.get("token")
    doc = _pending.pop(token, None) if isinstance(token, int) else None
    if doc is not None and doc is session.editor.document:
        session.editor.mark_saved()
    name = message.get("name")
    if isinstance(name, str) and name:
        session.title = _title_from(name)
    return {
        "ok": True,
        "dirty": session.editor.history.dirty,
        "title": session.title,
    }


def seal_begin(session: Session, message: dict[str, Any]) -> Reply:
    """Phase one of sealing the open document.

    Message: ``{"type": "seal-begin", "salt", "nonce", "shown"?: bool,
    "selection"?: bool}`` (fresh random bytes from ``crypto.getRandomValues``,
    base64). Reply: ``{"ok", "iterations", "aad", "plaintext", "token"}``;
    ``token`` is for ``saved`` when the sealed file is saved (not when it is
    only embedded in an export). With ``shown`` the plaintext is what an image
    export shows (:func:`shown_document`: the page on screen, or with
    ``selection`` the selection), for the envelope embedded in that image.
    """
    from linework import seal
    from linework.formats import native

    plan = seal.begin_seal(
        _bytes_field(message, "salt", "LW-E0303"),
        _bytes_field(message, "nonce", "LW-E0303"),
    )
    reply = save(session, message)
    if message.get("shown"):
        doc = _document(session)
        page_id = session.editor.page_id
        only = _export_ids(session, doc, page_id) if message.get("selection") else None
        part = native.encode(shown_document(doc, page_id, only))
        reply = {**reply, "data": _b64(part)}
    return {
        "ok": True,
        "iterations": plan.iterations,
        "aad": _b64(plan.aad),
        "plaintext": reply["data"],
        "token": reply["token"],
    }


def seal_finish(session: Session, message: dict[str, Any]) -> Reply:
    """Phase two: wrap WebCrypto's output in the envelope.

    Message: ``{"type": "seal-finish", "salt", "nonce", "iterations",
    "ciphertext"}``. Reply: ``{"ok", "data": base64 of the sealed file}``.
    """
    from linework import seal

    iterations = message.get("iterations", seal.DEFAULT_ITERATIONS)
    if not isinstance(iterations, int) or isinstance(iterations, bool):
        raise LineworkError("LW-E0303", "iterations must be an integer")
    plan = seal.begin_seal(
        _bytes_field(message, "salt", "LW-E0303"),
        _bytes_field(message, "nonce", "LW-E0303"),
        iterations,
    )
    data = seal.finish_seal(plan, _bytes_field(message, "ciphertext", "LW-E0303"))
    return {"ok": True, "data": _b64(data)}


def _export_ids(session: Session, doc: Document, page_id: str) -> list[str] | None:
    """Return the selection and every member of selected groups, or None (all)."""
    selected = set(session.editor.session.selection)
    if not selected:
        return None
    out: list[str] = []
    for el in doc.elements(page_id):
        rid: str | None = el.id
        seen = 0
        while rid is not None and rid not in selected and seen < 64:
            rec = doc.get(rid)
            rid = getattr(rec, "parent", None)
            seen += 1
        if rid is not None and rid in selected:
            out.append(el.id)
    return out


def shown_document(doc: Document, page_id: str, only: list[str] | None) -> Document:
    """Return the part of ``doc`` an image export shows, to embed in it.

    An image is one page (and with ``only``, just those elements), so the
    diagram it carries is that too: the other pages, and for "The selection"
    everything else on the page, stay out of the file (issue 14). A one-page
    document exported whole is returned as it is.
    """
    from linework.commands.clipboard import copy_payload
    from linework.model import Document

    if only is None and len(doc.pages()) == 1:
        return doc
    ids = only if only is not None else [e.id for e in doc.elements(page_id)]
    part = copy_payload(doc, ids) if ids else None
    if part is None:  # nothing to show: the page itself, empty
        page = doc.get(page_id)
        records = {page_id: page, **{la.id: la for la in doc.layers(page_id)}}
        part = Document(records={k: v for k, v in records.items() if v is not None})
    return Document(records=part.records, meta=doc.meta)


def export(session: Session, message: dict[str, Any]) -> Reply:
    """Export the open document.

    Message: ``{"type": "file-export", "format": "svg" | "drawio", "selection"?:
    bool, "background"?: bool, "embed"?: bool, "sealed"?: base64}``.
    ``sealed`` is a sealed envelope of this document to embed instead of the
    plaintext (documents opened from or saved as sealed files must never leak
    their plaintext into an image). Without it the embedded diagram is what
    the picture shows (:func:`shown_document`): the page on screen, or the
    selection. Reply: ``{"ok", "data": text, "title"}``.
    """
    from linework import files
    from linework.formats import native
    from linework.render import export_svg

    doc = _document(session)
    fmt = _str_field(message, "format")
    try:
        if fmt == "drawio":
            return {"ok": True, "data": files.save_as(doc, "drawio").decode("utf-8")}
        if fmt != "svg":
            raise LineworkError("LW-E0401", f"Unknown format {fmt[:20]!r}.")
        page_id = session.editor.page_id
        only = _export_ids(session, doc, page_id) if message.get("selection") else None
        embed: bytes | None = None
        if message.get("embed", True) is not False:
            if message.get("sealed") is not None:
                embed = _bytes_field(message, "sealed", "LW-E0401")
            else:
                embed = native.encode(shown_document(doc, page_id, only))
        svg = export_svg(
            doc,
            page_id,
            only=only,
            background=message.get("background", True) is not False,
            embed=embed,
            renderer=session.editor.renderer,
        )
    except LineworkError:
        raise
    except Exception as error:
        raise LineworkError("LW-E0401", type(error).__name__) from error
    return {"ok": True, "data": svg, "title": session.title}


def png_embed(session: Session, message: dict[str, Any]) -> Reply:
    """Put the diagram into a PNG the page rasterised: an iTXt chunk ``linework``.

    Message: ``{"type": "png-embed", "png", "sealed"?, "selection"?: bool}``
    (base64). Reply: ``{"ok", "data": base64 PNG}``. What goes in is what the
    picture shows (:func:`shown_document`), as for SVG.
    """
    from linework import files
    from linework.formats import native, png

    raw = _bytes_field(message, "png", "LW-E0401")
    if message.get("sealed") is not None:
        payload = _bytes_field(message, "sealed", "LW-E0401")
    else:
        doc = _document(session)
        page_id = session.editor.page_id
        only = _export_ids(session, doc, page_id) if message.get("selection") else None
        payload = native.encode(shown_document(doc, page_id, only))
    try:
        out = png.with_text_chunk(raw, files.PNG_KEY, payload)
    except ValueError as error:
        raise LineworkError("LW-E0401", str(error)) from None
    return {"ok": True, "data": _b64(out)}


def recovery(session: Session, message: dict[str, Any]) -> Reply:
    """Return the open document as ``.linework`` text for the page's recovery copy.

    Reply: ``{"ok", "data": text or null, "title", "dirty"}``. The page keeps it
    in memory only, to offer "Download your diagram" if the runtime dies.
    """
    from linework.formats import native

    if not session.opened:
        return {"ok": True, "data": None, "title": session.title, "dirty": False}
    return {
        "ok": True,
        "data": native.encode(session.editor.document).decode("utf-8"),
        "title": session.title,
        "dirty": session.editor.history.dirty,
    }


def debug_crash(session: Session, message: dict[str, Any]) -> Reply:
    """Kill the runtime on purpose, for tests of the recovery path.

    ``json.loads`` of JSON nested 100,000 deep overflows the JavaScript stack
    under Pyodide (docs/architecture.md §7), exactly the failure hostile input
    could cause.
    Natively it only raises RecursionError.
    """
    json.loads("[" * _CRASH_DEPTH + "]" * _CRASH_DEPTH)
    return {"ok": True}


HANDLERS: Final = {
    "file-new": new_file,
    "file-open": open_file,
    "unseal-parse": unseal_parse,
    "passphrase": passphrase,
    "open-plain": open_plain,
    "save": save,
    "saved": saved,
    "seal-begin": seal_begin,
    "seal-finish": seal_finish,
    "file-export": export,
    "png-embed": png_embed,
    "recovery": recovery,
    "debug-crash": debug_crash,
}
