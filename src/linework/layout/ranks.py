"""Steps 1-3: break cycles, assign layers, split long edges with dummies."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from linework.layout.records import (
    BACK_FRACTION,
    DUMMY,
    HOLDER,
    MAX_DUMMIES,
    MAX_HOLDERS,
    even,
)

if TYPE_CHECKING:
    from linework.layout.graph import Layered


def find_back_edges(
    st: Layered, out_adj: list[list[tuple[int, int]]], indeg: list[int]
) -> set[int]:
    """Return the edges a DFS (explicit stack, input order) finds going back."""
    n = st.n_nodes
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


def assign_layers(st: Layered) -> list[int]:
    """Longest-path layering (Kahn order), then sources moved next to targets."""
    n = st.n_nodes
    succ: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    indeg = [0] * n
    for ei, e in enumerate(st.edges):
        de = st.dag_edge(ei)
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
def _lca(st: Layered, a: int, b: int) -> int:
    pa, pb = st.path(a), st.path(b)
    best = -1
    for x, y in zip(pa, pb, strict=False):
        if x != y:
            break
        best = x
    return best


def _node_spans(st: Layered) -> tuple[list[int], list[int]]:
    """Return each cluster's first and last layer, from its nodes alone."""
    nc = len(st.c_ids)
    lo, hi = [1 << 30] * nc, [-1] * nc
    for it in range(st.n_nodes):
        k = st.layer[it]
        for c in st.path(it):
            lo[c] = min(lo[c], k)
            hi[c] = max(hi[c], k)
    return lo, hi


def _dummy_cluster(
    st: Layered, k: int, lca: int, out_of: tuple[int, ...], into: tuple[int, ...]
) -> int:
    """Return the cluster a dummy on layer ``k`` belongs to.

    An edge stays inside the clusters it leaves while they still span the
    layer and is inside the clusters it enters once they do (as dagre
    does), so it crosses a box border once instead of going around the box.
    """
    lo, hi = st.span_lo, st.span_hi
    leaving = next((c for c in reversed(out_of) if lo[c] <= k <= hi[c]), -1)
    entering = next((c for c in reversed(into) if lo[c] <= k <= hi[c]), -1)
    if leaving >= 0 and entering >= 0:
        # Both still span this layer: take the deeper one.
        return (
            leaving if len(st.c_path[leaving]) >= len(st.c_path[entering]) else entering
        )
    return leaving if leaving >= 0 else entering if entering >= 0 else lca


def add_dummies(st: Layered) -> None:
    """Split every DAG edge spanning several layers into a chain of items."""
    st.i_layer = list(st.layer)
    st.span_lo, st.span_hi = _node_spans(st)
    st.up = [[] for _ in range(st.n_nodes)]
    st.down = [[] for _ in range(st.n_nodes)]
    st.chain = []
    budget = MAX_DUMMIES
    for ei, e in enumerate(st.edges):
        de = st.dag_edge(ei)
        if de is None:
            st.chain.append(None)
            continue
        a, b = de
        span = st.layer[b] - st.layer[a]
        if span - 1 > budget:
            st.chain.append(None)
            continue
        budget -= span - 1
        cl = _lca(st, a, b)
        depth = len(st.c_path[cl]) if cl >= 0 else 0
        out_of = st.path(a)[depth:]  # clusters the edge leaves, outermost first
        into = st.path(b)[depth:]  # clusters it enters
        items = [a]
        mid = st.layer[a] + span // 2 if span % 2 == 0 else -1
        for k in range(st.layer[a] + 1, st.layer[b]):
            cw, rh = 0.0, 0.0
            if k == mid and (e.label_width or e.label_height):
                cw, rh = st.cross(even(e.label_width), even(e.label_height))
            d = st.add(cw, rh, DUMMY, _dummy_cluster(st, k, cl, out_of, into))
            st.i_layer.append(k)
            st.up.append([])
            st.down.append([])
            items.append(d)
        items.append(b)
        for u, v in itertools.pairwise(items):
            st.down[u].append(v)
            st.up[v].append(u)
        st.chain.append(items)


def add_holders(st: Layered) -> None:
    """Give a cluster an empty item on each layer of its span it has no item on.

    The holders carry the cluster's borders through those layers, so
    nothing else can be placed inside its box there.
    """
    st.n_layers = max(st.i_layer, default=-1) + 1
    nc = len(st.c_ids)
    lo = [st.n_layers] * nc
    hi = [-1] * nc
    present: set[tuple[int, int]] = set()
    for it in range(len(st.i_cross)):
        k = st.i_layer[it]
        for c in st.path(it):
            lo[c] = min(lo[c], k)
            hi[c] = max(hi[c], k)
            present.add((c, k))
    st.c_lo, st.c_hi = lo, hi
    order = sorted(range(nc), key=lambda c: (-len(st.c_path[c]), c))
    budget = MAX_HOLDERS
    for c in order:
        for k in range(lo[c], hi[c] + 1):
            if (c, k) not in present and budget > 0:
                budget -= 1
                st.add(0.0, 0.0, HOLDER, c)
                st.i_layer.append(k)
                st.up.append([])
                st.down.append([])
                for a in st.c_path[c]:
                    present.add((a, k))


def edge_fractions(st: Layered) -> list[float]:
    """Return where each edge meets its boxes across the layer (0..1).

    Parallel edges between the same two items fan out a little; back edges
    use a side fraction so they do not run over the forward edge.
    """
    seen: dict[tuple[int, int], int] = {}
    out: list[float] = []
    spread = (0.0, -0.2, 0.2, -0.35, 0.35)
    for ei in range(len(st.edges)):
        de = st.dag_edge(ei)
        if de is None:
            out.append(0.5)
        elif ei in st.reversed:
            out.append(BACK_FRACTION)
        else:
            n = seen.get(de, 0)
            seen[de] = n + 1
            out.append(0.5 + spread[n % len(spread)])
    return out
