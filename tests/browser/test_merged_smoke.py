"""A new user's path through the merged features, by real mouse and keyboard.

Defects found trying the app after the eight-branch merge, each pinned by a
test: type to edit on a shape (whose label opens in the rich editor since the
rich-text merge) kept neither the first key nor those typed while the editor
opened, and swallowed the next shape's keys for two seconds.
"""

from __future__ import annotations

from typing import Any

import editor_helpers
import pytest
from editor_helpers import PRIMARY, action, add, by_id, clean_test, screen, settle, ui
from lw_helpers import App

editor_app = editor_helpers.editor_app  # the module's app (fixture)

EDITOR = "[data-role=text-editor]"


@pytest.fixture(autouse=True)
def _fresh(editor_app: App) -> Any:
    """Each test starts from an empty document and must log no error."""
    with clean_test(editor_app):
        yield


def test_type_to_edit_keeps_every_key_in_the_rich_editor(editor_app: App) -> None:
    """Click a shape and type a word: the label is the whole word, the first
    key included; right after, the next shape takes its word too."""
    app = editor_app
    a = add(app, "rectangle", 200, 250, text="Old")
    b = add(app, "rectangle", 500, 250)
    action(app, "select-none")

    app.page.mouse.click(*screen(app, 200, 250))
    settle(app)
    assert [a] == ui(app)["selection"]
    app.page.keyboard.type("Hello")
    app.page.wait_for_selector(f"{EDITOR}:not([hidden])")
    app.page.keyboard.press(f"{PRIMARY}+Enter")
    settle(app)
    assert "Hello" == by_id(app)[a]["text"]

    # At once (well within the type-ahead's two seconds) on another shape.
    app.page.mouse.click(*screen(app, 500, 250))
    settle(app)
    assert [b] == ui(app)["selection"]
    app.page.keyboard.type("abc")
    app.page.wait_for_selector(f"{EDITOR}:not([hidden])")
    app.page.keyboard.press(f"{PRIMARY}+Enter")
    settle(app)
    assert "abc" == by_id(app)[b]["text"]

    app.page.keyboard.press(f"{PRIMARY}+z")
    settle(app)
    assert "" == by_id(app)[b].get("text", "")
    app.page.keyboard.press(f"{PRIMARY}+z")
    settle(app)
    assert "Old" == by_id(app)[a]["text"]


@pytest.mark.parametrize(
    ("words", "kind", "heading"),
    [
        ("gateway", "bpmn-gateway-exclusive", "Exclusive gateway selected"),
        ("class", "uml-class", "Class selected"),
        ("button", "mockup-button", "Button selected"),
    ],
)
def test_the_panel_heading_names_the_kind_as_the_palette_does(
    editor_app: App, words: str, kind: str, heading: str
) -> None:
    """Search the palette, click the shape: the properties panel's heading uses
    the kind's title (as the outline does), not its id ("Bpmn gateway ...")."""
    app = editor_app
    search = "[data-role=palette-search]"
    app.page.click(search)
    app.page.keyboard.type(words)
    app.page.wait_for_function(
        "w => document.querySelector('[data-role=palette]').dataset.searched === w",
        arg=words,
    )
    app.page.click(f"button.shape[data-shape={kind}]")
    settle(app)
    assert 1 == len(ui(app)["selection"])
    assert heading == app.page.text_content("[data-role=selection-summary]")
    app.page.fill(search, "")
