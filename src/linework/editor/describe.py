"""The diagram in words: the status line, selection announcements and the outline.

A screen reader gets nothing from an SVG drawing, and a sighted user trusts
the status line only if it is always true. All three texts are built here, from
the document and the session, so the browser only shows them (``ui.status``,
``ui.announce``, ``ui.outline``; see :mod:`linework.editor.protocol`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from linework.icons.titles import icon_title
from linework.model import Attached, Connector, Document, Group, Page, Patch, Shape
from linework.shapes import KINDS, ShapeKind, kind_of

Json = dict[str, Any]
#: The outline lists at most this many shapes (then says how many more).
MAX_OUTLINE: Final = 1000
_MAX_LABEL: Final = 80
_ROW: Final = 40.0  # shapes whose centres are this close vertically read as a row


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def label_of(text: str) -> str:
    """Return a label as one short line: whitespace collapsed, long text cut."""
    one = " ".join(text.split())
    return one if len(one) <= _MAX_LABEL else one[: _MAX_LABEL - 1].rstrip() + "…"


def shape_label(s: Shape) -> str:
    """Return a shape's label as one line; an unlabelled icon's is its title
    (``AWS S3``): "Icon (no label)" told which icon of hundreds nothing."""
    text = label_of(s.text)
    if not text and s.kind == "icon":
        return icon_title(s.props)
    return text


def name_of(doc: Document, rid: str, kinds: Mapping[str, ShapeKind] = KINDS) -> str:
    """Return how an element is named aloud: ``Process 'Receive order'``."""
    e = doc.get(rid)
    if isinstance(e, Shape):
        title = kind_of(e.kind, kinds).title
        text = shape_label(e)
        return f"{title} '{text}'" if text else title
    if isinstance(e, Group):
        return f"Group of {_plural(len(doc.members(e.id)), 'element')}"
    if isinstance(e, Connector):
        return "Connector"
    return "Element"


def _end_name(doc: Document, end: object, kinds: Mapping[str, ShapeKind]) -> str:
    if isinstance(end, Attached) and isinstance(doc.get(end.shape), Shape):
        return name_of(doc, end.shape, kinds)
    return "a free point"


def connector_text(
    doc: Document, c: Connector, kinds: Mapping[str, ShapeKind] = KINDS
) -> str:
    """Return ``Connector from A to B`` (with its first label, if any)."""
    text = (
        f"Connector from {_end_name(doc, c.source, kinds)}"
        f" to {_end_name(doc, c.target, kinds)}"
    )
    label = label_of(c.labels[0].text) if c.labels else ""
    return f"{text} '{label}'" if label else text


def links_of(
    doc: Document, shape: Shape, kinds: Mapping[str, ShapeKind] = KINDS
) -> list[str]:
    """Return a shape's connections in words: ``to Decision 'In stock?'`` …"""
    out: list[str] = []
    for c in doc.connectors_of(shape.id):
        src = isinstance(c.source, Attached) and c.source.shape == shape.id
        tgt = isinstance(c.target, Attached) and c.target.shape == shape.id
        label = label_of(c.labels[0].text) if c.labels else ""
        via = f" ('{label}')" if label else ""
        if src and tgt:
            out.append(f"to itself{via}")
        elif src:
            out.append(f"to {_end_name(doc, c.target, kinds)}{via}")
        else:
            out.append(f"from {_end_name(doc, c.source, kinds)}{via}")
    return out


class _Count:
    """A page's element count, carried to the documents derived by patches that
    add, remove or re-page nothing (so a drag step does not recount 10,000
    elements for the status line)."""

    __slots__ = ("n",)

    def __init__(self, n: int) -> None:
        self.n = n

    def carry(self, patch: Patch) -> _Count | None:
        if patch.added or patch.removed:
            return None
        for before, after in patch.updated.values():
            if type(before) is not type(after) or getattr(
                before, "page", None
            ) != getattr(after, "page", None):
                return None
        return self


def element_count(doc: Document, page_id: str) -> int:
    """Return how many shapes and connectors a page holds (groups are not counted)."""
    count: _Count = doc.memo(
        f"carry:element-count:{page_id}",
        lambda: _Count(
            sum(1 for e in doc.elements(page_id) if not isinstance(e, Group))
        ),
    )
    return count.n


def status_text(doc: Document, page_id: str, selection: Sequence[str]) -> str:
    """Return the status line's truth: ``Page 2 · 12 elements · 1 selected``."""
    page = doc.get(page_id)
    name = page.name if isinstance(page, Page) else ""
    parts = [name or "Page", _plural(element_count(doc, page_id), "element")]
    if selection:
        parts.append(f"{len(selection)} selected")
    return " · ".join(parts)


def announce_text(
    doc: Document, selection: Sequence[str], kinds: Mapping[str, ShapeKind] = KINDS
) -> str:
    """Return what a screen reader hears when the selection changes.

    >>> from linework.model import Document
    >>> announce_text(Document.new(), [])
    'Nothing selected'
    """
    live = [r for r in selection if doc.get(r) is not None]
    if not live:
        return "Nothing selected"
    if len(live) == 1:
        e = doc.get(live[0])
        if isinstance(e, Connector):
            return f"{connector_text(doc, e, kinds)} selected"
        text = f"{name_of(doc, live[0], kinds)} selected"
        if isinstance(e, Shape):
            n = len(doc.connectors_of(e.id))
            if n:
                text += f", {_plural(n, 'connector')}"
        return text
    shapes = sum(isinstance(doc.get(r), Shape | Group) for r in live)
    conns = len(live) - shapes
    parts = [p for p in (_count(shapes, "shape"), _count(conns, "connector")) if p]
    return f"{_plural(len(live), 'element')} selected: {', '.join(parts)}"


def _count(n: int, word: str) -> str:
    return _plural(n, word) if n else ""


def outline(
    doc: Document, page_id: str, kinds: Mapping[str, ShapeKind] = KINDS
) -> Json:
    """Return the page's shapes in reading order, each with its connections.

    ``{"page": name, "items": [{id, kind, label, links, text}], "more": n,
    "connectors": n}``: ``text`` is the whole line a screen reader reads;
    ``more`` counts shapes past :data:`MAX_OUTLINE`.
    """
    page = doc.get(page_id)
    shapes = [e for e in doc.elements(page_id) if isinstance(e, Shape)]
    # Plain floats: Box.center builds a Vec per call, too slow for big pages.
    shapes.sort(
        key=lambda s: (
            round((s.box.y + s.box.h / 2) / _ROW),
            s.box.x + s.box.w / 2,
            s.id,
        )
    )
    items: list[Json] = []
    for s in shapes[:MAX_OUTLINE]:
        title = kind_of(s.kind, kinds).title
        label = shape_label(s)
        links = links_of(doc, s, kinds)
        text = f"{title} '{label}'" if label else title
        if links:
            text += ", " + "; ".join(links)
        items.append(
            {"id": s.id, "kind": title, "label": label, "links": links, "text": text}
        )
    return {
        "page": page.name if isinstance(page, Page) else "",
        "items": items,
        "more": max(0, len(shapes) - MAX_OUTLINE),
        "connectors": sum(1 for e in doc.elements(page_id) if isinstance(e, Connector)),
    }
