"""The shared memo helpers: identity lookups and bounded stores."""

from __future__ import annotations

from linework import memo


def test_lookup_hits_only_for_the_very_same_inputs() -> None:
    a, b = object(), object()
    cache: dict[str, memo.Entry[str]] = {"x": ((a, b), "svg")}
    assert memo.lookup(cache, "x", (a, b)) == "svg"
    assert memo.lookup(cache, "x", (a, object())) is None
    assert memo.lookup(cache, "x", (a,)) is None
    assert memo.lookup(cache, "y", (a, b)) is None


def test_keep_stores_and_returns_and_stays_bounded() -> None:
    cache: dict[int, str] = {}
    for i in range(10):
        assert memo.keep(cache, i, f"v{i}", limit=4) == f"v{i}"
        assert cache[i] == f"v{i}"
        assert len(cache) <= 4
    assert memo.keep(cache, 99, "last") == "last"
    assert cache[99] == "last"
