"""Scenarios: a label drawn outside its shape (label_position, or overflowing it
unwrapped) is part of the shape.

Clicking, hovering or double-clicking the text of an icon's name below the
icon picks the icon; the rest of the label box, where no text is, does not.
"""

from __future__ import annotations

from typing import Any

from linework.geometry import Box, Vec
from linework.render.shape import label_text_box
from scenarios.driver import TestEditor


def labelled(
    text: str = "Server",
    position: str = "bottom",
    *,
    box: tuple[float, float, float, float] = (140, 170, 120, 60),
    **style: object,
) -> TestEditor:
    """Return an editor with one rectangle labelled outside, nothing selected."""
    t = TestEditor()
    t.drop_shape("rectangle", 200, 200)
    x, y, w, h = box
    t.action("set-box", x=x, y=y, w=w, h=h)
    valign = {"bottom": "top", "top": "bottom"}.get(position, "middle")
    fields = {"label_position": position, "valign": valign, **style}
    t.action("set-style", fields=fields)
    t.action("set-text", id="shape:1", text=text)
    t.key_down("Escape")
    t.click(1000, 800)  # empty canvas: nothing selected, nothing edited
    assert [] == t.selection
    return t


def text_box(t: TestEditor) -> Box:
    box = label_text_box(t.shape("shape:1"))
    assert box is not None
    return box


def test_clicking_the_text_below_a_shape_selects_the_shape() -> None:
    """The name under an icon is clickable; the empty label box around it is not."""
    t = labelled()
    tb = text_box(t)
    assert tb.y >= 230  # below the outline

    t.click(tb.center.x, tb.center.y)
    assert ["shape:1"] == t.selection

    t.click(1000, 800)
    t.click(150, 285)  # in the label box (230..290), far from the short text
    assert [] == t.selection


def test_hover_over_the_label_highlights_the_shape() -> None:
    """Hovering the outside label shows the shape as hovered, with a move cursor."""
    t = labelled()
    tb = text_box(t)

    t.pointer_move(tb.center.x, tb.center.y)
    assert "shape:1" == t.ui["hover"]
    assert "move" == t.ui["cursor"]
    t.pointer_move(tb.center.x, tb.bottom + 20)
    assert t.ui["hover"] is None


def test_double_clicking_the_label_edits_it_in_its_box() -> None:
    """A double-click on the name starts editing the shape, in the label box."""
    t = labelled()
    tb = text_box(t)

    t.double_click(tb.center.x, tb.center.y)
    edit = t.ui["edit_text"]
    assert edit is not None and "shape:1" == edit["id"]
    assert {"x": 140.0, "y": 230.0, "w": 120.0, "h": 60.0} == edit["box"]
    assert edit["style"]["wrap"] is False  # drawn unwrapped, edited unwrapped
    assert ["shape:1"] == t.selection


def test_a_label_wider_than_the_shape_is_found_in_other_grid_cells() -> None:
    """Text reaching into hit-grid cells the outline does not touch still hits."""
    t = labelled(
        "A rather long name for a very small shape, reaching far to the right",
        "right",
        box=(10, 10, 40, 40),
        align="left",
    )
    tb = text_box(t)
    assert tb.right > 300  # the outline is in cell 0 (0..256); the text is not

    t.click(tb.right - 5, tb.center.y)
    assert ["shape:1"] == t.selection
    t.click(1000, 800).click(tb.right + 20, tb.center.y)
    assert [] == t.selection


def test_the_label_hit_follows_moves_and_text_changes() -> None:
    """After a drag and after new text, the label hits where it is now drawn."""
    t = labelled()
    tb = text_box(t)

    t.drag((200, 200), (400, 300))  # the shape moves by (200, 100)
    t.click(1000, 800)
    t.click(tb.center.x, tb.center.y)
    assert [] == t.selection
    t.click(tb.center.x + 200, tb.center.y + 100)
    assert ["shape:1"] == t.selection

    t.action("set-text", id="shape:1", text="A much longer name than before it")
    t.key_down("Escape")
    wide = text_box(t)
    assert wide.w > tb.w and wide.x < 340
    t.click(1000, 800).click(wide.x + 3, wide.center.y)
    assert ["shape:1"] == t.selection


def test_a_rotated_shape_turns_its_label_hit_with_it() -> None:
    """The label turns about the shape's centre, and so does its hit area."""
    t = labelled()
    tb = text_box(t)
    t.click(200, 200).action("set-rotation", deg=180)
    t.click(1000, 800)

    t.click(tb.center.x, tb.center.y)  # where the label was before turning
    assert [] == t.selection
    turned = Vec(400 - tb.center.x, 400 - tb.center.y)  # about (200, 200)
    t.click(turned.x, turned.y)
    assert ["shape:1"] == t.selection


def test_the_upper_shape_wins_over_a_label_below_it() -> None:
    """A shape painted over the label hides it from the pointer."""
    t = labelled()
    tb = text_box(t)
    t.drop_shape("rectangle", tb.center.x, tb.center.y + 20)
    t.click(1000, 800)

    t.click(tb.center.x, tb.center.y)
    assert ["shape:2"] == t.selection


def test_frame_guides_and_rubber_band_go_by_the_outline() -> None:
    """Selecting shows the outline's frame; a band around the outline selects it."""
    t = labelled()
    t.drop_shape("rectangle", 500, 200)  # a second, plain shape: 440..560
    t.click(1000, 800)

    t.drag((120, 150), (280, 240))  # the outline of shape:1, not its label
    assert ["shape:1"] == t.selection
    t.action("select-all")
    assert {"x": 140.0, "y": 170.0, "w": 420.0, "h": 60.0} == t.ui["props"]["bounds"]


def test_zoom_fit_includes_the_outside_label() -> None:
    """Fit frames the label too, so the name is not cut off."""
    t = labelled()
    tb = text_box(t)

    t.action("zoom-fit")
    b = t.ui["request"]["bounds"]
    assert b["y"] + b["h"] >= tb.bottom - 1e-9


def test_wrap_text_off_lets_the_label_overflow_and_pick_the_shape() -> None:
    """The panel's Wrap text checkbox: off, the label is one line past the outline,
    and clicking that overflowing text selects the shape."""
    t = TestEditor()
    t.drop_shape("rectangle", 200, 200)  # 140..260 x 170..230
    t.action("set-text", id="shape:1", text="A label far wider than the shape is")
    t.key_down("Escape")
    t.click(200, 200)
    assert t.ui["style"]["wrap"] is True

    t.action("set-style", fields={"wrap": False})
    style: Any = t.ui["style"]  # read afresh: mypy keeps the `is True` above
    assert style["wrap"] is False
    assert t.shape("shape:1").style.wrap is False
    tb = text_box(t)
    assert tb.x < 140 and tb.right > 260 and tb.h < 30  # one line, both sides

    t.click(1000, 800).click(tb.right - 4, tb.center.y)
    assert ["shape:1"] == t.selection
    t.click(1000, 800).click(tb.right + 20, tb.center.y)
    assert [] == t.selection
    t.double_click(200, 200)
    assert t.ui["edit_text"]["style"]["wrap"] is False
    t.action("end-edit").click(1000, 800)

    t.key_down("z", ctrl=True)
    assert t.shape("shape:1").style.wrap is True
    t.click(1000, 800).click(tb.right - 4, tb.center.y)
    assert [] == t.selection  # wrapped again: nothing past the outline
