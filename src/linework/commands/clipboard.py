"""Copy, paste and duplicate: a selection as a small document, and back.

The clipboard payload is a whole, valid document (one page, the layers used,
the copied elements), so the editor can hand it to the system clipboard as
``.linework`` text and any Linework tab can paste it after the ordinary file
checks. Connectors between copied shapes come along, re-attached to the
copies; a copied connector whose shape stays behind keeps that end as a free
point where it was.
"""

from __future__ import annotations

from dataclasses import replace

from linework.commands._base import ZCounter, element, shape
from linework.commands.containers import carried, container_id, with_container
from linework.geometry import Vec
from linework.model import (
    Attached,
    Connector,
    Document,
    Element,
    End,
    Free,
    Group,
    IdSource,
    Patch,
    Record,
    Shape,
    Transaction,
)
from linework.routing import end_points

_ORIGIN = Vec(0.0, 0.0)


def copy_payload(doc: Document, ids: list[str] | tuple[str, ...]) -> Document | None:
    """Return the selection as a one-page document, or None if nothing is copyable.

    Everything comes from the page of the first copyable element.
    """
    chosen = [e for e in (element(doc, r) for r in carried(doc, ids)) if e]
    if not chosen:
        return None
    page_id = chosen[0].page
    picked = {e.id for e in chosen if e.page == page_id}
    shapes = {r for r in picked if shape(doc, r) is not None}
    # Connectors joining two copied shapes travel with them.
    for sid in sorted(shapes):
        for c in doc.connectors_of(sid):
            ends = (c.source, c.target)
            if all(isinstance(e, Attached) and e.shape in shapes for e in ends):
                picked.add(c.id)
    records: dict[str, Record] = {}
    page = doc.get(page_id)
    if page is None:
        return None
    records[page_id] = page
    for e in doc.elements(page_id):
        if e.id not in picked:
            continue
        el: Element = e
        if el.parent is not None and el.parent not in picked:
            el = replace(el, parent=None)
        cid = container_id(el)
        if cid is not None and cid not in picked:
            el = with_container(el, None)
        if isinstance(el, Connector):
            src, tgt = end_points(doc, el)
            el = replace(
                el,
                source=_keep(el.source, shapes, src),
                target=_keep(el.target, shapes, tgt),
            )
        records[el.id] = el
    for la in doc.layers(page_id):
        records[la.id] = la
    return Document(records=records)


def _keep(end: End, shapes: set[str], at: Vec) -> End:
    if isinstance(end, Attached) and end.shape not in shapes:
        return Free(point=at)
    return end


def paste(
    doc: Document,
    clip: Document,
    id_source: IdSource,
    *,
    page: str,
    layer: str,
    offset: Vec = _ORIGIN,
    keep_layers: bool = False,
) -> Patch:
    """Add copies of every element of ``clip`` to ``page``, moved by ``offset``.

    Every copy gets a fresh id, and references inside the clip (groups,
    attached ends) follow the copies. Copies land on ``layer`` on top of it,
    keeping their relative order; with ``keep_layers`` an element whose layer
    exists on the target page stays on that layer.
    """
    target_layers = {la.id for la in doc.layers(page)}
    elements: list[Element] = [e for p in clip.pages() for e in clip.elements(p.id)]
    new_ids = {e.id: id_source.new(_prefix(e)) for e in elements}
    counter = ZCounter(doc, page)
    tx = Transaction(doc)
    for e in elements:
        lay = e.layer if keep_layers and e.layer in target_layers else layer
        parent = new_ids.get(e.parent) if e.parent else None
        cid = container_id(e)
        if cid is not None:
            e = with_container(e, new_ids.get(cid))
        z = counter.above(lay)
        e = replace(e, id=new_ids[e.id], page=page, layer=lay, parent=parent, z=z)
        if isinstance(e, Shape):
            e = replace(e, box=e.box.translated(offset))
        elif isinstance(e, Connector):
            src = _moved(e.source, new_ids, offset)
            tgt = _moved(e.target, new_ids, offset)
            if src is None or tgt is None:
                continue
            waypoints = tuple(p + offset for p in e.waypoints)
            e = replace(e, source=src, target=tgt, waypoints=waypoints)
        tx.put(e)
    return tx.patch()


def _prefix(e: Element) -> str:
    if isinstance(e, Shape):
        return "shape"
    if isinstance(e, Connector):
        return "conn"
    return "group"


def _moved(end: End, new_ids: dict[str, str], offset: Vec) -> End | None:
    if isinstance(end, Attached):
        sid = new_ids.get(end.shape)
        return None if sid is None else replace(end, shape=sid)
    return Free(point=end.point + offset)


def duplicate(
    doc: Document, ids: list[str] | tuple[str, ...], id_source: IdSource, offset: Vec
) -> Patch:
    """Copy elements onto their own page and layers, moved by ``offset``."""
    clip = copy_payload(doc, ids)
    if clip is None:
        return Patch()
    first = next(e for p in clip.pages() for e in clip.elements(p.id))
    return paste(
        doc,
        clip,
        id_source,
        page=first.page,
        layer=first.layer,
        offset=offset,
        keep_layers=True,
    )


def pasted_roots(patch: Patch) -> list[str]:
    """Return the top-level elements a paste added (what to select afterwards)."""
    added = patch.added
    return [
        rid
        for rid, rec in added.items()
        if isinstance(rec, Shape | Connector | Group)
        and (rec.parent is None or rec.parent not in added)
        and container_id(rec) not in added  # a copied container carries it
    ]
