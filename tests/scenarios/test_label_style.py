"""Ctrl+B / Ctrl+I / Ctrl+U on selected shapes (no label being edited) format
each whole label, as draw.io does: one undo step for the whole selection."""

from __future__ import annotations

from linework.commands.labelstyle import is_whole
from linework.editor.actions import REGISTRY
from scenarios.driver import TestEditor


def labelled() -> TestEditor:
    """A rectangle whose label has one bold word, an ellipse with plain text, a
    connector with a label; nothing selected."""
    t = TestEditor()
    t.drop_shape("rectangle", 200, 200).drop_shape("ellipse", 600, 200)
    t.action("set-text", id="shape:1", html="Plain <b>bold</b> end")
    t.action("set-text", id="shape:2", text="Oval")
    t.action(
        "connect",
        source={"shape": "shape:1"},
        target={"shape": "shape:2"},
        routing="straight",
    )
    conn = t.selection[0]
    t.action("edit-text", id=conn, label=0)
    t.action("set-text", id=conn, text="flows")
    t.key_down("Escape")
    assert t.shape("shape:1").rich is not None
    return t


def test_ctrl_b_bolds_every_selected_label_whole_in_one_undo_step() -> None:
    t = labelled()
    conn = next(iter(t.doc.connectors_of("shape:1"))).id
    t.key_down("a", ctrl=True)
    before = t.doc
    t.key_down("b", ctrl=True)

    for rid in ("shape:1", "shape:2"):
        shape = t.shape(rid)
        assert shape.style.bold and is_whole(shape, "bold"), rid
    # The bold word's own run no longer sets bold: it inherits the style.
    assert t.shape("shape:1").rich is None
    assert t.shape("shape:1").text == "Plain bold end"
    assert t.connector(conn).style.bold
    assert 'font-weight="bold"' in t.svg_of("shape:2")

    t.key_down("b", ctrl=True)  # all bold: the keys turn it off again
    assert not any(t.shape(r).style.bold for r in ("shape:1", "shape:2"))
    t.key_down("z", ctrl=True)
    t.key_down("z", ctrl=True)  # one step per press
    assert t.doc.records == before.records


def test_italic_and_underline_and_a_partly_formatted_label() -> None:
    t = labelled()
    t.click(200, 200)  # the rectangle only: "bold" is bold, the rest not
    assert ["shape:1"] == t.selection
    t.key_down("b", ctrl=True)  # not all of it bold: now all of it is
    assert t.shape("shape:1").style.bold and is_whole(t.shape("shape:1"), "bold")
    t.key_down("i", ctrl=True).key_down("u", ctrl=True)
    shape = t.shape("shape:1")
    assert (shape.style.italic, shape.style.underline) == (True, True)
    assert not t.shape("shape:2").style.italic
    t.key_down("u", ctrl=True)
    assert not t.shape("shape:1").style.underline


def test_nothing_selected_changes_nothing_and_the_help_row_says_so() -> None:
    t = labelled()
    before = t.doc
    t.key_down("b", ctrl=True)
    assert t.doc is before and not t.ui["can_redo"]
    (text,) = [d for k, d in REGISTRY.help_rows() if k == "Mod+B / Mod+I / Mod+U"]
    assert "whole label" in text and "editing" in text
