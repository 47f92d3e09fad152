"""Rendering: records → cached SVG fragments, patches → DOM ops, page → SVG file.

The canvas in the browser and an exported file are built from the very same
fragment strings, so what the user sees is what the file holds (P7).
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from linework import memo
from linework.errors import LineworkError
from linework.geometry import Box, fmt
from linework.model import (
    Attached,
    Connector,
    Document,
    Element,
    Group,
    Patch,
    Shape,
    Style,
)
from linework.render import ids
from linework.render.arrowheads import size_of
from linework.render.connector import LABEL_PADDING, connector_svg, label_center
from linework.render.shape import label_text_bounds, shape_node
from linework.render.shape_text import shape_svg
from linework.routing import polyline, route
from linework.shapes import bounds
from linework.svg import esc_attr, esc_text, node, serialize
from linework.text import line_height, text_width

SVG_NS: Final = "http://www.w3.org/2000/svg"
LINEWORK_NS: Final = "https://linework.dev/ns/1"
EXPORT_MARGIN: Final = 20.0
# The most SVG text a page's elements may draw in one export (labels are
# bounded each, see linework.text.layout; this bounds their sum).
MAX_PAGE_SVG_CHARS: Final = 64 * 1024 * 1024

SVG_DEFS: Final = (
    '<defs><filter id="lw-shadow" x="-20%" y="-20%" width="140%" height="140%">'
    '<feDropShadow dx="2" dy="3" stdDeviation="2" flood-color="#000000" '
    'flood-opacity="0.25"/></filter></defs>'
)


@dataclass(frozen=True, slots=True)
class Upsert:
    """Insert or replace the element ``id`` with ``svg``, before sibling ``before``."""

    id: str
    svg: str
    before: str | None


@dataclass(frozen=True, slots=True)
class Remove:
    """Remove the element ``id`` from the canvas."""

    id: str


DomOp = Upsert | Remove


class Renderer:
    """Render elements to SVG text, caching each fragment while its inputs hold.

    Records are immutable, so "unchanged" is identity: a shape's fragment depends on
    the shape record; a connector's on itself and the shapes it is attached to.
    """

    def __init__(self, *, id_prefix: str = "") -> None:
        """``id_prefix``: put before every id this renderer draws and the
        references to them (:mod:`linework.render.ids`), for a render that
        shares a page with others (the template gallery); its defs are
        :meth:`defs`. The default draws the canvas's and files' ids as they are.
        """
        self._cache: dict[str, tuple[tuple[object, ...], str]] = {}
        self.id_prefix = ids.check_prefix(id_prefix)

    def defs(self) -> str:
        """Return the ``<defs>`` this renderer's fragments refer to."""
        return ids.prefixed_defs(SVG_DEFS, self.id_prefix)

    def _inputs(self, doc: Document, el: Element) -> tuple[object, ...]:
        get = doc.records.get  # doc.get, without its frame (once per element)
        layer = get(el.layer)
        hidden = layer is not None and not getattr(layer, "visible", True)
        if isinstance(el, Connector):
            # The attached ends' shapes, source first (unrolled: this runs for
            # every connector on every render).
            s, t = el.source, el.target
            if isinstance(s, Attached):
                if isinstance(t, Attached):
                    return (el, hidden, get(s.shape), get(t.shape))
                return (el, hidden, get(s.shape))
            if isinstance(t, Attached):
                return (el, hidden, get(t.shape))
        return (el, hidden)

    def fragment(self, doc: Document, el: Element) -> str:
        """Return the SVG text of one element."""
        inputs = self._inputs(doc, el)
        hit = memo.lookup(self._cache, el.id, inputs)
        if hit is not None:
            return hit
        svg = _element_svg(doc, el, hidden=bool(inputs[1]), prefix=self.id_prefix)
        self._cache[el.id] = (inputs, svg)
        return svg

    def page_fragments(self, doc: Document, page_id: str) -> list[tuple[str, str]]:
        """Return (id, svg) for every element of a page, in paint order."""
        return [(el.id, self.fragment(doc, el)) for el in doc.elements(page_id)]

    def update(self, doc: Document, patch: Patch, page_id: str) -> list[DomOp]:
        """Return the DOM ops that bring a page's canvas from before ``patch`` to now.

        Only touched elements and the connectors attached to touched shapes are
        re-rendered, so the cost follows the size of the change, not of the page.
        """
        dirty = set(patch.touched())
        for rid in list(dirty):
            rec = doc.get(rid) or patch.removed.get(rid)
            if isinstance(rec, Shape):
                dirty.update(c.id for c in doc.connectors_of(rid))
        index = doc.paint_index(page_id)
        order = doc.paint_ids(page_id)
        ops: list[DomOp] = []
        removed = sorted(
            rid
            for rid in dirty
            if rid not in index and _was_on_page(patch, rid, page_id)
        )
        ops.extend(Remove(rid) for rid in removed)
        for rid in sorted((r for r in dirty if r in index), key=index.__getitem__):
            i = index[rid]
            el = doc.records[rid]
            assert isinstance(el, Shape | Connector | Group)
            before = order[i + 1] if i + 1 < len(order) else None
            ops.append(Upsert(rid, self.fragment(doc, el), before))
        for rid in removed:
            self._cache.pop(rid, None)
        return ops


def _was_on_page(patch: Patch, rid: str, page_id: str) -> bool:
    rec = patch.removed.get(rid)
    if rec is None and rid in patch.updated:
        rec = patch.updated[rid][0]
    return rec is not None and getattr(rec, "page", None) == page_id


def _element_svg(
    doc: Document, el: Element, *, hidden: bool = False, prefix: str = ""
) -> str:
    """Return an element's fragment, its ids prefixed (see :mod:`.ids`)."""
    match el:
        case Shape():
            if not prefix:
                return shape_svg(el, hidden=hidden)
            return serialize(ids.prefixed(shape_node(el, hidden=hidden), prefix))
        case Connector():
            return connector_svg(doc, el, hidden=hidden, id_prefix=prefix)
        case Group():
            group = node("g", data_id=el.id, data_kind="group")
            return serialize(ids.prefixed(group, prefix))


def page_fragments(doc: Document, page_id: str) -> list[tuple[str, str]]:
    """Return (id, svg) for every element of a page, in paint order (uncached)."""
    return Renderer().page_fragments(doc, page_id)


def element_bounds(doc: Document, el: Element) -> Box | None:
    """Return the page-space bounds of an element, or None for groups."""
    if isinstance(el, Shape):
        outside = label_text_bounds(el)
        return bounds(el) if outside is None else bounds(el).union(outside)
    if isinstance(el, Connector):
        r = route(doc, el)
        box = Box.around(polyline(r)).inflated(_reach(el.style))
        for label in el.labels:
            c = label_center(r, label)
            w = text_width(label.text, el.style.font_size) / 2 + LABEL_PADDING
            h = line_height(el.style.font_size) * (label.text.count("\n") + 1) / 2
            box = box.union(
                Box(c.x - w, c.y - h - LABEL_PADDING, 2 * w, 2 * h + LABEL_PADDING)
            )
        return box
    return None


# How far a connector's heads reach past its ends: the style's alone, and
# connectors share a few style records (memoized by record identity; the
# stored record is compared with ``is``, so a recycled id() cannot alias).
_REACH: dict[int, tuple[Style, float]] = {}


def _reach(st: Style) -> float:
    hit = _REACH.get(id(st))
    if hit is not None and hit[0] is st:
        return hit[1]
    reach = max(
        size_of(st.start_arrow, st.stroke_width, st.start_arrow_size),
        size_of(st.end_arrow, st.stroke_width, st.end_arrow_size),
    )
    if len(_REACH) >= 4096:
        _REACH.clear()
    _REACH[id(st)] = (st, reach)
    return reach


def content_bounds(doc: Document, elements: Iterable[Element]) -> Box | None:
    """Return the union of the bounds of ``elements``, or None if there are none."""
    # Box.union over plain floats (the very expressions: right is x + w, ...),
    # without a Box per element.
    first = True
    x = y = w = h = 0.0
    for el in elements:
        b = element_bounds(doc, el)
        if b is None:
            continue
        if first:
            x, y, w, h = b.x, b.y, b.w, b.h
            first = False
            continue
        nx, ny = min(x, b.x), min(y, b.y)
        w = max(x + w, b.x + b.w) - nx
        h = max(y + h, b.y + b.h) - ny
        x, y = nx, ny
    return None if first else Box(x, y, w, h)


def export_svg(
    doc: Document,
    page_id: str,
    *,
    only: Sequence[str] | None = None,
    background: bool = True,
    embed: bytes | None = None,
    renderer: Renderer | None = None,
) -> str:
    """Return a standalone SVG file of a page (or of the elements ``only``).

    The view box fits the content with a margin; the element groups are the same
    text as the canvas fragments. ``embed`` puts a document (the ``.linework`` or a
    sealed envelope) into ``<metadata>`` as base64, so the image re-opens as a diagram.

    Raises:
        LineworkError: LW-E0404 when the elements draw more than
            ``MAX_PAGE_SVG_CHARS`` characters.
    """
    r = renderer or Renderer()
    page = next((p for p in doc.pages() if p.id == page_id), None)
    if page is None:
        raise KeyError(f"no page {page_id!r}")
    elements = [e for e in doc.elements(page_id) if only is None or e.id in set(only)]
    box = content_bounds(doc, elements)
    if box is None:
        box = Box(0, 0, page.width, page.height)
    else:
        box = box.inflated(EXPORT_MARGIN)
    parts = [
        f'<svg xmlns="{SVG_NS}" xmlns:linework="{LINEWORK_NS}" version="1.1" '
        f'width="{fmt(box.w)}" height="{fmt(box.h)}" '
        f'viewBox="{fmt(box.x)} {fmt(box.y)} {fmt(box.w)} {fmt(box.h)}">'
    ]
    if embed is not None:
        payload = base64.b64encode(embed).decode("ascii")
        parts.append(
            f'<metadata><linework:document encoding="base64">{esc_text(payload)}'
            "</linework:document></metadata>"
        )
    parts.append("<style>text{font-kerning:none}</style>")
    parts.append(SVG_DEFS)
    if background and page.background != "none":
        parts.append(
            f'<rect x="{fmt(box.x)}" y="{fmt(box.y)}" width="{fmt(box.w)}" '
            f'height="{fmt(box.h)}" fill="{esc_attr(page.background)}"/>'
        )
    drawn = 0
    for el in elements:
        fragment = r.fragment(doc, el)
        drawn += len(fragment)
        if drawn > MAX_PAGE_SVG_CHARS:
            raise LineworkError(
                "LW-E0404",
                f"Its elements draw more than {MAX_PAGE_SVG_CHARS:,} characters"
                " of SVG; export fewer elements at a time.",
            )
        parts.append(fragment)
    parts.append("</svg>\n")
    return "".join(parts)


__all__ = [
    "SVG_DEFS",
    "DomOp",
    "Remove",
    "Renderer",
    "Upsert",
    "content_bounds",
    "element_bounds",
    "export_svg",
    "page_fragments",
]
