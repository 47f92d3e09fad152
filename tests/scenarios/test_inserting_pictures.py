"""Inserting pictures: one undoable step, sized from the file, SVG sanitized."""

from __future__ import annotations

import base64

from linework.geometry import Box
from picture_samples import HOSTILE_SVG, png
from scenarios.driver import TestEditor


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def test_insert_png_at_its_size_then_undo_and_redo() -> None:
    t = TestEditor()

    t.action("insert-picture", data=_b64(png(40, 20)), x=300, y=200)

    (sid,) = t.selection
    shape = t.shape(sid)
    assert ("image", Box(280, 190, 40, 20)) == (shape.kind, shape.box)
    assert shape.props["src"] == "data:image/png;base64," + _b64(png(40, 20))
    assert "<image " in t.svg_of(sid)
    t.action("undo")
    assert sid not in t.doc.records
    t.action("redo")
    assert t.shape(sid).box == Box(280, 190, 40, 20)


def test_hostile_svg_inserts_sanitized_and_drawn_only_as_an_image() -> None:
    t = TestEditor()

    t.action("insert-picture", data=_b64(HOSTILE_SVG.encode()), x=100, y=100)

    (sid,) = t.selection
    src = t.shape(sid).props["src"]
    inner = base64.b64decode(src.split(",", 1)[1]).decode()
    assert "script" not in inner and "onload" not in inner and "evil" not in inner
    svg = t.svg_of(sid)
    assert svg.count("<svg") == 0 and "<image " in svg


def test_a_refused_picture_changes_nothing_and_says_why() -> None:
    t = TestEditor()
    before = t.doc

    t.action("insert-picture", data=_b64(b"not a picture"))

    assert "LW-E0208" == t.ui["error"]["code"]
    assert before == t.doc and not t.ui["can_undo"]
