"""The shapes an orthogonal route goes around: a grid index of shape bounds.

A connector's route avoids the shapes that lie between its ends (libavoid,
draw.io's "avoid" routing). Asking every shape of a page for every routed
connector would cost O(shapes × connectors) on opening a file, so shape
bounds live in a uniform grid of cells, built once per document and carried
to the documents derived from it: a patch is only remembered, and resolved
into a small overlay of moved shapes the first time a route asks (dragging
one shape costs a few dictionary look-ups, not a rebuild). A large overlay is
folded into a fresh grid.

Only routes computed anew see the obstacles: the route memo still keys on the
connector and its end shapes (:func:`linework.routing.route`), so moving a
shape re-routes the connectors attached to it and leaves the others as they
are, the drag budget's rule "re-route only what moved".
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import Final

from linework.geometry import Box, Vec
from linework.model import Connector, Document, Patch, Shape
from linework.routing.types import RouteInput

#: Side of a grid cell, in page units.
CELL: Final = 256.0
#: How far around the ends' span shapes count as in the way.
REACH: Final = 40.0
#: At most this many obstacles per route (the nearest to the ends' span):
#: the search grid grows with each one.
MAX_OBSTACLES: Final = 16
#: A route passing closer than this to a shape runs into it (half the
#: orthogonal router's obstacle margin).
NEAR: Final = 6.0
#: A carried overlay larger than this is folded into a fresh grid.
_FOLD: Final = 512
#: A chain of unresolved patches longer than this is dropped (rebuilt on use).
_MAX_CHAIN: Final = 64
_KEY: Final = "carry:route-obstacles"

# A shape's entry: (page, left, top, right, bottom) of its rotated box's bounds.
_Entry = tuple[str, float, float, float, float]


def _entry(shape: Shape) -> _Entry:
    b = shape.box
    if shape.rotation_deg % 360 == 0:
        return (shape.page, b.x, b.y, b.x + b.w, b.y + b.h)
    a = math.radians(shape.rotation_deg)
    c, s = abs(math.cos(a)), abs(math.sin(a))
    hw = (b.w * c + b.h * s) / 2
    hh = (b.w * s + b.h * c) / 2
    cx, cy = b.x + b.w / 2, b.y + b.h / 2
    return (shape.page, cx - hw, cy - hh, cx + hw, cy + hh)


def _cells(e: _Entry) -> Iterator[tuple[str, int, int]]:
    page, left, top, right, bottom = e
    for i in range(math.floor(left / CELL), math.floor(right / CELL) + 1):
        for j in range(math.floor(top / CELL), math.floor(bottom / CELL) + 1):
            yield page, i, j


class _Base:
    """An immutable grid: shape entries by id, and the ids in each cell."""

    __slots__ = ("cells", "entries")

    def __init__(self, entries: dict[str, _Entry]) -> None:
        cells: dict[tuple[str, int, int], list[str]] = {}
        for rid, e in entries.items():
            if all(map(math.isfinite, e[1:])):
                for key in _cells(e):
                    cells.setdefault(key, []).append(rid)
        self.entries = entries
        self.cells = cells


class ShapeGrid:
    """Shape bounds by grid cell, carried from document to document.

    Either resolved (a base grid plus an overlay of shapes changed since) or
    pending (the grid of the document before, and the patch from it).
    """

    __slots__ = ("_base", "_depth", "_overlay", "_parent", "_patch")

    def __init__(
        self,
        base: _Base | None = None,
        overlay: dict[str, _Entry | None] | None = None,
        *,
        parent: ShapeGrid | None = None,
        patch: Patch | None = None,
        depth: int = 0,
    ) -> None:
        self._base = base
        self._overlay = overlay
        self._parent = parent
        self._patch = patch
        self._depth = depth

    @staticmethod
    def build(doc: Document) -> ShapeGrid:
        """Return the grid of every shape in ``doc``."""
        entries = {
            r.id: _entry(r) for r in doc.records.values() if isinstance(r, Shape)
        }
        return ShapeGrid(_Base(entries), {})

    def carry(self, patch: Patch) -> ShapeGrid | None:
        """Return this grid for the document ``patch`` derives (see Document.memo).

        A patch that changes no shape keeps the grid as it is; else the patch
        waits until a route asks. None (rebuild when asked) after a long chain.
        """
        touches = any(isinstance(r, Shape) for r in patch.added.values()) or any(
            isinstance(r, Shape) for r in patch.removed.values()
        )
        if not touches:
            touches = any(
                isinstance(a, Shape) or isinstance(b, Shape)
                for a, b in patch.updated.values()
            )
        if not touches:
            return self
        if self._depth >= _MAX_CHAIN:
            return None
        return ShapeGrid(parent=self, patch=patch, depth=self._depth + 1)

    def _resolve(self) -> tuple[_Base, dict[str, _Entry | None]]:
        if self._base is not None and self._overlay is not None:
            return self._base, self._overlay
        # Resolve the chain from its resolved root forwards (no recursion).
        chain: list[ShapeGrid] = []
        node: ShapeGrid | None = self
        while node is not None and (node._base is None or node._overlay is None):
            chain.append(node)
            node = node._parent
        assert node is not None and node._base is not None
        base, overlay = node._base, node._overlay or {}
        for link in reversed(chain):
            patch = link._patch
            assert patch is not None
            overlay = dict(overlay)
            for rid, rec in patch.removed.items():
                if isinstance(rec, Shape):
                    overlay[rid] = None
            for rid, (_, after) in patch.updated.items():
                overlay[rid] = _entry(after) if isinstance(after, Shape) else None
            for rid, rec in patch.added.items():
                if isinstance(rec, Shape):
                    overlay[rid] = _entry(rec)
            if len(overlay) > _FOLD:
                entries = dict(base.entries)
                for rid, e in overlay.items():
                    if e is None:
                        entries.pop(rid, None)
                    else:
                        entries[rid] = e
                base, overlay = _Base(entries), {}
            link._base, link._overlay = base, overlay
            link._parent = link._patch = None
            link._depth = 0
        return base, overlay

    def near(
        self, page: str, left: float, top: float, right: float, bottom: float
    ) -> list[tuple[str, _Entry]]:
        """Return (id, entry) of the shapes on ``page`` whose bounds meet the box."""
        base, overlay = self._resolve()
        found: dict[str, _Entry] = {}
        entries = base.entries
        cells = base.cells
        for i in range(math.floor(left / CELL), math.floor(right / CELL) + 1):
            for j in range(math.floor(top / CELL), math.floor(bottom / CELL) + 1):
                for rid in cells.get((page, i, j), ()):
                    if rid not in found and rid not in overlay:
                        found[rid] = entries[rid]
        found.update(
            (rid, e) for rid, e in overlay.items() if e is not None and e[0] == page
        )
        return [
            (rid, e)
            for rid, e in found.items()
            if e[1] <= right and left <= e[3] and e[2] <= bottom and top <= e[4]
        ]

    def rings(
        self,
        page: str,
        box: tuple[float, float, float, float],
        cx: float,
        cy: float,
    ) -> Iterator[tuple[float, list[tuple[str, _Entry]]]]:
        """Yield what :meth:`near` returns for ``box``, nearest cells first.

        Rings of cells round the one holding (cx, cy), clipped to ``box``
        (left, top, right, bottom): each step yields the shapes first met
        there and a bound ``reach``: every shape not yet yielded has its
        centre at least ``reach`` from (cx, cy), along x and y both (an
        unseen shape's box misses the searched square, so its centre lies
        outside it). The changed shapes (the overlay) come in the first step.
        """
        base, overlay = self._resolve()
        left, top, right, bottom = box
        entries, cells = base.entries, base.cells
        floor = math.floor
        i0, i1 = floor(left / CELL), floor(right / CELL)
        j0, j1 = floor(top / CELL), floor(bottom / CELL)
        ci = min(max(floor(cx / CELL), i0), i1)
        cj = min(max(floor(cy / CELL), j0), j1)
        seen: set[str] = set()

        def meets(e: _Entry) -> bool:
            return e[1] <= right and left <= e[3] and e[2] <= bottom and top <= e[4]

        first = [
            (rid, e)
            for rid, e in overlay.items()
            if e is not None and e[0] == page and meets(e)
        ]
        k = 0
        while True:
            found = first
            first = []
            for i, j in _ring(ci, cj, k, (i0, j0, i1, j1)):
                for rid in cells.get((page, i, j), ()):
                    if rid in seen or rid in overlay:
                        continue
                    seen.add(rid)
                    e = entries[rid]
                    if meets(e):
                        found.append((rid, e))
            done = ci - k <= i0 and ci + k >= i1 and cj - k <= j0 and cj + k >= j1
            reach = min(
                cx - (ci - k) * CELL,
                (ci + k + 1) * CELL - cx,
                cy - (cj - k) * CELL,
                (cj + k + 1) * CELL - cy,
            )
            yield (math.inf if done else reach), found
            if done:
                return
            k += 1


def _ring(
    ci: int, cj: int, k: int, clip: tuple[int, int, int, int]
) -> Iterator[tuple[int, int]]:
    """Yield the cells k steps round (ci, cj) (a square's border) inside ``clip``."""
    i0, j0, i1, j1 = clip
    lo_i, hi_i = max(ci - k, i0), min(ci + k, i1)
    lo_j, hi_j = max(cj - k, j0), min(cj + k, j1)
    for i in range(lo_i, hi_i + 1):
        if i in (ci - k, ci + k):  # a whole column of the border
            for j in range(lo_j, hi_j + 1):
                yield i, j
        else:  # its top and bottom cells only
            if cj - k >= j0:
                yield i, cj - k
            if k and cj + k <= j1:
                yield i, cj + k


def grid_of(doc: Document) -> ShapeGrid:
    """Return the document's shape grid (built once, carried across patches)."""
    grid: ShapeGrid = doc.memo(_KEY, lambda: ShapeGrid.build(doc))
    return grid


def in_the_way(
    doc: Document, connector: Connector, inp: RouteInput, points: Sequence[Vec]
) -> bool:
    """Return whether the route ``points`` runs into a shape that is not an end.

    The cheap question asked first: the grid is searched along each segment
    only (half the obstacle margin round it), so a clear route, the usual
    case, costs a few cell look-ups. Shapes overlapping an end are ignored,
    as :func:`with_obstacles` ignores them.
    """
    ends = [b for b in (inp.source.bounds, inp.target.bounds) if b is not None]
    return runs_into(
        doc, connector.page, {inp.source.shape, inp.target.shape}, ends, points
    )


def runs_into(
    doc: Document,
    page: str,
    skip: set[str | None],
    ends: Sequence[Box],
    points: Sequence[Vec],
) -> bool:
    """Return whether ``points`` run into a shape of ``page`` (see :func:`in_the_way`).

    ``skip``: the end shapes' ids; ``ends``: their bounds (shapes overlapping
    them do not count).
    """
    base, overlay = grid_of(doc)._resolve()
    cells, entries = base.cells, base.entries
    m, floor = NEAR, math.floor
    isfinite = math.isfinite

    def blocks(
        rid: str, e: _Entry, lo_x: float, lo_y: float, hi_x: float, hi_y: float
    ) -> bool:
        if rid in skip or e[0] != page:
            return False
        _, el, et, er, eb = e
        if not (el - m < hi_x and lo_x < er + m and et - m < hi_y and lo_y < eb + m):
            return False
        return not any(
            el < x.x + x.w and x.x < er and et < x.y + x.h and x.y < eb for x in ends
        )

    for a, b in pairwise(points):
        lo_x, hi_x = (a.x, b.x) if a.x <= b.x else (b.x, a.x)
        lo_y, hi_y = (a.y, b.y) if a.y <= b.y else (b.y, a.y)
        if not (
            isfinite(lo_x) and isfinite(hi_x) and isfinite(lo_y) and isfinite(hi_y)
        ):
            return False
        # blocks() spelled out for the grid's shapes (the end shapes, skipped
        # first, are most of what the cells hold): same tests, same order.
        for i in range(floor((lo_x - m) / CELL), floor((hi_x + m) / CELL) + 1):
            for j in range(floor((lo_y - m) / CELL), floor((hi_y + m) / CELL) + 1):
                for rid in cells.get((page, i, j), ()):
                    if rid in skip or rid in overlay:
                        continue
                    entry = entries[rid]
                    if entry[0] != page:
                        continue
                    _, el, et, er, eb = entry
                    if not (
                        el - m < hi_x
                        and lo_x < er + m
                        and et - m < hi_y
                        and lo_y < eb + m
                    ):
                        continue
                    if not any(
                        el < x.x + x.w and x.x < er and et < x.y + x.h and x.y < eb
                        for x in ends
                    ):
                        return True
        for rid, e in overlay.items():
            if e is not None and blocks(rid, e, lo_x, lo_y, hi_x, hi_y):
                return True
    return False


def with_obstacles(doc: Document, connector: Connector, inp: RouteInput) -> RouteInput:
    """Return ``inp`` with the shapes in the way between its ends as obstacles.

    In the way: on the connector's page, meeting the span of both ends and
    the waypoints (widened by :data:`REACH`), not an end shape, and not
    overlapping an end shape's bounds (a container or lane holding an end, a
    shape on top of it: a route cannot avoid those). The nearest
    :data:`MAX_OBSTACLES` to the span's centre, in a fixed order.
    """
    s, t = inp.source, inp.target
    pts = [s.point, t.point, *inp.waypoints]
    left = min(p.x for p in pts)
    top = min(p.y for p in pts)
    right = max(p.x for p in pts)
    bottom = max(p.y for p in pts)
    ends: list[Box] = []
    for b in (s.bounds, t.bounds):
        if b is not None:
            ends.append(b)
            left, top = min(left, b.x), min(top, b.y)
            right, bottom = max(right, b.x + b.w), max(bottom, b.y + b.h)
    if not all(map(math.isfinite, (left, top, right, bottom))):
        return inp
    left, top, right, bottom = left - REACH, top - REACH, right + REACH, bottom + REACH
    skip = {s.shape, t.shape}
    cx, cy = (left + right) / 2, (top + bottom) / 2
    picked: list[tuple[float, str, Box]] = []
    # Nearest cells first, so a connector across a big page looks at the
    # shapes round its span's centre, not at every shape of the span: once
    # MAX_OBSTACLES are nearer than anything unseen can be, the rest cannot
    # change the pick. (The bound is along both axes; rounding of a centre
    # is far below the slack.)
    box = (left, top, right, bottom)
    for reach, found in grid_of(doc).rings(connector.page, box, cx, cy):
        for rid, e in found:
            if rid in skip:
                continue
            _, el, et, er, eb = e
            if er - el <= 0 or eb - et <= 0:
                continue
            if any(
                el < b.x + b.w and b.x < er and et < b.y + b.h and b.y < eb
                for b in ends
            ):
                continue
            d = abs((el + er) / 2 - cx) + abs((et + eb) / 2 - cy)
            picked.append((d, rid, Box(el, et, er - el, eb - et)))
        slack = 1e-6 * (abs(cx) + abs(cy) + 1.0)
        if sum(1 for p in picked if p[0] < reach - slack) >= MAX_OBSTACLES:
            break
    if not picked:
        return inp
    picked.sort(key=lambda x: (x[0], x[1]))
    boxes = tuple(b for _, _, b in picked[:MAX_OBSTACLES])
    return RouteInput(source=s, target=t, waypoints=inp.waypoints, obstacles=boxes)


__all__ = ["ShapeGrid", "grid_of", "in_the_way", "runs_into", "with_obstacles"]
