"""The document: an immutable map of records plus lazily built indexes."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from linework.model.ids import IdSource
from linework.model.patch import Patch
from linework.model.records import (
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

    def _by_page(self) -> dict[str, tuple[list[Layer], list[Element]]]:
        def build() -> dict[str, tuple[list[Layer], list[Element]]]:
            out: dict[str, tuple[list[Layer], list[Element]]] = {
                p.id: ([], []) for p in self.pages()
            }
            for r in self.records.values():
                if isinstance(r, Page):
                    continue
                bucket = out.setdefault(r.page, ([], []))
                if isinstance(r, Layer):
                    bucket[0].append(r)
                else:
                    bucket[1].append(r)
            for layers, elements in out.values():
                layers.sort(key=lambda la: (la.z, la.id))
                rank = {la.id: i for i, la in enumerate(layers)}
                elements.sort(key=lambda e: (rank.get(e.layer, len(rank)), e.z, e.id))
            return out

        return self._memo("by_page", build)  # type: ignore[no-any-return]

    def layers(self, page_id: str) -> tuple[Layer, ...]:
        """Return a page's layers, bottom first."""
        return tuple(self._by_page().get(page_id, ([], []))[0])

    def elements(self, page_id: str) -> tuple[Element, ...]:
        """Return a page's elements in paint order (bottom first)."""
        return self._memo(  # type: ignore[no-any-return]
            f"elements:{page_id}",
            lambda: tuple(self._by_page().get(page_id, ([], []))[1]),
        )

    def paint_index(self, page_id: str) -> Mapping[str, int]:
        """Return each element's position in its page's paint order."""
        return self._memo(  # type: ignore[no-any-return]
            f"paint:{page_id}",
            lambda: {e.id: i for i, e in enumerate(self.elements(page_id))},
        )

    def connectors_of(self, shape_id: str) -> tuple[Connector, ...]:
        """Return the connectors with an end attached to ``shape_id``."""

        def build() -> dict[str, list[Connector]]:
            index: dict[str, list[Connector]] = {}
            for r in self.records.values():
                if isinstance(r, Connector):
                    for end in (r.source, r.target):
                        if isinstance(end, Attached):
                            lst = index.setdefault(end.shape, [])
                            if not lst or lst[-1] is not r:
                                lst.append(r)
            for lst in index.values():
                lst.sort(key=lambda c: c.id)
            return index

        index: dict[str, list[Connector]] = self._memo("conn_index", build)
        return tuple(index.get(shape_id, ()))

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
        return Document(records=records, meta=self.meta, extra=self.extra)
