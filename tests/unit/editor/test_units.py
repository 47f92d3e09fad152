"""Editor internals: protocol parsing, snapping, hit index, lazy painting, keys."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields

import pytest

from linework import commands as cmd
from linework.editor import Editor, parse_event
from linework.editor.actions import key_action
from linework.editor.hit import HitIndex
from linework.editor.painter import Painter, _connector_rest, _shape_rest
from linework.editor.protocol import Action, Key, Mods, Pointer, ProtocolError
from linework.editor.snapping import Snapper
from linework.geometry import Box, Vec
from linework.model import Attached, Connector, Document, Free, IdSource, Patch, Shape


def _doc(n: int) -> tuple[Document, IdSource]:
    ids = IdSource()
    doc = Document.new(ids)
    page = doc.pages()[0].id
    layer = doc.layers(page)[0].id
    for i in range(n):
        doc = doc.apply(
            cmd.add_shape(
                doc,
                ids,
                page=page,
                layer=layer,
                kind="rectangle",
                box=Box(i * 150, (i % 3) * 300, 100, 50),
            )
        )
    for i in range(1, n):
        doc = doc.apply(
            cmd.connect(
                doc,
                ids,
                page=page,
                layer=layer,
                source=Attached(shape=f"shape:{i}"),
                target=Attached(shape=f"shape:{i + 1}"),
            )
        )
    return doc, ids


def test_parse_event_types_and_defaults() -> None:
    """Pointer events get typed fields; missing modifiers are false."""
    ev = parse_event(
        {"type": "pointerdown", "x": 1, "y": 2.5, "shift": True, "zoom": 2}
    )

    assert Pointer("down", Vec(1, 2.5), Mods(shift=True), 0, 2.0, 1) == ev
    assert Action("undo", {}) == parse_event({"type": "action", "name": "undo"})
    assert Key("z", "KeyZ", Mods(meta=True)) == parse_event(
        {"type": "keydown", "key": "z", "code": "KeyZ", "meta": True}
    )


@pytest.mark.parametrize(
    "raw",
    [
        None,
        [],
        {"type": "pointermove", "x": float("nan"), "y": 0},
        {"type": "pointerup", "x": True, "y": 0},
        {"type": "action", "name": 3},
        {"type": "action", "name": "x", "args": []},
        {"type": "nope"},
        {"type": "idle", "max": 0},
    ],
)
def test_parse_event_refuses_what_is_not_the_protocol(raw: object) -> None:
    """Malformed events raise ProtocolError (LW-E0001)."""
    with pytest.raises(ProtocolError):
        parse_event(raw)


def test_snapper_prefers_guides_then_grid() -> None:
    """A nearby edge wins over the grid; far from any, the corner snaps to the grid."""
    snapper = Snapper([Box(200, 0, 50, 50)])

    d, guides = snapper.snap(
        Box(0, 100, 40, 40), Vec(157, 3), zoom=1, grid=10, guides=True
    )
    assert Vec(160, 0) == d  # right edge 197 → 200 (guide), y snaps to the grid
    assert guides and guides[0].vertical and 200 == guides[0].at
    d, guides = snapper.snap(
        Box(0, 100, 40, 40), Vec(57, 3), zoom=1, grid=10, guides=True
    )
    assert (Vec(60, 0), []) == (d, guides)


def test_hit_index_stays_equal_to_a_fresh_one() -> None:
    """Incremental index updates give the same bounds as building from scratch."""
    doc, _ = _doc(12)
    page = doc.pages()[0].id
    idx = HitIndex(doc, page)
    steps = [
        cmd.move_elements(doc, ["shape:1", "shape:2"], Vec(300, 0)),
    ]
    for patch in steps:
        doc = doc.apply(patch)
        idx.update(doc, patch)
    makers: tuple[Callable[[Document], Patch], ...] = (
        lambda d: cmd.move_elements(
            d, [f"shape:{i}" for i in range(1, 13)], Vec(-1000, 7)
        ),
        lambda d: cmd.resize_shape(d, "shape:3", "se", Vec(900, 900)),
        lambda d: cmd.delete_elements(d, ["shape:5"]),
    )
    for make in makers:
        patch = make(doc)
        doc = doc.apply(patch)
        idx.update(doc, patch)
        fresh = HitIndex(doc, page)
        assert fresh.bounds == idx.bounds
        probe = Box(-2000, -2000, 6000, 6000)
        assert fresh.near(probe) == idx.near(probe)
        for rid, b in fresh.bounds.items():
            assert rid in idx.near(b)


def test_painter_translates_large_rigid_moves_and_flushes_later() -> None:
    """A rigid move of many elements becomes translate ops; idle sends real fragments."""
    doc, _ = _doc(210)
    page = doc.pages()[0].id
    painter = Painter()
    painter.reset(doc, page)
    moved = [f"shape:{i}" for i in range(1, 211)]
    patch = cmd.move_elements(doc, moved, Vec(5, 5))
    doc = doc.apply(patch)

    ops = painter.update(doc, patch, page)

    assert ["translate"] == [op["op"] for op in ops]
    assert 419 == painter.pending
    flushed = painter.flush(doc, page, 1000)
    assert 419 == len(flushed) and 0 == painter.pending
    fresh = dict(Painter().renderer.page_fragments(doc, page))
    assert all(op["op"] == "upsert" and fresh[op["id"]] == op["svg"] for op in flushed)


def test_painter_renders_small_or_non_rigid_patches_at_once() -> None:
    """A resize is not a translation, so it is rendered immediately."""
    doc, _ = _doc(3)
    page = doc.pages()[0].id
    painter = Painter()
    painter.reset(doc, page)
    patch = cmd.resize_shape(doc, "shape:1", "se", Vec(300, 300))
    doc = doc.apply(patch)

    ops = painter.update(doc, patch, page)

    assert {"upsert"} == {op["op"] for op in ops}
    assert 0 == painter.pending


def test_rigid_check_covers_every_record_field() -> None:
    """The lazy painter compares all fields but geometry; a new model field must
    be added there too (this test fails when the model grows)."""
    s = Shape(id="s", page="p", layer="l", box=Box(0, 0, 1, 1))
    c = Connector(
        id="c",
        page="p",
        layer="l",
        source=Free(point=Vec(0, 0)),
        target=Free(point=Vec(1, 1)),
    )

    assert len(fields(Shape)) - 1 == len(_shape_rest(s))
    assert len(fields(Connector)) - 3 == len(_connector_rest(c))


@pytest.mark.parametrize(
    ("key", "code", "mods", "expected"),
    [
        ("z", "KeyZ", {"ctrl": True}, "undo"),
        ("Z", "KeyZ", {"ctrl": True, "shift": True}, "redo"),
        ("y", "KeyY", {"meta": True}, "redo"),
        ("}", "BracketRight", {"ctrl": True, "shift": True}, "to-front"),
        ("[", "BracketLeft", {"ctrl": True}, "send-backward"),
        ("я", "KeyZ", {"ctrl": True}, "undo"),
        ("Delete", "Delete", {}, "delete"),
        ("ArrowUp", "ArrowUp", {}, "nudge"),
        ("q", "KeyQ", {}, None),
    ],
)
def test_key_map(
    key: str, code: str, mods: dict[str, bool], expected: str | None
) -> None:
    """Shortcuts map to action names, by key or (for other layouts) by code."""
    ed = Editor()
    found = key_action(Key(key, code, Mods(**mods)), ed)

    assert expected == (found[0] if found else None)
