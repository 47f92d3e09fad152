"""Containers: shapes that carry the shapes lying inside them.

An element belongs to a container when its ``extra`` names it under
``CONTAINER_KEY`` (file format 1.1; a connector too, so its bends travel);
that is data, not geometry, so a member keeps belonging while the user moves
the container, and joins or leaves only when the user drops it
(``join_containers``). Moving, copying, deleting,
reordering or changing the layer of a container carries its members
(:func:`carried`), nested containers included; restyling does not.

A shape is a container when its kind is one of :data:`CONTAINER_KINDS` or its
``props`` say ``"container": true`` (draw.io's ``container=1`` on any shape).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Final, TypeGuard

from linework.commands._base import (
    MAX_DEPTH,
    element,
    is_hidden,
    is_locked,
    walk,
)
from linework.geometry import Box
from linework.model import (
    CONTAINER_KEY,
    Connector,
    Document,
    Element,
    Group,
    Patch,
    Shape,
    Transaction,
    frozen_map,
)
from linework.shapes import bounds

#: Kinds that hold what is dropped into them.
CONTAINER_KINDS: Final = frozenset({"container", "swimlane"})


def is_container(el: Element | None) -> TypeGuard[Shape]:
    """Return whether ``el`` is a shape that takes members."""
    return isinstance(el, Shape) and (
        el.kind in CONTAINER_KINDS or el.props.get("container") is True
    )


def container_id(el: Element) -> str | None:
    """Return the container ``el`` names (unchecked), or None."""
    cid = el.extra.get(CONTAINER_KEY)
    return cid if isinstance(cid, str) else None


def container_of(doc: Document, el: Element) -> Shape | None:
    """Return the container shape holding ``el``, if it exists on its page."""
    cid = container_id(el)
    c = doc.get(cid) if cid is not None else None
    if isinstance(c, Shape) and c.page == el.page and c.id != el.id:
        return c
    return None


def with_container(el: Element, cid: str | None) -> Element:
    """Return ``el`` belonging to ``cid`` (None: to no container)."""
    extra = {k: v for k, v in el.extra.items() if k != CONTAINER_KEY}
    if cid is not None:
        extra[CONTAINER_KEY] = cid
    return replace(el, extra=frozen_map(extra))


def carried(doc: Document, ids: Iterable[str]) -> list[str]:
    """Return ``ids`` plus their group members and container members, each once.

    What travels with a unit when it is moved, copied, deleted or reordered
    (breadth-first, each id visited once: see :func:`walk`).
    """
    return walk(doc, ids, _carried_with)


def _carried_with(doc: Document, el: Element) -> list[str]:
    """A group's members, and a container's contents on its own page."""
    found = [m.id for m in doc.members(el.id)] if isinstance(el, Group) else []
    if is_container(el):
        found += [m.id for m in doc.contents(el.id) if m.page == el.page]
    return found


def drop_candidates(doc: Document, page: str, moving: set[str]) -> list[Shape]:
    """Return the containers of ``page`` a drag of ``moving`` may drop into.

    Not the moving ones (a container cannot hold itself or what carries it),
    nor locked or hidden ones. Collected once per gesture.
    """
    return [
        e
        for e in doc.elements(page)
        if is_container(e)
        and e.id not in moving
        and not is_locked(doc, e)
        and not is_hidden(doc, e)
    ]


def drop_target(
    doc: Document, candidates: Sequence[Shape], box: Box | None
) -> Shape | None:
    """Return the innermost container holding ``box`` wholly, or None.

    Innermost is the smallest; among equals, the one painted last (on top).
    """
    if box is None:
        return None
    best: Shape | None = None
    best_area = 0.0
    for c in candidates:
        b = box_of(c)
        inside = b.x <= box.x and b.y <= box.y
        if inside and box.right <= b.right and box.bottom <= b.bottom:
            area = b.w * b.h
            if best is None or area <= best_area:
                best, best_area = c, area
    return best


def box_of(s: Shape) -> Box:
    """Return a shape's bounds; an unturned shape's box is its bounds."""
    return s.box if not s.rotation_deg % 360 else bounds(s)


def _unit_box(doc: Document, rid: str) -> Box | None:
    out: Box | None = None
    for r in carried(doc, [rid]):
        s = doc.get(r)
        if isinstance(s, Shape):
            b = box_of(s)
            out = b if out is None else out.union(b)
    return out


def _inside(doc: Document, c: Shape, rid: str) -> bool:
    """Return whether container ``c`` is ``rid`` or held by it, at any depth."""
    cur: Element | None = c
    for _ in range(MAX_DEPTH):
        if cur is None:
            return False
        if cur.id == rid:
            return True
        cur = container_of(doc, cur)
    return True  # too deep to tell: refuse rather than risk a cycle


def join_containers(doc: Document, ids: Iterable[str]) -> Patch:
    """Put each unit in ``ids`` into the innermost container it lies in, or none.

    Units are top-level shapes and groups (members of a group go with their
    group). A unit that joins a container painted above it comes to the front,
    so it stays visible. One patch for all. The page's containers are listed
    once, so moving thousands of shapes costs one pass plus a box test per
    container for each.
    """
    from linework.commands.arrange import reorder

    tx = Transaction(doc)
    raise_ids: list[str] = []
    listed: dict[str, list[tuple[Shape, Box]]] = {}
    for rid in ids:
        el = element(doc, rid)
        if not isinstance(el, Shape | Group) or el.parent is not None:
            continue
        if is_locked(doc, el):
            continue
        if el.page not in listed:
            listed[el.page] = [
                (c, box_of(c)) for c in drop_candidates(doc, el.page, set())
            ]
        # A plain shape is its own box; only groups and containers carry more.
        plain = isinstance(el, Shape) and not is_container(el)
        box = box_of(el) if isinstance(el, Shape) and plain else _unit_box(doc, rid)
        around = [c for c, b in listed[el.page] if c.id != rid and _holds(b, box)]
        if not around and container_id(el) is None:
            continue  # in no container before or after: nothing to do
        moving: set[str] = {rid}
        if around and not plain:
            moving = set(carried(doc, [rid]))
            around = [
                c for c in around if c.id not in moving and not _inside(doc, c, rid)
            ]
        target = drop_target(doc, around, box)
        new = target.id if target is not None else None
        if new != container_id(el):
            tx.put(with_container(el, new))
        if target is not None:
            index = doc.paint_index(el.page)
            low = min(index.get(r, 0) for r in moving)
            if low < index.get(target.id, 0):
                raise_ids.append(rid)
    patch = tx.patch()
    if raise_ids:
        after = doc.apply(patch)
        patch = patch.then(reorder(after, raise_ids, "front"))
    return patch


def _holds(outer: Box, inner: Box | None) -> bool:
    return (
        inner is not None
        and outer.x <= inner.x
        and outer.y <= inner.y
        and inner.right <= outer.right
        and inner.bottom <= outer.bottom
    )


def joined(doc: Document, patch: Patch, ids: Iterable[str]) -> Patch:
    """Return ``patch`` followed by :func:`join_containers` of ``ids`` after it."""
    more = join_containers(doc.apply(patch), ids)
    return patch if more.is_empty() else patch.then(more)


def detach_missing(doc: Document, doomed: set[str], tx: Transaction) -> None:
    """Let members that stay leave containers being deleted (no dangling name)."""
    for cid in sorted(doomed):
        for m in doc.contents(cid):
            if m.id not in doomed:
                current = tx.get(m.id)
                if isinstance(current, Shape | Connector | Group):
                    tx.put(with_container(current, None))
