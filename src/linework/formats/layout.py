"""Layered (Sugiyama-style) auto-layout for graphs that arrive without positions.

Mermaid text names nodes and edges but no coordinates, so the importer places
them itself. The steps are the classic ones, each kept simple, iterative and
deterministic (the same input gives the same bytes natively and in Pyodide):

1. break cycles by reversing the back edges an explicit-stack DFS finds;
2. assign layers by longest path, then pull sources down next to their targets;
3. split long edges with dummy items, one per layer crossed;
4. order each layer with barycenter sweeps (keeping clusters contiguous and
   sibling clusters in one order on every layer), keeping the ordering with the
   fewest crossings, then a few adjacent swaps;
5. place items across the layer with isotonic regression towards the mean of
   their neighbours, settle cluster borders with a longest-path pass over
   separation constraints so no box overlaps another, then line up each long
   edge's dummies where their neighbours leave room;
6. stack the layers, route edges orthogonally through the dummy positions
   (each sideways jog on its own track in the gap) and rotate the whole
   picture for BT, LR and RL.

All work happens in "TB space" (layers stacked downwards, x across a layer);
the final transform maps it to the requested direction.

``fit_to_page`` and ``renumber_z`` finish any import: they put a foreign
drawing onto a Linework page and number its paint order the way files do.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Final, Literal

from linework.formats import limits
from linework.geometry import Box, Vec, rotate_about
from linework.geometry.fmt import rounded
from linework.model import Connector, End, Free, Group, Layer, Page, Record, Shape

Direction = Literal["TB", "BT", "LR", "RL"]
DIRECTIONS: Final[tuple[Direction, ...]] = ("TB", "BT", "LR", "RL")

CLUSTER_PAD: Final = 16.0
LOOP_REACH: Final = 24.0
LABEL_MARGIN: Final = 10.0
MAX_DUMMIES: Final = 20_000  # beyond this, long edges go unsplit (bounded time)
MAX_HOLDERS: Final = 20_000  # beyond this, cluster borders skip empty layers
_BACK_FRACTION: Final = 0.75
_EPS: Final = 1e-6

_NODE, _DUMMY, _HOLDER = 0, 1, 2
# Port names of the rank-start, rank-end, cross-start and cross-end sides.
_PORTS: Final[dict[str, tuple[str, str, str, str]]] = {
    "TB": ("n", "s", "w", "e"),
    "BT": ("s", "n", "w", "e"),
    "LR": ("w", "e", "n", "s"),
    "RL": ("e", "w", "n", "s"),
}


@dataclass(frozen=True, slots=True)
class LayoutNode:
    """A box to place: its id, size (page units) and innermost cluster."""

    id: str
    width: float
    height: float
    cluster: str | None = None


@dataclass(frozen=True, slots=True)
class LayoutEdge:
    """A directed edge; ``minlen`` layers apart at least, label size reserved.

    ``routed=False`` edges shape the layering only (Mermaid's invisible links).
    """

    source: str
    target: str
    minlen: int = 1
    label_width: float = 0.0
    label_height: float = 0.0
    routed: bool = True


@dataclass(frozen=True, slots=True)
class LayoutCluster:
    """A subgraph drawn as a box around its members, titled at its top."""

    id: str
    parent: str | None = None
    title_width: float = 0.0
    title_height: float = 0.0


@dataclass(frozen=True, slots=True)
class EdgeRoute:
    """Where an edge leaves and enters its boxes, and the bends in between.

    Anchors are fractions of the end boxes; ``*_port`` names the side ("n",
    "e", "s", "w") when the anchor is that side's midpoint.
    """

    source_anchor: Vec
    target_anchor: Vec
    source_port: str | None
    target_port: str | None
    waypoints: tuple[Vec, ...]


@dataclass(frozen=True, slots=True)
class Layout:
    """The placed boxes (top-left at or after the origin) and edge routes.

    ``routes`` lines up with the input edges; an entry is None when the edge is
    not routed or names an unknown node.
    """

    boxes: Mapping[str, Box]
    clusters: Mapping[str, Box]
    routes: tuple[EdgeRoute | None, ...]
    width: float
    height: float
    crossings: int


def _even(size: float) -> float:
    """Round a size up to an even whole number (at least 2).

    With even sizes and whole-number centres every box edge, port and waypoint
    is an exact number, so ports and the bends under them line up exactly.
    """
    if not size > 0 or size != size:
        return 2.0
    return float(2 * math.ceil(min(size, 1e6) / 2 - 1e-9))


def _pav(desired: list[float], weights: list[float], gaps: list[float]) -> list[float]:
    """Return x minimising sum w*(x-d)^2 with x[i+1]-x[i] >= gaps[i] (pool adjacent)."""
    n = len(desired)
    offs = [0.0] * n
    for i in range(1, n):
        offs[i] = offs[i - 1] + gaps[i - 1]
    means: list[float] = []
    wts: list[float] = []
    counts: list[int] = []
    for i in range(n):
        means.append(desired[i] - offs[i])
        wts.append(weights[i])
        counts.append(1)
        while len(means) > 1 and means[-2] > means[-1]:
            m2, w2, c2 = means.pop(), wts.pop(), counts.pop()
            w1 = wts[-1]
            means[-1] = (means[-1] * w1 + m2 * w2) / (w1 + w2)
            wts[-1] = w1 + w2
            counts[-1] += c2
    out: list[float] = []
    for m, c in zip(means, counts, strict=True):
        out.extend([m] * c)
    return [y + o for y, o in zip(out, offs, strict=True)]


def _inversions(seq: list[int], size: int) -> int:
    """Count pairs i<j with seq[i] > seq[j] using a Fenwick tree."""
    tree = [0] * (size + 1)
    total = 0
    for seen, v in enumerate(seq):
        # number of earlier values > v = seen - (earlier values <= v)
        i = v + 1
        le = 0
        while i > 0:
            le += tree[i]
            i -= i & -i
        total += seen - le
        i = v + 1
        while i <= size:
            tree[i] += 1
            i += i & -i
    return total


class _Layered:
    """One layout run; arrays indexed by item number keep it fast and simple."""

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

    def _cross(self, w: float, h: float) -> tuple[float, float]:
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
            cw, rh = self._cross(_even(nd.width), _even(nd.height))
            self._add(cw, rh, _NODE, self.c_index.get(nd.cluster or "", -1))
        self.n_real = len(self.i_cross)
        # An empty cluster still gets a box: give it a phantom member.
        has = [False] * len(self.c_ids)
        for c in self.i_cluster:
            if c >= 0:
                for a in self.c_path[c]:
                    has[a] = True
        for ci, ok in enumerate(has):
            if not ok:
                cw, rh = self._cross(_even(max(60.0, self.c_title_w[ci])), 20.0)
                self._add(cw, rh, _NODE, ci)
                for a in self.c_path[ci]:
                    has[a] = True
        self.n_nodes = len(self.i_cross)

    def _add(self, cross: float, rank: float, kind: int, cluster: int) -> int:
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
        self.reversed = self._back_edges(out_adj, indeg)
        self.layer = self._layers()
        self._dummies()
        self._holders()
        self._order()
        self.frac = self._fractions()
        self._cross_positions()
        self._rank_positions()
        return self._result()

    def _back_edges(
        self, out_adj: list[list[tuple[int, int]]], indeg: list[int]
    ) -> set[int]:
        """Return the edges a DFS (explicit stack, input order) finds going back."""
        n = self.n_nodes
        state = [0] * n
        back: set[int] = set()
        roots = [v for v in range(n) if indeg[v] == 0] + list(range(n))
        for r in roots:
            if state[r]:
                continue
            state[r] = 1
            stack = [(r, 0)]
            while stack:
                u, i = stack[-1]
                if i < len(out_adj[u]):
                    stack[-1] = (u, i + 1)
                    v, ei = out_adj[u][i]
                    if state[v] == 1:
                        back.add(ei)
                    elif state[v] == 0:
                        state[v] = 1
                        stack.append((v, 0))
                else:
                    state[u] = 2
                    stack.pop()
        return back

    def dag_edge(self, ei: int) -> tuple[int, int] | None:
        ends = self.e_ends[ei]
        if ends is None or ends[0] == ends[1]:
            return None
        return (ends[1], ends[0]) if ei in self.reversed else ends

    def _layers(self) -> list[int]:
        """Longest-path layering (Kahn order), then sources moved next to targets."""
        n = self.n_nodes
        succ: list[list[tuple[int, int]]] = [[] for _ in range(n)]
        indeg = [0] * n
        for ei, e in enumerate(self.edges):
            de = self.dag_edge(ei)
            if de is None:
                continue
            m = max(1, min(int(e.minlen), 8))
            succ[de[0]].append((de[1], m))
            indeg[de[1]] += 1
        layer = [0] * n
        queue = [v for v in range(n) if indeg[v] == 0]
        head = 0
        left = list(indeg)
        while head < len(queue):
            u = queue[head]
            head += 1
            for v, m in succ[u]:
                layer[v] = max(layer[v], layer[u] + m)
                left[v] -= 1
                if left[v] == 0:
                    queue.append(v)
        for u in range(n):
            if indeg[u] == 0 and succ[u]:
                layer[u] = max(layer[u], min(layer[v] - m for v, m in succ[u]))
        low = min(layer, default=0)
        return [x - low for x in layer]

    # ---------------------------------------------------------------- dummies
    def _lca(self, a: int, b: int) -> int:
        pa, pb = self.path(a), self.path(b)
        best = -1
        for x, y in zip(pa, pb, strict=False):
            if x != y:
                break
            best = x
        return best

    def _node_spans(self) -> tuple[list[int], list[int]]:
        """Return each cluster's first and last layer, from its nodes alone."""
        nc = len(self.c_ids)
        lo, hi = [1 << 30] * nc, [-1] * nc
        for it in range(self.n_nodes):
            k = self.layer[it]
            for c in self.path(it):
                lo[c] = min(lo[c], k)
                hi[c] = max(hi[c], k)
        return lo, hi

    def _dummy_cluster(
        self, k: int, lca: int, out_of: tuple[int, ...], into: tuple[int, ...]
    ) -> int:
        """Return the cluster a dummy on layer ``k`` belongs to.

        An edge stays inside the clusters it leaves while they still span the
        layer and is inside the clusters it enters once they do (as dagre
        does), so it crosses a box border once instead of going around the box.
        """
        lo, hi = self.span_lo, self.span_hi
        leaving = next((c for c in reversed(out_of) if lo[c] <= k <= hi[c]), -1)
        entering = next((c for c in reversed(into) if lo[c] <= k <= hi[c]), -1)
        if leaving >= 0 and entering >= 0:
            # Both still span this layer: take the deeper one.
            return (
                leaving
                if len(self.c_path[leaving]) >= len(self.c_path[entering])
                else entering
            )
        return leaving if leaving >= 0 else entering if entering >= 0 else lca

    def _dummies(self) -> None:
        """Split every DAG edge spanning several layers into a chain of items."""
        self.i_layer = list(self.layer)
        self.span_lo, self.span_hi = self._node_spans()
        self.up: list[list[int]] = [[] for _ in range(self.n_nodes)]
        self.down: list[list[int]] = [[] for _ in range(self.n_nodes)]
        self.chain: list[list[int] | None] = []
        budget = MAX_DUMMIES
        for ei, e in enumerate(self.edges):
            de = self.dag_edge(ei)
            if de is None:
                self.chain.append(None)
                continue
            a, b = de
            span = self.layer[b] - self.layer[a]
            if span - 1 > budget:
                self.chain.append(None)
                continue
            budget -= span - 1
            cl = self._lca(a, b)
            depth = len(self.c_path[cl]) if cl >= 0 else 0
            out_of = self.path(a)[depth:]  # clusters the edge leaves, outermost first
            into = self.path(b)[depth:]  # clusters it enters
            items = [a]
            mid = self.layer[a] + span // 2 if span % 2 == 0 else -1
            for k in range(self.layer[a] + 1, self.layer[b]):
                cw, rh = 0.0, 0.0
                if k == mid and (e.label_width or e.label_height):
                    cw, rh = self._cross(_even(e.label_width), _even(e.label_height))
                d = self._add(cw, rh, _DUMMY, self._dummy_cluster(k, cl, out_of, into))
                self.i_layer.append(k)
                self.up.append([])
                self.down.append([])
                items.append(d)
            items.append(b)
            for u, v in itertools.pairwise(items):
                self.down[u].append(v)
                self.up[v].append(u)
            self.chain.append(items)

    def _holders(self) -> None:
        """Give a cluster an empty item on each layer of its span it has no item on.

        The holders carry the cluster's borders through those layers, so
        nothing else can be placed inside its box there.
        """
        self.n_layers = max(self.i_layer, default=-1) + 1
        nc = len(self.c_ids)
        lo = [self.n_layers] * nc
        hi = [-1] * nc
        present: set[tuple[int, int]] = set()
        for it in range(len(self.i_cross)):
            k = self.i_layer[it]
            for c in self.path(it):
                lo[c] = min(lo[c], k)
                hi[c] = max(hi[c], k)
                present.add((c, k))
        self.c_lo, self.c_hi = lo, hi
        order = sorted(range(nc), key=lambda c: (-len(self.c_path[c]), c))
        budget = MAX_HOLDERS
        for c in order:
            for k in range(lo[c], hi[c] + 1):
                if (c, k) not in present and budget > 0:
                    budget -= 1
                    self._add(0.0, 0.0, _HOLDER, c)
                    self.i_layer.append(k)
                    self.up.append([])
                    self.down.append([])
                    for a in self.c_path[c]:
                        present.add((a, k))

    # --------------------------------------------------------------- ordering
    def _order(self) -> None:
        layers: list[list[int]] = [[] for _ in range(self.n_layers)]
        for it in range(len(self.i_cross)):
            layers[self.i_layer[it]].append(it)
        self.pos = [0] * len(self.i_cross)
        self._set_pos(layers)
        ckey = self._cluster_keys(layers)
        for k in range(self.n_layers):
            layers[k] = self._sort_layer(layers[k], {}, ckey)
        self._set_pos(layers)
        best = [list(x) for x in layers]
        best_c = self._crossings(layers)
        size = len(self.i_cross)
        sweeps = 8 if size <= 2000 else 4 if size <= 8000 else 2
        for it in range(sweeps):
            if best_c == 0:
                break
            ckey = self._cluster_keys(layers)
            downward = it % 2 == 0
            seq = (
                range(1, self.n_layers)
                if downward
                else range(self.n_layers - 2, -1, -1)
            )
            for k in seq:
                ref = self.up if downward else self.down
                bary: dict[int, float] = {}
                for v in layers[k]:
                    nb = ref[v]
                    if nb:
                        bary[v] = sum(self.pos[u] for u in nb) / len(nb)
                layers[k] = self._sort_layer(layers[k], bary, ckey)
                for i, v in enumerate(layers[k]):
                    self.pos[v] = i
            c = self._crossings(layers)
            if c < best_c:
                best_c = c
                best = [list(x) for x in layers]
        layers = best
        self._set_pos(layers)
        if best_c and size <= 1500:
            best_c = self._transpose(layers, best_c)
        self.layers = layers
        self.crossings = best_c

    def _set_pos(self, layers: list[list[int]]) -> None:
        for lay in layers:
            for i, v in enumerate(lay):
                self.pos[v] = i

    def _cluster_keys(self, layers: list[list[int]]) -> list[float]:
        """Return each cluster's mean relative position over all its layers."""
        nc = len(self.c_ids)
        total = [0.0] * nc
        count = [0] * nc
        for lay in layers:
            n = max(1, len(lay))
            for v in lay:
                rel = (self.pos[v] + 0.5) / n
                for c in self.path(v):
                    total[c] += rel
                    count[c] += 1
        return [total[c] / count[c] if count[c] else 0.5 for c in range(nc)]

    def _sort_layer(
        self, lay: list[int], bary: dict[int, float], ckey: list[float]
    ) -> list[int]:
        """Order a layer by barycenter, keeping every cluster's items together.

        Blocks are built innermost cluster first (no recursion). Within a block,
        entries sort by barycenter; the slots cluster blocks land in are then
        refilled in the global cluster order, so sibling clusters keep the same
        left-to-right order on every layer and their boxes cannot cross.
        """
        if not self.c_ids:
            return sorted(
                lay, key=lambda v: (bary.get(v, float(self.pos[v])), self.pos[v])
            )
        # entries per cluster: (key, tiebreak, is_block, payload items)
        children: dict[int, list[tuple[float, int, int, list[int]]]] = {}
        clusters_here: set[int] = set()
        for v in lay:
            p = self.path(v)
            clusters_here.update(p)
            owner = p[-1] if p else -1
            children.setdefault(owner, []).append(
                (bary.get(v, float(self.pos[v])), self.pos[v], 0, [v])
            )
        for c in sorted(clusters_here, key=lambda c: (-len(self.c_path[c]), c)):
            entries = children.pop(c, [])
            flat = self._arrange(entries, ckey)
            keys = [bary.get(v, float(self.pos[v])) for v in flat]
            mean = sum(keys) / len(keys) if keys else 0.0
            parent = self.c_parent[c]
            children.setdefault(parent, []).append(
                (mean, min(self.pos[v] for v in flat) if flat else 0, 1 + c, flat)
            )
        return self._arrange(children.get(-1, []), ckey)

    @staticmethod
    def _arrange(
        entries: list[tuple[float, int, int, list[int]]], ckey: list[float]
    ) -> list[int]:
        entries = sorted(entries, key=lambda e: (e[0], e[1], e[2]))
        blocks = [e for e in entries if e[2] > 0]
        if len(blocks) > 1:
            ordered = sorted(blocks, key=lambda e: (ckey[e[2] - 1], e[2]))
            it = iter(ordered)
            entries = [next(it) if e[2] > 0 else e for e in entries]
        out: list[int] = []
        for e in entries:
            out.extend(e[3])
        return out

    def _crossings(self, layers: list[list[int]]) -> int:
        total = 0
        for k in range(len(layers) - 1):
            total += self._gap_crossings(layers[k], layers[k + 1])
        return total

    def _gap_crossings(self, top: list[int], bottom: list[int]) -> int:
        segs = sorted((self.pos[u], self.pos[v]) for u in top for v in self.down[u])
        return _inversions([b for _, b in segs], max(1, len(bottom)))

    def _transpose(self, layers: list[list[int]], crossings: int) -> int:
        """Swap neighbours (same cluster path) while that removes crossings."""

        def cost(u: int, v: int) -> tuple[int, int]:
            keep = swap = 0
            for nb in (self.up, self.down):
                pu = [self.pos[a] for a in nb[u]]
                pv = [self.pos[b] for b in nb[v]]
                for a in pu:
                    for b in pv:
                        if a > b:
                            keep += 1
                        elif a < b:
                            swap += 1
            return keep, swap

        for _ in range(4):
            improved = False
            for lay in layers:
                for i in range(len(lay) - 1):
                    u, v = lay[i], lay[i + 1]
                    if self.path(u) != self.path(v) or _HOLDER in (
                        self.i_kind[u],
                        self.i_kind[v],
                    ):
                        continue
                    keep, swap = cost(u, v)
                    if swap < keep:
                        lay[i], lay[i + 1] = v, u
                        self.pos[u], self.pos[v] = i + 1, i
                        crossings -= keep - swap
                        improved = True
            if not improved:
                break
        return crossings

    # ------------------------------------------------------ cross coordinates
    def _pads(self) -> tuple[list[float], list[float]]:
        """Return each cluster's inner padding on the low and high cross side."""
        lo = [CLUSTER_PAD] * len(self.c_ids)
        hi = [CLUSTER_PAD] * len(self.c_ids)
        if not self.vertical:
            # LR/RL: the title sits at the real top, which is the low cross side.
            for c in range(len(self.c_ids)):
                lo[c] += self.c_title_h[c]
        return lo, hi

    def _tokens(self, lay: list[int]) -> list[int]:
        """Return the layer as variables: items, and cluster borders around them.

        Variable numbers: items as themselves, cluster c's low border as
        ``m + 2c`` and its high border as ``m + 2c + 1``.
        """
        m = len(self.i_cross)
        out: list[int] = []
        prev: tuple[int, ...] = ()
        for v in lay:
            p = self.path(v)
            c = 0
            while c < len(prev) and c < len(p) and prev[c] == p[c]:
                c += 1
            out.extend(m + 2 * cl + 1 for cl in reversed(prev[c:]))
            out.extend(m + 2 * cl for cl in p[c:])
            out.append(v)
            prev = p
        out.extend(m + 2 * cl + 1 for cl in reversed(prev))
        return out

    def _sep(self, a: int, b: int, lo: list[float], hi: list[float]) -> float:
        """Return the least distance from variable a to the next variable b."""
        m = len(self.i_cross)
        if a < m and b < m:
            gap = self.node_sep
            if self.i_kind[a] != _NODE or self.i_kind[b] != _NODE:
                gap = self.node_sep / 2
            return self.i_cross[a] / 2 + self.i_extra[a] + gap + self.i_cross[b] / 2
        if a < m:  # item then border
            c, high = divmod(b - m, 2)
            half = self.i_cross[a] / 2 + self.i_extra[a]
            return half + (hi[c] if high else self.node_sep)
        if b < m:  # border then item
            c, high = divmod(a - m, 2)
            return (self.node_sep if high else lo[c]) + self.i_cross[b] / 2
        ca, ha = divmod(a - m, 2)
        cb, hb = divmod(b - m, 2)
        if ha and hb:  # closing nested: inner high then outer high
            return hi[cb]
        if not ha and not hb:  # opening nested
            return lo[ca]
        if ha and not hb:  # sibling clusters
            return self.node_sep
        return lo[ca] + hi[cb]  # empty cluster (not produced: holders fill it)

    def _cross_positions(self) -> None:
        lo, hi = self._pads()
        m = len(self.i_cross)
        nv = m + 2 * len(self.c_ids)
        tokens = [self._tokens(lay) for lay in self.layers]
        # In-layer gaps between consecutive items (border chains summed).
        gaps: list[list[float]] = []
        for toks in tokens:
            g: list[float] = []
            acc = 0.0
            started = False
            for a, b in itertools.pairwise(toks):
                if a < m:
                    started = True
                    acc = 0.0
                acc += self._sep(a, b, lo, hi)
                if b < m and started:
                    g.append(acc)
            gaps.append(g)
        x = [0.0] * m
        for lay, g in zip(self.layers, gaps, strict=True):
            cur = 0.0
            for i, v in enumerate(lay):
                if i:
                    cur += g[i - 1]
                x[v] = cur
            shift = cur / 2
            for v in lay:
                x[v] -= shift
        order = list(range(self.n_layers))
        refs: tuple[list[list[int]], ...]
        for it in range(10):
            if it % 3 == 0:
                seq, refs = order[1:], (self.up,)
            elif it % 3 == 1:
                seq, refs = order[-2::-1], (self.down,)
            else:
                seq, refs = order, (self.up, self.down)
            for k in seq:
                lay = self.layers[k]
                if not lay:
                    continue
                desired: list[float] = []
                weights: list[float] = []
                g = gaps[k]
                for i, v in enumerate(lay):
                    nb = [u for r in refs for u in r[v]]
                    if nb:
                        desired.append(sum(x[u] for u in nb) / len(nb))
                        weights.append(2.0 if self.i_kind[v] == _DUMMY else 1.0)
                        continue
                    # Unconnected here: stay packed against a layer neighbour,
                    # so such items never drift away from the drawing.
                    if i:
                        desired.append(x[lay[i - 1]] + g[i - 1])
                    elif len(lay) > 1:
                        desired.append(x[lay[1]] - g[0])
                    else:
                        desired.append(x[v])
                    weights.append(0.05)
                for v, nx in zip(lay, _pav(desired, weights, gaps[k]), strict=True):
                    x[v] = nx
        # Global pass: cluster borders are one variable across all layers.
        want = [0.0] * nv
        have = [False] * nv
        succ: list[dict[int, float]] = [{} for _ in range(nv)]
        for v in range(m):
            want[v] = x[v]
            have[v] = True
        for toks in tokens:
            for a, b in itertools.pairwise(toks):
                w = self._sep(a, b, lo, hi)
                if succ[a].get(b, -1.0) < w:
                    succ[a][b] = w
            # Implied border positions from the neighbouring items.
            for i, t in enumerate(toks):
                if t < m:
                    continue
                high = (t - m) % 2 == 1
                if high:
                    j, acc = i, 0.0
                    while toks[j] >= m:
                        acc += self._sep(toks[j - 1], toks[j], lo, hi)
                        j -= 1
                    guess = x[toks[j]] + acc
                    want[t] = max(want[t], guess) if have[t] else guess
                else:
                    j, acc = i, 0.0
                    while toks[j] >= m:
                        acc += self._sep(toks[j], toks[j + 1], lo, hi)
                        j += 1
                    guess = x[toks[j]] - acc
                    want[t] = min(want[t], guess) if have[t] else guess
                have[t] = True
        if self.vertical:
            for c in range(len(self.c_ids)):
                need = self.c_title_w[c] + lo[c] + hi[c]
                a, b = m + 2 * c, m + 2 * c + 1
                if need > succ[a].get(b, 0.0):
                    succ[a][b] = need
        topo = self._topo(succ, nv)
        if topo is None:  # cannot happen with consistent orders; stay safe
            self.x = [float(round(v)) for v in x] + [0.0] * (nv - m)
            self._border_from_items(lo, hi)
            return
        fwd = list(want)
        for u in topo:
            for v, w in succ[u].items():
                if fwd[u] + w > fwd[v]:
                    fwd[v] = fwd[u] + w
        bwd = list(want)
        for u in reversed(topo):
            for v, w in succ[u].items():
                if bwd[v] - w < bwd[u]:
                    bwd[u] = bwd[v] - w
        self.x = [float(round((a + b) / 2)) for a, b in zip(fwd, bwd, strict=True)]
        self._straighten(tokens, lo, hi)

    def _fractions(self) -> list[float]:
        """Return where each edge meets its boxes across the layer (0..1).

        Parallel edges between the same two items fan out a little; back edges
        use a side fraction so they do not run over the forward edge.
        """
        seen: dict[tuple[int, int], int] = {}
        out: list[float] = []
        spread = (0.0, -0.2, 0.2, -0.35, 0.35)
        for ei in range(len(self.edges)):
            de = self.dag_edge(ei)
            if de is None:
                out.append(0.5)
            elif ei in self.reversed:
                out.append(_BACK_FRACTION)
            else:
                n = seen.get(de, 0)
                seen[de] = n + 1
                out.append(0.5 + spread[n % len(spread)])
        return out

    def _straighten(
        self, tokens: list[list[int]], lo: list[float], hi: list[float]
    ) -> None:
        """Line up each long edge's dummies on one x where their neighbours allow.

        Averaging leaves chains wavy; a straight run reads far better. Only
        dummies move, and only within the room their layer neighbours leave,
        so nothing can overlap. The x of an end's attach point is preferred,
        so the edge also leaves or enters its box without a jog.
        """
        m = len(self.i_cross)
        where: dict[int, tuple[int, int]] = {}
        for k, toks in enumerate(tokens):
            for i, t in enumerate(toks):
                if t < m and self.i_kind[t] == _DUMMY:
                    where[t] = (k, i)
        for ei, items in enumerate(self.chain):
            if items is None or len(items) < 3:
                continue
            low, high = -math.inf, math.inf
            for d in items[1:-1]:
                k, i = where[d]
                toks = tokens[k]
                if i > 0:
                    left = toks[i - 1]
                    low = max(low, self.x[left] + self._sep(left, d, lo, hi))
                if i + 1 < len(toks):
                    right = toks[i + 1]
                    high = min(high, self.x[right] - self._sep(d, right, lo, hi))
            if low > high:
                continue
            f = self.frac[ei]
            a, b = items[0], items[-1]
            mids = sorted(self.x[d] for d in items[1:-1])
            candidates = (
                self.x[a] + (f - 0.5) * self.i_cross[a],
                self.x[b] + (f - 0.5) * self.i_cross[b],
                float(round(mids[len(mids) // 2])),
            )
            pick = next((c for c in candidates if low <= c <= high), None)
            if pick is None:
                pick = (
                    float(math.ceil(low)) if candidates[2] < low else math.floor(high)
                )
                if not low <= pick <= high:
                    continue
            for d in items[1:-1]:
                self.x[d] = pick

    def _border_from_items(self, lo: list[float], hi: list[float]) -> None:
        m = len(self.i_cross)
        for c in range(len(self.c_ids)):
            xs = [
                (self.x[v] - self.i_cross[v] / 2, self.x[v] + self.i_cross[v] / 2)
                for v in range(m)
                if c in self.path(v)
            ]
            self.x[m + 2 * c] = min(a for a, _ in xs) - lo[c]
            self.x[m + 2 * c + 1] = max(b for _, b in xs) + hi[c]

    @staticmethod
    def _topo(succ: list[dict[int, float]], nv: int) -> list[int] | None:
        indeg = [0] * nv
        for s in succ:
            for v in s:
                indeg[v] += 1
        heap = [v for v in range(nv) if indeg[v] == 0]
        heapq.heapify(heap)
        out: list[int] = []
        while heap:
            u = heapq.heappop(heap)
            out.append(u)
            for v in succ[u]:
                indeg[v] -= 1
                if indeg[v] == 0:
                    heapq.heappush(heap, v)
        return out if len(out) == nv else None

    # ------------------------------------------------------- rank coordinates
    def _rank_positions(self) -> None:
        """Stack the layers, leaving room for cluster padding, titles and labels."""
        nc = len(self.c_ids)
        k_n = self.n_layers
        thick = [0.0] * k_n
        for it in range(len(self.i_cross)):
            k = self.i_layer[it]
            thick[k] = max(thick[k], self.i_rank[it])
        start_pad = [CLUSTER_PAD] * nc
        end_pad = [CLUSTER_PAD] * nc
        for c in range(nc):
            if self.vertical:
                if self.direction == "TB":
                    start_pad[c] += self.c_title_h[c]
                else:
                    end_pad[c] += self.c_title_h[c]
        # Labels on edges whose middle falls between two layers widen that gap.
        label_need = [0.0] * max(0, k_n)
        for ei, e in enumerate(self.edges):
            de = self.dag_edge(ei)
            if de is None or not (e.label_width or e.label_height):
                continue
            span = self.layer[de[1]] - self.layer[de[0]]
            if span % 2 == 1:
                g = self.layer[de[0]] + span // 2
                _, rank_size = self._cross(e.label_width, e.label_height)
                label_need[g] = max(label_need[g], rank_size + 2 * LABEL_MARGIN)
        if not self.vertical:
            # LR/RL titles run along the rank axis: widen the pads to fit.
            base = self._stack(thick, [0.0] * k_n, [0.0] * k_n, label_need)
            for c in range(nc):
                if self.c_hi[c] < 0:
                    continue
                extent = base[self.c_hi[c]] + thick[self.c_hi[c]] - base[self.c_lo[c]]
                short = self.c_title_w[c] - extent
                if short > 0:
                    start_pad[c] += short / 2
                    end_pad[c] += short / 2
        cum_start = [0.0] * nc
        cum_end = [0.0] * nc
        for c in sorted(range(nc), key=lambda c: (-len(self.c_path[c]), c)):
            cum_start[c] += start_pad[c]
            cum_end[c] += end_pad[c]
            p = self.c_parent[c]
            if p >= 0:
                if self.c_lo[p] == self.c_lo[c]:
                    cum_start[p] = max(cum_start[p], cum_start[c])
                if self.c_hi[p] == self.c_hi[c]:
                    cum_end[p] = max(cum_end[p], cum_end[c])
        need_start = [0.0] * k_n
        need_end = [0.0] * k_n
        for c in range(nc):
            if self.c_hi[c] < 0:
                continue
            need_start[self.c_lo[c]] = max(need_start[self.c_lo[c]], cum_start[c])
            need_end[self.c_hi[c]] = max(need_end[self.c_hi[c]], cum_end[c])
        self.top = self._stack(thick, need_start, need_end, label_need)
        self.thick = thick
        self.cum_start, self.cum_end = cum_start, cum_end

    def _stack(
        self,
        thick: list[float],
        need_start: list[float],
        need_end: list[float],
        label_need: list[float],
    ) -> list[float]:
        top = [0.0] * len(thick)
        y = float(math.ceil(need_start[0])) if thick else 0.0
        for k in range(len(thick)):
            if k:
                gap = max(self.rank_sep, label_need[k - 1])
                y += math.ceil(gap + need_end[k - 1] + need_start[k])
            top[k] = y
            y += thick[k]
        return top

    # ----------------------------------------------------------------- output
    def _real(self, p: Vec) -> Vec:
        d = self.direction
        if d == "TB":
            return p
        if d == "BT":
            return Vec(p.x, -p.y)
        if d == "LR":
            return Vec(p.y, p.x)
        return Vec(-p.y, p.x)

    def _real_box(self, x0: float, y0: float, x1: float, y1: float) -> Box:
        a = self._real(Vec(x0, y0))
        b = self._real(Vec(x1, y1))
        return Box(min(a.x, b.x), min(a.y, b.y), abs(a.x - b.x), abs(a.y - b.y))

    def _real_anchor(self, fx: float, fy: float) -> Vec:
        d = self.direction
        if d == "TB":
            return Vec(fx, fy)
        if d == "BT":
            return Vec(fx, 1 - fy)
        if d == "LR":
            return Vec(fy, fx)
        return Vec(1 - fy, fx)

    def _port(self, fx: float, fy: float) -> str | None:
        names = _PORTS[self.direction]
        if abs(fx - 0.5) < _EPS and fy in (0.0, 1.0):
            return names[0] if fy == 0.0 else names[1]
        if abs(fy - 0.5) < _EPS and fx in (0.0, 1.0):
            return names[2] if fx == 0.0 else names[3]
        return None

    def _centre(self, it: int) -> Vec:
        k = self.i_layer[it]
        return Vec(self.x[it], self.top[k] + self.thick[k] / 2)

    def _attach(self, it: int, fx: float, fy: float) -> Vec:
        c = self._centre(it)
        return Vec(
            c.x + (fx - 0.5) * self.i_cross[it], c.y + (fy - 0.5) * self.i_rank[it]
        )

    def _plan(self, ei: int) -> tuple[list[Vec], list[int], int, int] | None:
        """Return an edge's layer points (DAG direction), the item above each
        segment, and its upper and lower end items; None for loops and skips."""
        ends = self.e_ends[ei]
        if ends is None or not self.edges[ei].routed or ends[0] == ends[1]:
            return None
        s, t = ends
        items = self.chain[ei]
        a, b = (t, s) if ei in self.reversed else (s, t)
        f = self.frac[ei]
        pts: list[Vec] = [self._attach(a, f, 1.0)]
        if items is not None:
            pts.extend(self._centre(d) for d in items[1:-1])
        pts.append(self._attach(b, f, 0.0))
        uppers = items[:-1] if items is not None else [a]
        return pts, uppers, a, b

    def _tracks(self) -> dict[tuple[int, int], float]:
        """Give each item with a sideways jog into the next layer its own track.

        Jogs from different items in one gap would otherwise share the gap's
        middle line and merge. Rightward jogs turn in order of decreasing x
        and leftward ones of increasing x, which keeps them from crossing.
        """
        jogs: dict[int, dict[int, tuple[float, float]]] = {}
        for ei in range(len(self.edges)):
            plan = self._plan(ei)
            if plan is None:
                continue
            pts, uppers, a, _ = plan
            k0 = self.i_layer[a]
            for i, (p, q) in enumerate(itertools.pairwise(pts)):
                if abs(p.x - q.x) > _EPS:
                    k = min(k0 + i, self.n_layers - 2)
                    u = uppers[min(i, len(uppers) - 1)]
                    x0, dx = jogs.setdefault(k, {}).get(u, (p.x, 0.0))
                    jogs[k][u] = (x0, dx + q.x - p.x)
        tracks: dict[tuple[int, int], float] = {}
        for k, by_item in jogs.items():
            right = sorted(
                (u for u in by_item if by_item[u][1] >= 0),
                key=lambda u: (-by_item[u][0], u),
            )
            left = sorted(
                (u for u in by_item if by_item[u][1] < 0),
                key=lambda u: (by_item[u][0], u),
            )
            order = right + left
            bottom = self.top[k] + self.thick[k]
            nxt = self.top[k + 1]
            stub = min(20.0, (nxt - bottom) / 3)
            lo_y, hi_y = bottom + stub, nxt - stub
            for j, u in enumerate(order):
                y = lo_y + (j + 1) * (hi_y - lo_y) / (len(order) + 1)
                tracks[(k, u)] = round(y * 2) / 2
        return tracks

    def _route(self, ei: int, tracks: dict[tuple[int, int], float]) -> EdgeRoute | None:
        ends = self.e_ends[ei]
        if ends is None or not self.edges[ei].routed:
            return None
        if ends[0] == ends[1]:
            return self._loop(ends[0])
        plan = self._plan(ei)
        assert plan is not None
        pts, uppers, a, _ = plan
        back = ei in self.reversed
        f = self.frac[ei]
        bends: list[Vec] = [pts[0]]
        k0 = self.i_layer[a]
        for i, (p, q) in enumerate(itertools.pairwise(pts)):
            if abs(p.x - q.x) > _EPS:
                k = min(k0 + i, self.n_layers - 2)
                u = uppers[min(i, len(uppers) - 1)]
                y = tracks.get(
                    (k, u), (self.top[k] + self.thick[k] + self.top[k + 1]) / 2
                )
                bends.append(Vec(p.x, y))
                bends.append(Vec(q.x, y))
            bends.append(q)
        inner = tuple(self._real(p) for p in bends[1:-1])
        inner = _drop_collinear(inner)
        src = (f, 1.0)
        tgt = (f, 0.0)
        if back:
            inner = tuple(reversed(inner))
            src, tgt = (f, 0.0), (f, 1.0)
        sa, ta = self._real_anchor(*src), self._real_anchor(*tgt)
        return EdgeRoute(
            source_anchor=sa,
            target_anchor=ta,
            source_port=self._port(*src),
            target_port=self._port(*tgt),
            waypoints=inner,
        )

    def _loop(self, it: int) -> EdgeRoute:
        c = self._centre(it)
        hw, hh = self.i_cross[it] / 2, self.i_rank[it] / 2
        reach = min(LOOP_REACH, self.rank_sep / 2)
        pts = (
            Vec(c.x + hw + LOOP_REACH, c.y),
            Vec(c.x + hw + LOOP_REACH, c.y - hh - reach),
            Vec(c.x + hw * 0.5, c.y - hh - reach),
        )
        src, tgt = (1.0, 0.5), (_BACK_FRACTION, 0.0)
        return EdgeRoute(
            source_anchor=self._real_anchor(*src),
            target_anchor=self._real_anchor(*tgt),
            source_port=self._port(*src),
            target_port=self._port(*tgt),
            waypoints=tuple(self._real(p) for p in pts),
        )

    def _result(self) -> Layout:
        m = len(self.i_cross)
        boxes: dict[str, Box] = {}
        for nd in self.nodes:
            it = self.n_index[nd.id]
            if nd.id in boxes:
                continue
            c = self._centre(it)
            hw, hh = self.i_cross[it] / 2, self.i_rank[it] / 2
            boxes[nd.id] = self._real_box(c.x - hw, c.y - hh, c.x + hw, c.y + hh)
        cboxes: dict[str, Box] = {}
        for ci, cid in enumerate(self.c_ids):
            if self.c_hi[ci] < 0:
                continue
            x0, x1 = self.x[m + 2 * ci], self.x[m + 2 * ci + 1]
            y0 = self.top[self.c_lo[ci]] - self.cum_start[ci]
            y1 = self.top[self.c_hi[ci]] + self.thick[self.c_hi[ci]] + self.cum_end[ci]
            cboxes[cid] = self._real_box(x0, y0, x1, y1)
        tracks = self._tracks()
        routes = [self._route(ei, tracks) for ei in range(len(self.edges))]
        allb = list(boxes.values()) + list(cboxes.values())
        pts = [p for r in routes if r is not None for p in r.waypoints]
        if not allb and not pts:
            return Layout({}, {}, tuple(routes), 0.0, 0.0, 0)
        xs = [b.x for b in allb] + [p.x for p in pts]
        ys = [b.y for b in allb] + [p.y for p in pts]
        xe = [b.right for b in allb] + [p.x for p in pts]
        ye = [b.bottom for b in allb] + [p.y for p in pts]
        ox, oy = min(xs), min(ys)
        shift = Vec(-ox, -oy)
        boxes = {k: b.translated(shift) for k, b in boxes.items()}
        cboxes = {k: b.translated(shift) for k, b in cboxes.items()}
        moved = tuple(
            None
            if r is None
            else EdgeRoute(
                source_anchor=r.source_anchor,
                target_anchor=r.target_anchor,
                source_port=r.source_port,
                target_port=r.target_port,
                waypoints=tuple(p + shift for p in r.waypoints),
            )
            for r in routes
        )
        return Layout(
            boxes=boxes,
            clusters=cboxes,
            routes=moved,
            width=max(xe) - ox,
            height=max(ye) - oy,
            crossings=self.crossings,
        )


def _drop_collinear(points: tuple[Vec, ...]) -> tuple[Vec, ...]:
    """Remove repeated points and middle points of straight runs."""
    out: list[Vec] = []
    for p in points:
        if out and abs(out[-1].x - p.x) < _EPS and abs(out[-1].y - p.y) < _EPS:
            continue
        if len(out) >= 2:
            a, b = out[-2], out[-1]
            if (abs(a.x - b.x) < _EPS and abs(b.x - p.x) < _EPS) or (
                abs(a.y - b.y) < _EPS and abs(b.y - p.y) < _EPS
            ):
                out[-1] = p
                continue
        out.append(p)
    return tuple(out)


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
    return _Layered(nodes, edges, clusters, direction, rank_sep, node_sep).run()


# --------------------------------------------------------- fitting onto a page
def _element_points(rec: Shape | Connector | Group) -> list[Vec]:
    if isinstance(rec, Shape):
        b = rec.box
        corners = [Vec(b.x, b.y), Vec(b.right, b.y), Vec(b.right, b.bottom)]
        corners.append(Vec(b.x, b.bottom))
        return [rotate_about(p, b.center, rec.rotation_deg) for p in corners]
    if isinstance(rec, Connector):
        pts = list(rec.waypoints)
        pts.extend(e.point for e in (rec.source, rec.target) if isinstance(e, Free))
        return pts
    return []


def fit_to_page(
    records: dict[str, Record],
    page_id: str,
    *,
    margin: float = 40.0,
    always_shift: bool = False,
) -> None:
    """Move a page's drawing onto the page and grow the page to hold it.

    Foreign canvases are unbounded (Excalidraw) or allow negative positions
    (Gliffy); Linework pages start at (0, 0). The drawing moves so its top-left
    sits ``margin`` inside the page when ``always_shift`` is set or when it
    pokes out to the left or top; the page grows to hold it plus the margin.
    Changes ``records`` in place; every number stays rounded like the file.
    """
    page = records[page_id]
    if not isinstance(page, Page):
        raise KeyError(page_id)
    pts = [
        p
        for r in records.values()
        if isinstance(r, Shape | Connector | Group) and r.page == page_id
        for p in _element_points(r)
    ]
    if not pts:
        return
    lo_x, lo_y = min(p.x for p in pts), min(p.y for p in pts)
    dx = margin - lo_x if always_shift or lo_x < 0 else 0.0
    dy = margin - lo_y if always_shift or lo_y < 0 else 0.0
    d = Vec(rounded(dx), rounded(dy))
    # Every coordinate is also clamped to what the .linework reader accepts, so
    # a hostile file with far-apart points still yields a valid document.
    for rid, r in list(records.items()):
        if isinstance(r, Shape) and r.page == page_id:
            box = _round_box(r.box.translated(d))
            if box != r.box:
                records[rid] = replace(r, box=box)
        elif isinstance(r, Connector) and r.page == page_id:
            moved = replace(
                r,
                source=_moved_end(r.source, d),
                target=_moved_end(r.target, d),
                waypoints=tuple(_round_vec(w + d) for w in r.waypoints),
            )
            if moved != r:
                records[rid] = moved
    hi_x = max(p.x for p in pts) + d.x
    hi_y = max(p.y for p in pts) + d.y
    records[page_id] = replace(
        page,
        width=rounded(min(MAX_PAGE, max(page.width, hi_x + margin))),
        height=rounded(min(MAX_PAGE, max(page.height, hi_y + margin))),
    )


MAX_PAGE: Final = 1_000_000.0


def _moved_end(end: End, d: Vec) -> End:
    return Free(point=_round_vec(end.point + d)) if isinstance(end, Free) else end


def _clamp(x: float) -> float:
    return rounded(min(limits.MAX_COORD, max(-limits.MAX_COORD, x)))


def _round_vec(v: Vec) -> Vec:
    return Vec(_clamp(v.x), _clamp(v.y))


def _round_box(b: Box) -> Box:
    return Box(_clamp(b.x), _clamp(b.y), max(1.0, _clamp(b.w)), max(1.0, _clamp(b.h)))


def renumber_z(records: dict[str, Record]) -> None:
    """Give each page's elements z = 0, 1, 2… in paint order (layer, z, id).

    The ``.linework`` reader numbers elements by their position in the file,
    so sequential z makes ``decode(encode(doc)) == doc`` hold for imports.
    """
    layer_rank = {
        r.id: (r.page, r.z, r.id) for r in records.values() if isinstance(r, Layer)
    }
    by_page: dict[str, list[Shape | Connector | Group]] = {}
    for r in records.values():
        if isinstance(r, Shape | Connector | Group):
            by_page.setdefault(r.page, []).append(r)
    for elements in by_page.values():
        elements.sort(
            key=lambda e: (layer_rank.get(e.layer, ("", 1 << 30, "")), e.z, e.id)
        )
        for i, e in enumerate(elements):
            if e.z != i:
                records[e.id] = replace(e, z=i)
