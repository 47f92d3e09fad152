"""Tidy tree: arrange a tree of connected shapes (an org chart) in one step.

The tree is read from connectors whose both ends are attached: a connector
from A to B makes B a child of A. With one shape selected the tree is that
shape and everything below it; with several, exactly the selected shapes,
which must form one tree. Siblings keep their order on screen (left to right,
or top to bottom for ``LR``), the root keeps its top-left corner where the
tree's bounds started, and the tree's connectors lose their waypoints so the
router draws them afresh. The layout itself is ``linework.layout.tidy``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from linework.commands._base import CommandError, is_locked, shape, top_of
from linework.geometry import Box, Vec
from linework.layout.tidy import TreeDirection, TreeNode, find_root, tidy_tree
from linework.model import Attached, Connector, Document, Patch, Shape, Transaction

#: Trees larger than this are refused (the layout is linear, the undo step not).
MAX_TREE = 5000


def _edges(doc: Document, page: str) -> list[tuple[str, str, Connector]]:
    return [
        (e.source.shape, e.target.shape, e)
        for e in doc.elements(page)
        if isinstance(e, Connector)
        and isinstance(e.source, Attached)
        and isinstance(e.target, Attached)
        and e.source.shape != e.target.shape
    ]


def tree_of(
    doc: Document, ids: Iterable[str]
) -> tuple[list[Shape], str, list[Connector]]:
    """Return the tree's shapes, its root and its connectors.

    Raises:
        CommandError: when the selection is no tree of connected shapes.
    """
    picked = [s for r in ids if (s := shape(doc, r)) is not None]
    if not picked:
        raise CommandError("select the top of a tree (or all of its shapes)")
    page = picked[0].page
    edges = _edges(doc, page)
    if len(picked) == 1:
        below: dict[str, list[str]] = {}
        for a, b, _ in edges:
            below.setdefault(a, []).append(b)
        seen, stack = {picked[0].id}, [picked[0].id]
        while stack:
            for c in below.get(stack.pop(), ()):
                if c not in seen:
                    seen.add(c)
                    stack.append(c)
        members = [s for r in sorted(seen) if (s := shape(doc, r)) is not None]
    else:
        members = picked
    if len(members) < 2:
        raise CommandError("the shape has nothing connected below it")
    if len(members) > MAX_TREE:
        raise CommandError(f"trees are limited to {MAX_TREE} shapes")
    inside = {s.id for s in members}
    tree_edges = [(s, t, c) for s, t, c in edges if s in inside and t in inside]
    root = find_root([s.id for s in members], [(s, t) for s, t, _ in tree_edges])
    if root is None:
        raise CommandError(
            "the selection is not one tree: every shape but the top needs one "
            "connector coming from its parent"
        )
    return members, root, [c for _, _, c in tree_edges]


def tidy_tree_layout(
    doc: Document,
    ids: Iterable[str],
    direction: TreeDirection = "TB",
    *,
    gap: float = 24.0,
    level_gap: float = 56.0,
) -> Patch:
    """Return the patch laying out the tree under the selection (one undo step).

    Raises:
        CommandError: when the selection is no tree, or a member is locked or
            inside a group (it moves with its group, not alone).
    """
    members, root, conns = tree_of(doc, ids)
    for s in members:
        if is_locked(doc, s):
            raise CommandError("the tree holds a locked shape: unlock it first")
        if top_of(doc, s) is not s:
            raise CommandError("the tree holds a grouped shape: ungroup it first")
    by_id = {s.id: s for s in members}
    along = 0 if direction == "TB" else 1

    def key(rid: str) -> tuple[float, float, str]:
        c = by_id[rid].box.center
        return ((c.x, c.y)[along], (c.y, c.x)[along], rid)

    children: dict[str, list[str]] = {}
    for c in conns:
        assert isinstance(c.source, Attached) and isinstance(c.target, Attached)
        children.setdefault(c.source.shape, []).append(c.target.shape)
    for kids in children.values():
        kids.sort(key=key)
    left = min(s.box.x for s in members)
    top = min(s.box.y for s in members)
    boxes = tidy_tree(
        [TreeNode(s.id, s.box.w, s.box.h) for s in members],
        children,
        root,
        direction=direction,
        origin=Vec(left, top),
        gap=gap,
        level_gap=level_gap,
    )
    tx = Transaction(doc)
    for rid, box in boxes.items():
        s = by_id[rid]
        nb = Box(round(box.x, 2), round(box.y, 2), box.w, box.h)
        if nb != s.box:
            tx.put(replace(s, box=nb))
    out_port, in_port = ("s", "n") if direction == "TB" else ("e", "w")
    for c in conns:
        assert isinstance(c.source, Attached) and isinstance(c.target, Attached)
        # Parent's bottom (right) to child's top (left), routed afresh.
        nc = replace(
            c,
            waypoints=(),
            source=replace(c.source, port=out_port, anchor=None),
            target=replace(c.target, port=in_port, anchor=None),
        )
        if nc != c:
            tx.put(nc)
    return tx.patch()
