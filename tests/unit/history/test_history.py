"""History: undo/redo of patches, gesture marks, and the saved (clean) position."""

from __future__ import annotations

from dataclasses import replace

import pytest

from linework.geometry import Box, Vec
from linework.history import History
from linework.model import Document, IdSource, Patch, Shape, Transaction


def _doc() -> tuple[Document, Shape]:
    ids = IdSource()
    doc = Document.new(ids)
    page = doc.pages()[0]
    shape = Shape(
        id="shape:1",
        page=page.id,
        layer=doc.layers(page.id)[0].id,
        box=Box(0, 0, 10, 10),
    )
    tx = Transaction(doc)
    tx.put(shape)
    return doc.apply(tx.patch()), shape


def _move(doc: Document, dx: float) -> Patch:
    s = doc.typed("shape:1", Shape)
    return Patch(updated={s.id: (s, replace(s, box=s.box.translated(Vec(dx, 0))))})


def test_undo_and_redo_walk_the_steps() -> None:
    """Undo reverts the last step and redo replays it."""
    doc0, _ = _doc()
    h = History()
    p = _move(doc0, 5)
    doc1 = doc0.apply(p)
    h.record(p, "Move")

    doc, applied = h.undo(doc1)
    assert doc0 == doc and p.inverse() == applied
    assert h.can_redo and not h.can_undo
    doc, applied = h.redo(doc)
    assert doc1 == doc and p == applied


def test_a_new_step_clears_redo_but_an_empty_patch_does_not() -> None:
    """Recording forgets redo; recording nothing keeps it."""
    doc0, _ = _doc()
    h = History()
    h.record(_move(doc0, 5))
    doc1 = doc0.apply(_move(doc0, 5))
    doc, _ = h.undo(doc1)

    h.record(Patch())
    assert h.can_redo
    h.record(_move(doc, 1))
    assert not h.can_redo


def test_squash_folds_a_gesture_into_one_step() -> None:
    """Many moves inside a mark become one undo step."""
    doc, _ = _doc()
    start = doc
    h = History()
    m = h.mark("drag")
    for _ in range(5):
        p = _move(doc, 3)
        doc = doc.apply(p)
        h.record(p)
    squashed = h.squash_to_mark(m)

    assert 1 == len(h)
    assert Box(15, 0, 10, 10) == squashed.updated["shape:1"][1].box  # type: ignore[union-attr]
    doc, _ = h.undo(doc)
    assert start == doc


def test_bail_reverts_and_keeps_the_redo_stack() -> None:
    """Bailing out of a gesture reverts it, leaves no step, and redo survives."""
    doc, _ = _doc()
    h = History()
    p = _move(doc, 1)
    doc = doc.apply(p)
    h.record(p)
    doc, _ = h.undo(doc)
    before = doc

    m = h.mark("drag")
    for _ in range(3):
        q = _move(doc, 7)
        doc = doc.apply(q)
        h.record(q)
    doc, revert = h.bail_to_mark(m, doc)

    assert before == doc
    assert 0 == len(h) and h.can_redo
    assert "shape:1" in revert.updated


def test_a_gesture_that_ends_where_it_began_leaves_no_step() -> None:
    """Dragging away and back squashes to nothing and keeps redo."""
    doc, _ = _doc()
    h = History()
    h.record(_move(doc, 1))
    doc = doc.apply(_move(doc, 1))
    doc, _ = h.undo(doc)
    m = h.mark("drag")
    for dx in (4, -4):
        q = _move(doc, dx)
        doc = doc.apply(q)
        h.record(q)

    assert h.squash_to_mark(m).is_empty()
    assert 0 == len(h) and h.can_redo


def test_undo_waits_while_a_gesture_is_open() -> None:
    """Undo inside an open mark does nothing (the gesture must end first)."""
    doc, _ = _doc()
    h = History()
    h.record(_move(doc, 1))
    doc = doc.apply(_move(doc, 1))
    h.mark("drag")

    assert (doc, Patch()) == h.undo(doc)


def test_dirty_follows_the_saved_position() -> None:
    """Undo back to the saved step is clean; a step past it is dirty."""
    doc, _ = _doc()
    h = History()
    assert not _dirty(h)
    p = _move(doc, 1)
    doc = doc.apply(p)
    h.record(p)
    assert _dirty(h)
    h.mark_saved()
    assert not _dirty(h)

    q = _move(doc, 2)
    doc = doc.apply(q)
    h.record(q)
    assert _dirty(h)
    doc, _ = h.undo(doc)
    assert not _dirty(h)
    doc, _ = h.undo(doc)
    assert _dirty(h)
    h.clear()
    assert not _dirty(h) and not h.can_undo


def test_closing_an_unknown_mark_is_an_error() -> None:
    """A mark can be closed once."""
    h = History()
    m = h.mark("drag")
    h.squash_to_mark(m)

    with pytest.raises(ValueError, match="not open"):
        h.squash_to_mark(m)


def _dirty(h: History) -> bool:
    """Read ``h.dirty`` afresh: mypy would keep an ``assert`` narrowing across calls."""
    return h.dirty
