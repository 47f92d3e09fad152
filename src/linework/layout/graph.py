"""One layout run: the item arrays every step works on, and the order of the steps.

Items are nodes, then dummies (one per layer a long edge crosses) and holders
(keeping a cluster's border on layers it has no node on); arrays indexed by
item number keep the steps fast and simple.
"""

from __future__ import annotations

from collections.abc import Sequence

from linework.layout.ordering import order_layers
from linework.layout.output import build_layout
from linework.layout.placement import place_across, place_ranks
from linework.layout.ranks import (
    add_dummies,
    add_holders,
    assign_layers,
    edge_fractions,
    find_back_edges,
)
from linework.layout.records import (
    DIRECTIONS,
    LOOP_REACH,
    NODE,
    Direction,
    Layout,
    LayoutCluster,
    LayoutEdge,
    LayoutNode,
    even,
)


class Layered:
    """One layout run; arrays indexed by item number keep it fast and simple."""

    # Set by the steps (declared here so each step's module can fill them in).
    reversed: set[int]
    layer: list[int]
    frac: list[float]
    i_layer: list[int]
    span_lo: list[int]
    span_hi: list[int]
    up: list[list[int]]
    down: list[list[int]]
    chain: list[list[int] | None]
    n_layers: int
    c_lo: list[int]
    c_hi: list[int]
    pos: list[int]
    layers: list[list[int]]
    crossings: int
    x: list[float]
    top: list[float]
    thick: list[float]
    cum_start: list[float]
    cum_end: list[float]

    def __init__(
        self,
        nodes: Sequence[LayoutNode],
        edges: Sequence[LayoutEdge],
        clusters: Sequence[LayoutCluster],
        direction: Direction,
        rank_sep: float,
        node_sep: float,
    ) -> None:
        self.direction = direction
        self.vertical = direction in ("TB", "BT")
        self.rank_sep = rank_sep
        self.node_sep = node_sep
        self.nodes = nodes
        self.edges = edges
        self._clusters(clusters)
        self._items(nodes)

    # ------------------------------------------------------------------ setup
    def _clusters(self, clusters: Sequence[LayoutCluster]) -> None:
        self.c_ids: list[str] = []
        self.c_index: dict[str, int] = {}
        for c in clusters:
            if c.id not in self.c_index:
                self.c_index[c.id] = len(self.c_ids)
                self.c_ids.append(c.id)
        by_id = {c.id: c for c in reversed(clusters)}
        nc = len(self.c_ids)
        parent = [-1] * nc
        for i, cid in enumerate(self.c_ids):
            p = by_id[cid].parent
            parent[i] = self.c_index.get(p, -1) if p is not None else -1
        # Cut parent cycles: walk up from each cluster; a repeat means a cycle.
        for i in range(nc):
            seen = {i}
            cur = parent[i]
            prev = i
            while cur != -1:
                if cur in seen:
                    parent[prev] = -1
                    break
                seen.add(cur)
                prev, cur = cur, parent[cur]
        self.c_parent = parent
        paths: list[tuple[int, ...]] = [()] * nc
        for i in range(nc):
            chain = []
            cur = i
            while cur != -1:
                chain.append(cur)
                cur = parent[cur]
            paths[i] = tuple(reversed(chain))
        self.c_path = paths
        self.c_title_w = [max(0.0, by_id[c].title_width) for c in self.c_ids]
        self.c_title_h = [max(0.0, by_id[c].title_height) for c in self.c_ids]

    def cross(self, w: float, h: float) -> tuple[float, float]:
        """Return (cross size, rank size) of a real-space w x h box."""
        return (w, h) if self.vertical else (h, w)

    def _items(self, nodes: Sequence[LayoutNode]) -> None:
        self.n_index: dict[str, int] = {}
        self.i_cross: list[float] = []
        self.i_rank: list[float] = []
        self.i_kind: list[int] = []
        self.i_cluster: list[int] = []
        self.i_extra: list[float] = []
        for nd in nodes:
            if nd.id in self.n_index:
                continue
            self.n_index[nd.id] = len(self.i_cross)
            cw, rh = self.cross(even(nd.width), even(nd.height))
            self.add(cw, rh, NODE, self.c_index.get(nd.cluster or "", -1))
        self.n_real = len(self.i_cross)
        # An empty cluster still gets a box: give it a phantom member.
        has = [False] * len(self.c_ids)
        for c in self.i_cluster:
            if c >= 0:
                for a in self.c_path[c]:
                    has[a] = True
        for ci, ok in enumerate(has):
            if not ok:
                cw, rh = self.cross(even(max(60.0, self.c_title_w[ci])), 20.0)
                self.add(cw, rh, NODE, ci)
                for a in self.c_path[ci]:
                    has[a] = True
        self.n_nodes = len(self.i_cross)

    def add(self, cross: float, rank: float, kind: int, cluster: int) -> int:
        self.i_cross.append(cross)
        self.i_rank.append(rank)
        self.i_kind.append(kind)
        self.i_cluster.append(cluster)
        self.i_extra.append(0.0)
        return len(self.i_cross) - 1

    def path(self, item: int) -> tuple[int, ...]:
        c = self.i_cluster[item]
        return self.c_path[c] if c >= 0 else ()

    # ------------------------------------------------------- cycles and layers
    def run(self) -> Layout:
        n = self.n_nodes
        self.e_ends: list[tuple[int, int] | None] = []
        out_adj: list[list[tuple[int, int]]] = [[] for _ in range(n)]
        indeg = [0] * n
        for ei, e in enumerate(self.edges):
            s = self.n_index.get(e.source)
            t = self.n_index.get(e.target)
            if s is None or t is None:
                self.e_ends.append(None)
                continue
            self.e_ends.append((s, t))
            if s == t:
                if e.routed:
                    self.i_extra[s] = LOOP_REACH + 8.0
                continue
            out_adj[s].append((t, ei))
            indeg[t] += 1
        self.reversed = find_back_edges(self, out_adj, indeg)
        self.layer = assign_layers(self)
        add_dummies(self)
        add_holders(self)
        order_layers(self)
        self.frac = edge_fractions(self)
        place_across(self)
        place_ranks(self)
        return build_layout(self)

    def dag_edge(self, ei: int) -> tuple[int, int] | None:
        ends = self.e_ends[ei]
        if ends is None or ends[0] == ends[1]:
            return None
        return (ends[1], ends[0]) if ei in self.reversed else ends


def layered_layout(
    nodes: Sequence[LayoutNode],
    edges: Sequence[LayoutEdge] = (),
    clusters: Sequence[LayoutCluster] = (),
    *,
    direction: Direction = "TB",
    rank_sep: float = 70.0,
    node_sep: float = 40.0,
) -> Layout:
    """Place nodes in layers so edges flow one way with few crossings.

    Args:
        nodes: the boxes to place, in declaration order (ties keep it).
        edges: directed edges; cycles are allowed (back edges are reversed).
        clusters: boxes drawn around their members (``LayoutNode.cluster``
            names the innermost); a cluster's box never overlaps a non-member.
        direction: where edges flow: TB (down), BT, LR (right) or RL.
        rank_sep: the least distance between consecutive layers.
        node_sep: the least distance between neighbours within a layer.

    Returns:
        Boxes with the top-left of the drawing at (0, 0), and edge routes.
    """
    if direction not in DIRECTIONS:
        raise ValueError(f"unknown direction {direction!r}")
    if not nodes and not clusters:
        return Layout({}, {}, tuple(None for _ in edges), 0.0, 0.0, 0)
    return Layered(nodes, edges, clusters, direction, rank_sep, node_sep).run()
