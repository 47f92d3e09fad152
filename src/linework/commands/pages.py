"""Commands for pages and layers: add, rename, reorder, show/hide, lock, delete.

Order is the ``z`` of pages (tab order) and of layers (paint order). Reordering
assigns positions 0..n-1 and writes only the records whose position changed.
A document always keeps at least one page, and a page at least one layer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from linework.commands._base import CommandError, layer_of, page_of, replaced
from linework.model import (
    EMPTY,
    Document,
    Group,
    IdSource,
    Layer,
    Page,
    Patch,
    Shape,
    Transaction,
)

MAX_NAME: Final = 200


def _name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > MAX_NAME:
        raise CommandError(f"names must have 1 to {MAX_NAME} characters")
    return name


def _renumber(tx: Transaction, order: Sequence[Page | Layer]) -> None:
    for i, rec in enumerate(order):
        current = tx.get(rec.id)
        if isinstance(current, Page | Layer) and current.z != i:
            tx.put(replace(current, z=i))


def _free_name(taken: set[str], stem: str) -> str:
    n = 1
    while f"{stem} {n}" in taken:
        n += 1
    return f"{stem} {n}"


# --------------------------------------------------------------------------- pages
def add_page(
    doc: Document,
    ids: IdSource,
    *,
    name: str | None = None,
    index: int | None = None,
    like: str | None = None,
) -> Patch:
    """Add a page with one layer at tab position ``index`` (default: last).

    ``like`` names a page whose size, background and grid the new one copies.
    """
    pages = list(doc.pages())
    title = (
        _name(name) if name is not None else _free_name({p.name for p in pages}, "Page")
    )
    template = page_of(doc, like) if like is not None else None
    pid = ids.new("page")
    page = (
        replace(template, id=pid, name=title, extra=EMPTY)
        if template is not None
        else Page(id=pid, name=title)
    )
    at = len(pages) if index is None else max(0, min(index, len(pages)))
    tx = Transaction(doc)
    tx.put(replace(page, z=at))
    pages.insert(at, page)
    _renumber(tx, pages)
    tx.put(Layer(id=ids.new("layer"), page=pid, name="Layer 1"))
    return tx.patch()


def rename_page(doc: Document, page_id: str, name: str) -> Patch:
    """Rename a page."""
    return replaced(doc, [page_of(doc, page_id)], name=_name(name))


def move_page(doc: Document, page_id: str, index: int) -> Patch:
    """Move a page to tab position ``index`` (clamped)."""
    page = page_of(doc, page_id)
    pages = [p for p in doc.pages() if p.id != page.id]
    pages.insert(max(0, min(index, len(pages))), page)
    tx = Transaction(doc)
    _renumber(tx, pages)
    return tx.patch()


def delete_page(doc: Document, page_id: str) -> Patch:
    """Delete a page with its layers and elements.

    Raises:
        CommandError: for the last page (a document always has one).
    """
    page_of(doc, page_id)
    pages = [p for p in doc.pages() if p.id != page_id]
    if not pages:
        raise CommandError("a document keeps at least one page")
    tx = Transaction(doc)
    for la in doc.layers(page_id):
        tx.delete(la.id)
    for e in doc.elements(page_id):
        tx.delete(e.id)
    tx.delete(page_id)
    _renumber(tx, pages)
    return tx.patch()


# --------------------------------------------------------------------------- layers
def add_layer(
    doc: Document,
    ids: IdSource,
    page_id: str,
    *,
    name: str | None = None,
    index: int | None = None,
) -> Patch:
    """Add a layer to a page at position ``index`` (default: on top)."""
    page_of(doc, page_id)
    layers = list(doc.layers(page_id))
    title = (
        _name(name)
        if name is not None
        else _free_name({la.name for la in layers}, "Layer")
    )
    at = len(layers) if index is None else max(0, min(index, len(layers)))
    layer = Layer(id=ids.new("layer"), page=page_id, name=title, z=at)
    tx = Transaction(doc)
    tx.put(layer)
    layers.insert(at, layer)
    _renumber(tx, layers)
    return tx.patch()


def rename_layer(doc: Document, layer_id: str, name: str) -> Patch:
    """Rename a layer."""
    return replaced(doc, [layer_of(doc, layer_id)], name=_name(name))


def set_layer_visible(doc: Document, layer_id: str, visible: bool) -> Patch:
    """Show or hide a layer (hidden elements stay in the file, not on screen)."""
    return replaced(doc, [layer_of(doc, layer_id)], visible=bool(visible))


def set_layer_locked(doc: Document, layer_id: str, locked: bool) -> Patch:
    """Lock or unlock a layer (its elements cannot be picked, moved or edited)."""
    return replaced(doc, [layer_of(doc, layer_id)], locked=bool(locked))


def move_layer(doc: Document, layer_id: str, index: int) -> Patch:
    """Move a layer to position ``index`` in its page's paint order (0 = bottom)."""
    layer = layer_of(doc, layer_id)
    layers = [la for la in doc.layers(layer.page) if la.id != layer.id]
    layers.insert(max(0, min(index, len(layers))), layer)
    tx = Transaction(doc)
    _renumber(tx, layers)
    return tx.patch()


def delete_layer(doc: Document, layer_id: str) -> Patch:
    """Delete a layer and everything on it.

    Connectors on other layers attached to its shapes go too (they would
    dangle). A group on this layer that still holds members elsewhere moves to
    the bottom remaining layer instead, so those members keep their group.

    Raises:
        CommandError: for a page's last layer.
    """
    layer = layer_of(doc, layer_id)
    rest = [la for la in doc.layers(layer.page) if la.id != layer_id]
    if not rest:
        raise CommandError("a page keeps at least one layer")
    elements = doc.elements(layer.page)
    doomed = {e.id for e in elements if e.layer == layer_id}
    for e in elements:
        if isinstance(e, Shape) and e.id in doomed:
            doomed.update(c.id for c in doc.connectors_of(e.id))
    tx = Transaction(doc)
    # Keep groups that still hold a survivor (walking up from each survivor).
    for e in elements:
        if e.id in doomed:
            continue
        cur = e.parent
        while cur is not None and cur in doomed:
            doomed.discard(cur)
            g = doc.get(cur)
            if isinstance(g, Group):
                tx.put(replace(g, layer=rest[0].id))
                cur = g.parent
            else:
                cur = None
    # Groups whose members are all gone go as well.
    changed = True
    while changed:
        changed = False
        for e in elements:
            if (
                isinstance(e, Group)
                and e.id not in doomed
                and doc.members(e.id)
                and all(m.id in doomed for m in doc.members(e.id))
            ):
                doomed.add(e.id)
                changed = True
    for rid in sorted(doomed):
        tx.delete(rid)
    tx.delete(layer_id)
    _renumber(tx, rest)
    return tx.patch()
