"""draw.io label positions (labels outside their shape) and the cross arrowhead:
import, export, round trip, and the corpus files that use them."""

from __future__ import annotations

from pathlib import Path

import pytest

from drawio_samples import mxfile, only_shape, page, vertex
from linework.formats import drawio, native
from linework.formats.drawio import export as drawio_export
from linework.model import Connector, Document, Shape

CORPUS = Path(__file__).parents[3] / ".." / "shared" / "corpus" / "drawio"


def one_page(cells: str) -> bytes:
    return mxfile(page(cells))


def icon_cell(cid: str, style: str, value: str = "Name") -> str:
    return vertex(cid, x=100, y=100, w=40, h=40, style=style, value=value)


def shapes_by_text(doc: Document) -> dict[str, Shape]:
    return {r.text: r for r in doc.records.values() if isinstance(r, Shape) and r.text}


@pytest.mark.parametrize(
    ("style", "position", "align", "valign"),
    [
        ("verticalLabelPosition=bottom;verticalAlign=top;", "bottom", "center", "top"),
        ("verticalLabelPosition=top;verticalAlign=bottom;", "top", "center", "bottom"),
        ("labelPosition=left;align=right;", "left", "right", "middle"),
        ("labelPosition=right;align=left;", "right", "left", "middle"),
        (
            "labelPosition=center;verticalLabelPosition=bottom;verticalAlign=top;",
            "bottom",
            "center",
            "top",
        ),
        (
            "labelPosition=center;verticalLabelPosition=middle;",
            "inside",
            "center",
            "middle",
        ),
        ("", "inside", "center", "middle"),
        # No diagonal places: the vertical position wins.
        (
            "labelPosition=right;verticalLabelPosition=bottom;",
            "bottom",
            "center",
            "middle",
        ),
        # draw.io's image and icon styles put the name below by default...
        ("image;image=https://example.org/a.png;", "bottom", "center", "top"),
        ("icon;", "bottom", "center", "top"),
        ("roundImage;", "bottom", "center", "top"),
        # ...unless the cell says otherwise.
        (
            "image;verticalLabelPosition=middle;verticalAlign=middle;",
            "inside",
            "center",
            "middle",
        ),
        # shape=image alone is not the named style: the label stays inside.
        ("shape=image;image=https://example.org/a.png;", "inside", "center", "middle"),
    ],
)
def test_label_position_is_imported(
    style: str, position: str, align: str, valign: str
) -> None:
    """labelPosition / verticalLabelPosition (and the named styles that imply them)
    become label_position; align and valign still place the text in that box."""
    s = only_shape(drawio.read(one_page(icon_cell("a", style))).doc)

    assert (position, align, valign) == (
        s.style.label_position,
        s.style.align,
        s.style.valign,
    )


@pytest.mark.parametrize("position", ["inside", "top", "bottom", "left", "right"])
def test_label_position_is_exported_and_read_back(position: str) -> None:
    """Linework → draw.io writes the position (nothing for inside) and reads it back."""
    keys = {
        "inside": "",
        "top": "verticalLabelPosition=top;",
        "bottom": "verticalLabelPosition=bottom;",
        "left": "labelPosition=left;",
        "right": "labelPosition=right;",
    }
    doc = drawio.read(one_page(icon_cell("a", keys[position]))).doc

    out = drawio_export.write(doc).decode()
    back = only_shape(drawio.read(out.encode()).doc)

    assert position == back.style.label_position
    assert ("abelPosition=" in out) == (position != "inside")
    if position != "inside":
        assert keys[position] in out


def test_outside_labels_round_trip_identically() -> None:
    """draw.io → Linework → draw.io → Linework gives the same document."""
    cells = "".join(
        icon_cell(f"c{i}", style, value=f"Shape {i}")
        for i, style in enumerate(
            [
                "verticalLabelPosition=bottom;verticalAlign=top;shape=umlActor;",
                "verticalLabelPosition=top;verticalAlign=bottom;",
                "labelPosition=left;align=right;",
                "labelPosition=right;align=left;",
                "image;image=https://example.org/a.png;",
                "",
            ]
        )
    )
    first = drawio.read(one_page(cells)).doc
    second = drawio.read(drawio_export.write(first)).doc

    assert native.encode(first) == native.encode(second)
    assert {"bottom", "top", "left", "right", "inside"} == {
        r.style.label_position for r in first.records.values() if isinstance(r, Shape)
    }


def test_a_label_above_the_page_origin_moves_the_content_onto_the_page() -> None:
    """A label outside the shape counts when the page is fitted to the content."""
    cell = (
        '<mxCell id="a" value="Title" style="verticalLabelPosition=top;'
        'verticalAlign=bottom;" vertex="1" parent="1">'
        '<mxGeometry x="10" y="5" width="40" height="40" as="geometry"/></mxCell>'
    )
    s = only_shape(drawio.read(one_page(cell)).doc)

    assert s.box.y - s.box.h >= 0


@pytest.mark.parametrize(
    ("arrow", "ours"), [("cross", "cross"), ("ERmandOne", "er-one"), ("dash", "none")]
)
def test_cross_arrow_is_imported_and_exported(arrow: str, ours: str) -> None:
    """endArrow=cross is our cross head, and it is written back as cross."""
    cells = (
        icon_cell("a", "") + '<mxCell id="e" edge="1" parent="1" source="a" '
        f'style="endArrow={arrow};startArrow={arrow};"><mxGeometry relative="1" '
        'as="geometry"><mxPoint x="400" y="400" as="targetPoint"/></mxGeometry></mxCell>'
    )
    doc = drawio.read(one_page(cells)).doc
    (conn,) = [r for r in doc.records.values() if isinstance(r, Connector)]
    out = drawio_export.write(doc)
    (back,) = [
        r for r in drawio.read(out).doc.records.values() if isinstance(r, Connector)
    ]

    assert (ours, ours) == (conn.style.start_arrow, conn.style.end_arrow)
    assert (ours, ours) == (back.style.start_arrow, back.style.end_arrow)
    if ours == "cross":
        assert b"endArrow=cross;" in out


# --------------------------------------------------------------------------- corpus
needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(), reason="the shared corpus is not present"
)


@needs_corpus
def test_corpus_aws_icons_have_their_names_below() -> None:
    """dd_aws-simple-architecture: the AWS icons' names sit below them."""
    doc = drawio.read((CORPUS / "dd_aws-simple-architecture.drawio").read_bytes()).doc
    by_text = shapes_by_text(doc)

    for name in ("Users", "Internet Gateway", "Reverse Proxy", "Primary", "Secondary"):
        assert ("bottom", "top") == (
            by_text[name].style.label_position,
            by_text[name].style.valign,
        ), name
    assert "inside" == by_text["AWS Cloud"].style.label_position


@needs_corpus
def test_corpus_network_images_put_labels_below() -> None:
    """tpl_network_enterprise_1: cells of draw.io's ``image`` style (no explicit keys)
    take its default, the label below the picture."""
    doc = drawio.read((CORPUS / "tpl_network_enterprise_1.xml").read_bytes()).doc
    # Their pictures are links draw.io fetches, so they import as placeholders.
    below = [
        r
        for r in doc.records.values()
        if isinstance(r, Shape) and r.style.label_position == "bottom"
    ]

    assert len(below) == 63
    assert all(s.style.valign == "top" for s in below)
    assert "inside" == shapes_by_text(doc)["Cloud 1"].style.label_position


@needs_corpus
def test_corpus_bpmn_events_are_named_below_and_messages_beside() -> None:
    """dd_bpmn-example: event circles are labelled below; the left-hand labels stay
    left."""
    doc = drawio.read((CORPUS / "dd_bpmn-example.drawio").read_bytes()).doc
    by_text = shapes_by_text(doc)

    assert "bottom" == by_text["Order received"].style.label_position
    positions = {
        r.style.label_position for r in doc.records.values() if isinstance(r, Shape)
    }
    assert {"inside", "bottom"} <= positions
