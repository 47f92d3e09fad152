"""Orthogonal routing: perpendicular stubs, then A* over a sparse grid.

The grid is the set of candidate lines an optimal orthogonal route can use
(the inflated obstacle edges, the stub ends, the waypoints and the channels
between the shapes), as in libavoid's orthogonal visibility graph. A route
costs its length plus a penalty per bend; running along an obstacle's edge
costs a hair more, so of two equal routes the one through the middle of the
channel wins. With two end shapes the grid has about ten lines a side, so a
search visits a few hundred states: well under a millisecond.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from collections.abc import Sequence
from itertools import pairwise
from typing import Final

from linework.geometry import Box, Vec
from linework.routing._geom import EPS, simplify
from linework.routing.types import RouteEnd, RouteInput, Side

#: How far the first and last segments stick out of their shape.
MARGIN: Final = 20.0
#: What a bend costs, in page units of extra length it is worth avoiding.
BEND_COST: Final = 30.0
#: How far a route keeps from the other shapes in its way (less when the
#: ends sit closer to them than twice this).
OBSTACLE_MARGIN: Final = 12.0
#: Channel lines sit on a lattice of this step (see ``_raw_lines``).
CHANNEL_STEP: Final = 10.0
#: Extra cost per unit of length spent hugging an obstacle's edge.
_HUG: Final = 1e-3
# Headings 0..3 are east, south, west, north (clockwise on screen).
_UNIT: Final[tuple[tuple[int, int], ...]] = ((1, 0), (0, 1), (-1, 0), (0, -1))
_HEADING: Final[dict[Side, int]] = {"e": 0, "s": 1, "w": 2, "n": 3}
_NONE: Final = 4  # no heading yet: the first move bends for free


class _Rect:
    """An obstacle: a box already inflated by the margin.

    A plain slotted class rather than a frozen dataclass: several are built per
    routed connector and a frozen dataclass's ``__init__`` costs much more.
    Never mutated after construction.
    """

    __slots__ = ("bottom", "left", "right", "top")

    def __init__(self, left: float, top: float, right: float, bottom: float) -> None:
        self.left = left
        self.top = top
        self.right = right
        self.bottom = bottom

    def holds(self, x: float, y: float) -> bool:
        """Return whether (x, y) is strictly inside (edges are free to use)."""
        return self.left < x < self.right and self.top < y < self.bottom


def orthogonal(inp: RouteInput) -> tuple[Vec, ...]:
    """Route with horizontal and vertical segments only.

    Each attached end leaves perpendicular to its side for at least the
    margin, the route goes around both end shapes' bounds (unless they
    overlap, when that is impossible, or a waypoint sits inside one) and
    through every waypoint in order. It also goes round the other shapes in
    the way (``inp.obstacles``), found lazily: route round the ones the route
    so far runs into (within half the obstacle margin), and again, a few
    times; most routes run into none and cost what a route without
    obstacles does. Each round only adds obstacles, so it ends; a route
    that runs into more than MAX_AVOIDED shapes keeps its plain course.
    """
    return avoid(inp, _route(inp, ()))


def avoid(inp: RouteInput, pts: tuple[Vec, ...]) -> tuple[Vec, ...]:
    """Return the route round ``inp.obstacles``, from its plain route ``pts``.

    (:func:`orthogonal` without the obstacles; a caller that has it already
    passes it rather than routing twice.)
    """
    if not inp.obstacles:
        return pts
    active: list[Box] = []
    for _ in range(_ROUNDS):
        hit = [b for b in inp.obstacles if b not in active and _runs_into(pts, b)]
        if not hit or len(active) + len(hit) > MAX_AVOIDED:
            # Clear, or a long run through a crowd (a row of shapes end to
            # end): draw.io goes straight through those, and so do we, at
            # the cost of one route rather than a search among them all.
            return pts
        active.extend(hit)
        pts = _route(inp, tuple(active))
    return pts


#: Rounds of adding the obstacles a route runs into.
_ROUNDS: Final = 3
#: A route that would have to go round more shapes than this does not try.
MAX_AVOIDED: Final = 6


def _runs_into(points: Sequence[Vec], b: Box) -> bool:
    """Return whether the polyline comes within half the obstacle margin of ``b``."""
    m = OBSTACLE_MARGIN / 2
    left, top, right, bottom = b.x - m, b.y - m, b.x + b.w + m, b.y + b.h + m
    for a, c in pairwise(points):
        lo_x, hi_x = (a.x, c.x) if a.x <= c.x else (c.x, a.x)
        lo_y, hi_y = (a.y, c.y) if a.y <= c.y else (c.y, a.y)
        if hi_x > left and lo_x < right and hi_y > top and lo_y < bottom:
            return True
    return False


def _route(inp: RouteInput, others: tuple[Box, ...]) -> tuple[Vec, ...]:
    """Return the orthogonal route round the end shapes and ``others``."""
    s, t = inp.source, inp.target
    margin, boxes = _obstacles(s, t)
    if others:
        margin = _clear_margin(margin, boxes, others)
    rects = tuple(_inflate(b, margin) for b in boxes)
    if others:
        om = min(OBSTACLE_MARGIN, margin)
        rects += tuple(_inflate(b, om) for b in others)
    s_stub, s_head = _stub(s, margin)
    t_stub, t_side = _stub(t, margin)
    t_head = None if t_side is None else (t_side + 2) % 4  # travel into the shape
    stops = (s_stub, *inp.waypoints, t_stub)
    raw_x, raw_y = _raw_lines(stops, rects)
    if not inp.waypoints:
        direct = _direct(s, t, s_stub, t_stub, rects, raw_x, raw_y)
        if direct is not None:
            return direct
    xs, ys = _unique(raw_x), _unique(raw_y)
    hug_x = frozenset(x for r in rects for x in (r.left, r.right))
    hug_y = frozenset(y for r in rects for y in (r.top, r.bottom))
    grid = _Grid(xs, ys, hug_x, hug_y)

    points: list[Vec] = [s.point, s_stub]
    heading = _NONE if s_head is None else s_head
    # An obstacle around a waypoint cannot be avoided on the legs it ends.
    lives = [
        tuple(r for r in rects if not (r.holds(a.x, a.y) or r.holds(b.x, b.y)))
        for a, b in pairwise(stops)
    ]
    if len(stops) == 2:
        leg, heading = grid.search(stops[0], stops[1], heading, t_head, lives[0])
        points.extend(leg[1:])
    else:
        # Through the waypoints in one search, so the way into a waypoint is
        # chosen for the legs after it too: no loop to turn round at one.
        points.extend(grid.search_chain(stops, heading, t_head, lives)[1:])
    points.append(t.point)
    return simplify(points, keep=inp.waypoints)


def _obstacles(s: RouteEnd, t: RouteEnd) -> tuple[float, tuple[Box, ...]]:
    """Return the stub margin and the boxes to route around.

    Close shapes share the gap between them, so the stubs never reach into
    the other shape; overlapping shapes cannot both be avoided, so neither is.
    """
    if s.bounds is None or t.bounds is None:
        return MARGIN, tuple(b for b in (s.bounds, t.bounds) if b is not None)
    if s.shape is not None and s.shape == t.shape:
        return MARGIN, (s.bounds,)
    a, b = s.bounds, t.bounds
    # Box's edge properties spelled out (right is x + w, bottom is y + h).
    ax, ay, bx, by = a.x, a.y, b.x, b.y
    gap = max(bx - (ax + a.w), ax - (bx + b.w), by - (ay + a.h), ay - (by + b.h))
    if gap <= 0:
        return MARGIN, ()
    return min(MARGIN, gap / 2), (a, b)


def _clear_margin(margin: float, ends: Sequence[Box], others: Sequence[Box]) -> float:
    """Return the stub margin that keeps both ends' stubs out of the obstacles.

    An obstacle closer to an end than twice the margin shares the gap with
    it, as two close end shapes do (never below a hair: obstacles overlapping
    an end are not passed in).
    """
    for a in ends:
        ax, ay, ar, ab = a.x, a.y, a.x + a.w, a.y + a.h
        for b in others:
            gap = max(b.x - ar, ax - (b.x + b.w), b.y - ab, ay - (b.y + b.h))
            if 0 < gap < 2 * margin:
                margin = max(gap / 2, 1.0)
    return margin


def _inflate(b: Box, m: float) -> _Rect:
    # Every inflated edge is computed by these very expressions (here and in
    # _stub), so a stub that ends on an obstacle edge lands on exactly the same
    # float as the edge's line.
    x, y = b.x, b.y
    return _Rect(x - m, y - m, x + b.w + m, y + b.h + m)


def _stub(end: RouteEnd, margin: float) -> tuple[Vec, int | None]:
    """Return where the end's perpendicular stub ends and its outward heading."""
    if end.side is None or end.bounds is None:
        return end.point, None
    b = end.bounds
    p = end.point
    # The inflated edges as _inflate computes them.
    match end.side:
        case "e":
            q = Vec(max(b.x + b.w + margin, p.x + margin), p.y)
        case "w":
            q = Vec(min(b.x - margin, p.x - margin), p.y)
        case "s":
            q = Vec(p.x, max(b.y + b.h + margin, p.y + margin))
        case "n":
            q = Vec(p.x, min(b.y - margin, p.y - margin))
    return q, _HEADING[end.side]


def _direct(
    s: RouteEnd,
    t: RouteEnd,
    s_stub: Vec,
    t_stub: Vec,
    rects: Sequence[_Rect],
    raw_x: Sequence[float],
    raw_y: Sequence[float],
) -> tuple[Vec, ...] | None:
    """Return the route of two facing ends in line with each other, or None.

    Side by side shapes joined east to west (or stacked ones, south to north)
    at the same height route as one straight line, the commonest route of all;
    this answers it without building the grid when the full route is provably
    that line. When the stubs' line and both stub ends are grid lines of their
    own (no other candidate line within EPS below them), the line hugs no
    obstacle and crosses none, the search takes the straight run between the
    stubs (see ``_Grid._straight_run``), so the route is the ends, the stubs
    and grid crossings all on one line, strictly in order and more than EPS
    apart; ``simplify`` then keeps exactly its two ends. Anything else (or any
    doubt) returns None and takes the full path.
    """
    p, q = s.point, t.point
    sides = (s.side, t.side)
    if sides in (("e", "w"), ("w", "e")):
        if p.y != q.y:
            return None
        level, along, lines, cross = p.y, (p.x, s_stub.x, t_stub.x, q.x), raw_x, raw_y
    elif sides in (("s", "n"), ("n", "s")):
        if p.x != q.x:
            return None
        level, along, lines, cross = p.x, (p.y, s_stub.y, t_stub.y, q.y), raw_y, raw_x
    else:
        return None
    # Every value finite (a sum of finite floats is, unless it overflows,
    # which only sends the route to the search: never a wrong answer).
    if not math.isfinite(sum(along) + sum(lines) + sum(cross)):
        return None
    # Strictly monotone, every step longer than EPS, in either direction.
    d0, d1, d2 = along[1] - along[0], along[2] - along[1], along[3] - along[2]
    if not (
        (d0 > EPS and d1 > EPS and d2 > EPS) or (d0 < -EPS and d1 < -EPS and d2 < -EPS)
    ):
        return None
    # The route's line and both stub lines survive _unique as themselves: no
    # line v < mine with mine - v <= EPS (all finite: "not > EPS"). The
    # largest v below mine is the one to ask (mine - v only grows as v falls).
    sorted_cross, sorted_lines = sorted(cross), sorted(lines)
    for mine, vals in (
        (level, sorted_cross),
        (along[1], sorted_lines),
        (along[2], sorted_lines),
    ):
        k = bisect_left(vals, mine)
        if k and mine - vals[k - 1] <= EPS:
            return None
    lo, hi = (along[1], along[2]) if d1 > 0 else (along[2], along[1])
    for r in rects:
        if sides[0] in ("e", "w"):
            if level in (r.top, r.bottom):
                return None  # hugging: leave it to the search
            if r.top < level < r.bottom and not (hi <= r.left or lo >= r.right):
                return None
        else:
            if level in (r.left, r.right):
                return None
            if r.left < level < r.right and not (hi <= r.top or lo >= r.bottom):
                return None
    return (p, q)


def _raw_lines(
    stops: Sequence[Vec], rects: Sequence[_Rect]
) -> tuple[list[float], list[float]]:
    """Return the candidate x and y lines (unsorted; ``_unique`` finishes them)."""
    xs = [p.x for p in stops]
    ys = [p.y for p in stops]
    for r in rects:
        xs += (r.left, r.right)
        ys += (r.top, r.bottom)
    # Channels: midway between the two obstacles, and between the two stubs,
    # on a lattice of CHANNEL_STEP anchored at the target's stub: connectors
    # into one end from nearly aligned shapes share one channel (a trunk)
    # instead of running a few units apart like a double line.
    a, b = stops[0], stops[-1]
    for i, r in enumerate(rects):
        for q in rects[i + 1 :]:
            if q.left > r.right or r.left > q.right:
                lo, hi = min(r.right, q.right), max(r.left, q.left)
                xs.append(_on_lattice((lo + hi) / 2, b.x, lo, hi))
            if q.top > r.bottom or r.top > q.bottom:
                lo, hi = min(r.bottom, q.bottom), max(r.top, q.top)
                ys.append(_on_lattice((lo + hi) / 2, b.y, lo, hi))
    xs.append(_on_lattice((a.x + b.x) / 2, b.x, min(a.x, b.x), max(a.x, b.x)))
    ys.append(_on_lattice((a.y + b.y) / 2, b.y, min(a.y, b.y), max(a.y, b.y)))
    return xs, ys


def _on_lattice(v: float, anchor: float, lo: float, hi: float) -> float:
    """Return ``v`` moved to the nearest lattice line strictly inside (lo, hi).

    The lattice is every CHANNEL_STEP from ``anchor``; a channel too narrow
    for a lattice line inside keeps its exact middle, and so does a middle a
    whole number of half steps from the anchor.
    """
    if not (math.isfinite(v) and math.isfinite(anchor)):
        return v
    # A middle already a whole half step from the target (shapes on a grid,
    # as draw.io's are) stays exact, where draw.io draws it; only an odd one
    # (nearly aligned shapes) moves to the lattice and so meets its twins.
    half = (v - anchor) / (CHANNEL_STEP / 2)
    if abs(half - round(half)) <= 1e-6:
        return v
    q = anchor + round((v - anchor) / CHANNEL_STEP) * CHANNEL_STEP
    return q if lo + EPS < q < hi - EPS else v


def _unique(vals: list[float]) -> tuple[float, ...]:
    out: list[float] = []
    for v in sorted(vals):
        if not out or v - out[-1] > EPS:
            out.append(v)
    return tuple(out)


class _Grid:
    """The candidate lines and the A* search over their crossings."""

    def __init__(
        self,
        xs: tuple[float, ...],
        ys: tuple[float, ...],
        hug_x: frozenset[float],
        hug_y: frozenset[float],
    ) -> None:
        self.xs, self.ys = xs, ys
        self.hug_x, self.hug_y = hug_x, hug_y

    def _index(self, p: Vec) -> tuple[int, int]:
        return _nearest(self.xs, p.x), _nearest(self.ys, p.y)

    def search(
        self,
        a: Vec,
        b: Vec,
        heading: int,
        arrive: int | None,
        rects: Sequence[_Rect],
    ) -> tuple[list[Vec], int]:
        """Return the cheapest path from ``a`` to ``b`` and the heading it ends in.

        ``heading`` is the direction of travel on reaching ``a`` (straight on is
        free); ``arrive`` is the heading required at ``b``, if any. Reversing
        is never a step; arriving the wrong way round costs two bends.
        """
        xs, ys = self.xs, self.ys
        nx_, ny_ = len(xs), len(ys)
        start, goal = self._index(a), self._index(b)
        if start == goal:
            return [a], heading
        run = self._straight_run(a, b, start, goal, heading, arrive, rects)
        if run is not None:
            return run
        gx, gy = xs[goal[0]], ys[goal[1]]
        h_open, v_open = self._open(rects)
        # Length factor of a step along each line (hugging an edge costs more).
        hug = 1.0 + _HUG
        fx = [hug if x in self.hug_x else 1.0 for x in xs]
        fy = [hug if y in self.hug_y else 1.0 for y in ys]
        bend = BEND_COST
        inf = math.inf
        push = heapq.heappush
        pop = heapq.heappop
        ux_of = (1, 0, -1, 0, 0)
        uy_of = (0, 1, 0, -1, 0)
        # Arrival penalty by heading at the goal: the extra bends it costs.
        arrive_bends: tuple[int, ...]
        if arrive is None:
            arrive_bends = (0, 0, 0, 0, 0)
        else:
            arrive_bends = (
                *(
                    0 if arrive == h else (2 if arrive == (h + 2) % 4 else 1)
                    for h in range(4)
                ),
                0,
            )

        def estimate(x: float, y: float, h: int) -> float:
            """Return a lower bound of the cost left: length plus unavoidable bends."""
            dx, dy = gx - x, gy - y
            rest = abs(dx) + abs(dy)
            if h == _NONE:
                return rest
            ux, uy = ux_of[h], uy_of[h]
            ahead, across = dx * ux + dy * uy, abs(dx * uy - dy * ux) > EPS
            if ahead > EPS:
                bends = 1 if across else 0
            elif ahead < -EPS:
                bends = 2
            else:
                bends = 1 if across else 0
            if arrive_bends[h] > bends:
                bends = arrive_bends[h]
            return rest + bend * bends

        # A state (ix, iy, heading) is the int (ix * ny + iy) * 5 + heading; the
        # finished route in heading h is -1 - h. Ints hash faster than tuples;
        # the heap order is (key, seq) exactly as before, so the same route wins.
        goal_cell = goal[0] * ny_ + goal[1]
        first = (start[0] * ny_ + start[1]) * 5 + heading
        best: dict[int, float] = {first: 0.0}
        came: dict[int, int] = {}
        heap: list[tuple[float, int, int]] = [(0.0, 0, first)]
        closed: set[int] = set()
        seq = 0
        while heap:
            _, _, state = pop(heap)
            if state in closed:
                continue
            closed.add(state)
            g = best[state]
            if state < 0:
                return self._path(came, state, a, b, ny_), -1 - state
            cell, h = divmod(state, 5)
            if cell == goal_cell:
                extra = 0.0
                if arrive is not None and h != arrive:
                    extra = BEND_COST * (2 if h == (arrive + 2) % 4 else 1)
                done = -1 - h
                if g + extra < best.get(done, inf):
                    best[done] = g + extra
                    came[done] = state
                    seq += 1
                    push(heap, (round(g + extra, 6), seq, done))
                continue
            ix, iy = divmod(cell, ny_)
            x, y = xs[ix], ys[iy]
            back = -1 if h == _NONE else (h + 2) % 4
            for nh in range(4):
                if nh == back:
                    continue
                if nh == 0:  # east
                    if ix + 1 >= nx_ or not h_open[iy][ix]:
                        continue
                    jx, jy = ix + 1, iy
                elif nh == 2:  # west
                    if ix == 0 or not h_open[iy][ix - 1]:
                        continue
                    jx, jy = ix - 1, iy
                elif nh == 1:  # south
                    if iy + 1 >= ny_ or not v_open[ix][iy]:
                        continue
                    jx, jy = ix, iy + 1
                else:  # north
                    if iy == 0 or not v_open[ix][iy - 1]:
                        continue
                    jx, jy = ix, iy - 1
                nx, ny = xs[jx], ys[jy]
                along = fy[iy] if jy == iy else fx[ix]
                cost = g + (abs(nx - x) if jy == iy else abs(ny - y)) * along
                if h != _NONE and h != nh:
                    cost += bend
                nxt = (jx * ny_ + jy) * 5 + nh
                if cost < best.get(nxt, inf) - EPS:
                    best[nxt] = cost
                    came[nxt] = state
                    seq += 1
                    # Keys are rounded so near-ties (last-bit libm noise on
                    # rotated shapes) break by insertion order, identically
                    # natively and in Pyodide.
                    key = round(cost + estimate(nx, ny, nh), 6)
                    push(heap, (key, seq, nxt))
        # Unreachable (cannot happen with the obstacle edges on the grid, but
        # a route must always come out): go round the corner and ignore them.
        return [a, Vec(b.x, a.y), b], heading

    def _open(
        self, rects: Sequence[_Rect]
    ) -> tuple[list[list[bool]], list[list[bool]]]:
        """Return which unit edges of the grid are clear of the obstacles.

        ``h_open[iy][ix]`` is the edge from (ix, iy) east, ``v_open[ix][iy]``
        the one from (ix, iy) south. Marked per obstacle (a handful) rather
        than asking every obstacle about every edge; the same strict tests.
        """
        xs, ys = self.xs, self.ys
        nx_, ny_ = len(xs), len(ys)
        mid_x = [(xs[i] + xs[i + 1]) / 2 for i in range(nx_ - 1)]
        mid_y = [(ys[j] + ys[j + 1]) / 2 for j in range(ny_ - 1)]
        h_open = [[True] * (nx_ - 1) for _ in range(ny_)]
        v_open = [[True] * (ny_ - 1) for _ in range(nx_)]
        for r in rects:
            left, top, right, bottom = r.left, r.top, r.right, r.bottom
            cols = [i for i, m in enumerate(mid_x) if left < m < right]
            if cols:
                for iy, y in enumerate(ys):
                    if top < y < bottom:
                        row = h_open[iy]
                        for i in cols:
                            row[i] = False
            rows = [j for j, m in enumerate(mid_y) if top < m < bottom]
            if rows:
                for ix, x in enumerate(xs):
                    if left < x < right:
                        col = v_open[ix]
                        for j in rows:
                            col[j] = False
        return h_open, v_open

    def search_chain(
        self,
        stops: Sequence[Vec],
        heading: int,
        arrive: int | None,
        lives: Sequence[Sequence[_Rect]],
    ) -> list[Vec]:
        """Return the cheapest path through ``stops`` in order, as one search.

        The state is a grid crossing, a heading and the leg (the next stop to
        reach); reaching a stop moves on to the next leg at no cost and in the
        same heading, so a bend is counted where it happens, whichever leg it
        is on, and the way into a waypoint is picked for the whole route: a
        draw.io waypoint on a segment is passed straight through, without the
        loop a leg-by-leg search makes when it arrives facing the wrong way.
        ``lives[k]`` are the obstacles of leg k. The stops are vertices of the
        returned path, at their exact coordinates.
        """
        xs, ys = self.xs, self.ys
        nx_, ny_ = len(xs), len(ys)
        ncell = nx_ * ny_
        legs = len(stops) - 1
        cells = [ix * ny_ + iy for ix, iy in (self._index(p) for p in stops)]
        opens: list[tuple[list[list[bool]], list[list[bool]]]] = []
        seen: dict[tuple[int, ...], tuple[list[list[bool]], list[list[bool]]]] = {}
        for live in lives:
            key = tuple(id(r) for r in live)
            if key not in seen:
                seen[key] = self._open(live)
            opens.append(seen[key])
        # Length still to go after reaching stop k + 1 (a lower bound).
        rest = [0.0] * (legs + 1)
        for k in range(legs - 2, -1, -1):
            a, b = stops[k + 1], stops[k + 2]
            rest[k] = rest[k + 1] + abs(b.x - a.x) + abs(b.y - a.y)
        hug = 1.0 + _HUG
        fx = [hug if x in self.hug_x else 1.0 for x in xs]
        fy = [hug if y in self.hug_y else 1.0 for y in ys]
        bend = BEND_COST
        inf = math.inf
        push, pop = heapq.heappush, heapq.heappop
        ux_of = (1, 0, -1, 0, 0)
        uy_of = (0, 1, 0, -1, 0)

        def estimate(k: int, ix: int, iy: int, h: int) -> float:
            goal = cells[k + 1]
            gx, gy = xs[goal // ny_], ys[goal % ny_]
            x, y = xs[ix], ys[iy]
            dx, dy = gx - x, gy - y
            out = abs(dx) + abs(dy) + rest[k]
            if h == _NONE:
                return out
            ahead = dx * ux_of[h] + dy * uy_of[h]
            across = abs(dx * uy_of[h] - dy * ux_of[h]) > EPS
            if ahead < -EPS:
                return out + 2 * bend
            return out + (bend if across else 0.0)

        def advance(k: int, cell: int) -> int:
            """Return the leg after reaching ``cell`` on leg ``k`` (stops coincide)."""
            while k < legs and cell == cells[k + 1]:
                k += 1
            return k

        k0 = advance(0, cells[0])
        first = ((k0 * ncell) + cells[0]) * 5 + heading
        best: dict[int, float] = {first: 0.0}
        came: dict[int, int] = {}
        heap: list[tuple[float, int, int]] = [(0.0, 0, first)]
        closed: set[int] = set()
        seq = 0
        done_state: int | None = None
        while heap:
            _, _, state = pop(heap)
            if state in closed:
                continue
            closed.add(state)
            g = best[state]
            if state < 0:
                done_state = state
                break
            rest_state, h = divmod(state, 5)
            k, cell = divmod(rest_state, ncell)
            if k >= legs:
                extra = 0.0
                if arrive is not None and h != arrive:
                    extra = bend * (2 if h == (arrive + 2) % 4 else 1)
                done = -1 - h
                if g + extra < best.get(done, inf):
                    best[done] = g + extra
                    came[done] = state
                    seq += 1
                    push(heap, (round(g + extra, 6), seq, done))
                continue
            h_open, v_open = opens[k]
            ix, iy = divmod(cell, ny_)
            x, y = xs[ix], ys[iy]
            back = -1 if h == _NONE else (h + 2) % 4
            for nh in range(4):
                if nh == back:
                    continue
                if nh == 0:
                    if ix + 1 >= nx_ or not h_open[iy][ix]:
                        continue
                    jx, jy = ix + 1, iy
                elif nh == 2:
                    if ix == 0 or not h_open[iy][ix - 1]:
                        continue
                    jx, jy = ix - 1, iy
                elif nh == 1:
                    if iy + 1 >= ny_ or not v_open[ix][iy]:
                        continue
                    jx, jy = ix, iy + 1
                else:
                    if iy == 0 or not v_open[ix][iy - 1]:
                        continue
                    jx, jy = ix, iy - 1
                along = fy[iy] if jy == iy else fx[ix]
                cost = g + (abs(xs[jx] - x) if jy == iy else abs(ys[jy] - y)) * along
                if h != _NONE and h != nh:
                    cost += bend
                ncell_ = jx * ny_ + jy
                nk = advance(k, ncell_)
                nxt = ((nk * ncell) + ncell_) * 5 + nh
                if cost < best.get(nxt, inf) - EPS:
                    best[nxt] = cost
                    came[nxt] = state
                    seq += 1
                    est = 0.0 if nk >= legs else estimate(nk, jx, jy, nh)
                    push(heap, (round(cost + est, 6), seq, nxt))
        if done_state is None:
            # Unreachable (cannot happen with the obstacle edges on the grid):
            # straight from stop to stop, round one corner each.
            out = [stops[0]]
            for a, b in pairwise(stops):
                out.extend((Vec(b.x, a.y), b))
            return out
        # Walk back; where the leg changes, the point is that stop, exactly.
        chain: list[int] = []
        walk: int | None = came[done_state]
        while walk is not None:
            chain.append(walk)
            walk = came.get(walk)
        chain.reverse()
        exact: list[Vec] = []
        prev_k = -1
        for state in chain:
            k, cell = divmod(state // 5, ncell)
            if k != prev_k:
                exact.extend(stops[prev_k + 1 : k + 1])  # the stops reached here
            else:
                ix, iy = divmod(cell, ny_)
                exact.append(Vec(xs[ix], ys[iy]))
            prev_k = k
        exact[0], exact[-1] = stops[0], stops[-1]
        return exact

    def _straight_run(
        self,
        a: Vec,
        b: Vec,
        start: tuple[int, int],
        goal: tuple[int, int],
        heading: int,
        arrive: int | None,
        rects: Sequence[_Rect],
    ) -> tuple[list[Vec], int] | None:
        """Return the search's answer when it is one clear straight run, else None.

        Most legs (side-by-side shapes, stubs facing each other) are a straight
        line along one grid line, already heading that way. That path has no
        bend and the least possible length, while anything else leaves the line
        and needs at least two bends (60 units more), so it is the search's
        unique cheapest answer; its keys stay at the path's cost while every
        other state's key is at least a bend more, so A* pops exactly the run
        and returns the same points and heading. Only for a line no obstacle
        edge lies on (hugging costs a little per unit, which a detour could win
        back on a very long run) and with every step clear of the obstacles.
        """
        (sx, sy), (tx, ty) = start, goal
        xs, ys = self.xs, self.ys
        if sy == ty:
            d = 0 if tx > sx else 2
            if ys[sy] in self.hug_y:
                return None
        elif sx == tx:
            d = 1 if ty > sy else 3
            if xs[sx] in self.hug_x:
                return None
        else:
            return None
        if heading not in (_NONE, d) or arrive not in (None, d):
            return None
        out = [a]
        if d in (0, 2):
            y = ys[sy]
            step = 1 if d == 0 else -1
            for i in range(sx, tx, step):
                j = i + step
                m = (xs[min(i, j)] + xs[max(i, j)]) / 2
                for r in rects:
                    if r.left < m < r.right and r.top < y < r.bottom:
                        return None
                if j != tx:
                    out.append(Vec(xs[j], y))
        else:
            x = xs[sx]
            step = 1 if d == 1 else -1
            for i in range(sy, ty, step):
                j = i + step
                m = (ys[min(i, j)] + ys[max(i, j)]) / 2
                for r in rects:
                    if r.left < x < r.right and r.top < m < r.bottom:
                        return None
                if j != ty:
                    out.append(Vec(x, ys[j]))
        out.append(b)
        return out, d

    def _path(
        self, came: dict[int, int], done: int, a: Vec, b: Vec, ny: int
    ) -> list[Vec]:
        xs, ys = self.xs, self.ys
        out: list[Vec] = []
        state = came[done]
        while True:
            ix, iy = divmod(state // 5, ny)
            out.append(Vec(xs[ix], ys[iy]))
            if state not in came:
                break
            state = came[state]
        out.reverse()
        # Use the exact stop coordinates, not their grid twins.
        out[0], out[-1] = a, b
        return out


def _nearest(vals: tuple[float, ...], v: float) -> int:
    """Return the index of the value nearest ``v`` (the lines are sorted)."""
    lo, hi = 0, len(vals) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if vals[mid] < v:
            lo = mid + 1
        else:
            hi = mid
    if lo > 0 and abs(vals[lo - 1] - v) <= abs(vals[lo] - v):
        return lo - 1
    return lo
