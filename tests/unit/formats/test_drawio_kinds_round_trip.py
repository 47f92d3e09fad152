"""Linework → draw.io → Linework keeps every shape's kind.

Over the examples, every shape comes back with its kind, and every page renders
to the very same SVG. Connector ends on ports may come back as anchors at the
same point (draw.io stores ``exitX``/``exitY`` fractions, not port names); that
is accepted because the rendering is identical, which the test checks.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from golden_files import example_files
from linework.formats import drawio, native
from linework.formats.drawio import export as drawio_export
from linework.geometry import Box
from linework.model import Document, IdSource, Shape, Transaction
from linework.render import export_svg


def _again(doc: Document) -> Document:
    return drawio.read(drawio_export.write(doc)).doc


@pytest.mark.parametrize("example", example_files(), ids=lambda p: p.stem)
def test_kinds_survive_and_render_identically(example: Path) -> None:
    """Each shape keeps its kind; each page's SVG is byte for byte the same."""
    doc = native.decode(example.read_bytes())
    back = _again(doc)

    kinds = {r.id: r.kind for r in doc.records.values() if isinstance(r, Shape)}
    back_kinds = {r.id: r.kind for r in back.records.values() if isinstance(r, Shape)}
    assert kinds == back_kinds
    for page in doc.pages():
        assert export_svg(doc, page.id) == export_svg(back, page.id)


def _one(kind: str, box: Box) -> Document:
    doc = Document.new(IdSource())
    tx = Transaction(doc)
    tx.put(Shape(id="shape:a", page="page:1", layer="layer:1", kind=kind, box=box))
    return doc.apply(tx.patch())


@pytest.mark.parametrize("box", [Box(0, 0, 110, 70), Box(0, 0, 40, 90)])
def test_a_circle_in_a_non_square_box_stays_a_circle(box: Box) -> None:
    """draw.io's ``ellipse;aspect=fixed`` plus the ``lineworkKind`` hint."""
    xml = drawio_export.write(_one("circle", box)).decode()

    assert "ellipse;aspect=fixed;lineworkKind=circle;" in xml
    assert "circle" == _again(_one("circle", box)).typed("shape:a", Shape).kind


def test_square_circles_and_ellipses_carry_no_hint() -> None:
    """The hint is written only where draw.io's shape is not already exact."""
    square = drawio_export.write(_one("circle", Box(0, 0, 60, 60))).decode()
    oval = drawio_export.write(_one("ellipse", Box(0, 0, 110, 70))).decode()

    assert "lineworkKind" not in square and "lineworkKind" not in oval
    assert (
        "circle"
        == _again(_one("circle", Box(0, 0, 60, 60))).typed("shape:a", Shape).kind
    )


def test_the_hint_does_not_override_a_shape_changed_in_draw_io() -> None:
    """A hinted cell restyled in draw.io to another shape keeps the new shape."""
    cell = (
        '<mxCell id="a" style="rhombus;lineworkKind=circle;" vertex="1" parent="1">'
        '<mxGeometry width="110" height="70" as="geometry"/></mxCell>'
    )
    xml = (
        '<mxfile><diagram id="d" name="P"><mxGraphModel><root><mxCell id="0"/>'
        f'<mxCell id="1" parent="0"/>{cell}</root></mxGraphModel></diagram></mxfile>'
    )
    (shape,) = [
        r
        for r in drawio.read(xml.encode()).doc.records.values()
        if isinstance(r, Shape)
    ]

    assert "circle" != shape.kind
