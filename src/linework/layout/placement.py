"""Step 5-6: coordinates across a layer and along the ranks.

Across: isotonic regression towards the neighbours' mean, cluster borders
settled by a longest-path pass over separation constraints, long edges
straightened. Along: layers stacked with room for labels and tracks.
"""

from __future__ import annotations

import heapq
import itertools
import math
from typing import TYPE_CHECKING

from linework.layout.records import CLUSTER_PAD, DUMMY, LABEL_MARGIN, NODE

if TYPE_CHECKING:
    from linework.layout.graph import Layered


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


# ------------------------------------------------------ cross coordinates
def _pads(st: Layered) -> tuple[list[float], list[float]]:
    """Return each cluster's inner padding on the low and high cross side."""
    lo = [CLUSTER_PAD] * len(st.c_ids)
    hi = [CLUSTER_PAD] * len(st.c_ids)
    if not st.vertical:
        # LR/RL: the title sits at the real top, which is the low cross side.
        for c in range(len(st.c_ids)):
            lo[c] += st.c_title_h[c]
    return lo, hi


def _tokens(st: Layered, lay: list[int]) -> list[int]:
    """Return the layer as variables: items, and cluster borders around them.

    Variable numbers: items as themselves, cluster c's low border as
    ``m + 2c`` and its high border as ``m + 2c + 1``.
    """
    m = len(st.i_cross)
    out: list[int] = []
    prev: tuple[int, ...] = ()
    for v in lay:
        p = st.path(v)
        c = 0
        while c < len(prev) and c < len(p) and prev[c] == p[c]:
            c += 1
        out.extend(m + 2 * cl + 1 for cl in reversed(prev[c:]))
        out.extend(m + 2 * cl for cl in p[c:])
        out.append(v)
        prev = p
    out.extend(m + 2 * cl + 1 for cl in reversed(prev))
    return out


def _sep(st: Layered, a: int, b: int, lo: list[float], hi: list[float]) -> float:
    """Return the least distance from variable a to the next variable b."""
    m = len(st.i_cross)
    if a < m and b < m:
        gap = st.node_sep
        if st.i_kind[a] != NODE or st.i_kind[b] != NODE:
            gap = st.node_sep / 2
        return st.i_cross[a] / 2 + st.i_extra[a] + gap + st.i_cross[b] / 2
    if a < m:  # item then border
        c, high = divmod(b - m, 2)
        half = st.i_cross[a] / 2 + st.i_extra[a]
        return half + (hi[c] if high else st.node_sep)
    if b < m:  # border then item
        c, high = divmod(a - m, 2)
        return (st.node_sep if high else lo[c]) + st.i_cross[b] / 2
    ca, ha = divmod(a - m, 2)
    cb, hb = divmod(b - m, 2)
    if ha and hb:  # closing nested: inner high then outer high
        return hi[cb]
    if not ha and not hb:  # opening nested
        return lo[ca]
    if ha and not hb:  # sibling clusters
        return st.node_sep
    return lo[ca] + hi[cb]  # empty cluster (not produced: holders fill it)


def place_across(st: Layered) -> None:
    lo, hi = _pads(st)
    m = len(st.i_cross)
    nv = m + 2 * len(st.c_ids)
    tokens = [_tokens(st, lay) for lay in st.layers]
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
            acc += _sep(st, a, b, lo, hi)
            if b < m and started:
                g.append(acc)
        gaps.append(g)
    x = [0.0] * m
    for lay, g in zip(st.layers, gaps, strict=True):
        cur = 0.0
        for i, v in enumerate(lay):
            if i:
                cur += g[i - 1]
            x[v] = cur
        shift = cur / 2
        for v in lay:
            x[v] -= shift
    order = list(range(st.n_layers))
    refs: tuple[list[list[int]], ...]
    for it in range(10):
        if it % 3 == 0:
            seq, refs = order[1:], (st.up,)
        elif it % 3 == 1:
            seq, refs = order[-2::-1], (st.down,)
        else:
            seq, refs = order, (st.up, st.down)
        for k in seq:
            lay = st.layers[k]
            if not lay:
                continue
            desired: list[float] = []
            weights: list[float] = []
            g = gaps[k]
            for i, v in enumerate(lay):
                nb = [u for r in refs for u in r[v]]
                if nb:
                    desired.append(sum(x[u] for u in nb) / len(nb))
                    weights.append(2.0 if st.i_kind[v] == DUMMY else 1.0)
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
            w = _sep(st, a, b, lo, hi)
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
                    acc += _sep(st, toks[j - 1], toks[j], lo, hi)
                    j -= 1
                guess = x[toks[j]] + acc
                want[t] = max(want[t], guess) if have[t] else guess
            else:
                j, acc = i, 0.0
                while toks[j] >= m:
                    acc += _sep(st, toks[j], toks[j + 1], lo, hi)
                    j += 1
                guess = x[toks[j]] - acc
                want[t] = min(want[t], guess) if have[t] else guess
            have[t] = True
    if st.vertical:
        for c in range(len(st.c_ids)):
            need = st.c_title_w[c] + lo[c] + hi[c]
            a, b = m + 2 * c, m + 2 * c + 1
            if need > succ[a].get(b, 0.0):
                succ[a][b] = need
    topo = _topo(succ, nv)
    if topo is None:  # cannot happen with consistent orders; stay safe
        st.x = [float(round(v)) for v in x] + [0.0] * (nv - m)
        _border_from_items(st, lo, hi)
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
    st.x = [float(round((a + b) / 2)) for a, b in zip(fwd, bwd, strict=True)]
    _straighten(st, tokens, lo, hi)


def _straighten(
    st: Layered, tokens: list[list[int]], lo: list[float], hi: list[float]
) -> None:
    """Line up each long edge's dummies on one x where their neighbours allow.

    Averaging leaves chains wavy; a straight run reads far better. Only
    dummies move, and only within the room their layer neighbours leave,
    so nothing can overlap. The x of an end's attach point is preferred,
    so the edge also leaves or enters its box without a jog.
    """
    m = len(st.i_cross)
    where: dict[int, tuple[int, int]] = {}
    for k, toks in enumerate(tokens):
        for i, t in enumerate(toks):
            if t < m and st.i_kind[t] == DUMMY:
                where[t] = (k, i)
    for ei, items in enumerate(st.chain):
        if items is None or len(items) < 3:
            continue
        low, high = -math.inf, math.inf
        for d in items[1:-1]:
            k, i = where[d]
            toks = tokens[k]
            if i > 0:
                left = toks[i - 1]
                low = max(low, st.x[left] + _sep(st, left, d, lo, hi))
            if i + 1 < len(toks):
                right = toks[i + 1]
                high = min(high, st.x[right] - _sep(st, d, right, lo, hi))
        if low > high:
            continue
        f = st.frac[ei]
        a, b = items[0], items[-1]
        mids = sorted(st.x[d] for d in items[1:-1])
        candidates = (
            st.x[a] + (f - 0.5) * st.i_cross[a],
            st.x[b] + (f - 0.5) * st.i_cross[b],
            float(round(mids[len(mids) // 2])),
        )
        pick = next((c for c in candidates if low <= c <= high), None)
        if pick is None:
            pick = float(math.ceil(low)) if candidates[2] < low else math.floor(high)
            if not low <= pick <= high:
                continue
        for d in items[1:-1]:
            st.x[d] = pick


def _border_from_items(st: Layered, lo: list[float], hi: list[float]) -> None:
    m = len(st.i_cross)
    for c in range(len(st.c_ids)):
        xs = [
            (st.x[v] - st.i_cross[v] / 2, st.x[v] + st.i_cross[v] / 2)
            for v in range(m)
            if c in st.path(v)
        ]
        st.x[m + 2 * c] = min(a for a, _ in xs) - lo[c]
        st.x[m + 2 * c + 1] = max(b for _, b in xs) + hi[c]


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
def place_ranks(st: Layered) -> None:
    """Stack the layers, leaving room for cluster padding, titles and labels."""
    nc = len(st.c_ids)
    k_n = st.n_layers
    thick = [0.0] * k_n
    for it in range(len(st.i_cross)):
        k = st.i_layer[it]
        thick[k] = max(thick[k], st.i_rank[it])
    start_pad = [CLUSTER_PAD] * nc
    end_pad = [CLUSTER_PAD] * nc
    for c in range(nc):
        if st.vertical:
            if st.direction == "TB":
                start_pad[c] += st.c_title_h[c]
            else:
                end_pad[c] += st.c_title_h[c]
    # Labels on edges whose middle falls between two layers widen that gap.
    label_need = [0.0] * max(0, k_n)
    for ei, e in enumerate(st.edges):
        de = st.dag_edge(ei)
        if de is None or not (e.label_width or e.label_height):
            continue
        span = st.layer[de[1]] - st.layer[de[0]]
        if span % 2 == 1:
            g = st.layer[de[0]] + span // 2
            _, rank_size = st.cross(e.label_width, e.label_height)
            label_need[g] = max(label_need[g], rank_size + 2 * LABEL_MARGIN)
    if not st.vertical:
        # LR/RL titles run along the rank axis: widen the pads to fit.
        base = _stack(st, thick, [0.0] * k_n, [0.0] * k_n, label_need)
        for c in range(nc):
            if st.c_hi[c] < 0:
                continue
            extent = base[st.c_hi[c]] + thick[st.c_hi[c]] - base[st.c_lo[c]]
            short = st.c_title_w[c] - extent
            if short > 0:
                start_pad[c] += short / 2
                end_pad[c] += short / 2
    cum_start = [0.0] * nc
    cum_end = [0.0] * nc
    for c in sorted(range(nc), key=lambda c: (-len(st.c_path[c]), c)):
        cum_start[c] += start_pad[c]
        cum_end[c] += end_pad[c]
        p = st.c_parent[c]
        if p >= 0:
            if st.c_lo[p] == st.c_lo[c]:
                cum_start[p] = max(cum_start[p], cum_start[c])
            if st.c_hi[p] == st.c_hi[c]:
                cum_end[p] = max(cum_end[p], cum_end[c])
    need_start = [0.0] * k_n
    need_end = [0.0] * k_n
    for c in range(nc):
        if st.c_hi[c] < 0:
            continue
        need_start[st.c_lo[c]] = max(need_start[st.c_lo[c]], cum_start[c])
        need_end[st.c_hi[c]] = max(need_end[st.c_hi[c]], cum_end[c])
    st.top = _stack(st, thick, need_start, need_end, label_need)
    st.thick = thick
    st.cum_start, st.cum_end = cum_start, cum_end


def _stack(
    st: Layered,
    thick: list[float],
    need_start: list[float],
    need_end: list[float],
    label_need: list[float],
) -> list[float]:
    top = [0.0] * len(thick)
    y = float(math.ceil(need_start[0])) if thick else 0.0
    for k in range(len(thick)):
        if k:
            gap = max(st.rank_sep, label_need[k - 1])
            y += math.ceil(gap + need_end[k - 1] + need_start[k])
        top[k] = y
        y += thick[k]
    return top
