"""Tidy tree layout: a rooted tree drawn compactly, parents centred over children.

The classic Reingold-Tilford idea with variable node sizes: each subtree is
laid out on its own, then placed beside its left siblings as close as their
contours allow (``gap`` apart on every level), and the parent is centred over
its first and last child. Levels are stacked ``level_gap`` apart, each as deep
as its deepest node, so cards of different sizes never overlap.

Pure geometry and deterministic: children keep the order given, every step is
iterative (no recursion limit on deep trees). ``direction`` ``"TB"`` puts the
root on top, ``"LR"`` on the left (the same layout with the axes swapped).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final, Literal

from linework.geometry import Box, Vec
from linework.layout.records import (
    Direction,
    EdgeRoute,
    Layout,
    LayoutCluster,
    LayoutEdge,
    LayoutNode,
)

TreeDirection = Literal["TB", "LR"]
_ORIGIN: Final = Vec(0.0, 0.0)
TREE_DIRECTIONS: Final[tuple[TreeDirection, ...]] = ("TB", "LR")


@dataclass(frozen=True, slots=True)
class TreeNode:
    """A box to place: its id and size (page units)."""

    id: str
    width: float
    height: float


def _order(root: str, children: Mapping[str, Sequence[str]]) -> list[str]:
    """Return the nodes reachable from ``root``, parents before children."""
    out, stack, seen = [], [root], {root}
    while stack:
        n = stack.pop()
        out.append(n)
        for c in reversed(children.get(n, ())):
            if c not in seen:
                seen.add(c)
                stack.append(c)
    return out


def tidy_tree(
    nodes: Sequence[TreeNode],
    children: Mapping[str, Sequence[str]],
    root: str,
    *,
    direction: TreeDirection = "TB",
    origin: Vec = _ORIGIN,
    gap: float = 24.0,
    level_gap: float = 48.0,
) -> dict[str, Box]:
    """Return the box of every node reachable from ``root``; its top-left is ``origin``.

    ``children`` lists each node's children in order (a node reached twice is
    placed once, under its first parent). In ``"TB"`` the breadth of a node is
    its width and levels go down; in ``"LR"`` breadth is its height and levels
    go right.
    """
    size = {n.id: (n.width, n.height) for n in nodes}
    if root not in size:
        return {}
    order = [n for n in _order(root, children) if n in size]
    seen = set(order)
    kids: dict[str, list[str]] = {}
    placed: set[str] = {root}
    for n in order:
        kids[n] = []
        for c in children.get(n, ()):
            if c in seen and c not in placed:
                placed.add(c)
                kids[n].append(c)

    def breadth(n: str) -> float:
        w, h = size[n]
        return w if direction == "TB" else h

    def depth_of(n: str) -> float:
        w, h = size[n]
        return h if direction == "TB" else w

    level: dict[str, int] = {root: 0}
    for n in order:
        for c in kids[n]:
            level[c] = level[n] + 1

    # Bottom-up: each subtree's contour per level (relative left, right edges)
    # and each child's offset from its parent's centre.
    offset: dict[str, float] = {}
    contour: dict[str, list[tuple[float, float]]] = {}
    for n in reversed(order):
        half = breadth(n) / 2
        cs = kids[n]
        if not cs:
            contour[n] = [(-half, half)]
            continue
        merged: list[tuple[float, float]] = []
        pos: list[float] = []
        for c in cs:
            cc = contour.pop(c)
            if not merged:
                shift = 0.0
            else:
                shift = max(
                    merged[i][1] - cc[i][0] + gap
                    for i in range(min(len(merged), len(cc)))
                )
            pos.append(shift)
            for i, (lo, hi) in enumerate(cc):
                if i < len(merged):
                    merged[i] = (
                        min(merged[i][0], lo + shift),
                        max(merged[i][1], hi + shift),
                    )
                else:
                    merged.append((lo + shift, hi + shift))
        centre = (pos[0] + pos[-1]) / 2
        for c, p in zip(cs, pos, strict=True):
            offset[c] = p - centre
        contour[n] = [(-half, half)] + [(lo - centre, hi - centre) for lo, hi in merged]

    # Top-down: absolute centres across, and level bands along.
    across: dict[str, float] = {root: 0.0}
    for n in order:
        for c in kids[n]:
            across[c] = across[n] + offset[c]
    levels = max(level.values()) + 1
    band = [0.0] * levels
    for n in order:
        band[level[n]] = max(band[level[n]], depth_of(n))
    start = [0.0] * levels
    for i in range(1, levels):
        start[i] = start[i - 1] + band[i - 1] + level_gap
    left = min(across[n] - breadth(n) / 2 for n in order)

    out: dict[str, Box] = {}
    for n in order:
        w, h = size[n]
        a = across[n] - breadth(n) / 2 - left
        d = start[level[n]] + (band[level[n]] - depth_of(n)) / 2
        if direction == "TB":
            out[n] = Box(origin.x + a, origin.y + d, w, h)
        else:
            out[n] = Box(origin.x + d, origin.y + a, w, h)
    return out


def find_root(ids: Sequence[str], edges: Sequence[tuple[str, str]]) -> str | None:
    """Return the one node of ``ids`` no edge points to, if the edges form a tree.

    A tree here: exactly one root, every other node has exactly one parent,
    every node is reachable from the root (so there is no cycle).
    """
    inside = set(ids)
    parents: dict[str, list[str]] = {n: [] for n in ids}
    children: dict[str, list[str]] = {n: [] for n in ids}
    for s, t in edges:
        if s in inside and t in inside and s != t:
            parents[t].append(s)
            children[s].append(t)
    roots = [n for n in ids if not parents[n]]
    if len(roots) != 1 or any(len(p) > 1 for p in parents.values()):
        return None
    if len(_order(roots[0], children)) != len(inside):
        return None
    return roots[0]


def tree_as_layout(
    nodes: Sequence[LayoutNode],
    edges: Sequence[LayoutEdge],
    clusters: Sequence[LayoutCluster],
    direction: Direction,
) -> Layout | None:
    """Return a tidy tree ``Layout`` for a graph that is one plain tree, else None.

    For importers (Mermaid ``graph TD``/``LR``): a tree with no subgraphs, no
    edge labels and no invisible or lengthened links is laid out as a tidy
    tree, each link from the parent's bottom (right) port to the child's top
    (left) one. Anything else returns None, and the layered layout applies.
    """
    if clusters or direction not in ("TB", "LR") or len(nodes) < 2:
        return None
    if any(
        not e.routed or e.minlen != 1 or e.label_width or e.label_height for e in edges
    ):
        return None
    ids = [n.id for n in nodes]
    pairs = [(e.source, e.target) for e in edges]
    if len(pairs) != len(ids) - 1:
        return None
    root = find_root(ids, pairs)
    if root is None:
        return None
    children: dict[str, list[str]] = {}
    for s, t in pairs:
        children.setdefault(s, []).append(t)
    tree_dir: TreeDirection = "TB" if direction == "TB" else "LR"
    boxes = tidy_tree(
        [TreeNode(n.id, n.width, n.height) for n in nodes],
        children,
        root,
        direction=tree_dir,
    )
    out_port, in_port = ("s", "n") if tree_dir == "TB" else ("e", "w")
    out_anchor, in_anchor = (
        (Vec(0.5, 1.0), Vec(0.5, 0.0))
        if tree_dir == "TB"
        else (Vec(1.0, 0.5), Vec(0.0, 0.5))
    )
    route = EdgeRoute(out_anchor, in_anchor, out_port, in_port, ())
    return Layout(
        boxes=boxes,
        clusters={},
        routes=tuple(route for _ in edges),
        width=max(b.right for b in boxes.values()),
        height=max(b.bottom for b in boxes.values()),
        crossings=0,
    )
