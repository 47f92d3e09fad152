"""Step 6: boxes and orthogonal edge routes in the requested direction.

Each sideways jog gets its own track in the gap between layers; everything
is rotated from TB space to BT, LR or RL at the end.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from linework.geometry import Box, Vec
from linework.layout.records import (
    BACK_FRACTION,
    EPS,
    LOOP_REACH,
    PORTS,
    EdgeRoute,
    Layout,
)

if TYPE_CHECKING:
    from linework.layout.graph import Layered


def _drop_collinear(points: tuple[Vec, ...]) -> tuple[Vec, ...]:
    """Remove repeated points and middle points of straight runs."""
    out: list[Vec] = []
    for p in points:
        if out and abs(out[-1].x - p.x) < EPS and abs(out[-1].y - p.y) < EPS:
            continue
        if len(out) >= 2:
            a, b = out[-2], out[-1]
            if (abs(a.x - b.x) < EPS and abs(b.x - p.x) < EPS) or (
                abs(a.y - b.y) < EPS and abs(b.y - p.y) < EPS
            ):
                out[-1] = p
                continue
        out.append(p)
    return tuple(out)


# ----------------------------------------------------------------- output
def _real(st: Layered, p: Vec) -> Vec:
    d = st.direction
    if d == "TB":
        return p
    if d == "BT":
        return Vec(p.x, -p.y)
    if d == "LR":
        return Vec(p.y, p.x)
    return Vec(-p.y, p.x)


def _real_box(st: Layered, x0: float, y0: float, x1: float, y1: float) -> Box:
    a = _real(st, Vec(x0, y0))
    b = _real(st, Vec(x1, y1))
    return Box(min(a.x, b.x), min(a.y, b.y), abs(a.x - b.x), abs(a.y - b.y))


def _real_anchor(st: Layered, fx: float, fy: float) -> Vec:
    d = st.direction
    if d == "TB":
        return Vec(fx, fy)
    if d == "BT":
        return Vec(fx, 1 - fy)
    if d == "LR":
        return Vec(fy, fx)
    return Vec(1 - fy, fx)


def _port(st: Layered, fx: float, fy: float) -> str | None:
    names = PORTS[st.direction]
    if abs(fx - 0.5) < EPS and fy in (0.0, 1.0):
        return names[0] if fy == 0.0 else names[1]
    if abs(fy - 0.5) < EPS and fx in (0.0, 1.0):
        return names[2] if fx == 0.0 else names[3]
    return None


def _centre(st: Layered, it: int) -> Vec:
    k = st.i_layer[it]
    return Vec(st.x[it], st.top[k] + st.thick[k] / 2)


def _attach(st: Layered, it: int, fx: float, fy: float) -> Vec:
    c = _centre(st, it)
    return Vec(c.x + (fx - 0.5) * st.i_cross[it], c.y + (fy - 0.5) * st.i_rank[it])


def _plan(st: Layered, ei: int) -> tuple[list[Vec], list[int], int, int] | None:
    """Return an edge's layer points (DAG direction), the item above each
    segment, and its upper and lower end items; None for loops and skips."""
    ends = st.e_ends[ei]
    if ends is None or not st.edges[ei].routed or ends[0] == ends[1]:
        return None
    s, t = ends
    items = st.chain[ei]
    a, b = (t, s) if ei in st.reversed else (s, t)
    f = st.frac[ei]
    pts: list[Vec] = [_attach(st, a, f, 1.0)]
    if items is not None:
        pts.extend(_centre(st, d) for d in items[1:-1])
    pts.append(_attach(st, b, f, 0.0))
    uppers = items[:-1] if items is not None else [a]
    return pts, uppers, a, b


def _tracks(st: Layered) -> dict[tuple[int, int], float]:
    """Give each item with a sideways jog into the next layer its own track.

    Jogs from different items in one gap would otherwise share the gap's
    middle line and merge. Rightward jogs turn in order of decreasing x
    and leftward ones of increasing x, which keeps them from crossing.
    """
    jogs: dict[int, dict[int, tuple[float, float]]] = {}
    for ei in range(len(st.edges)):
        plan = _plan(st, ei)
        if plan is None:
            continue
        pts, uppers, a, _ = plan
        k0 = st.i_layer[a]
        for i, (p, q) in enumerate(itertools.pairwise(pts)):
            if abs(p.x - q.x) > EPS:
                k = min(k0 + i, st.n_layers - 2)
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
        bottom = st.top[k] + st.thick[k]
        nxt = st.top[k + 1]
        stub = min(20.0, (nxt - bottom) / 3)
        lo_y, hi_y = bottom + stub, nxt - stub
        for j, u in enumerate(order):
            y = lo_y + (j + 1) * (hi_y - lo_y) / (len(order) + 1)
            tracks[(k, u)] = round(y * 2) / 2
    return tracks


def _route(
    st: Layered, ei: int, tracks: dict[tuple[int, int], float]
) -> EdgeRoute | None:
    ends = st.e_ends[ei]
    if ends is None or not st.edges[ei].routed:
        return None
    if ends[0] == ends[1]:
        return _loop(st, ends[0])
    plan = _plan(st, ei)
    assert plan is not None
    pts, uppers, a, _ = plan
    back = ei in st.reversed
    f = st.frac[ei]
    bends: list[Vec] = [pts[0]]
    k0 = st.i_layer[a]
    for i, (p, q) in enumerate(itertools.pairwise(pts)):
        if abs(p.x - q.x) > EPS:
            k = min(k0 + i, st.n_layers - 2)
            u = uppers[min(i, len(uppers) - 1)]
            y = tracks.get((k, u), (st.top[k] + st.thick[k] + st.top[k + 1]) / 2)
            bends.append(Vec(p.x, y))
            bends.append(Vec(q.x, y))
        bends.append(q)
    inner = tuple(_real(st, p) for p in bends[1:-1])
    inner = _drop_collinear(inner)
    src = (f, 1.0)
    tgt = (f, 0.0)
    if back:
        inner = tuple(reversed(inner))
        src, tgt = (f, 0.0), (f, 1.0)
    sa, ta = _real_anchor(st, *src), _real_anchor(st, *tgt)
    return EdgeRoute(
        source_anchor=sa,
        target_anchor=ta,
        source_port=_port(st, *src),
        target_port=_port(st, *tgt),
        waypoints=inner,
    )


def _loop(st: Layered, it: int) -> EdgeRoute:
    c = _centre(st, it)
    hw, hh = st.i_cross[it] / 2, st.i_rank[it] / 2
    reach = min(LOOP_REACH, st.rank_sep / 2)
    pts = (
        Vec(c.x + hw + LOOP_REACH, c.y),
        Vec(c.x + hw + LOOP_REACH, c.y - hh - reach),
        Vec(c.x + hw * 0.5, c.y - hh - reach),
    )
    src, tgt = (1.0, 0.5), (BACK_FRACTION, 0.0)
    return EdgeRoute(
        source_anchor=_real_anchor(st, *src),
        target_anchor=_real_anchor(st, *tgt),
        source_port=_port(st, *src),
        target_port=_port(st, *tgt),
        waypoints=tuple(_real(st, p) for p in pts),
    )


def build_layout(st: Layered) -> Layout:
    m = len(st.i_cross)
    boxes: dict[str, Box] = {}
    for nd in st.nodes:
        it = st.n_index[nd.id]
        if nd.id in boxes:
            continue
        c = _centre(st, it)
        hw, hh = st.i_cross[it] / 2, st.i_rank[it] / 2
        boxes[nd.id] = _real_box(st, c.x - hw, c.y - hh, c.x + hw, c.y + hh)
    cboxes: dict[str, Box] = {}
    for ci, cid in enumerate(st.c_ids):
        if st.c_hi[ci] < 0:
            continue
        x0, x1 = st.x[m + 2 * ci], st.x[m + 2 * ci + 1]
        y0 = st.top[st.c_lo[ci]] - st.cum_start[ci]
        y1 = st.top[st.c_hi[ci]] + st.thick[st.c_hi[ci]] + st.cum_end[ci]
        cboxes[cid] = _real_box(st, x0, y0, x1, y1)
    tracks = _tracks(st)
    routes = [_route(st, ei, tracks) for ei in range(len(st.edges))]
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
        crossings=st.crossings,
    )
