"""Commands that arrange elements: delete, group, z-order, align, distribute, layers.

The selection's *units* are what the user picked: top-level elements and whole
groups. Align and distribute move units; z-order reorders the shapes and
connectors inside them (groups have no paint of their own).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Final, Literal

from linework.commands._base import (
    MAX_DEPTH,
    CommandError,
    ZCounter,
    ancestors,
    element,
    is_locked,
    layer_of,
    union,
    unit_bounds,
)
from linework.commands.containers import carried, detach_missing
from linework.commands.transform import translate_each
from linework.geometry import Box, Vec
from linework.model import (
    Connector,
    Document,
    Element,
    Group,
    IdSource,
    Patch,
    Shape,
    Transaction,
)

Align = Literal["left", "center", "right", "top", "middle", "bottom"]
ALIGNS: Final[tuple[Align, ...]] = (
    "left",
    "center",
    "right",
    "top",
    "middle",
    "bottom",
)
Order = Literal["front", "back", "forward", "backward"]
ORDERS: Final[tuple[Order, ...]] = ("front", "back", "forward", "backward")
#: Files refuse groups nested deeper than 32; stay below that.
MAX_GROUP_NESTING: Final = 30


# --------------------------------------------------------------------------- delete
def delete_elements(doc: Document, ids: Iterable[str]) -> Patch:
    """Delete elements, their group and container members, and connectors attached
    to deleted shapes.

    As in draw.io, a connector never survives its shape (a dangling attachment
    could not be saved). Locked elements stay, and so do the groups holding
    them; a group left without members goes too.
    """
    doomed: set[str] = set()
    for rid in carried(doc, ids):
        el = element(doc, rid)
        if el is None or is_locked(doc, el):
            continue
        doomed.add(rid)
        if isinstance(el, Shape):
            doomed.update(c.id for c in doc.connectors_of(rid))
    # A doomed group with a surviving member must stay, or the member would
    # name a missing parent.
    for rid in sorted(doomed):
        if isinstance(doc.get(rid), Group) and any(
            m.id not in doomed for m in doc.members(rid)
        ):
            doomed.discard(rid)
    # Groups emptied by the deletion go as well, walking up.
    pending = {e.parent for r in doomed if (e := element(doc, r)) and e.parent}
    for _ in range(MAX_DEPTH):
        emptied = {
            g
            for g in pending
            if g not in doomed and all(m.id in doomed for m in doc.members(g))
        }
        if not emptied:
            break
        doomed |= emptied
        pending = {e.parent for g in emptied if (e := element(doc, g)) and e.parent}
    tx = Transaction(doc)
    for rid in sorted(doomed):
        tx.delete(rid)
    detach_missing(doc, doomed, tx)
    return tx.patch()


# --------------------------------------------------------------------------- groups
def _depth(doc: Document, el: Element) -> int:
    return sum(1 for _ in ancestors(doc, el))


def _subtree_height(doc: Document, rid: str) -> int:
    height = 0
    frontier = [rid]
    for _ in range(MAX_DEPTH):
        frontier = [m.id for g in frontier for m in doc.members(g)]
        if not frontier:
            break
        height += 1
    return height


def group_elements(doc: Document, ids: Sequence[str], id_source: IdSource) -> Patch:
    """Put the given top-level elements into a new group (groups nest).

    The new group takes the place of its members: it joins their common parent
    group, if they share one, and the layer of the topmost of them.

    Raises:
        CommandError: with fewer than two elements, elements on several pages,
            or nesting deeper than files allow.
    """
    els = [
        e
        for e in (element(doc, i) for i in dict.fromkeys(ids))
        if e is not None and not is_locked(doc, e)
    ]
    if len(els) < 2:
        raise CommandError("select at least two elements to group")
    pages = {e.page for e in els}
    if len(pages) != 1:
        raise CommandError("elements on different pages cannot be grouped")
    page = pages.pop()
    parents = {e.parent for e in els}
    parent = parents.pop() if len(parents) == 1 else None
    base = 0
    if parent is not None:
        p = doc.get(parent)
        base = _depth(doc, p) + 1 if isinstance(p, Group) else 0
    if base + 1 + max(_subtree_height(doc, e.id) for e in els) > MAX_GROUP_NESTING:
        raise CommandError("groups cannot nest that deeply")
    index = doc.paint_index(page)
    top = max(els, key=lambda e: index.get(e.id, -1))
    tx = Transaction(doc)
    gid = id_source.new("group")
    tx.put(
        Group(
            id=gid,
            page=page,
            layer=top.layer,
            parent=parent,
            z=ZCounter(doc, page).above(top.layer),
        )
    )
    for e in els:
        tx.put(replace(e, parent=gid))
    return tx.patch()


def ungroup_elements(doc: Document, ids: Iterable[str]) -> Patch:
    """Dissolve the groups among ``ids``; their members join the group's parent.

    When a group and a group inside it are both dissolved, the inner one's
    members join the nearest ancestor that stays, never a group that goes.
    """
    dissolved: dict[str, Group] = {}
    for rid in dict.fromkeys(ids):
        g = doc.get(rid)
        if isinstance(g, Group) and not is_locked(doc, g):
            dissolved[rid] = g

    def staying(parent: str | None) -> str | None:
        seen: set[str] = set()
        while parent in dissolved and parent not in seen:
            seen.add(parent)
            parent = dissolved[parent].parent
        return parent

    tx = Transaction(doc)
    for rid, g in dissolved.items():
        for m in doc.members(rid):
            if m.id not in dissolved:
                tx.put(replace(m, parent=staying(g.parent)))
        tx.delete(rid)
    return tx.patch()


# --------------------------------------------------------------------------- z-order
def _leaves(doc: Document, ids: Iterable[str]) -> set[str]:
    return {
        rid for rid in carried(doc, ids) if isinstance(doc.get(rid), Shape | Connector)
    }


def reorder(doc: Document, ids: Iterable[str], how: Order) -> Patch:
    """Bring to front, send to back, or move one step forward or backward.

    Each layer is reordered on its own (layers paint in their own order). To
    front and to back give only the moved elements new z values; one step
    swaps z values within the span that changed, so little is renumbered.
    """
    if how not in ORDERS:
        raise CommandError(f"unknown order {how!r}")
    chosen = _leaves(doc, ids)
    if not chosen:
        return Patch()
    pages = {el.page for rid in chosen if (el := element(doc, rid)) is not None}
    tx = Transaction(doc)
    for page in sorted(pages):
        by_layer: dict[str, list[Element]] = {}
        for e in doc.elements(page):
            by_layer.setdefault(e.layer, []).append(e)
        counter = ZCounter(doc, page)
        for layer_id, order in by_layer.items():
            sel = [e for e in order if e.id in chosen]
            if not sel:
                continue
            if how == "front":
                for e in sel:
                    tx.put(replace(e, z=counter.above(layer_id)))
            elif how == "back":
                for e in reversed(sel):
                    tx.put(replace(e, z=counter.below(layer_id)))
            else:
                _step(tx, order, chosen, forward=how == "forward")
    return tx.patch()


def _step(
    tx: Transaction, order: list[Element], chosen: set[str], *, forward: bool
) -> None:
    """Move each run of chosen elements past its neighbour, then fix up z."""
    new = list(order)
    n = len(new)
    rng = range(n - 2, -1, -1) if forward else range(1, n)
    for i in rng:
        j = i + 1 if forward else i - 1
        if new[i].id in chosen and new[j].id not in chosen:
            new[i], new[j] = new[j], new[i]
    zs = [e.z for e in order]
    if any(a >= b for a, b in itertools.pairwise(zs)):
        # Ties (possible in hand-made files) sort by id; renumber the layer.
        zs = list(range(zs[0], zs[0] + n))
    for e, z in zip(new, zs, strict=True):
        if e.z != z:
            tx.put(replace(e, z=z))


# --------------------------------------------------------------------------- align
def _units(doc: Document, ids: Iterable[str]) -> list[tuple[str, Box]]:
    out: list[tuple[str, Box]] = []
    for rid in dict.fromkeys(ids):
        el = element(doc, rid)
        if el is None or is_locked(doc, el):
            continue
        b = unit_bounds(doc, rid)
        if b is not None:
            out.append((rid, b))
    return out


def can_align(doc: Document, ids: Iterable[str]) -> bool:
    """Return whether align has at least two movable units to work on."""
    return len(_units(doc, ids)) >= 2


def can_distribute(doc: Document, ids: Iterable[str]) -> bool:
    """Return whether distribute has at least three movable units."""
    return len(_units(doc, ids)) >= 3


def align(doc: Document, ids: Iterable[str], how: Align) -> Patch:
    """Line units up on an edge or centre of the selection's bounds."""
    if how not in ALIGNS:
        raise CommandError(f"unknown alignment {how!r}")
    units = _units(doc, ids)
    total = union(b for _, b in units)
    if len(units) < 2 or total is None:
        return Patch()
    deltas: dict[str, Vec] = {}
    for rid, b in units:
        match how:
            case "left":
                d = Vec(total.x - b.x, 0.0)
            case "center":
                d = Vec(total.center.x - b.center.x, 0.0)
            case "right":
                d = Vec(total.right - b.right, 0.0)
            case "top":
                d = Vec(0.0, total.y - b.y)
            case "middle":
                d = Vec(0.0, total.center.y - b.center.y)
            case "bottom":
                d = Vec(0.0, total.bottom - b.bottom)
        deltas[rid] = d
    return translate_each(doc, deltas)


def distribute(doc: Document, ids: Iterable[str], axis: Literal["h", "v"]) -> Patch:
    """Space units so the gaps between neighbours are equal; the outer two stay."""
    if axis not in ("h", "v"):
        raise CommandError("axis must be 'h' or 'v'")
    units = _units(doc, ids)
    if len(units) < 3:
        return Patch()
    h = axis == "h"

    def lo(b: Box) -> float:
        return b.x if h else b.y

    def size(b: Box) -> float:
        return b.w if h else b.h

    units.sort(key=lambda u: (lo(u[1]) + size(u[1]) / 2, u[0]))
    first, last = units[0][1], units[-1][1]
    span = (lo(last) + size(last)) - lo(first)
    gap = (span - sum(size(b) for _, b in units)) / (len(units) - 1)
    deltas: dict[str, Vec] = {}
    pos = lo(first)
    for rid, b in units:
        d = pos - lo(b)
        deltas[rid] = Vec(d, 0.0) if h else Vec(0.0, d)
        pos += size(b) + gap
    return translate_each(doc, deltas)


# --------------------------------------------------------------------------- layers
def move_to_layer(doc: Document, ids: Iterable[str], layer_id: str) -> Patch:
    """Move elements (with their members) to another layer of their page, on top.

    Raises:
        CommandError: if the layer is missing.
    """
    layer = layer_of(doc, layer_id)
    moving = [
        e
        for e in (element(doc, r) for r in carried(doc, ids))
        if e is not None and e.page == layer.page and e.layer != layer.id
    ]
    if not moving:
        return Patch()
    index = doc.paint_index(layer.page)
    moving.sort(key=lambda e: index.get(e.id, 0))
    counter = ZCounter(doc, layer.page)
    tx = Transaction(doc)
    for e in moving:
        if not is_locked(doc, e):
            tx.put(replace(e, layer=layer.id, z=counter.above(layer.id)))
    return tx.patch()
