"""Helpers every command shares: lookups through a transaction, locks, groups, z.

An element's own lock is its ``locked`` field (``"locked": true`` in a
``.linework`` file). A locked layer locks its elements; a locked group locks
its members.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Any, TypeVar

from linework.geometry import Box, Vec
from linework.model import (
    Connector,
    Document,
    Element,
    Group,
    Layer,
    Page,
    Patch,
    Record,
    Shape,
    Transaction,
)
from linework.shapes import bounds

#: Group chains deeper than this are treated as broken rather than walked.
MAX_DEPTH = 64


class CommandError(ValueError):
    """A command was asked to do something the document does not allow."""


def element(tx: Transaction | Document, rid: str) -> Element | None:
    """Return the element ``rid`` as it stands in the transaction, or None."""
    rec = tx.get(rid)
    return rec if isinstance(rec, Shape | Connector | Group) else None


def shape(tx: Transaction | Document, rid: str) -> Shape | None:
    """Return the shape ``rid``, or None if it is missing or not a shape."""
    rec = tx.get(rid)
    return rec if isinstance(rec, Shape) else None


def connector(tx: Transaction | Document, rid: str) -> Connector | None:
    """Return the connector ``rid``, or None."""
    rec = tx.get(rid)
    return rec if isinstance(rec, Connector) else None


def ancestors(doc: Transaction | Document, el: Element) -> Iterator[Group]:
    """Yield the groups holding ``el``, innermost first."""
    cur = el.parent
    for _ in range(MAX_DEPTH):
        if cur is None:
            return
        g = doc.get(cur)
        if not isinstance(g, Group):
            return
        yield g
        cur = g.parent


def is_flagged(el: Element) -> bool:
    """Return whether the element itself is locked (not through a group or layer)."""
    return el.locked


def is_locked(doc: Transaction | Document, el: Element) -> bool:
    """Return whether ``el`` may not be moved or edited (itself, a group or layer)."""
    if is_flagged(el):
        return True
    layer = doc.get(el.layer)
    if isinstance(layer, Layer) and layer.locked:
        return True
    return any(is_flagged(g) for g in ancestors(doc, el))


def lock_checker(doc: Document) -> Callable[[Element], bool]:
    """Return :func:`is_locked` for ``doc`` that looks each layer up once.

    For questions about thousands of elements at once (a select-all move, its
    frame and panel), which mostly sit on one or two layers.
    """
    records = doc.records
    layers: dict[str, bool] = {}

    def locked(el: Element) -> bool:
        if el.locked:
            return True
        hit = layers.get(el.layer)
        if hit is None:
            layer = records.get(el.layer)
            hit = layers[el.layer] = isinstance(layer, Layer) and layer.locked
        if hit:
            return True
        return el.parent is not None and any(is_flagged(g) for g in ancestors(doc, el))

    return locked


def is_hidden(doc: Transaction | Document, el: Element) -> bool:
    """Return whether the element's layer is hidden."""
    layer = doc.get(el.layer)
    return isinstance(layer, Layer) and not layer.visible


def top_of(doc: Document, el: Element) -> Element:
    """Return the outermost group holding ``el`` (or ``el`` itself)."""
    top: Element = el
    for g in ancestors(doc, el):
        top = g
    return top


def descendants(doc: Document, ids: Iterable[str]) -> list[str]:
    """Return ``ids`` plus every member of every group among them, each once.

    Order: first appearance, walking breadth-first; iterative, so a deep or
    broken group chain cannot blow the stack.
    """
    return walk(doc, ids, _group_members)


def _group_members(doc: Document, el: Element) -> Iterable[str]:
    # Only groups have members; asking for others would build the document's
    # member index for nothing.
    return (m.id for m in doc.members(el.id)) if isinstance(el, Group) else ()


def walk(
    doc: Document,
    ids: Iterable[str],
    more: Callable[[Document, Element], Iterable[str]],
) -> list[str]:
    """Return ``ids`` plus what ``more`` names for each element reached, each once.

    Breadth-first, in order of first appearance; iterative and visiting each id
    once, so a deep or broken chain (a cycle in a hand-edited file) cannot loop
    or blow the stack. Ids of missing elements are skipped.
    """
    out: list[str] = []
    seen: set[str] = set()
    queue = list(ids)
    records = doc.records  # element() inlined: select all walks thousands
    i = 0
    while i < len(queue):
        rid = queue[i]
        i += 1
        if rid in seen:
            continue
        el = records.get(rid)
        if not isinstance(el, Shape | Connector | Group):
            continue
        seen.add(rid)
        out.append(rid)
        queue.extend(more(doc, el))
    return out


def shapes_in(doc: Document, ids: Iterable[str]) -> list[Shape]:
    """Return the shapes among ``ids`` and their group members."""
    return [s for s in (shape(doc, i) for i in descendants(doc, ids)) if s]


def unit_bounds(doc: Document, rid: str) -> Box | None:
    """Return the bounds of an element as the user sees it move (shapes only).

    A group's bounds are its shapes'; a connector alone has no unit bounds,
    since its attached ends follow their shapes rather than the connector.
    """
    out: Box | None = None
    for s in shapes_in(doc, [rid]):
        b = bounds(s)
        out = b if out is None else out.union(b)
    return out


def union(boxes: Iterable[Box | None]) -> Box | None:
    """Return the union of boxes, ignoring None; None if there are none."""
    out: Box | None = None
    for b in boxes:
        if b is not None:
            out = b if out is None else out.union(b)
    return out


_R = TypeVar("_R", Page, Layer)


def _record_of(doc: Document, rid: str, kind: type[_R]) -> _R:
    rec = doc.get(rid)
    if not isinstance(rec, kind):
        raise CommandError(f"no {kind.__name__.lower()} {rid!r}")
    return rec


def page_of(doc: Document, page_id: str) -> Page:
    """Return the page ``page_id``.

    Raises:
        CommandError: if there is no such page.
    """
    return _record_of(doc, page_id, Page)


def layer_of(doc: Document, layer_id: str) -> Layer:
    """Return the layer ``layer_id``.

    Raises:
        CommandError: if there is no such layer.
    """
    return _record_of(doc, layer_id, Layer)


def replaced(doc: Document, records: Iterable[Record], **changes: Any) -> Patch:
    """Return the one-step patch that sets the same fields on every record."""
    tx = Transaction(doc)
    for rec in records:
        tx.put(replace(rec, **changes))
    return tx.patch()


class ZCounter:
    """Hands out z values above everything already on a layer (or below it).

    New elements go on top, so each gets ``max z + 1``; nothing else is
    renumbered.
    """

    def __init__(self, doc: Document, page_id: str) -> None:
        self._top: dict[str, int] = {}
        self._bottom: dict[str, int] = {}
        for e in doc.elements(page_id):
            self._top[e.layer] = max(self._top.get(e.layer, e.z), e.z)
            self._bottom[e.layer] = min(self._bottom.get(e.layer, e.z), e.z)

    def above(self, layer_id: str) -> int:
        """Return a z above every element of the layer handed out so far."""
        z = self._top.get(layer_id, -1) + 1
        self._top[layer_id] = z
        self._bottom.setdefault(layer_id, z)
        return z

    def below(self, layer_id: str) -> int:
        """Return a z below every element of the layer handed out so far."""
        z = self._bottom.get(layer_id, 1) - 1
        self._bottom[layer_id] = z
        self._top.setdefault(layer_id, z)
        return z


def snap(v: float, grid: float | None) -> float:
    """Return ``v`` rounded to the grid (unchanged when ``grid`` is None or 0).

    >>> snap(14.9, 10), snap(14.9, None)
    (10.0, 14.9)
    """
    if not grid:
        return v
    return float(math.floor(v / grid + 0.5) * grid)


def snap_vec(p: Vec, grid: float | None) -> Vec:
    """Return ``p`` with both coordinates snapped."""
    return Vec(snap(p.x, grid), snap(p.y, grid))


def clean_angle(deg: float) -> float:
    """Return ``deg`` in [0, 360), with float noise near whole degrees removed.

    >>> clean_angle(-90.0), clean_angle(359.9999999)
    (270.0, 0.0)
    """
    d = deg % 360.0
    r = round(d, 6)
    return 0.0 if r >= 360.0 else r
