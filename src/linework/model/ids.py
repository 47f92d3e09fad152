"""Typed record ids with readable prefixes ("shape:17"), and injectable id sources."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NewType

PageId = NewType("PageId", str)
LayerId = NewType("LayerId", str)
ShapeId = NewType("ShapeId", str)
ConnectorId = NewType("ConnectorId", str)
GroupId = NewType("GroupId", str)

PREFIXES = ("page", "layer", "shape", "conn", "group")


class IdSource:
    """Hands out fresh ids per prefix; deterministic, so tests and renders repeat.

    The counter starts above every numeric id already in use, so ids stay unique
    after a file is opened.
    """

    def __init__(self, existing: Iterable[str] = ()) -> None:
        self._next: dict[str, int] = {}
        self.observe(existing)

    def observe(self, ids: Iterable[str]) -> None:
        """Make sure future ids do not collide with ``ids``."""
        for rid in ids:
            prefix, _, num = rid.partition(":")
            if num.isdigit():
                self._next[prefix] = max(self._next.get(prefix, 1), int(num) + 1)

    def new(self, prefix: str) -> str:
        """Return a new id such as ``shape:18``."""
        n = self._next.get(prefix, 1)
        self._next[prefix] = n + 1
        return f"{prefix}:{n}"
