"""Decoding shares one style record among elements with equal styles.

A big file repeats a few styles; one record each lets the renderer's
per-style memos serve them all. Different styles must stay apart.
"""

from __future__ import annotations

import json

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
