"""Tidy tree: a 10-person org chart laid out in one undo step; mockups add with text."""

from __future__ import annotations

import pytest

from linework.geometry import Box
from linework.model import Attached, Shape
from scenarios.driver import TestEditor

# Who reports to whom (index of the manager), person 0 at the top.
MANAGERS = (None, 0, 0, 0, 1, 1, 2, 3, 3, 3)


def _overlap(a: Box, b: Box) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def org_chart() -> TestEditor:
    """Ten person cards piled on top of each other, connected manager → report."""
    t = TestEditor()
    for i in range(10):
        t.action("add-shape", kind="person-card", x=300 + 7 * i, y=300 + 5 * i)
    for i, m in enumerate(MANAGERS):
        if m is not None:
            t.action(
                "connect",
                source={"shape": f"shape:{m + 1}"},
                target={"shape": f"shape:{i + 1}"},
            )
    return t


def cards(t: TestEditor) -> list[Shape]:
    return [t.shape(f"shape:{i + 1}") for i in range(10)]


@pytest.mark.parametrize("action", ["tidy-tree", "tidy-tree-lr"])
def test_the_org_chart_is_laid_out_without_overlaps_and_one_undo_restores_it(
    action: str,
) -> None:
    t = org_chart()
    before = {s.id: s.box for s in cards(t)}
    assert any(_overlap(a.box, b.box) for a in cards(t) for b in cards(t) if a is not b)
    t.action("select", ids=["shape:1"])
    assert t.ui["enabled"]["tidy-tree"]

    t.action(action)

    after = cards(t)
    assert not any(_overlap(a.box, b.box) for a in after for b in after if a is not b)
    for i, m in enumerate(MANAGERS):
        if m is None:
            continue
        boss, me = t.shape(f"shape:{m + 1}").box, t.shape(f"shape:{i + 1}").box
        if action == "tidy-tree":
            assert me.y >= boss.bottom
        else:
            assert me.x >= boss.right
    conn = t.connector("conn:1")
    assert isinstance(conn.source, Attached)
    assert conn.source.port == ("s" if action == "tidy-tree" else "e")
    assert t.selection == ["shape:1"]

    t.action("undo")

    assert before == {s.id: s.box for s in cards(t)}


def test_a_selection_that_is_no_tree_is_refused_and_nothing_moves() -> None:
    t = org_chart()
    t.action("add-shape", kind="person-card", x=900, y=900)  # shape:11, unconnected
    before = {s.id: s.box for s in cards(t)}
    t.action("select", ids=["shape:2", "shape:3", "shape:11"])

    t.action("tidy-tree")

    assert "not one tree" in t.ui["error"]["detail"]
    assert before == {s.id: s.box for s in cards(t)}


@pytest.mark.parametrize(
    ("kind", "text"),
    [("mockup-button", "Button"), ("person-card", "Name\nRole"), ("mockup-toggle", "")],
)
def test_mockups_are_added_with_their_default_text(kind: str, text: str) -> None:
    t = TestEditor()
    t.action("add-shape", kind=kind, x=200, y=200)

    (rid,) = t.selection
    assert t.shape(rid).text == text


@pytest.mark.parametrize(
    ("kind", "align"),
    [
        ("mockup-input", "left"),
        ("mockup-checkbox", "left"),
        ("mockup-button", "center"),
    ],
)
def test_form_captions_read_from_the_left(kind: str, align: str) -> None:
    t = TestEditor()
    t.action("add-shape", kind=kind, x=200, y=200)

    (rid,) = t.selection
    assert t.shape(rid).style.align == align


def test_dark_variant_and_check_from_the_context_menu_are_one_undo_step_each() -> None:
    t = TestEditor()
    t.action("add-shape", kind="mockup-checkbox", x=200, y=200)
    (rid,) = t.selection
    t.action("context-menu", x=150, y=200)
    items = {i.get("action"): i for i in t.ui["request"]["items"]}
    assert items["toggle-theme"]["label"] == "Dark or light variant"
    assert items["toggle-checked"]["label"] == "Check or uncheck"

    t.action("toggle-theme")
    t.action("toggle-checked")
    assert dict(t.shape(rid).props) == {"theme": "dark", "checked": True}
    assert 'fill="#1f2933"' in t.svg_of(rid)

    t.action("undo")
    assert dict(t.shape(rid).props) == {"theme": "dark"}
    t.action("set-theme", theme="light")
    assert dict(t.shape(rid).props) == {}
