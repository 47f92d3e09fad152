"""Pasting text with the real keyboard: the core decides what it is.

The clipboard is written with ``navigator.clipboard.writeText`` (the module's
context grants clipboard access) and pasted with Ctrl+V on the canvas. Diagram
text (draw.io incl. a bare ``<mxGraphModel>``, Mermaid in its variants,
``.linework``) opens like a file, asking first; Linework's own copy pastes
into the page; other text becomes a text shape. (The embed ``status`` fix is
tested with the cross-origin host in test_embed.py.)
"""

from __future__ import annotations

import json
from typing import Any

import editor_helpers
import pytest
from editor_helpers import (
    PRIMARY,
    add,
    clean_test,
    click_page,
    elements,
    settle,
    ui,
)
from lw_helpers import App, document

editor_app = editor_helpers.editor_app  # the module's app (fixture)

ASK_OPEN = "dialog[open][data-role=confirm-paste-open]"
ASK_DISCARD = "dialog[open][data-role=confirm-discard]"
RAW_MODEL = (
    '<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>'
    '<mxCell id="2" value="Raw model" vertex="1" parent="1">'
    '<mxGeometry x="10" y="10" width="120" height="60" as="geometry"/></mxCell>'
    "</root></mxGraphModel>"
)


@pytest.fixture(autouse=True)
def _fresh(editor_app: App) -> Any:
    """Each test starts from an empty, clean document and must log no error."""
    with clean_test(editor_app):
        yield


def files(app: App) -> dict[str, Any]:
    return app.page.evaluate("() => linework.files()")  # type: ignore[no-any-return]


def paste(app: App, text: str) -> None:
    """Put text on the system clipboard and press Ctrl+V over the canvas."""
    app.page.evaluate("(t) => navigator.clipboard.writeText(t)", text)
    app.page.focus("#canvas")
    app.page.keyboard.press(f"{PRIMARY}+v")


def texts(app: App) -> list[str]:
    return sorted(str(e.get("text", "")) for e in elements(app) if e["type"] == "shape")


def wait_texts(app: App, want: list[str]) -> None:
    for _ in range(100):
        if texts(app) == want:
            return
        app.page.wait_for_timeout(50)
    assert want == texts(app)


def no_dialog_opens(app: App) -> None:
    app.page.wait_for_timeout(300)
    assert 0 == app.page.locator("dialog[open]").count()


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (RAW_MODEL, ["Raw model"]),
        ("%% the flow\nflowchart LR\n  A[Start] --> B[End]\n", ["End", "Start"]),
        ("flowchart\n  A[No direction] --> B[Below]\n", ["Below", "No direction"]),
        ("graph td\n  A[Lower] --> B[Case]\n", ["Case", "Lower"]),
    ],
    ids=["bare-mxGraphModel", "mermaid-comment", "flowchart-no-direction", "graph-td"],
)
def test_pasted_diagram_text_opens_like_a_file(
    editor_app: App, text: str, want: list[str]
) -> None:
    app = editor_app
    paste(app, text)
    app.page.click(f"{ASK_OPEN} [data-choice=ok]")
    wait_texts(app, want)
    state = files(app)
    assert "Pasted diagram" == state["title"]
    assert state["native"] is False
    assert state["dirty"] is False


def test_pasted_linework_opens_all_pages_and_asks_first_when_dirty(
    editor_app: App,
) -> None:
    app = editor_app
    add(app, "hexagon", 200, 200, text="Mine")
    assert files(app)["dirty"] is True
    text = json.dumps(document(pages=2, text="Pasted"), ensure_ascii=False)

    # Cancel at the unsaved-changes question: nothing changes.
    paste(app, text)
    app.page.click(f"{ASK_OPEN} [data-choice=ok]")
    app.page.click(f"{ASK_DISCARD} [data-choice=cancel]")
    settle(app)
    assert ["Mine"] == texts(app)
    assert files(app)["dirty"] is True
    assert "1" == app.page.get_attribute("[data-role=title]", "data-dirty")

    # Don't save: the file opens whole, its two pages kept apart.
    paste(app, text)
    app.page.click(f"{ASK_OPEN} [data-choice=ok]")
    app.page.click(f"{ASK_DISCARD} [data-choice=discard]")
    wait_texts(app, ["Pasted 1", "Ünïcødé & <b>"])
    assert ["Page 1", "Page 2"] == [p["name"] for p in ui(app)["pages"]]
    assert files(app)["dirty"] is False
    assert app.page.get_attribute("[data-role=title]", "data-dirty") is None


def test_own_copy_pastes_into_the_page_without_asking(editor_app: App) -> None:
    app = editor_app
    add(app, "hexagon", 200, 200, text="Copied")
    click_page(app, 200, 200)
    app.page.keyboard.press(f"{PRIMARY}+c")
    settle(app)
    clip = app.page.evaluate("() => navigator.clipboard.readText()")
    assert json.loads(clip)["meta"] == {"clipboard": True}
    app.page.focus("#canvas")
    app.page.keyboard.press(f"{PRIMARY}+v")
    wait_texts(app, ["Copied", "Copied"])
    no_dialog_opens(app)

    # The same payload from another tab (not this editor's last copy) pastes too.
    other = json.loads(clip)
    other["pages"][0]["elements"][0]["text"] = "From another tab"
    paste(app, json.dumps(other))
    wait_texts(app, ["Copied", "Copied", "From another tab"])
    no_dialog_opens(app)


@pytest.mark.parametrize(
    "text", ["Hello from the clipboard", "graph of sales", "<b>not a diagram</b>"]
)
def test_plain_text_becomes_a_text_shape(editor_app: App, text: str) -> None:
    app = editor_app
    paste(app, text)
    wait_texts(app, [text])
    assert ["text"] == [e["kind"] for e in elements(app)]
    no_dialog_opens(app)
