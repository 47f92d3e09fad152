"""UML and ER kinds through draw.io and back (issue 11).

Every kind comes back as itself with its text, rows, compartments and box;
its page renders to the same SVG. Classes and tables are draw.io stacks of
row cells, a connector on a row ends on that row's cell, lifeline bars are
children; the corpus files draw.io made import as these kinds.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from linework.formats import drawio
from linework.formats.drawio import export as drawio_export
from linework.geometry import Box
from linework.model import (
    DEFAULT_STYLE,
    Attached,
    Connector,
    Document,
    IdSource,
    Shape,
    Transaction,
    frozen_map,
)
from linework.render import export_svg
from linework.shapes import DEFAULT_KINDS
from linework.shapes.defaults import kind_defaults

CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus" / "drawio"
UML_ER = [k.name for k in DEFAULT_KINDS if k.library in ("uml", "er")]


def _doc(*shapes: Shape, conns: tuple[Connector, ...] = ()) -> Document:
    doc = Document.new(IdSource())
    tx = Transaction(doc)
    for s in shapes:
        tx.put(s)
    for c in conns:
        tx.put(c)
    return doc.apply(tx.patch())


def _fresh(
    kind: str, rid: str = "shape:a", box: Box | None = None, **props: Any
) -> Shape:
    k = next(x for x in DEFAULT_KINDS if x.name == kind)
    text, p, st = kind_defaults(k)
    w, h = k.default_size
    return Shape(
        id=rid,
        page="page:1",
        layer="layer:1",
        kind=kind,
        box=box or Box(40, 40, w, h),
        text=text,
        props=frozen_map({**p, **props}),
        style=replace(DEFAULT_STYLE, **st),
    )


def _again(doc: Document) -> Document:
    return drawio.read(drawio_export.write(doc)).doc


@pytest.mark.parametrize("kind", UML_ER)
def test_every_kind_round_trips_with_text_rows_and_box(kind: str) -> None:
    """Kind, text, rows, compartments, bars and box survive; the SVG is the same."""
    doc = _doc(_fresh(kind))
    back = _again(doc)
    a, b = doc.typed("shape:a", Shape), back.typed("shape:a", Shape)

    assert (b.kind, b.text, b.box) == (a.kind, a.text, a.box)
    for key in ("rows", "compartments", "stereotype", "activations", "dividers"):
        assert a.props.get(key) == b.props.get(key), key
    assert export_svg(doc, "page:1") == export_svg(back, "page:1")


def test_abstract_class_with_stereotype_round_trips() -> None:
    """An abstract class's italic name and «stereotype» line come back as props."""
    s = _fresh(
        "uml-class",
        box=Box(0, 0, 180, 140),
        rows=["- a: int", "+ b(): void"],
        compartments=[1, 1],
        abstract=True,
        stereotype="entity",
    )
    back = _again(_doc(s)).typed("shape:a", Shape)

    assert back.props.get("abstract") is True
    assert back.props.get("stereotype") == "entity"
    assert back.text == "Class"
    assert back.style.italic is False


def test_class_is_a_draw_io_stack_of_rows() -> None:
    """Export writes a stackLayout swimlane, one text cell per row, a line between."""
    s = _fresh("uml-class", rows=["+ a", "+ b", "+ c()"], compartments=[2, 1])
    root = ET.fromstring(drawio_export.write(_doc(s)))
    cells = {c.get("id"): c for c in root.iter("mxCell")}
    box = cells["shape:a"]
    kids = [c for c in cells.values() if c.get("parent") == "shape:a"]

    assert "childLayout=stackLayout" in (box.get("style") or "")
    assert [c.get("value") for c in kids] == ["+ a", "+ b", "", "+ c()"]
    assert (kids[2].get("style") or "").startswith("line;")


def test_a_connector_on_a_row_ends_on_that_rows_cell_and_comes_back() -> None:
    """An edge to row 2 of a table targets the row's cell; import makes it row 2 again."""
    a = _fresh("er-entity", "shape:a", Box(0, 0, 180, 108))
    b = _fresh("er-entity", "shape:b", Box(400, 0, 180, 108))
    c = Connector(
        id="conn:c",
        page="page:1",
        layer="layer:1",
        source=Attached(shape="shape:a", port="row0-e"),
        target=Attached(shape="shape:b", port="row2-w"),
    )
    doc = _doc(a, b, conns=(c,))
    root = ET.fromstring(drawio_export.write(doc))
    edge = next(x for x in root.iter("mxCell") if x.get("id") == "conn:c")
    back = _again(doc).typed("conn:c", Connector)

    assert edge.get("target", "").endswith("row2")
    assert (back.source, back.target) == (c.source, c.target)


def test_lifeline_bars_are_children_cells() -> None:
    """Activation bars go out as orthogonalPerimeter children and come back as bars."""
    s = _fresh("uml-lifeline", activations=[[60, 100], [140, 220]])
    xml = drawio_export.write(_doc(s)).decode()
    back = _again(_doc(s)).typed("shape:a", Shape)

    assert xml.count("perimeter=orthogonalPerimeter") == 2
    assert back.props["activations"] == [[60.0, 100.0], [140.0, 220.0]]


def _corpus(name: str) -> Document:
    path = CORPUS / name
    if not path.exists():
        pytest.skip("corpus not present")
    return drawio.read(path.read_bytes()).doc


def test_corpus_class_diagram_reads_classes_with_rows() -> None:
    """draw.io's class example: four classes, attribute and operation compartments."""
    doc = _corpus("dd_class-diagram-example.drawio")
    classes = {
        s.text: s
        for s in doc.records.values()
        if isinstance(s, Shape) and s.kind == "uml-class"
    }

    assert set(classes) == {"Person", "Student", "Professor", "Address"}
    assert classes["Person"].props["rows"][0] == "+name: str"
    assert classes["Person"].props["compartments"] == [3, 1]
    assert classes["Person"].props.get("abstract") is True  # italic name in draw.io


def test_corpus_er_tables_read_as_entities_with_row_ends() -> None:
    """draw.io's ER template: tables with PK/FK rows; relations end on rows."""
    doc = _corpus("tpl_software_entity_relationship.xml")
    tables = [
        s
        for s in doc.records.values()
        if isinstance(s, Shape) and s.kind == "er-entity"
    ]
    ends = [
        e.port
        for c in doc.records.values()
        if isinstance(c, Connector)
        for e in (c.source, c.target)
        if isinstance(e, Attached)
    ]

    assert len(tables) == 9
    assert any(r.startswith("PK ") for t in tables for r in t.props["rows"])
    assert ends and all(p is not None and p.startswith("row") for p in ends)


def test_corpus_sequence_diagram_reads_lifelines_frames_and_bars() -> None:
    """umlLifeline, umlFrame, umlDestroy map; orthogonalPerimeter children are bars."""
    doc = _corpus("dd_sequence-diagram-examples.drawio")
    kinds = [s.kind for s in doc.records.values() if isinstance(s, Shape)]

    assert kinds.count("uml-lifeline") == 8
    assert kinds.count("uml-fragment") >= 4
    assert "uml-destroy" in kinds
    lifelines = [
        s
        for s in doc.records.values()
        if isinstance(s, Shape) and s.kind == "uml-lifeline"
    ]
    assert all(s.props.get("activations") for s in lifelines[:5])


ER_SIDEBAR_ENTITY = b"""<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>
<mxCell id="e" value="Entity" style="swimlane;childLayout=stackLayout;horizontal=1;startSize=30;horizontalStack=0;rounded=1;fontSize=14;fontStyle=0;strokeWidth=2;resizeParent=0;resizeLast=1;shadow=0;dashed=0;align=center;" vertex="1" parent="1"><mxGeometry x="40" y="40" width="160" height="120" as="geometry"/></mxCell>
<mxCell id="a" value="+Attribute1&#xa;+Attribute2&#xa;+Attribute3" style="align=left;strokeColor=none;fillColor=none;spacingLeft=4;fontSize=12;verticalAlign=top;resizable=0;rotatable=0;part=1;" vertex="1" parent="e"><mxGeometry y="30" width="160" height="90" as="geometry"/></mxCell>
</root></mxGraphModel>"""


def test_draw_io_er_sidebar_entity_reads_as_an_entity_with_a_row_per_line() -> None:
    """draw.io's ER "Entity": one part cell of attribute lines becomes the rows."""
    doc = drawio.read(ER_SIDEBAR_ENTITY).doc
    shapes = [s for s in doc.records.values() if isinstance(s, Shape)]

    assert [(s.kind, s.text) for s in shapes] == [("er-entity", "Entity")]
    assert shapes[0].props["rows"] == ["+Attribute1", "+Attribute2", "+Attribute3"]
