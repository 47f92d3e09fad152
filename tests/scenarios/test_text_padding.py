"""Scenarios: per-side text padding, set from the editor and edited in place.

``set-style`` takes ``text_padding_top`` … ``text_padding_left`` as numbers or
null (the side takes ``text_padding``), and the in-place text editor insets
its text per side as the renderer does.
"""

from __future__ import annotations

import pytest

from linework.geometry import Box
from linework.render.text import padded
from scenarios.driver import TestEditor

SIDES = ("top", "right", "bottom", "left")


def rectangle() -> TestEditor:
    """Return an editor with one selected 120 × 60 rectangle at (140, 170)."""
    t = TestEditor()
    t.drop_shape("rectangle", 200, 200)
    t.action("set-box", x=140, y=170, w=120, h=60)
    return t


def test_set_style_takes_per_side_padding_and_null() -> None:
    """Numbers set a side; null gives it back to ``text_padding``; undo restores."""
    t = rectangle()
    t.action(
        "set-style",
        fields={"text_padding_left": 20, "text_padding_top": 2.5},
    )
    st = t.shape("shape:1").style
    assert (2.5, None, None, 20.0) == (
        st.text_padding_top,
        st.text_padding_right,
        st.text_padding_bottom,
        st.text_padding_left,
    )

    t.action("set-style", fields={"text_padding_left": None})
    assert t.shape("shape:1").style.text_padding_left is None
    assert 2.5 == t.shape("shape:1").style.text_padding_top

    t.key_down("z", ctrl=True)
    assert 20.0 == t.shape("shape:1").style.text_padding_left


@pytest.mark.parametrize("value", [-1, 100_001, "4", True, float("nan")])
def test_set_style_refuses_a_bad_side_padding(value: object) -> None:
    """Out of range, not a number: refused, and nothing changes."""
    t = rectangle()
    before = t.shape("shape:1").style
    t.action("set-style", fields={"text_padding_right": value})
    error = t.ui["error"]
    assert "LW-E0500" == error["code"]
    assert "text_padding_right must be a number from 0 to 100000 or null" in str(error)
    assert before == t.shape("shape:1").style


def test_the_edit_box_insets_the_text_per_side() -> None:
    """The in-place editor gets the renderer's per-side insets, clamped."""
    t = rectangle()
    t.action(
        "set-style",
        fields={
            "text_padding": 4,
            "text_padding_left": 30,
            "text_padding_bottom": 50,  # more than half the height: clamped
        },
    )
    t.double_click(200, 200)
    edit = t.ui["edit_text"]
    assert edit is not None and "shape:1" == edit["id"]
    assert {"top": 4.0, "right": 4.0, "bottom": 30.0, "left": 30.0} == edit["style"][
        "padding"
    ]
    b = edit["box"]
    box = Box(b["x"], b["y"], b["w"], b["h"])
    inner = padded(box, t.shape("shape:1").style)
    pad = edit["style"]["padding"]
    assert inner == Box(
        box.x + pad["left"],
        box.y + pad["top"],
        box.w - pad["left"] - pad["right"],
        box.h - pad["top"] - pad["bottom"],
    )


def test_the_edit_box_of_uniform_padding_is_as_before() -> None:
    """Without per-side values every side is ``text_padding``."""
    t = rectangle()
    t.double_click(200, 200)
    edit = t.ui["edit_text"]
    pad = t.shape("shape:1").style.text_padding
    assert dict.fromkeys(SIDES, pad) == edit["style"]["padding"]
    assert pad == edit["style"]["text_padding"]
