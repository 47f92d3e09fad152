"""The outline and bounds caches hold a whole document of the largest size
the readers accept: at 50,000 entries (MAX_ELEMENTS is 100,000) a pass over a
60,000-shape page emptied the cache before the next pass could use it."""

from __future__ import annotations

import pytest

from linework.formats import limits
from linework.geometry import Box
from linework.model import Shape
from linework.shapes import exits, geometry
from linework.shapes.registry import kind_of


def test_the_caches_hold_the_largest_document() -> None:
    assert geometry._OUTLINE_CACHE_MAX >= limits.MAX_ELEMENTS
    assert exits._PLAN_CACHE_MAX >= limits.MAX_ELEMENTS


def test_a_second_pass_over_a_big_page_computes_no_outline_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shapes = [
        Shape(
            id=f"s{i}",
            page="p",
            layer="l",
            z=i,
            kind="rectangle",
            box=Box(float(i % 300) * 20, float(i // 300) * 20, 10, 10),
        )
        for i in range(60_000)
    ]
    geometry._OUTLINES.clear()
    geometry._BOUNDS.clear()
    exits._PLANS.clear()
    computed = 0

    def counting(name: str, kinds: object) -> object:
        nonlocal computed
        computed += 1
        return kind_of(name, kinds)  # type: ignore[arg-type]

    # Boxes of the common kinds come from closed forms (shapes/exits.py),
    # outlines from the polygon: each looks the kind up once per shape.
    monkeypatch.setattr(geometry, "kind_of", counting)
    monkeypatch.setattr(exits, "kind_of", counting)
    for s in shapes:
        geometry.bounds(s)
        geometry.outline_page(s)
    first = computed
    assert first >= len(shapes)
    for s in shapes:
        geometry.bounds(s)
        geometry.outline_page(s)
    assert computed == first  # every outline and box came from the caches
    geometry._OUTLINES.clear()
    geometry._BOUNDS.clear()
