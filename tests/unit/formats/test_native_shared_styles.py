"""Decoding shares one style record among elements with equal styles.

A big file repeats a few styles; one record each lets the renderer's
per-style memos serve them all. Different styles must stay apart.
"""

from __future__ import annotations

import json

import pytest

from linework.errors import LineworkError
from linework.formats.native import decode
from linework.model import DEFAULT_STYLE, Connector, Shape


def _file(styles: list[dict[str, object]]) -> bytes:
    els: list[dict[str, object]] = [
        {
            "type": "shape",
            "id": f"s{i}",
            "layer": "l1",
            "box": {"x": i * 120, "y": 0, "w": 100, "h": 60},
            "style": st,
        }
        for i, st in enumerate(styles)
    ]
    els.append(
        {
            "type": "connector",
            "id": "c",
            "layer": "l1",
            "source": {"shape": "s0"},
            "target": {"shape": "s1", "port": "w"},
            "style": {"stroke": "#FF0000"},
        }
    )
    page = {"id": "p1", "layers": [{"id": "l1"}], "elements": els}
    return json.dumps({"format": "linework", "version": 1, "pages": [page]}).encode()


def test_equal_styles_share_a_record_and_different_ones_do_not() -> None:
    doc = decode(
        _file(
            [
                {"fill": "#102030", "bold": True},
                {"bold": True, "fill": "#102030"},
                {"fill": "#102030", "bold": False},
                {},
                {"fill": "#102030", "bold": True, "stroke_width": 2},
            ]
        )
    )
    s = [doc.typed(f"s{i}", Shape).style for i in range(5)]
    assert s[0].fill == "#102030" and s[0].bold
    assert s[1] == s[0]  # the same items in another order: equal
    assert s[2] != s[0] and not s[2].bold
    assert s[3] is DEFAULT_STYLE
    assert s[4].stroke_width == 2.0 and s[4] is not s[0]
    c = doc.typed("c", Connector)
    assert c.style.stroke == "#ff0000"
    # The ends: a bare shape id, and one with a port, read alike as before.
    assert c.source.shape == "s0" and c.source.port is None  # type: ignore[union-attr]
    assert c.target.port == "w"  # type: ignore[union-attr]


def test_a_style_repeated_in_many_elements_is_one_record() -> None:
    doc = decode(_file([{"fill": "#abcdef", "dash": "dashed"}] * 50))
    styles = {id(doc.typed(f"s{i}", Shape).style) for i in range(50)}
    assert len(styles) == 1


def test_a_style_read_already_is_not_taken_for_one_of_other_types() -> None:
    # {"bold": 1} equals {"bold": true} as dict items: the second is still
    # refused at its own place, after the first was read and remembered.
    pairs: list[tuple[dict[str, object], dict[str, object]]] = [
        ({"bold": True}, {"bold": 1}),
        ({"font_size": 12}, {"font_size": True}),
        ({"fill": "none"}, {"fill": "None"}),
    ]
    for good, bad in pairs:
        with pytest.raises(LineworkError) as caught:
            decode(_file([good, good, bad]))
        assert caught.value.code == "LW-E0102"
        assert "elements[2].style." in caught.value.detail
    # 12 and 12.0 read alike, each once.
    doc = decode(_file([{"font_size": 12}, {"font_size": 12.0}] * 3))
    assert {doc.typed(f"s{i}", Shape).style.font_size for i in range(6)} == {12.0}


def test_unknown_style_keys_stay_with_each_element() -> None:
    # Kept per element (in its own extra), never one dict shared by several.
    doc = decode(_file([{"fill": "#abcdef", "glow": 3}] * 3 + [{"list": [1]}] * 2))
    extras = [doc.typed(f"s{i}", Shape).extra["style"] for i in range(5)]
    assert extras[:3] == [{"glow": 3}] * 3 and extras[3:] == [{"list": [1]}] * 2
    assert extras[0] is not extras[1]
    assert doc.typed("s0", Shape).style is doc.typed("s2", Shape).style
