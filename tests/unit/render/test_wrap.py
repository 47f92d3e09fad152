"""style.wrap: a label that does not wrap breaks only at its line feeds, may
overflow its shape, and that overflow counts for export bounds."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Any

import pytest

from linework.commands import CommandError, set_style, style_value
from linework.errors import LineworkError
from linework.formats import native
from linework.geometry import Box
from linework.model import (
    DEFAULT_STYLE,
    STYLE_FIELDS,
    Document,
    IdSource,
    Shape,
    Transaction,
)
from linework.render import element_bounds, export_svg
from linework.render.shape import (
    label_layout,
    label_leaves_shape,
    label_text_box,
    shape_node,
)
from linework.svg import serialize

BOX = Box(100, 100, 80, 40)
LONG = "A label much wider than its small shape"


def shape(text: str = LONG, **style: Any) -> Shape:
    return Shape(
        id="shape:1",
        page="page:1",
        layer="layer:1",
        box=BOX,
        style=replace(DEFAULT_STYLE, **style),
        text=text,
    )


def doc_with(s: Shape) -> Document:
    doc = Document.new(IdSource())
    page = doc.pages()[0]
    layer = doc.layers(page.id)[0]
    tx = Transaction(doc)
    tx.put(replace(s, page=page.id, layer=layer.id))
    return doc.apply(tx.patch())


# --- model and codec ------------------------------------------------------------
def test_wrap_defaults_to_true() -> None:
    """Existing shapes keep wrapping their labels."""
    assert DEFAULT_STYLE.wrap is True
    assert "wrap" in STYLE_FIELDS


def _file(style: dict[str, Any]) -> bytes:
    el = {
        "type": "shape",
        "id": "shape:1",
        "layer": "layer:1",
        "kind": "rectangle",
        "box": {"x": 0, "y": 0, "w": 10, "h": 10},
        "text": "x",
        "style": style,
    }
    page = {
        "id": "page:1",
        "name": "P",
        "layers": [{"id": "layer:1", "name": "L"}],
        "elements": [el],
    }
    return json.dumps({"format": "linework", "version": 1, "pages": [page]}).encode()


def _written_style(doc: Document) -> Any:
    return json.loads(native.encode(doc))["pages"][0]["elements"][0].get("style")


def test_wrap_false_round_trips_and_true_is_never_written() -> None:
    """``wrap: false`` is kept; ``true`` is the default and left out on write."""
    off = native.decode(_file({"wrap": False}))
    on = native.decode(_file({"wrap": True, "fill": "#ff0000"}))

    (off_shape,), (on_shape,) = off.elements("page:1"), on.elements("page:1")
    assert isinstance(off_shape, Shape) and isinstance(on_shape, Shape)
    assert off_shape.style.wrap is False
    assert {"wrap": False} == _written_style(off)
    assert on_shape.style.wrap is True
    assert {"fill": "#ff0000"} == _written_style(on)


@pytest.mark.parametrize("bad", ["false", 0, 1, None, []])
def test_wrap_is_validated(bad: Any) -> None:
    with pytest.raises(LineworkError) as info:
        native.decode(_file({"wrap": bad}))

    assert "LW-E0102" == info.value.code
    assert "elements[0].style.wrap: must be" in info.value.detail


def test_editor_set_style_takes_only_booleans() -> None:
    """The panel's checkbox goes through style_value like the file reader."""
    assert style_value("wrap", False) is False
    with pytest.raises(CommandError, match="wrap must be true or false"):
        style_value("wrap", "no")

    doc = doc_with(shape())
    doc = doc.apply(set_style(doc, ["shape:1"], {"wrap": False}))
    assert doc.typed("shape:1", Shape).style == replace(DEFAULT_STYLE, wrap=False)


# --- layout ----------------------------------------------------------------------
def test_a_wrapping_label_breaks_to_its_box() -> None:
    layout = label_layout(shape())

    assert len(layout.lines) > 1
    assert all(line.width <= BOX.w for line in layout.lines)


def test_without_wrap_only_line_feeds_break() -> None:
    """Each paragraph stays one line, however wide."""
    layout = label_layout(shape(LONG + "\nsecond line", wrap=False))

    assert [LONG, "second line"] == [line.text for line in layout.lines]
    assert layout.lines[0].width > BOX.w


@pytest.mark.parametrize(
    ("align", "anchor", "x"),
    [("center", "middle", 140.0), ("left", "start", 106.0), ("right", "end", 174.0)],
)
def test_unwrapped_text_is_placed_by_its_alignment(
    align: str, anchor: str, x: float
) -> None:
    """Centred text overflows both sides evenly; left and right grow away."""
    layout = label_layout(shape(wrap=False, align=align))

    assert anchor == layout.anchor
    assert [x] == [line.x for line in layout.lines]


def test_wrap_leaves_short_labels_alone() -> None:
    """A label that fits is laid out the same either way."""
    assert label_layout(shape("Short")) == label_layout(shape("Short", wrap=False))


# --- render and bounds --------------------------------------------------------------
def test_render_bytes_of_a_wrapping_label_are_unchanged_by_the_field() -> None:
    """wrap=True is today's behaviour: the same SVG as a style without it."""
    s = shape()
    assert serialize(shape_node(s)) == serialize(
        shape_node(replace(s, style=replace(s.style, wrap=True)))
    )


def test_unwrapped_label_renders_one_tspan_per_line() -> None:
    svg = serialize(shape_node(shape(wrap=False)))

    assert 1 == len(re.findall(r"<tspan", svg))
    assert LONG in svg


def test_overflowing_text_widens_element_and_export_bounds() -> None:
    """The text past the outline is part of the picture, so exports keep it whole."""
    s = shape(wrap=False)
    text = label_text_box(s)
    assert text is not None and text.x < BOX.x and text.right > BOX.right

    b = element_bounds(doc_with(s), s)
    assert b is not None
    assert b.x <= text.x and b.right >= text.right

    doc = doc_with(s)
    m = re.search(
        r'viewBox="([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)"',
        export_svg(doc, doc.pages()[0].id),
    )
    assert m is not None
    vx, _, vw, _ = (float(g) for g in m.groups())
    assert vx <= text.x and vx + vw >= text.right


def test_wrapping_or_empty_labels_do_not_leave_the_shape() -> None:
    """Only an outside or unwrapped label counts beyond the outline."""
    assert label_leaves_shape(shape(wrap=False))
    assert not label_leaves_shape(shape())
    assert not label_leaves_shape(shape("", wrap=False))
    assert label_text_box(shape()) is None
    assert element_bounds(doc_with(shape()), shape()) == BOX


def test_outside_labels_never_wrap_whatever_the_field() -> None:
    """A label below its shape keeps its lines whole with wrap on or off."""
    below = shape(label_position="bottom", valign="top")
    assert label_layout(below) == label_layout(
        replace(below, style=replace(below.style, wrap=False))
    )
    assert 1 == len(label_layout(below).lines)
