"""The document: an immutable map of records plus lazily built indexes."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from linework.model.ids import IdSource
from linework.model.patch import Patch
from linework.model.records import (
    CONTAINER_KEY,
    EMPTY,
    Attached,
    Connector,
    Element,
    Group,
    JsonObject,
    Layer,
    Page,
    Record,
    Shape,
)

_R = TypeVar("_R", Page, Layer, Shape, Connector, Group)


class PatchConflict(ValueError):
    """A patch does not fit the document it is applied to (a bug, not user error)."""


@dataclass(frozen=True, eq=False)
class Document:
    """All records of a diagram, keyed by id, plus file-level metadata.

    Equality compares records and metadata; the caches are not part of it.
    """

    records: Mapping[str, Record]
    meta: JsonObject = field(default_factory=lambda: EMPTY)
    extra: JsonObject = field(default_factory=lambda: EMPTY)
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Document):
            return NotImplemented
        return (
            dict(self.records) == dict(other.records)
            and dict(self.meta) == dict(other.meta)
            and dict(self.extra) == dict(other.extra)
        )

    __hash__ = None  # type: ignore[assignment]

    # --- construction -------------------------------------------------
    @staticmethod
    def new(ids: IdSource | None = None, page_name: str = "Page 1") -> Document:
        """Return an empty document with one page and one layer."""
        ids = ids or IdSource()
        page = Page(id=ids.new("page"), name=page_name)
        layer = Layer(id=ids.new("layer"), page=page.id, name="Layer 1")
        return Document(records={page.id: page, layer.id: layer})

    # --- lookups --------------------------------------------------------
    def __contains__(self, rid: object) -> bool:
        return rid in self.records

    def __iter__(self) -> Iterator[str]:
        return iter(self.records)

    def __len__(self) -> int:
        return len(self.records)

    def get(self, rid: str) -> Record | None:
        """Return the record with this id, or None."""
        return self.records.get(rid)

    def typed(self, rid: str, kind: type[_R]) -> _R:
        """Return the record ``rid`` checked to be of type ``kind``.

        Raises:
            KeyError: if there is no such record of that type.
        """
        rec = self.records.get(rid)
        if not isinstance(rec, kind):
            raise KeyError(f"no {kind.__name__.lower()} {rid!r}")
        return rec

    def _memo(self, key: str, build: Any) -> Any:
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]

    def memo(self, key: str, build: Any) -> Any:
        """Return an index other packages keep on this document, built once.

        A value under a key starting ``carry:`` is offered to each document
        :meth:`apply` derives: its ``carry(patch)`` returns the value for the
        new document (or None to rebuild there). Routing keeps its obstacle
        grid this way (linework.routing.obstacles).
        """
        return self._memo(key, build)

    def pages(self) -> tuple[Page, ...]:
        """Return the pages in tab order."""
        return self._memo(  # type: ignore[no-any-return]
            "pages",
            lambda: tuple(
                sorted(
                    (r for r in self.records.values() if isinstance(r, Page)),
                    key=lambda p: (p.z, p.id),
                )
            ),
        )

    def _by_page(self) -> dict[str, tuple[list[Layer], list[str]]]:
        def build() -> dict[str, tuple[list[Layer], list[str]]]:
            layers: dict[str, list[Layer]] = {p.id: [] for p in self.pages()}
            elements: dict[str, list[Element]] = {p.id: [] for p in self.pages()}
            for r in self.records.values():
                if isinstance(r, Page):
                    continue
                if isinstance(r, Layer):
                    layers.setdefault(r.page, []).append(r)
                else:
                    elements.setdefault(r.page, []).append(r)
            out: dict[str, tuple[list[Layer], list[str]]] = {}
            for page_id, page_layers in layers.items():
                page_layers.sort(key=lambda la: (la.z, la.id))
                rank = {la.id: i for i, la in enumerate(page_layers)}
                els = elements.get(page_id, [])
                els.sort(key=lambda e: (rank.get(e.layer, len(rank)), e.z, e.id))
                out[page_id] = (page_layers, [e.id for e in els])
            for page_id, els in elements.items():
                if page_id not in out:
                    out[page_id] = ([], [e.id for e in els])
            return out

        return self._memo("by_page", build)  # type: ignore[no-any-return]

    def layers(self, page_id: str) -> tuple[Layer, ...]:
        """Return a page's layers, bottom first."""
        return tuple(self._by_page().get(page_id, ([], []))[0])

    def paint_ids(self, page_id: str) -> tuple[str, ...]:
        """Return the ids of a page's elements in paint order (bottom first)."""
        key = f"paint_ids:{page_id}"
        return self._memo(  # type: ignore[no-any-return]
            key, lambda: tuple(self._by_page().get(page_id, ([], []))[1])
        )

    def elements(self, page_id: str) -> tuple[Element, ...]:
        """Return a page's elements in paint order (bottom first)."""
        return self._memo(  # type: ignore[no-any-return]
            f"elements:{page_id}",
            lambda: tuple(self.records[i] for i in self.paint_ids(page_id)),
        )

    def paint_index(self, page_id: str) -> Mapping[str, int]:
        """Return each element's position in its page's paint order."""
        return self._memo(  # type: ignore[no-any-return]
            f"paint:{page_id}",
            lambda: {rid: i for i, rid in enumerate(self.paint_ids(page_id))},
        )

    def connectors_of(self, shape_id: str) -> tuple[Connector, ...]:
        """Return the connectors with an end attached to ``shape_id``."""

        def build() -> dict[str, list[str]]:
            index: dict[str, list[str]] = {}
            for r in self.records.values():
                if isinstance(r, Connector):
                    for end in (r.source, r.target):
                        if isinstance(end, Attached):
                            lst = index.setdefault(end.shape, [])
                            if not lst or lst[-1] != r.id:
                                lst.append(r.id)
            for lst in index.values():
                lst.sort()
            return index

        index: dict[str, list[str]] = self._memo("conn_index", build)
        return tuple(
            c
            for c in (self.records.get(i) for i in index.get(shape_id, ()))
            if isinstance(c, Connector)
        )

    def members(self, group_id: str) -> tuple[Element, ...]:
        """Return the direct members of a group."""

        def build() -> dict[str, list[Element]]:
            index: dict[str, list[Element]] = {}
            for r in self.records.values():
                if isinstance(r, Shape | Connector | Group) and r.parent:
                    index.setdefault(r.parent, []).append(r)
            for lst in index.values():
                lst.sort(key=lambda e: e.id)
            return index

        index: dict[str, list[Element]] = self._memo("members", build)
        return tuple(index.get(group_id, ()))

    def contents(self, container_id: str) -> tuple[Element, ...]:
        """Return the elements whose ``container`` is ``container_id``.

        Membership lives in an element's ``extra`` under ``CONTAINER_KEY``
        (file format 1.1); this index does not check that the container exists.
        """

        def build() -> dict[str, list[Element]]:
            index: dict[str, list[Element]] = {}
            for r in self.records.values():
                if isinstance(r, Shape | Connector | Group):
                    cid = r.extra.get(CONTAINER_KEY)
                    if isinstance(cid, str):
                        index.setdefault(cid, []).append(r)
            for lst in index.values():
                lst.sort(key=lambda e: e.id)
            return index

        index: dict[str, list[Element]] = self._memo("contents", build)
        return tuple(index.get(container_id, ()))

    # --- change ---------------------------------------------------------
    def apply(self, patch: Patch) -> Document:
        """Return the document with ``patch`` applied.

        Raises:
            PatchConflict: if the patch was made against a different document.
        """
        if patch.is_empty():
            return self
        records = dict(self.records)
        for rid, rec in patch.removed.items():
            if records.get(rid) != rec:
                raise PatchConflict(f"cannot remove {rid}: not as expected")
            del records[rid]
        for rid, (before, after) in patch.updated.items():
            if records.get(rid) != before:
                raise PatchConflict(f"cannot update {rid}: not as expected")
            records[rid] = after
        for rid, rec in patch.added.items():
            if rid in records:
                raise PatchConflict(f"cannot add {rid}: already present")
            records[rid] = rec
        doc = Document(records=records, meta=self.meta, extra=self.extra)
        _carry_indexes(self, doc, patch)
        return doc


def _carry_indexes(old: Document, new: Document, patch: Patch) -> None:
    """Reuse the old document's order indexes when the patch cannot change them.

    Dragging one shape must not re-sort every element of the page, so a patch that
    only updates elements in place (same page, layer and z) keeps the paint order,
    one that changes no connector end keeps the connector index, and one that
    changes no membership keeps the container index. Indexes kept with
    :meth:`Document.memo` under ``carry:`` keys carry themselves.
    """
    for key, value in old._cache.items():
        if key.startswith("carry:"):
            carried = value.carry(patch)
            if carried is not None:
                new._cache[key] = carried
    if patch.added or patch.removed:
        return
    keeps_order = True
    keeps_ends = True
    keeps_contents = True
    for before, after in patch.updated.values():
        if isinstance(before, Page | Layer) or isinstance(after, Page | Layer):
            return
        if (before.page, before.layer, before.z) != (after.page, after.layer, after.z):
            keeps_order = False
        if isinstance(before, Connector) and isinstance(after, Connector):
            if (before.source, before.target) != (after.source, after.target):
                keeps_ends = False
        elif isinstance(before, Connector) or isinstance(after, Connector):
            keeps_ends = False
        if before.extra.get(CONTAINER_KEY) != after.extra.get(CONTAINER_KEY):
            keeps_contents = False
    order_keys = ("paint_ids:", "paint:", "by_page")
    for key, value in old._cache.items():
        if (
            key == "pages"
            or (keeps_order and key.startswith(order_keys))
            or (keeps_ends and key == "conn_index")
            or (keeps_contents and key == "contents")
        ):
            new._cache[key] = value
