"""Handlers for exports: SVG and draw.io text, and the diagram inside a PNG.

Images embed the diagram they show (:func:`shown_document`), or a sealed
envelope of it when the page sends one, so an encrypted document never leaks
its plaintext into an image.
"""

from __future__ import annotations

from typing import Any

from linework import files
from linework.app.workspace import Workspace as Session
from linework.bridge import fields
from linework.commands.clipboard import copy_payload
from linework.errors import LineworkError
from linework.formats import native, png
from linework.model import Document
from linework.render import export_svg

Reply = dict[str, Any]


def export_ids(session: Session, doc: Document, page_id: str) -> list[str] | None:
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

    doc = session.require_document()
    fmt = fields.field(message, "format", str)
    try:
        if fmt == "drawio":
            return {"ok": True, "data": files.save_as(doc, "drawio").decode("utf-8")}
        if fmt != "svg":
            raise LineworkError("LW-E0401", f"Unknown format {fmt[:20]!r}.")
        page_id = session.editor.page_id
        only = export_ids(session, doc, page_id) if message.get("selection") else None
        embed: bytes | None = None
        if message.get("embed", True) is not False:
            if message.get("sealed") is not None:
                embed = fields.data(message, "sealed", "LW-E0401")
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

    raw = fields.data(message, "png", "LW-E0401")
    if message.get("sealed") is not None:
        payload = fields.data(message, "sealed", "LW-E0401")
    else:
        doc = session.require_document()
        page_id = session.editor.page_id
        only = export_ids(session, doc, page_id) if message.get("selection") else None
        payload = native.encode(shown_document(doc, page_id, only))
    try:
        out = png.with_text_chunk(raw, files.PNG_KEY, payload)
    except ValueError as error:
        raise LineworkError("LW-E0401", str(error)) from None
    return {"ok": True, "data": fields.b64(out)}
