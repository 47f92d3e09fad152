"""Step 4: order each layer with barycenter sweeps and adjacent swaps.

Clusters stay contiguous and sibling clusters keep one order on every layer;
the ordering with the fewest crossings wins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from linework.layout.records import HOLDER

if TYPE_CHECKING:
    from linework.layout.graph import Layered


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


# --------------------------------------------------------------- ordering
def order_layers(st: Layered) -> None:
    layers: list[list[int]] = [[] for _ in range(st.n_layers)]
    for it in range(len(st.i_cross)):
        layers[st.i_layer[it]].append(it)
    st.pos = [0] * len(st.i_cross)
    _set_pos(st, layers)
    ckey = _cluster_keys(st, layers)
    for k in range(st.n_layers):
        layers[k] = _sort_layer(st, layers[k], {}, ckey)
    _set_pos(st, layers)
    best = [list(x) for x in layers]
    best_c = _crossings(st, layers)
    size = len(st.i_cross)
    sweeps = 8 if size <= 2000 else 4 if size <= 8000 else 2
    for it in range(sweeps):
        if best_c == 0:
            break
        ckey = _cluster_keys(st, layers)
        downward = it % 2 == 0
        seq = range(1, st.n_layers) if downward else range(st.n_layers - 2, -1, -1)
        for k in seq:
            ref = st.up if downward else st.down
            bary: dict[int, float] = {}
            for v in layers[k]:
                nb = ref[v]
                if nb:
                    bary[v] = sum(st.pos[u] for u in nb) / len(nb)
            layers[k] = _sort_layer(st, layers[k], bary, ckey)
            for i, v in enumerate(layers[k]):
                st.pos[v] = i
        c = _crossings(st, layers)
        if c < best_c:
            best_c = c
            best = [list(x) for x in layers]
    layers = best
    _set_pos(st, layers)
    if best_c and size <= 1500:
        best_c = _transpose(st, layers, best_c)
    st.layers = layers
    st.crossings = best_c


def _set_pos(st: Layered, layers: list[list[int]]) -> None:
    for lay in layers:
        for i, v in enumerate(lay):
            st.pos[v] = i


def _cluster_keys(st: Layered, layers: list[list[int]]) -> list[float]:
    """Return each cluster's mean relative position over all its layers."""
    nc = len(st.c_ids)
    total = [0.0] * nc
    count = [0] * nc
    for lay in layers:
        n = max(1, len(lay))
        for v in lay:
            rel = (st.pos[v] + 0.5) / n
            for c in st.path(v):
                total[c] += rel
                count[c] += 1
    return [total[c] / count[c] if count[c] else 0.5 for c in range(nc)]


def _sort_layer(
    st: Layered, lay: list[int], bary: dict[int, float], ckey: list[float]
) -> list[int]:
    """Order a layer by barycenter, keeping every cluster's items together.

    Blocks are built innermost cluster first (no recursion). Within a block,
    entries sort by barycenter; the slots cluster blocks land in are then
    refilled in the global cluster order, so sibling clusters keep the same
    left-to-right order on every layer and their boxes cannot cross.
    """
    if not st.c_ids:
        return sorted(lay, key=lambda v: (bary.get(v, float(st.pos[v])), st.pos[v]))
    # entries per cluster: (key, tiebreak, is_block, payload items)
    children: dict[int, list[tuple[float, int, int, list[int]]]] = {}
    clusters_here: set[int] = set()
    for v in lay:
        p = st.path(v)
        clusters_here.update(p)
        owner = p[-1] if p else -1
        children.setdefault(owner, []).append(
            (bary.get(v, float(st.pos[v])), st.pos[v], 0, [v])
        )
    for c in sorted(clusters_here, key=lambda c: (-len(st.c_path[c]), c)):
        entries = children.pop(c, [])
        flat = _arrange(entries, ckey)
        keys = [bary.get(v, float(st.pos[v])) for v in flat]
        mean = sum(keys) / len(keys) if keys else 0.0
        parent = st.c_parent[c]
        children.setdefault(parent, []).append(
            (mean, min(st.pos[v] for v in flat) if flat else 0, 1 + c, flat)
        )
    return _arrange(children.get(-1, []), ckey)


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


def _crossings(st: Layered, layers: list[list[int]]) -> int:
    total = 0
    for k in range(len(layers) - 1):
        total += _gap_crossings(st, layers[k], layers[k + 1])
    return total


def _gap_crossings(st: Layered, top: list[int], bottom: list[int]) -> int:
    segs = sorted((st.pos[u], st.pos[v]) for u in top for v in st.down[u])
    return _inversions([b for _, b in segs], max(1, len(bottom)))


def _transpose(st: Layered, layers: list[list[int]], crossings: int) -> int:
    """Swap neighbours (same cluster path) while that removes crossings."""

    def cost(u: int, v: int) -> tuple[int, int]:
        keep = swap = 0
        for nb in (st.up, st.down):
            pu = [st.pos[a] for a in nb[u]]
            pv = [st.pos[b] for b in nb[v]]
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
                if st.path(u) != st.path(v) or HOLDER in (
                    st.i_kind[u],
                    st.i_kind[v],
                ):
                    continue
                keep, swap = cost(u, v)
                if swap < keep:
                    lay[i], lay[i + 1] = v, u
                    st.pos[u], st.pos[v] = i + 1, i
                    crossings -= keep - swap
                    improved = True
        if not improved:
            break
    return crossings
