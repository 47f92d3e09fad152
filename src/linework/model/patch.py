"""Patches: the only way a document changes, and what undo inverts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from linework.model.records import Record

if TYPE_CHECKING:
    from linework.model.document import Document


@dataclass(frozen=True, slots=True)
class Patch:
    """A set of record changes: added, updated as (before, after), removed.

    Patches are data: ``inverse`` undoes, ``then`` squashes a gesture's many
    moves into one undo step, ``touched`` tells the renderer what to redraw.
    """

    added: Mapping[str, Record] = field(default_factory=dict)
    updated: Mapping[str, tuple[Record, Record]] = field(default_factory=dict)
    removed: Mapping[str, Record] = field(default_factory=dict)

    def is_empty(self) -> bool:
        """Return whether the patch changes nothing."""
        return not (self.added or self.updated or self.removed)

    def inverse(self) -> Patch:
        """Return the patch that undoes this one."""
        return Patch(
            added=dict(self.removed),
            updated={k: (a, b) for k, (b, a) in self.updated.items()},
            removed=dict(self.added),
        )

    def touched(self) -> frozenset[str]:
        """Return the ids of every record this patch changes."""
        return frozenset(self.added) | frozenset(self.updated) | frozenset(self.removed)

    def then(self, later: Patch) -> Patch:
        """Return one patch with the effect of this one followed by ``later``."""
        added = dict(self.added)
        updated = dict(self.updated)
        removed = dict(self.removed)
        for rid, rec in later.added.items():
            if rid in removed:
                before = removed.pop(rid)
                if before != rec:
                    updated[rid] = (before, rec)
            else:
                added[rid] = rec
        for rid, (before, after) in later.updated.items():
            if rid in added:
                added[rid] = after
            elif rid in updated:
                first = updated[rid][0]
                if first == after:
                    del updated[rid]
                else:
                    updated[rid] = (first, after)
            else:
                updated[rid] = (before, after)
        for rid, rec in later.removed.items():
            if rid in added:
                del added[rid]
            elif rid in updated:
                removed[rid] = updated.pop(rid)[0]
            else:
                removed[rid] = rec
        return Patch(added=added, updated=updated, removed=removed)


class Transaction:
    """Collects changes against a document and turns them into one ``Patch``.

    Reads see the changes made so far, so a command can move a shape and then
    re-route the connectors of the moved shape in the same step.
    """

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._working: dict[str, Record | None] = {}

    def get(self, rid: str) -> Record | None:
        """Return the current version of a record, or None if absent."""
        if rid in self._working:
            return self._working[rid]
        return self.doc.get(rid)

    def put(self, record: Record) -> None:
        """Add or replace a record."""
        self._working[record.id] = record

    def delete(self, rid: str) -> None:
        """Remove a record (a no-op if it does not exist)."""
        self._working[rid] = None

    def patch(self) -> Patch:
        """Return the net change as a patch."""
        added: dict[str, Record] = {}
        updated: dict[str, tuple[Record, Record]] = {}
        removed: dict[str, Record] = {}
        for rid, rec in self._working.items():
            before = self.doc.get(rid)
            if rec is None:
                if before is not None:
                    removed[rid] = before
            elif before is None:
                added[rid] = rec
            elif before != rec:
                updated[rid] = (before, rec)
        return Patch(added=added, updated=updated, removed=removed)
