"""Hit-testing: which element, handle or port is under the pointer.

A uniform bucket grid over each element's rough bounds narrows the search to a
few candidates, which are then tested exactly (a shape's rotated outline, a
connector's route within a tolerance), topmost in paint order first. A shape's
label drawn outside it (``style.label_position``, or overflowing it unwrapped)
is part of the shape: its laid-out text box hits, and the rough bounds include
it. The grid
is updated from each patch, so hovering a 5,000-shape page stays cheap, and
routes are cached by the identity of their inputs, as the renderer does.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

from linework import memo
from linework.commands import is_hidden, is_locked
from linework.geometry import Box, Vec, rotate_about
from linework.model import Attached, Connector, Document, Element, Free, Patch, Shape
from linework.render.connector import HIT_WIDTH
from linework.render.shape import label_leaves_shape, label_text_bounds, label_text_box
from linework.routing import MARGIN, Route, hit_distance, polyline, route
from linework.shapes import KINDS, ShapeKind, bounds, contains

CELL: Final = 256.0
#: Patches touching at least this many records update the index lazily.
LAZY_AT: Final = 200
_DONE: Final = object()
#: Extra room around a connector's rough bounds: orthogonal detours and curves.
_CONN_SLACK: Final = MARGIN * 2 + 24.0


class RouteCache:
    """Routes of connectors, recomputed only when the connector or its shapes change."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[tuple[object, ...], Route]] = {}

    def route(self, doc: Document, c: Connector) -> Route:
        """Return the connector's route."""
        key = (
            c,
            *(
                doc.get(end.shape)
                for end in (c.source, c.target)
                if isinstance(end, Attached)
            ),
        )
        hit = memo.lookup(self._cache, c.id, key)
        if hit is not None:
            return hit
        r = route(doc, c)
        self._cache[c.id] = (key, r)
        return r

    def clear(self) -> None:
        """Forget every route (a new document)."""
        self._cache.clear()


def rough_bounds(
    doc: Document,
    el: Element,
    known: Mapping[str, Box] | None = None,
    kinds: Mapping[str, ShapeKind] = KINDS,
) -> Box | None:
    """Return a box the element surely lies in, without routing connectors.

    ``known`` holds shape bounds already computed (the index's), so a
    connector's box costs a lookup, not its shapes' outlines.
    """
    if isinstance(el, Shape):
        outline = bounds(el, kinds=kinds)
        text = label_text_bounds(el)
        return outline if text is None else outline.union(text)
    if isinstance(el, Connector):
        pts: list[Vec] = list(el.waypoints)
        box: Box | None = None
        for end in (el.source, el.target):
            if isinstance(end, Free):
                pts.append(end.point)
            else:
                b = known.get(end.shape) if known is not None else None
                if b is None:
                    s = doc.get(end.shape)
                    b = bounds(s, kinds=kinds) if isinstance(s, Shape) else None
                if b is not None:
                    box = b if box is None else box.union(b)
        if pts:
            pb = Box.around(pts)
            box = pb if box is None else box.union(pb)
        return None if box is None else box.inflated(_CONN_SLACK)
    return None


def _span(b: Box) -> tuple[int, int, int, int]:
    """Return the range of grid cells a box covers."""
    return (
        int(b.x // CELL),
        int(b.right // CELL),
        int(b.y // CELL),
        int(b.bottom // CELL),
    )


def _cells(b: Box) -> Iterator[tuple[int, int]]:
    x0, x1 = int(b.x // CELL), int(b.right // CELL)
    y0, y1 = int(b.y // CELL), int(b.bottom // CELL)
    if (x1 - x0 + 1) * (y1 - y0 + 1) > 4096:
        yield (1 << 30, 1 << 30)  # huge elements share one overflow cell
        return
    for cx in range(x0, x1 + 1):
        for cy in range(y0, y1 + 1):
            yield (cx, cy)


class HitIndex:
    """Rough bounds of one page's elements in a bucket grid, kept up to date."""

    def __init__(
        self, doc: Document, page_id: str, kinds: Mapping[str, ShapeKind] = KINDS
    ) -> None:
        self.page_id = page_id
        self.kinds = kinds
        self.bounds: dict[str, Box] = {}
        self._cells: dict[tuple[int, int], set[str]] = {}
        self._queue: deque[Iterator[None]] = deque()
        self._queued = 0
        elements = doc.elements(page_id)
        # Shapes first, so connectors find their shapes' bounds already known.
        for el in elements:
            if isinstance(el, Shape):
                self._put(doc, el)
        for el in elements:
            if not isinstance(el, Shape):
                self._put(doc, el)

    def _put(self, doc: Document, el: Element, b: Box | None = None) -> None:
        if b is None:
            b = rough_bounds(doc, el, self.bounds, self.kinds)
        old = self.bounds.get(el.id)
        if b is None:
            self._drop(el.id)
            return
        if old is not None:
            if _span(old) == _span(b):
                self.bounds[el.id] = b  # same cells: nothing to re-bucket
                return
            self._drop(el.id)
        self.bounds[el.id] = b
        for cell in _cells(b):
            self._cells.setdefault(cell, set()).add(el.id)

    def _drop(self, rid: str) -> None:
        b = self.bounds.pop(rid, None)
        if b is None:
            return
        for cell in _cells(b):
            bucket = self._cells.get(cell)
            if bucket is not None:
                bucket.discard(rid)
                if not bucket:
                    del self._cells[cell]

    def update(self, doc: Document, patch: Patch) -> None:
        """Refresh the entries a patch touched, and connectors of touched shapes.

        A patch touching many records (moving a whole page) is queued instead
        and worked off by ``flush``: on idle time, or at the latest before the
        next query, so the release of a large drag paints without waiting.
        """
        work = self._work(doc, patch)
        if self._queue or len(patch.touched()) >= LAZY_AT:
            self._queue.append(work)
            self._queued += len(patch.touched())
            return
        for _ in work:
            pass

    @property
    def pending(self) -> int:
        """Return roughly how many records wait for their entry (0: current)."""
        return self._queued if self._queue else 0

    def flush(self, limit: int | None = None) -> None:
        """Work off queued updates: ``limit`` records, or all of them."""
        steps = 0
        while self._queue and (limit is None or steps < limit):
            if next(self._queue[0], _DONE) is _DONE:
                self._queue.popleft()
            else:
                steps += 1
                self._queued = max(0, self._queued - 1)
        if not self._queue:
            self._queued = 0

    def _work(self, doc: Document, patch: Patch) -> Iterator[None]:
        """Update the entries for one patch, yielding after each record.

        A shape that only moved gets its old bounds moved, which spares
        recomputing outlines when thousands of shapes move together.
        """
        touched = patch.touched()
        conns: set[str] = set()
        for rid in touched:
            conns.update(c.id for c in doc.connectors_of(rid))
        for rid in touched:
            el = doc.get(rid)
            old = self.bounds.get(rid)
            moved = _moved_by(patch, rid) if old is not None else None
            if isinstance(el, Shape) and el.page == self.page_id:
                self._put(doc, el, old.translated(moved) if old and moved else None)
            elif not isinstance(el, Connector):
                self._drop(rid)
            yield
        for rid in touched | conns:
            el = doc.get(rid)
            if isinstance(el, Connector) and el.page == self.page_id:
                self._put(doc, el)
            elif isinstance(el, Connector) or el is None:
                self._drop(rid)
            yield

    def near(self, box: Box) -> set[str]:
        """Return ids whose rough bounds may meet ``box``."""
        self.flush()
        out: set[str] = set()
        for cell in _cells(box):
            bucket = self._cells.get(cell)
            if bucket:
                out.update(r for r in bucket if self.bounds[r].intersects(box))
        over = self._cells.get((1 << 30, 1 << 30))
        if over:
            out.update(r for r in over if self.bounds[r].intersects(box))
        return out


class HitTester:
    """Answers "what is at this point" for one document and page."""

    def __init__(self, kinds: Mapping[str, ShapeKind] = KINDS) -> None:
        self.kinds = kinds
        self.routes = RouteCache()
        self._index: HitIndex | None = None

    def reset(self) -> None:
        """Drop the index (new document or page)."""
        self._index = None
        self.routes.clear()

    def index(self, doc: Document, page_id: str, *, flush: bool = True) -> HitIndex:
        """Return the page's index, built on first use and (``flush``) current."""
        if self._index is None or self._index.page_id != page_id:
            self._index = HitIndex(doc, page_id, self.kinds)
        if flush:
            self._index.flush()
        return self._index

    @property
    def pending(self) -> int:
        """Return how much queued index work is left (0: up to date)."""
        return self._index.pending if self._index is not None else 0

    def flush(self, limit: int) -> None:
        """Work off up to ``limit`` queued records (on idle time)."""
        if self._index is not None:
            self._index.flush(limit)

    def update(self, doc: Document, patch: Patch) -> None:
        """Keep the index in step with a patch (cheap: touched records only)."""
        if self._index is not None:
            self._index.update(doc, patch)

    def pickable(self, doc: Document, el: Element) -> bool:
        """Return whether the pointer may pick ``el`` (not hidden, not locked)."""
        return not is_hidden(doc, el) and not is_locked(doc, el)

    def elements_at(
        self,
        doc: Document,
        page_id: str,
        p: Vec,
        tol: float,
        *,
        skip: Iterable[str] = (),
        shapes_only: bool = False,
    ) -> list[Element]:
        """Return pickable elements under ``p``, topmost first."""
        idx = self.index(doc, page_id)
        near = idx.near(Box(p.x - tol, p.y - tol, 2 * tol, 2 * tol)) - set(skip)
        order = doc.paint_index(page_id)
        out: list[Element] = []
        for rid in sorted(near, key=lambda r: order.get(r, -1), reverse=True):
            el = doc.get(rid)
            if not isinstance(el, Shape | Connector) or not self.pickable(doc, el):
                continue
            if isinstance(el, Shape):
                if contains(el, p, tol, kinds=self.kinds) or label_hit(el, p, tol):
                    out.append(el)
            elif not shapes_only:
                r = self.routes.route(doc, el)
                if hit_distance(r, p) <= tol:
                    out.append(el)
        return out

    def element_at(
        self, doc: Document, page_id: str, p: Vec, tol: float, **options: Any
    ) -> Element | None:
        """Return the topmost pickable element under ``p``, or None.

        The topmost element ``p`` is really on (a shape it lies inside, a
        connector's drawn hit stroke) wins over those only the tolerance
        reaches: zoomed out, the tolerance in page units outgrows small
        shapes, and a click in the middle of one picked the connector
        leaving it or the neighbour painted above it. At ordinary zooms the
        tolerance is within the hit stroke and the topmost hit wins.
        (``options``: those of :meth:`elements_at`.)
        """
        found = self.elements_at(doc, page_id, p, tol, **options)
        if not found:
            return None
        top = found[0]
        if tol > HIT_WIDTH / 2:
            for el in found:
                if isinstance(el, Connector):
                    body = max(HIT_WIDTH, el.style.stroke_width + 8.0) / 2
                    if hit_distance(self.routes.route(doc, el), p) <= body:
                        return el
                elif isinstance(el, Shape) and (
                    contains(el, p, 0.0, kinds=self.kinds) or label_hit(el, p, 0.0)
                ):
                    return el
        return top

    def inside(self, doc: Document, page_id: str, band: Box) -> list[Element]:
        """Return pickable shapes and connectors lying wholly inside ``band``."""
        idx = self.index(doc, page_id)
        out: list[Element] = []
        for rid in sorted(idx.near(band)):
            el = doc.get(rid)
            if not isinstance(el, Shape | Connector) or not self.pickable(doc, el):
                continue
            if isinstance(el, Shape):
                b = bounds(el, kinds=self.kinds)
            else:
                b = Box.around(polyline(self.routes.route(doc, el)))
            if band.holds(b):
                out.append(el)
        return out


def label_hit(shape: Shape, p: Vec, tol: float) -> bool:
    """Return whether ``p`` is on the text of a label that may leave the shape."""
    box = label_text_box(shape)
    if box is None:
        return False
    if shape.rotation_deg % 360:
        p = rotate_about(p, shape.box.center, -shape.rotation_deg)
    return box.inflated(tol).contains(p)


def _moved_by(patch: Patch, rid: str) -> Vec | None:
    """Return the offset if the patch only translated shape ``rid``."""
    pair = patch.updated.get(rid)
    if pair is None:
        return None
    b, a = pair
    if not (isinstance(b, Shape) and isinstance(a, Shape)):
        return None
    if (a.box.w, a.box.h, a.rotation_deg, a.kind) != (
        b.box.w,
        b.box.h,
        b.rotation_deg,
        b.kind,
    ) or (a.props is not b.props and a.props != b.props):
        return None
    if b.style.corner_radius != a.style.corner_radius:
        return None
    # An outside label is in the bounds: new text or font moves its edges.
    if (label_leaves_shape(a) or label_leaves_shape(b)) and (
        a.text != b.text or (a.style is not b.style and a.style != b.style)
    ):
        return None
    return Vec(a.box.x - b.box.x, a.box.y - b.box.y)
