"""Patches → DOM ops through the one ``Renderer``, with large moves painted lazily.

Re-rendering thousands of elements that only moved costs far more than the
move (docs/architecture.md §2, "Painting large diagrams"), so when a patch translates
many elements rigidly the document changes at once but the DOM does not
re-render them: a ``translate`` op shifts their existing nodes, and the real
fragments follow in small batches on ``idle`` events. Until then the canvas
looks exactly right; only its bytes lag, which the browser waits out (``ui.
pending`` reaches 0) before comparing or exporting DOM text.

Opening a large file works the same way: the first ``reset`` holds only what
the opening view shows (:mod:`linework.editor.opening`); the rest is
*unpainted* and follows in larger batches on ``idle``.
The document is whole from the start, so editing never waits for the paint:
an op on an unpainted element paints it, placed before the next painted one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

from linework import phases
from linework.editor.protocol import Op, Reset
from linework.geometry import Box, Vec
from linework.model import (
    Attached,
    Connector,
    Document,
    Element,
    Free,
    Group,
    Patch,
    Shape,
)
from linework.render import Remove, Renderer, Upsert
from linework.render.label_reach import label_reach
from linework.render.shape import label_leaves_shape, label_text_bounds

#: Rigid moves touching at least this many elements are painted lazily.
LAZY_AT: Final = 200
#: Fragments sent per ``idle`` event unless the event asks otherwise.
FLUSH_BATCH: Final = 50
#: A page opens in two steps only when at least this many elements are out of view.
DEFER_AT: Final = 200
#: Unpainted fragments sent per ``idle`` event, per unit of the event's limit
#: (500 by default). Each slice costs the page a frame whose paint walks the
#: whole drawing, so fewer, larger slices paint the rest sooner with shorter
#: long tasks in all: measured at 5,000 shapes, 250 per slice took 18-24 s
#: with 41-52 long tasks (up to 0.8-1.0 s), 500 took 9-10 s with 23-24 (up to
#: 0.4-0.55 s), 1,000 was no better than 500 (a loaded 2-core machine).
UNPAINTED_PER_LIMIT: Final = 10
#: Screen pixels around the opening view that are painted at once too.
VIEW_SLACK_PX: Final = 16.0


class Painter:
    """Owns the renderer and what the browser's canvas currently shows."""

    def __init__(self) -> None:
        self.renderer = Renderer()
        #: Elements whose node shows an older fragment shifted by this offset.
        self.stale: dict[str, Vec] = {}
        #: Elements of the page on screen that have no node yet (opened out of view).
        self.unpainted: set[str] = set()
        #: Where each element left unpainted at the open lay then (rough edges):
        #: what the canvas shows is painted first, then the nearest.
        self._spans: dict[str, _Span] = {}
        #: Unpainted ids, farthest from ``_queued_for`` first (popped from the end).
        self._queue: list[str] = []
        self._queued_for: Box | None = None
        #: The nodes a drag preview last shifted, and by how much: a release
        #: landing there needs no translate op (it would resend every id).
        self.previewed: tuple[frozenset[str], Vec] | None = None

    @property
    def pending(self) -> int:
        """Return how many elements still wait for their real fragment."""
        return len(self.stale) + len(self.unpainted)

    def reset(self, doc: Document, page_id: str, view: Box | None = None) -> Reset:
        """Return a ``reset`` op of the page (nothing is stale after it).

        With ``view`` (page units), elements surely outside it are left out
        and painted later by :meth:`flush`, if there are enough of them.
        """
        self.stale.clear()
        self.unpainted.clear()
        self._spans = {}
        self._queue = []
        self._queued_for = view
        self.previewed = None
        elements: Sequence[Element] = doc.elements(page_id)
        if view is not None and len(elements) >= DEFER_AT:
            with phases.phase("split"):
                now, later = split_by_view(doc, elements, view)
            if len(later) >= DEFER_AT:
                self.unpainted.update(later)
                self._spans = later
                elements = now
        fragment = self.renderer.fragment
        with phases.phase("render"):
            return {
                "op": "reset",
                "elements": [[el.id, fragment(doc, el)] for el in elements],
            }

    def _before(self, order: tuple[str, ...], i: int) -> str | None:
        """Return the first painted element above paint position ``i``, if any."""
        n = len(order)
        j = i + 1
        unpainted = self.unpainted
        if unpainted:
            while j < n and order[j] in unpainted:
                j += 1
        return order[j] if j < n else None

    def translate(self, ids: Iterable[str], d: Vec) -> list[Op]:
        """Return ops showing ``ids`` shifted by ``d`` from what the document says.

        Elements already stale add their own offset, so ops are grouped by
        the offset each node needs.
        """
        unpainted, stale = self.unpainted, self.stale
        if unpainted:
            # An unpainted element has no node to shift: its first fragment
            # will be current.
            ids = [rid for rid in ids if rid not in unpainted]
        if not stale:
            # The usual case (a drag preview on a settled page): one offset.
            shifted = list(ids)
            if not shifted:
                return []
            return [{"op": "translate", "ids": shifted, "dx": d.x, "dy": d.y}]
        groups: dict[tuple[float, float], list[str]] = {}
        dx, dy = d.x, d.y
        for rid in ids:
            off = stale.get(rid)
            key = (dx, dy) if off is None else (off.x + dx, off.y + dy)
            groups.setdefault(key, []).append(rid)
        return [
            {"op": "translate", "ids": g, "dx": x, "dy": y}
            for (x, y), g in groups.items()
        ]

    def preview(self, ids: Sequence[str], d: Vec) -> list[Op]:
        """Return ops showing a drag preview: ``ids`` shifted by ``d`` (as
        :meth:`translate`), remembered for the release."""
        self.previewed = (frozenset(ids), d)
        return self.translate(ids, d)

    def upserts(self, doc: Document, page_id: str, ids: Iterable[str]) -> list[Op]:
        """Return upserts of ``ids`` rendered from ``doc``, topmost first."""
        index = doc.paint_index(page_id)
        order = doc.paint_ids(page_id)
        out: list[Op] = []
        for rid in sorted(
            (r for r in ids if r in index), key=index.__getitem__, reverse=True
        ):
            i = index[rid]
            el = doc.records[rid]
            if not isinstance(el, Shape | Connector | Group):
                continue
            before = self._before(order, i)
            svg = self.renderer.fragment(doc, el)
            out.append({"op": "upsert", "id": rid, "svg": svg, "before": before})
            self.stale.pop(rid, None)
            self.unpainted.discard(rid)
            if self.previewed is not None and rid in self.previewed[0]:
                self.previewed = None  # a fresh node: no longer shifted
        return out

    def _next_unpainted(self, n: int, view: Box | None) -> list[str]:
        """Return up to ``n`` unpainted ids, nearest to ``view`` first."""
        if view is not None and view != self._queued_for:
            self._queued_for = view
            self._queue = []
        queue, unpainted = self._queue, self.unpainted
        if not queue:
            at = self._queued_for
            spans = self._spans
            if at is None:
                queue.extend(unpainted)
            else:
                vx0, vy0, vx1, vy1 = at.x, at.y, at.right, at.bottom

                def far(rid: str) -> float:
                    sp = spans.get(rid)
                    if sp is None:
                        return 0.0
                    dx = max(sp[0] - vx1, vx0 - sp[2], 0.0)
                    dy = max(sp[1] - vy1, vy0 - sp[3], 0.0)
                    return dx * dx + dy * dy

                queue.extend(sorted(unpainted, key=far, reverse=True))
        out: list[str] = []
        while queue and len(out) < n:
            rid = queue.pop()
            if rid in unpainted:
                out.append(rid)
        return out

    def _paint(self, doc: Document, page_id: str, ids: Sequence[str]) -> list[Op]:
        """Return upserts painting unpainted ``ids``, topmost first.

        Each one's ``before`` is the nearest element above it that is painted
        or comes earlier in the batch: one pass down the paint order, so any
        choice of ids costs the same.
        """
        index = doc.paint_index(page_id)
        records = doc.records
        batch = {
            r
            for r in ids
            if r in index and isinstance(records[r], Shape | Connector | Group)
        }
        for r in ids:
            self.unpainted.discard(r)
        if not batch:
            return []
        order = doc.paint_ids(page_id)
        lowest = min(index[r] for r in batch)
        unpainted = self.unpainted
        fragment = self.renderer.fragment
        out: list[Op] = []
        above: str | None = None
        for j in range(len(order) - 1, lowest - 1, -1):
            rid = order[j]
            if rid in batch:
                svg = fragment(doc, records[rid])  # type: ignore[arg-type]
                out.append({"op": "upsert", "id": rid, "svg": svg, "before": above})
                self.stale.pop(rid, None)
                above = rid
            elif rid not in unpainted:
                above = rid
        if self.previewed is not None and not batch.isdisjoint(self.previewed[0]):
            self.previewed = None  # fresh nodes: no longer shifted
        return out

    def update(self, doc: Document, patch: Patch, page_id: str) -> list[Op]:
        """Return the ops that bring the canvas from before ``patch`` to ``doc``."""
        rigid = _rigid_move(doc, patch, page_id)
        if rigid is not None:
            d, moved, followers = rigid
            shown, self.previewed = self.previewed, None
            if shown is not None and shown[1] == d and shown[0] == frozenset(moved):
                # The release lands where the preview left the nodes (and
                # nothing was re-rendered since): they already show ``d``.
                ops: list[Op] = []
            else:
                ops = self.translate(moved, d)
            unpainted, stale = self.unpainted, self.stale
            painted = [r for r in moved if r not in unpainted] if unpainted else moved
            if not stale:
                self.stale = dict.fromkeys(painted, d)
            else:
                for rid in painted:
                    off = stale.get(rid)
                    stale[rid] = d if off is None else off + d
            ops.extend(self.upserts(doc, page_id, followers))
            return ops
        self.previewed = None
        dom_ops = self.renderer.update(doc, patch, page_id)
        removes = [o for o in dom_ops if isinstance(o, Remove)]
        upserts = [o for o in dom_ops if isinstance(o, Upsert)]
        out: list[Op] = [{"op": "remove", "id": o.id} for o in removes]
        for o in removes:
            self.unpainted.discard(o.id)
        order = doc.paint_ids(page_id) if self.unpainted else ()
        index = doc.paint_index(page_id) if self.unpainted else {}
        # Inserts go topmost first, so each op's ``before`` sibling is in place
        # (an unpainted sibling is skipped for the next painted one).
        for u in reversed(upserts):
            before = u.before
            if before is not None and before in self.unpainted:
                before = self._before(order, index[u.id])
            out.append({"op": "upsert", "id": u.id, "svg": u.svg, "before": before})
            self.unpainted.discard(u.id)
        for rid in [o.id for o in removes] + [o.id for o in upserts]:
            self.stale.pop(rid, None)
        return out

    def flush(
        self,
        doc: Document,
        page_id: str,
        limit: int = FLUSH_BATCH,
        view: Box | None = None,
    ) -> list[Op]:
        """Return real fragments for up to ``limit`` stale elements.

        Unpainted elements come first, more of them per event (each is one
        insertion, not a re-render of what is on screen): those ``view`` (what
        the canvas shows now; else the opening view) shows first, then the
        nearest, so a user who scrolls sees the page fill in where they look.
        """
        index = doc.paint_index(page_id)
        if self.unpainted:
            gone = [r for r in self.unpainted if r not in index]
            self.unpainted.difference_update(gone)
            batch = self._next_unpainted(max(1, limit) * UNPAINTED_PER_LIMIT, view)
            return self._paint(doc, page_id, batch)
        if not self.stale:
            return []
        gone = [r for r in self.stale if r not in index]
        for r in gone:
            del self.stale[r]
        batch = sorted(self.stale, key=index.__getitem__)[: max(1, limit)]
        return self.upserts(doc, page_id, batch)


#: A box as its edges (x0, y0, x1, y1): the split handles thousands of them.
_Span = tuple[float, float, float, float]


def _box_span(s: Shape) -> _Span:
    """Return edges the shape surely lies in (its label aside), without its outline."""
    box = s.box
    x, y, w, h = box.x, box.y, box.w, box.h
    if s.rotation_deg % 360:
        r = (w * w + h * h) ** 0.5 / 2
        x, y, w, h = x + w / 2 - r, y + h / 2 - r, 2 * r, 2 * r
    m = max(w, h) * 0.1 + 4.0
    return x - m, y - m, x + w + m, y + h + m


def _rough_shape_span(s: Shape) -> _Span:
    """Return edges the shape and its label surely lie in, without its outline."""
    x0, y0, x1, y1 = _box_span(s)
    if s.text and label_leaves_shape(s):
        label = label_text_bounds(s)
        if label is not None:
            x0, y0 = min(x0, label.x), min(y0, label.y)
            x1, y1 = max(x1, label.right), max(y1, label.bottom)
    return x0, y0, x1, y1


#: Room around a connector's end shapes for detours, heads and labels.
_CONN_SLACK: Final = 80.0


def _connector_span(
    doc: Document,
    c: Connector,
    spans: dict[str, _Span],
    outers: dict[str, _Span],
    side: int = 0,
) -> _Span | None:
    """Return the edges connector ``c`` lies in, or None when nothing places it.

    From its ends' spans: ``side`` 0 their inner spans (``spans``), 1 their
    outer ones (``outers`` where a shape has one), 2 their exact ones. An end
    not seen yet (a shape painted above the connector) is noted as it is met.
    """
    x0 = y0 = float("inf")
    x1 = y1 = float("-inf")
    for end in (c.source, c.target):
        if isinstance(end, Free):
            p = end.point
            x0, y0, x1, y1 = min(x0, p.x), min(y0, p.y), max(x1, p.x), max(y1, p.y)
            continue
        sid = end.shape
        sp = spans.get(sid)
        if sp is None or side == 2:
            sh = doc.get(sid)
            if not isinstance(sh, Shape):
                continue
            sp = _rough_shape_span(sh) if side == 2 else _note_spans(sh, spans, outers)
        if side == 1:
            sp = outers.get(sid, sp)
        x0, y0 = min(x0, sp[0]), min(y0, sp[1])
        x1, y1 = max(x1, sp[2]), max(y1, sp[3])
    for p in c.waypoints:
        x0, y0, x1, y1 = min(x0, p.x), min(y0, p.y), max(x1, p.x), max(y1, p.y)
    if x0 > x1:
        return None
    m = _CONN_SLACK + 4 * c.style.font_size
    return x0 - m, y0 - m, x1 + m, y1 + m


def _note_spans(s: Shape, spans: dict[str, _Span], outers: dict[str, _Span]) -> _Span:
    """Note the shape's inner span in ``spans`` and return it; note an outer
    one in ``outers`` when its label's cheap reach is wider.

    Edges inside and outside those :func:`_rough_shape_span` gives, without
    laying the label out: the shape's rough box, and that grown by the label's
    reach (:func:`linework.render.label_reach.label_reach`). The inner span is
    the exact one when the label stays inside or has no cheap reach.
    """
    if not (s.text and label_leaves_shape(s)):
        inner = spans[s.id] = _box_span(s)
        return inner
    reach = label_reach(s)
    if reach is None:
        inner = spans[s.id] = _rough_shape_span(s)
        return inner
    inner = spans[s.id] = x0, y0, x1, y1 = _box_span(s)  # unrotated (reach)
    outers[s.id] = (
        min(x0, reach[0]),
        min(y0, reach[1]),
        max(x1, reach[2]),
        max(y1, reach[3]),
    )
    return inner


def split_by_view(
    doc: Document, elements: Iterable[Element], view: Box
) -> tuple[list[Element], dict[str, _Span]]:
    """Split a page's elements into those to paint now and the rest (each
    id with the rough edges it lies in).

    Now: whatever may show in ``view`` and groups (empty nodes). The opening
    view comes from the core (nothing is measured in the browser), so what
    lies outside it can wait, inside the page box or not. Boxes are rough but
    generous: a wrong guess only paints something a moment later.

    Labels are laid out only where that decides (an element whose box misses
    the view but whose label's cheap reach meets it): what is painted now is
    what exact spans give. One left for later keeps the edges that decided
    it, the reach's where that sufficed (a little wider than exact: it only
    orders what is painted later).
    """
    vx0, vy0, vx1, vy1 = view.x, view.y, view.right, view.bottom

    def meets(sp: _Span) -> bool:
        return sp[0] <= vx1 and vx0 <= sp[2] and sp[1] <= vy1 and vy0 <= sp[3]

    # Each shape's inner span (its exact one, unless its label reaches out),
    # and the outer span of those whose label's reach is wider.
    spans: dict[str, _Span] = {}
    outers: dict[str, _Span] = {}
    now: list[Element] = []
    later: dict[str, _Span] = {}
    for el in elements:
        if isinstance(el, Shape):
            inner = _note_spans(el, spans, outers)
            outer = outers.get(el.id, inner) if outers else inner
        elif isinstance(el, Connector):
            maybe = _connector_span(doc, el, spans, outers)
            if maybe is None:  # nothing to place it by
                now.append(el)
                continue
            inner = outer = maybe
            if outers:  # some label reaches out: maybe one of this one's ends
                outer = _connector_span(doc, el, spans, outers, 1) or inner
        else:
            now.append(el)
            continue
        x0, y0, x1, y1 = outer
        if not (x0 <= vx1 and vx0 <= x1 and y0 <= vy1 and vy0 <= y1):
            later[el.id] = outer
        elif inner is outer or meets(inner):
            now.append(el)
        else:
            exact = (
                _rough_shape_span(el)
                if isinstance(el, Shape)
                else _connector_span(doc, el, spans, outers, 2)
            )
            if exact is None or meets(exact):
                now.append(el)
            else:
                later[el.id] = exact
    return now, later


def _shape_rest(s: Shape) -> tuple[object, ...]:
    """Return every field of a shape but its box (tuples compare by identity first,
    so records made by ``replace`` compare in a few pointer checks)."""
    return (
        s.id,
        s.page,
        s.layer,
        s.parent,
        s.z,
        s.kind,
        s.rotation_deg,
        s.style,
        s.text,
        s.rich,
        s.link,
        s.props,
        s.locked,
        s.extra,
    )


def _connector_rest(c: Connector) -> tuple[object, ...]:
    """Return every field of a connector but its ends and waypoints."""
    return (
        c.id,
        c.page,
        c.layer,
        c.parent,
        c.z,
        c.routing,
        c.style,
        c.labels,
        c.locked,
        c.extra,
    )


def _shift(a: Vec, b: Vec) -> Vec:
    return Vec(b.x - a.x, b.y - a.y)


_EPS: Final = 1e-6


def _same(a: Vec, b: Vec) -> bool:
    return abs(a.x - b.x) <= _EPS and abs(a.y - b.y) <= _EPS


def _rigid_move(
    doc: Document, patch: Patch, page_id: str
) -> tuple[Vec, list[str], list[str]] | None:
    """Return (offset, moved ids, followers) if ``patch`` only translates many
    elements of the page by one offset; else None.

    Moved elements are the translated shapes and connectors plus connectors
    whose ends all sit on translated shapes (their routes translate too);
    followers are connectors with one end left behind, which must re-route.
    """
    if patch.added or patch.removed or len(patch.updated) < LAZY_AT:
        return None
    d: Vec | None = None
    shapes: set[str] = set()
    moved: list[str] = []
    conns: list[Connector] = []

    def agree(delta: Vec) -> bool:
        nonlocal d
        if d is None:
            d = delta
        return _same(d, delta)

    for rid, (b, a) in patch.updated.items():
        if isinstance(b, Shape) and isinstance(a, Shape):
            if b.page != page_id or (a.box.w, a.box.h) != (b.box.w, b.box.h):
                return None
            if _shape_rest(b) != _shape_rest(a) or not agree(
                _shift(Vec(b.box.x, b.box.y), Vec(a.box.x, a.box.y))
            ):
                return None
            shapes.add(rid)
        elif isinstance(b, Connector) and isinstance(a, Connector):
            if b.page != page_id or len(a.waypoints) != len(b.waypoints):
                return None
            if _connector_rest(b) != _connector_rest(a):
                return None
            for eb, ea in ((b.source, a.source), (b.target, a.target)):
                if isinstance(eb, Free) and isinstance(ea, Free):
                    if not agree(_shift(eb.point, ea.point)):
                        return None
                elif eb != ea:
                    return None
            if not all(
                agree(_shift(p, q))
                for p, q in zip(b.waypoints, a.waypoints, strict=True)
            ):
                return None
            conns.append(a)
            continue
        else:
            return None
        moved.append(rid)
    if d is None:
        return None
    followers: list[str] = []
    for c in conns:
        ends = (c.source, c.target)
        if all(not isinstance(e, Attached) or e.shape in shapes for e in ends):
            moved.append(c.id)
        else:
            followers.append(c.id)
    listed = set(moved) | set(followers)
    for sid in shapes:
        for c in doc.connectors_of(sid):
            if c.id in listed:
                continue
            listed.add(c.id)
            ends = (c.source, c.target)
            if all(isinstance(e, Attached) and e.shape in shapes for e in ends):
                moved.append(c.id)
            else:
                followers.append(c.id)
    return d, moved, followers
