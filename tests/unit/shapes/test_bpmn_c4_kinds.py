"""BPMN and C4 kinds: golden SVG per kind, what each draws, and draw.io round trips.

Each kind renders (as added from the palette: its starting style and props,
with a label) to a golden SVG, byte for byte. Refresh the goldens after an
intended change with ``LINEWORK_UPDATE_GOLDEN=1 pytest``. Each kind also goes
Linework → draw.io → Linework keeping its kind, text and box.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

import pytest

from golden_files import GOLDEN, UPDATE
from linework.formats import drawio
from linework.formats.drawio import export as drawio_export
from linework.geometry import Box
from linework.model import Document, IdSource, Shape, Transaction, frozen_map
from linework.render import export_svg
from linework.shapes import DEFAULT_KINDS, kind_of
from linework.shapes.defaults import initial_props, initial_style

KINDS = [k.name for k in DEFAULT_KINDS if k.library in ("bpmn", "c4", "floorplan")]
#: Variants only imports make (props over a kind), rendered and round-tripped too.
VARIANTS: list[tuple[str, dict[str, Any]]] = [
    ("bpmn-start-event", {"marker": "error"}),
    ("bpmn-intermediate-message", {"throwing": True}),
    ("bpmn-intermediate-event", {"marker": "escalation"}),
    ("bpmn-end-event", {"marker": "cancel"}),
    ("bpmn-gateway-exclusive", {"gateway": "complex"}),
    ("floorplan-wall-corner", {"direction": "south"}),
    ("floorplan-wall-u", {"direction": "west", "thickness": 15.0}),
]
SVG = "{http://www.w3.org/2000/svg}"


def _text(kind: str) -> str:
    if kind.startswith("c4-"):
        return f"Billing\n[{kind_of(kind).title}: Python]\nSends the invoices"
    return kind_of(kind).title


def _doc(kind: str, props: Mapping[str, Any] | None = None) -> Document:
    w, h = kind_of(kind).default_size
    doc = Document.new(IdSource())
    tx = Transaction(doc)
    tx.put(
        Shape(
            id="shape:a",
            page="page:1",
            layer="layer:1",
            kind=kind,
            box=Box(200, 120, w, h),
            text=_text(kind),
            style=initial_style(kind),
            props=frozen_map({**initial_props(kind), **(props or {})}),
        )
    )
    return doc.apply(tx.patch())


def _name(kind: str, props: Mapping[str, Any] | None) -> str:
    extra = "-".join(f"{k}-{v}" for k, v in sorted((props or {}).items()))
    return f"{kind}-{extra}" if extra else kind


CASES = [(k, None) for k in KINDS] + VARIANTS


@pytest.mark.parametrize(("kind", "props"), CASES, ids=[_name(k, p) for k, p in CASES])
def test_golden_svg(kind: str, props: dict[str, Any] | None) -> None:
    """The kind renders to exactly its golden bytes, label escaped and all."""
    doc = _doc(kind, props)
    svg = export_svg(doc, "page:1")
    golden = GOLDEN / "kinds" / f"{_name(kind, props).replace(' ', '_')}.svg"
    if UPDATE or not golden.exists():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(svg, encoding="utf-8")

    assert golden.read_text(encoding="utf-8") == svg
    root = ET.fromstring(svg)
    (g,) = [e for e in root.iter(f"{SVG}g") if e.get("data-kind") == kind]
    assert _text(kind).split("\n")[0] in "".join(g.itertext())


def _body(kind: str, props: Mapping[str, Any] | None = None) -> list[ET.Element]:
    svg = export_svg(_doc(kind, props), "page:1")
    root = ET.fromstring(svg)
    (g,) = [e for e in root.iter(f"{SVG}g") if e.get("data-kind") == kind]
    body = g.find(f"{SVG}g")
    assert body is not None
    return list(body)


def test_events_differ_by_ring_and_marker() -> None:
    """Start: one thin ring; intermediate: two rings; end: a thick ring (a filled
    annulus); a terminate end event adds a filled disc; markers add shapes."""
    start = _body("bpmn-start-event")
    middle = _body("bpmn-intermediate-event")
    end = _body("bpmn-end-event")
    terminate = _body("bpmn-end-terminate")

    assert [e.tag for e in start] == [f"{SVG}circle"]
    assert [e.tag for e in middle] == [f"{SVG}circle", f"{SVG}circle"]
    assert [e.tag for e in end] == [f"{SVG}circle", f"{SVG}path"]
    assert end[1].get("stroke") == "none" and end[1].get("fill") != "none"
    assert terminate[-1].tag == f"{SVG}circle" and terminate[-1].get("fill") != "none"
    for marker in ("message", "timer", "signal"):
        assert len(_body(f"bpmn-start-{marker}")) > len(start)


def test_end_event_markers_are_filled_start_markers_are_not() -> None:
    """Throwing (end) markers are filled with the stroke colour; catching ones not."""
    start = _body("bpmn-start-signal")[-1]
    end = _body("bpmn-end-signal")[-1]

    assert start.get("fill") == "none"
    assert end.get("fill") == initial_style("bpmn-end-signal").stroke


def test_gateway_markers() -> None:
    """Exclusive: two crossed bars; parallel: two bars; inclusive: a ring;
    event-based: two rings and a pentagon; complex: four bars."""
    counts = {
        g: len(_body(f"bpmn-gateway-{g}")) - 1
        for g in ("exclusive", "parallel", "inclusive", "event-based")
    }
    complex_ = len(_body("bpmn-gateway-exclusive", {"gateway": "complex"})) - 1

    assert counts == {"exclusive": 2, "parallel": 2, "inclusive": 1, "event-based": 3}
    assert complex_ == 4


def test_task_markers_and_label_boxes() -> None:
    """A typed task draws its marker and keeps its label clear of it; the
    sub-process draws its "+" box at the bottom and its label stays above it."""
    from linework.shapes import label_box

    plain = _doc("bpmn-task").typed("shape:a", Shape)
    user = _doc("bpmn-user-task").typed("shape:a", Shape)
    sub = _doc("bpmn-sub-process").typed("shape:a", Shape)

    assert len(_body("bpmn-user-task")) > len(_body("bpmn-task"))
    assert label_box(plain) == plain.box
    assert label_box(user).y > user.box.y
    assert label_box(sub).bottom < sub.box.bottom
    assert len(_body("bpmn-sub-process")) == 3


def test_c4_person_label_sits_in_the_body_below_the_head() -> None:
    """The person's label box is its body; the head is above it."""
    from linework.shapes import label_box

    person = _doc("c4-person").typed("shape:a", Shape)
    tags = [e.tag for e in _body("c4-person")]

    assert tags == [f"{SVG}rect", f"{SVG}circle"]
    assert label_box(person).y > person.box.y + person.box.h * 0.3
    assert label_box(person).bottom == person.box.bottom


def test_c4_boundaries_are_dashed_containers() -> None:
    """A boundary starts as a container, dashed, titled at its bottom left."""
    from linework.commands import is_container

    for kind in ("c4-system-boundary", "c4-container-boundary"):
        shape = _doc(kind).typed("shape:a", Shape)
        assert is_container(shape)
        assert shape.style.dash == "dashed" and shape.style.valign == "bottom"


# --------------------------------------------------------------------------- draw.io
def _again(doc: Document) -> Document:
    return drawio.read(drawio_export.write(doc)).doc


@pytest.mark.parametrize(("kind", "props"), CASES, ids=[_name(k, p) for k, p in CASES])
def test_drawio_round_trip(kind: str, props: dict[str, Any] | None) -> None:
    """Linework → draw.io → Linework keeps kind, props, text and box, and renders
    the same."""
    doc = _doc(kind, props)
    back = _again(doc)
    (shape,) = [r for r in back.records.values() if isinstance(r, Shape)]
    before = doc.typed("shape:a", Shape)

    assert shape.kind == kind
    assert shape.text == before.text
    assert shape.box == before.box
    for key, value in (props or {}).items():
        assert shape.props.get(key) == value


@pytest.mark.parametrize("kind", KINDS)
def test_drawio_export_uses_draw_io_shapes(kind: str) -> None:
    """Export writes draw.io's own BPMN and C4 shapes (never a plain rectangle)."""
    xml = drawio_export.write(_doc(kind)).decode()
    (cell,) = [c for c in ET.fromstring(xml).iter("mxCell") if c.get("vertex") == "1"]
    style = cell.get("style", "")

    if kind.startswith("bpmn-"):
        assert "shape=" in style
    if kind.startswith("c4-"):
        (obj,) = list(ET.fromstring(xml).iter("UserObject"))
        assert obj.get("c4Name") == "Billing"
        assert obj.get("c4Technology") == "Python"
        assert obj.get("c4Description") == "Sends the invoices"
