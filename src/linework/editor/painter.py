"""Patches → DOM ops through the one ``Renderer``, with large moves painted lazily.

Re-rendering thousands of elements that only moved costs far more than the
move (docs/architecture.md §2, "Painting large diagrams"), so when a patch translates
many elements rigidly the document changes at once but the DOM does not
re-render them: a ``translate`` op shifts their existing nodes, and the real
fragments follow in small batches on ``idle`` events. Until then the canvas
looks exactly right; only its bytes lag, which the browser waits out (``ui.
pending`` reaches 0) before comparing or exporting DOM text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

from linework.geometry import Vec
from linework.model import Attached, Connector, Document, Free, Group, Patch, Shape
from linework.render import Remove, Renderer, Upsert

#: Rigid moves touching at least this many elements are painted lazily.
LAZY_AT: Final = 200
#: Fragments sent per ``idle`` event unless the event asks otherwise.
FLUSH_BATCH: Final = 50
_EPS: Final = 1e-6

Op = dict[str, Any]


class Painter:
    """Owns the renderer and what the browser's canvas currently shows."""

    def __init__(self) -> None:
        self.renderer = Renderer()
        #: Elements whose node shows an older fragment shifted by this offset.
        self.stale: dict[str, Vec] = {}

    @property
    def pending(self) -> int:
        """Return how many elements still wait for their real fragment."""
        return len(self.stale)

    def reset(self, doc: Document, page_id: str) -> Op:
        """Return a ``reset`` op of the whole page (nothing is stale after it)."""
        self.stale.clear()
        return {
            "op": "reset",
            "elements": [
                [rid, svg] for rid, svg in self.renderer.page_fragments(doc, page_id)
            ],
        }

    def translate(self, ids: Iterable[str], d: Vec) -> list[Op]:
        """Return ops showing ``ids`` shifted by ``d`` from what the document says.

        Elements already stale add their own offset, so ops are grouped by
        the offset each node needs.
        """
        groups: dict[Vec, list[str]] = {}
        for rid in ids:
            off = self.stale.get(rid, Vec(0.0, 0.0)) + d
            groups.setdefault(off, []).append(rid)
        return [
            {"op": "translate", "ids": g, "dx": off.x, "dy": off.y}
            for off, g in groups.items()
        ]

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
            before = order[i + 1] if i + 1 < len(order) else None
            svg = self.renderer.fragment(doc, el)
            out.append({"op": "upsert", "id": rid, "svg": svg, "before": before})
            self.stale.pop(rid, None)
        return out

    def update(self, doc: Document, patch: Patch, page_id: str) -> list[Op]:
        """Return the ops that bring the canvas from before ``patch`` to ``doc``."""
        rigid = _rigid_move(doc, patch, page_id)
        if rigid is not None:
            d, moved, followers = rigid
            ops = self.translate(moved, d)
            for rid in moved:
                self.stale[rid] = self.stale.get(rid, Vec(0.0, 0.0)) + d
            ops.extend(self.upserts(doc, page_id, followers))
            return ops
        dom_ops = self.renderer.update(doc, patch, page_id)
        removes = [o for o in dom_ops if isinstance(o, Remove)]
        upserts = [o for o in dom_ops if isinstance(o, Upsert)]
        out: list[Op] = [{"op": "remove", "id": o.id} for o in removes]
        # Inserts go topmost first, so each op's ``before`` sibling is in place.
        out.extend(
            {"op": "upsert", "id": o.id, "svg": o.svg, "before": o.before}
            for o in reversed(upserts)
        )
        for rid in [o.id for o in removes] + [o.id for o in upserts]:
            self.stale.pop(rid, None)
        return out

    def flush(self, doc: Document, page_id: str, limit: int = FLUSH_BATCH) -> list[Op]:
        """Return real fragments for up to ``limit`` stale elements."""
        if not self.stale:
            return []
        index = doc.paint_index(page_id)
        gone = [r for r in self.stale if r not in index]
        for r in gone:
            del self.stale[r]
        batch = sorted(self.stale, key=index.__getitem__)[: max(1, limit)]
        return self.upserts(doc, page_id, batch)


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
        s.link,
        s.props,
        s.extra,
    )


def _connector_rest(c: Connector) -> tuple[object, ...]:
    """Return every field of a connector but its ends and waypoints."""
    return (c.id, c.page, c.layer, c.parent, c.z, c.routing, c.style, c.labels, c.extra)


def _shift(a: Vec, b: Vec) -> Vec:
    return Vec(b.x - a.x, b.y - a.y)


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
