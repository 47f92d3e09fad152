"""Patches: inverse, composition, and application to documents."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given

from linework.geometry import Box, Vec
from linework.model import Document, IdSource, Patch, PatchConflict, Shape, Transaction
from strategies import documents


def _doc_with_shape() -> tuple[Document, Shape]:
    ids = IdSource()
    doc = Document.new(ids)
    page = doc.pages()[0]
    layer = doc.layers(page.id)[0]
    shape = Shape(
        id=ids.new("shape"), page=page.id, layer=layer.id, box=Box(0, 0, 10, 10)
    )
    tx = Transaction(doc)
    tx.put(shape)
    return doc.apply(tx.patch()), shape


def test_inverse_undoes_an_update() -> None:
    """Applying a patch then its inverse gives back the original document."""
    doc, shape = _doc_with_shape()
    tx = Transaction(doc)
    tx.put(replace(shape, box=shape.box.translated(Vec(5, 5))))
    patch = tx.patch()

    assert doc == doc.apply(patch).apply(patch.inverse())


def test_then_squashes_a_gesture() -> None:
    """Many small moves squash into one patch from the first before to the last after."""
    doc, shape = _doc_with_shape()
    total = Patch()
    cur = doc
    for i in range(1, 4):
        tx = Transaction(cur)
        tx.put(replace(shape, box=shape.box.translated(Vec(i, 0))))
        p = tx.patch()
        cur = cur.apply(p)
        total = total.then(p)

    assert {shape.id} == set(total.updated)
    assert cur == doc.apply(total)
    assert doc == cur.apply(total.inverse())


def test_then_add_then_remove_is_nothing() -> None:
    """A record added and then removed in one gesture leaves an empty patch."""
    _, shape = _doc_with_shape()
    added = Patch(added={"shape:99": replace(shape, id="shape:99")})
    removed = Patch(removed={"shape:99": replace(shape, id="shape:99")})

    assert added.then(removed).is_empty()


def test_conflicting_patch_is_refused() -> None:
    """A patch made for another version of the document does not apply silently."""
    doc, shape = _doc_with_shape()

    with pytest.raises(PatchConflict):
        doc.apply(Patch(added={shape.id: shape}))


@given(documents())
def test_removing_everything_and_undoing_restores(doc: Document) -> None:
    """Removing every record and applying the inverse gives back the same document."""
    tx = Transaction(doc)
    for rid in doc:
        tx.delete(rid)
    patch = tx.patch()

    assert len(doc.apply(patch)) == 0
    assert doc == doc.apply(patch).apply(patch.inverse())


def test_paint_order_follows_layers_then_z() -> None:
    """Elements of a lower layer paint first, then by z, then by id."""
    doc, shape = _doc_with_shape()
    page = doc.pages()[0]
    tx = Transaction(doc)
    from linework.model import Layer

    tx.put(Layer(id="layer:2", page=page.id, name="Top", z=1))
    tx.put(replace(shape, id="shape:top", layer="layer:2", z=-5))
    tx.put(replace(shape, id="shape:front", z=3))
    doc = doc.apply(tx.patch())

    assert [e.id for e in doc.elements(page.id)] == [
        "shape:1",
        "shape:front",
        "shape:top",
    ]
