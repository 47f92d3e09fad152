"""Caches keyed by the very objects a value was computed from.

Records are frozen and an edit replaces them, so "the same objects" (``is``,
not ``==``) means "nothing this value depends on changed", at the cost of a
pointer compare per input. The renderer's fragments and the editor's routes
are kept this way.
"""

from __future__ import annotations

from typing import TypeVar

_T = TypeVar("_T")

Entry = tuple[tuple[object, ...], _T]


def lookup(
    cache: dict[str, Entry[_T]], rid: str, inputs: tuple[object, ...]
) -> _T | None:
    """Return what ``cache`` holds for ``rid`` if it was made from ``inputs``."""
    hit = cache.get(rid)
    if (
        hit is not None
        and len(hit[0]) == len(inputs)
        and all(a is b for a, b in zip(hit[0], inputs, strict=True))
    ):
        return hit[1]
    return None
