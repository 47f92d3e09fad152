"""Caches keyed by the very objects a value was computed from.

Records are frozen and an edit replaces them, so "the same objects" (``is``,
not ``==``) means "nothing this value depends on changed", at the cost of a
pointer compare per input. The renderer's fragments and the editor's routes
are kept this way.
"""

from __future__ import annotations

from typing import TypeVar

_K = TypeVar("_K")
_T = TypeVar("_T")

#: How many entries a bounded memo holds before it starts again.
LIMIT = 4096

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


def keep(cache: dict[_K, _T], key: _K, value: _T, limit: int = LIMIT) -> _T:
    """Store ``value`` under ``key`` and return it; a full cache starts again.

    The miss half of the renderer's small memos (per style record, per
    colour, per font): emptying the whole dict when it is full keeps them
    bounded without bookkeeping on the hit path, which stays a dict lookup.
    """
    if len(cache) >= limit:
        cache.clear()
    cache[key] = value
    return value
