"""Per-side label padding: draw.io's ``spacingLeft`` … map onto Style's
``text_padding_left`` … (None = the uniform ``text_padding``), which the
renderer applies to the label box and export writes back unchanged."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest

from linework.errors import LineworkError
from linework.formats import drawio, native
from linework.formats.drawio import export as drawio_export
from linework.geometry import Box
from linework.model import (
    DEFAULT_STYLE,
    Document,
    IdSource,
    Shape,
    Transaction,
    text_paddings,
)
from linework.render.text import layout_in, padded


def _drawio_shape(style: str) -> Shape:
    cell = (
        f'<mxCell id="a" value="name" style="{style}" vertex="1" parent="1">'
        '<mxGeometry x="0" y="0" width="160" height="30" as="geometry"/></mxCell>'
    )
    xml = (
        '<mxfile><diagram id="d" name="P"><mxGraphModel><root><mxCell id="0"/>'
        f'<mxCell id="1" parent="0"/>{cell}</root></mxGraphModel></diagram></mxfile>'
    )
    doc = drawio.read(xml.encode()).doc
    (shape,) = [r for r in doc.records.values() if isinstance(r, Shape)]
    return shape


def _sides(shape: Shape) -> tuple[float | None, ...]:
    s = shape.style
    return (
        s.text_padding_top,
        s.text_padding_right,
        s.text_padding_bottom,
        s.text_padding_left,
    )


def test_spacing_left_is_added_to_spacing_on_that_side() -> None:
    """The ER template's rows: spacingLeft=60 insets the name past the key column."""
    shape = _drawio_shape("shape=partialRectangle;spacingLeft=60;align=left;")

    assert 2.0 == shape.style.text_padding  # draw.io's default spacing
    assert (None, None, None, 62.0) == _sides(shape)


def test_zero_or_absent_side_spacing_keeps_the_uniform_padding() -> None:
    """Sides equal to ``spacing`` stay None, so such files read as before."""
    shape = _drawio_shape("spacing=5;spacingLeft=0;spacingTop=0;")

    assert (5.0, (None, None, None, None)) == (shape.style.text_padding, _sides(shape))


def test_all_four_sides_and_a_clamp_at_zero() -> None:
    """Negative side spacing can at most cancel ``spacing``."""
    shape = _drawio_shape(
        "spacing=4;spacingTop=-10;spacingRight=6;spacingBottom=1;spacingLeft=-2;"
    )

    assert (0.0, 10.0, 5.0, 2.0) == _sides(shape)


def _doc_with(style_kw: dict[str, Any]) -> Document:
    doc = Document.new(IdSource())
    tx = Transaction(doc)
    tx.put(
        Shape(
            id="shape:a",
            page="page:1",
            layer="layer:1",
            box=Box(0, 0, 160, 30),
            text="name",
            style=replace(DEFAULT_STYLE, **style_kw),
        )
    )
    return doc.apply(tx.patch())


@pytest.mark.parametrize(
    "kw",
    [
        {"text_padding": 2.0, "text_padding_left": 62.0},
        {"text_padding": 0.0, "text_padding_top": 7.5, "text_padding_bottom": 1.0},
        {"text_padding": 9.0, "text_padding_right": 0.0, "text_padding_left": 3.0},
    ],
)
def test_drawio_export_writes_side_spacing_back(kw: dict[str, Any]) -> None:
    """Linework → draw.io → Linework keeps every side's padding exactly.

    (A side set to the uniform value itself comes back as None: the same
    padding, the only value draw.io's format can tell apart.)"""
    doc = _doc_with(kw)

    xml = drawio_export.write(doc).decode()
    back = drawio.read(xml.encode()).doc.typed("shape:a", Shape)

    for name, value in kw.items():
        assert value == getattr(back.style, name), name
    assert text_paddings(doc.typed("shape:a", Shape).style) == text_paddings(
        replace(back.style, text_padding=kw["text_padding"])
    )
    assert ("spacingLeft=60;" in xml) == (kw.get("text_padding_left") == 62.0)


def test_uniform_padding_writes_no_side_spacing() -> None:
    """Without per-side padding the draw.io style has only ``spacing``."""
    xml = drawio_export.write(_doc_with({"text_padding": 4.0})).decode()

    assert "spacing=4;" in xml
    assert "spacingLeft" not in xml and "spacingTop" not in xml


def test_native_writes_sides_only_when_set_and_reads_them_back() -> None:
    """Unset sides are not written (old files keep their bytes); set ones round trip."""
    doc = _doc_with({"text_padding_left": 62.0})

    raw = json.loads(native.encode(doc))
    style = raw["pages"][0]["elements"][0]["style"]

    assert {"text_padding_left": 62} == style
    assert native.decode(native.encode(doc)) == doc


@pytest.mark.parametrize("bad", [-1, "wide", 1e9, True])
def test_native_refuses_bad_side_padding(bad: Any) -> None:
    """A side padding must be a number from 0 to 100,000, named by its path."""
    raw = json.loads(native.encode(_doc_with({})))
    raw["pages"][0]["elements"][0]["style"] = {"text_padding_top": bad}

    with pytest.raises(LineworkError) as info:
        native.decode(json.dumps(raw).encode())

    assert "LW-E0102" == info.value.code
    assert "style.text_padding_top" in info.value.detail


def test_the_label_box_is_inset_per_side() -> None:
    """A left padding moves left-aligned text right; other sides keep the uniform."""
    box = Box(0, 0, 160, 30)
    style = replace(DEFAULT_STYLE, text_padding=2, text_padding_left=62, align="left")

    inner = padded(box, style)
    layout = layout_in("name", box, style)

    assert Box(62, 2, 96, 26) == inner
    assert layout.lines[0].x == pytest.approx(62)


def test_uniform_padding_is_the_old_inset() -> None:
    """All sides None: at most half the shorter side, on all four sides."""
    box = Box(0, 0, 100, 10)

    assert Box(5, 5, 90, 0) == padded(box, replace(DEFAULT_STYLE, text_padding=8))
