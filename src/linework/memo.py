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
    if hit is None or len(hit[0]) != len(inputs):
        return None
    # A loop: cheaper than all() over a generator (lengths are equal here).
    for a, b in zip(hit[0], inputs, strict=True):
        if a is not b:
            return None
    return hit[1]
