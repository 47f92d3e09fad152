"""Style fields added for imports: label_position and the cross arrowhead."""

from __future__ import annotations

from dataclasses import replace

import pytest

from linework.commands import CommandError, set_style, style_value
from linework.geometry import Box
from linework.model import (
    ARROWHEADS,
    DEFAULT_STYLE,
    LABEL_POSITIONS,
    STYLE_FIELDS,
    Document,
    IdSource,
    Shape,
    Transaction,
)


def test_label_position_defaults_to_inside() -> None:
    """Existing shapes keep their label on the shape."""
    assert "inside" == DEFAULT_STYLE.label_position
    assert ("inside", "top", "bottom", "left", "right") == LABEL_POSITIONS
    assert "label_position" in STYLE_FIELDS


def test_cross_is_an_arrowhead() -> None:
    assert "cross" in ARROWHEADS


@pytest.mark.parametrize("position", LABEL_POSITIONS)
def test_editor_accepts_each_label_position(position: str) -> None:
    """The properties panel's set-style goes through style_value."""
    assert position == style_value("label_position", position)


@pytest.mark.parametrize("bad", ["below", "", None, 1])
def test_editor_refuses_other_label_positions(bad: object) -> None:
    """A value the file format would refuse never reaches the document."""
    with pytest.raises(CommandError, match="label_position must be one of"):
        style_value("label_position", bad)


def test_set_style_moves_a_label_below() -> None:
    doc = Document.new(IdSource())
    page = doc.pages()[0]
    layer = doc.layers(page.id)[0]
    tx = Transaction(doc)
    box = Box(0, 0, 40, 40)
    tx.put(Shape(id="shape:1", page=page.id, layer=layer.id, box=box, text="Name"))
    doc = doc.apply(tx.patch())

    doc = doc.apply(
        set_style(doc, ["shape:1"], {"label_position": "bottom", "valign": "top"})
    )
    s = doc.get("shape:1")

    assert isinstance(s, Shape)
    assert replace(DEFAULT_STYLE, label_position="bottom", valign="top") == s.style
