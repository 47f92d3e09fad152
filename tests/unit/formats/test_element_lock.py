"""An element's lock is its ``locked`` field, in .linework and draw.io files alike."""

from __future__ import annotations

import json
from typing import Any

import pytest

from linework import commands as cmd
from linework.formats import drawio, native
from linework.formats.drawio import export as drawio_export
from linework.geometry import Box, Vec
from linework.model import (
    Attached,
    Connector,
    Document,
    Element,
    Free,
    Group,
    IdSource,
    Shape,
    Transaction,
)


def _file(*elements: dict[str, Any]) -> bytes:
    return json.dumps(
        {
            "format": "linework",
            "version": 1,
            "pages": [
                {
                    "id": "page:1",
                    "name": "P",
                    "layers": [{"id": "layer:1", "name": "L"}],
                    "elements": list(elements),
                }
            ],
        }
    ).encode()


def _shape(sid: str, **more: Any) -> dict[str, Any]:
    return {
        "type": "shape",
        "id": sid,
        "layer": "layer:1",
        "kind": "rectangle",
        "box": {"x": 0, "y": 0, "w": 10, "h": 10},
        **more,
    }


def _doc() -> Document:
    """A page with a shape, a connector from it and a group holding both."""
    doc = Document.new(IdSource())
    page = doc.pages()[0].id
    layer = doc.layers(page)[0].id
    tx = Transaction(doc)
    tx.put(Group(id="group:g", page=page, layer=layer, z=0))
    tx.put(
        Shape(
            id="shape:a",
            page=page,
            layer=layer,
            parent="group:g",
            z=1,
            box=Box(0, 0, 80, 40),
        )
    )
    tx.put(
        Connector(
            id="conn:c",
            page=page,
            layer=layer,
            parent="group:g",
            z=2,
            source=Attached(shape="shape:a"),
            target=Free(point=Vec(200, 20)),
        )
    )
    return doc.apply(tx.patch())


def _locked_all(doc: Document) -> Document:
    return doc.apply(cmd.set_locked(doc, ["group:g", "shape:a", "conn:c"], True))


def _elements(doc: Document) -> dict[str, Element]:
    return {e.id: e for p in doc.pages() for e in doc.elements(p.id)}


def test_locking_sets_the_field_and_extra_no_longer_carries_it() -> None:
    """set_locked writes the record field; extra stays as it was (empty)."""
    doc = _locked_all(_doc())

    for el in _elements(doc).values():
        assert el.locked
        assert "locked" not in el.extra
        assert cmd.is_locked(doc, el)
    unlocked = doc.apply(cmd.set_locked(doc, ["shape:a"], False))
    assert not unlocked.typed("shape:a", Shape).locked
    assert cmd.is_locked(unlocked, unlocked.typed("shape:a", Shape))  # via its group


def test_native_round_trip_keeps_locks_as_the_element_key() -> None:
    """Every element type writes ``"locked": true`` and reads it back as the field."""
    doc = _locked_all(_doc())
    data = native.encode(doc)

    for page in json.loads(data)["pages"]:
        for el in page["elements"]:
            assert el["locked"] is True
    again = native.decode(data)
    assert native.encode(again) == data
    assert _elements(again) == _elements(doc)
    assert all(e.locked for e in _elements(again).values())


def test_unlocked_elements_write_no_key() -> None:
    """An unlocked element's JSON has no ``locked`` key (files stay as they were)."""
    data = native.encode(_doc())

    for page in json.loads(data)["pages"]:
        assert all("locked" not in el for el in page["elements"])


def test_files_written_before_the_field_read_the_same() -> None:
    """The key older versions wrote is the key read: true locks, false does not."""
    old = _file(_shape("shape:1", locked=True), _shape("shape:2", locked=False))
    doc = native.decode(old)

    assert doc.typed("shape:1", Shape).locked
    assert not doc.typed("shape:2", Shape).locked
    assert "locked" not in doc.typed("shape:1", Shape).extra
    assert json.loads(native.encode(doc))["pages"][0]["elements"][0]["locked"] is True


@pytest.mark.parametrize("value", ["yes", 1, None, {"a": 1}])
def test_a_locked_key_that_is_no_boolean_is_kept_and_locks_nothing(value: Any) -> None:
    """As before the field: only ``true`` locks; any other value survives as data."""
    doc = native.decode(_file(_shape("shape:1", locked=value)))
    shape = doc.typed("shape:1", Shape)

    assert not shape.locked
    assert shape.extra["locked"] == value
    element = json.loads(native.encode(doc))["pages"][0]["elements"][0]
    assert element["locked"] == value


def test_drawio_export_writes_locked_and_reads_it_back() -> None:
    """Locked shapes, connectors and groups get draw.io's ``locked=1`` style."""
    doc = _locked_all(_doc())
    xml = drawio_export.write(doc).decode()

    assert xml.count("locked=1;") == 3
    back = drawio.read(drawio_export.write(doc)).doc
    els = _elements(back)
    assert {type(e).__name__ for e in els.values()} == {"Shape", "Connector", "Group"}
    assert all(e.locked for e in els.values())
    plain = drawio_export.write(_doc()).decode()
    assert "locked=" not in plain


_ROOT = '<mxCell id="0"/><mxCell id="1" parent="0"/>'


def _drawio(style: str) -> Shape:
    cell = (
        f'<mxCell id="a" value="" style="{style}" vertex="1" parent="1">'
        '<mxGeometry x="0" y="0" width="80" height="40" as="geometry"/></mxCell>'
    )
    xml = f"<mxfile><diagram id='d' name='P'><mxGraphModel><root>{_ROOT}{cell}"
    xml += "</root></mxGraphModel></diagram></mxfile>"
    (shape,) = [
        e
        for e in drawio.read(xml.encode()).doc.records.values()
        if isinstance(e, Shape)
    ]
    return shape


@pytest.mark.parametrize(
    ("style", "locked"),
    [
        ("rounded=0;", False),
        ("rounded=0;locked=1;", True),
        ("rounded=0;locked=0;", False),
        ("rounded=0;movable=0;resizable=0;", True),
        ("rounded=0;movable=0;", False),
        ("rounded=0;resizable=0;", False),
    ],
)
def test_drawio_cells_that_draw_io_locks_import_locked(
    style: str, locked: bool
) -> None:
    """``locked=1``, or a cell neither movable nor resizable, imports locked."""
    assert _drawio(style).locked is locked
