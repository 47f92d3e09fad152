"""The built-in kinds come from kinds.json: every row is built, once, in order."""

from __future__ import annotations

import pytest

from linework.shapes import DEFAULT_KINDS, KINDS, LIBRARIES
from linework.shapes.polygons import PolygonKind
from linework.shapes.table import in_palette_order, rows, table_kind, table_kinds


def test_every_row_is_one_default_kind_in_table_order() -> None:
    assert [args["name"] for _, args in rows()] == [k.name for k in DEFAULT_KINDS]
    assert len(KINDS) == len(DEFAULT_KINDS)  # names are unique


def test_palette_libraries_follow_the_table_order() -> None:
    seen = list(dict.fromkeys(k.library for k in DEFAULT_KINDS))
    palette = [lib for lib, _, _ in LIBRARIES]
    assert [lib for lib in seen if lib in palette] == palette


def test_a_row_is_built_once_whoever_asks() -> None:
    diamond = table_kind(PolygonKind, "diamond")
    assert KINDS["diamond"] is diamond
    assert diamond in table_kinds(PolygonKind)
    assert diamond.points == ((0.5, 0.0), (1.0, 0.5), (0.5, 1.0), (0.0, 0.5))


def test_a_row_without_its_class_is_refused() -> None:
    with pytest.raises(LookupError, match="rows with no class"):
        in_palette_order(table_kinds(PolygonKind))
    with pytest.raises(KeyError):
        table_kind(PolygonKind, "rectangle")
