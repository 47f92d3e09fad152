"""UML and ER in the browser, by real mouse and keyboard (issue 11).

Searching the palette finds the UML and ER shapes and a click adds them; a
class gains a row from its context menu and the row is typed in place; a
double-click edits one row; a connector dragged from one table's row to
another's ends on those rows. Assertions read the saved document and the
canvas SVG.
"""

from __future__ import annotations

from typing import Any

import editor_helpers
import pytest
from editor_helpers import (
    ELEMENTS,
    PRIMARY,
    action,
    add,
    by_id,
    centre_of,
    clean_test,
    drag,
    elements,
    screen,
    settle,
    ui,
)
from editor_helpers import search_palette as type_search
from lw_helpers import App

editor_app = editor_helpers.editor_app  # the module's app (fixture)

SEARCH = "[data-role=palette-search]"
MENU = "[data-role=context-menu][role=menu]"
EDITOR = "[data-role=text-editor]"
HEADER, ROW = 30.0, 26.0  # a class's header and row heights (shapes.rows)


@pytest.fixture(autouse=True)
def _fresh(editor_app: App) -> Any:
    """Each test starts from an empty document and must log no error."""
    editor_app.page.keyboard.press("Escape")
    with clean_test(editor_app):
        yield
    editor_app.page.fill(SEARCH, "")


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("class", "uml-class"),
        ("interface", "uml-interface"),
        ("actor", "uml-actor"),
        ("use case", "uml-use-case"),
        ("lifeline", "uml-lifeline"),
        ("entity", "er-entity"),
    ],
)
def test_palette_search_finds_the_shape_and_a_click_adds_it(
    editor_app: App, words: str, kind: str
) -> None:
    app = editor_app
    type_search(app, words)
    entry = app.page.locator(f"[data-shape={kind}]")
    assert entry.is_visible()
    shown = app.page.eval_on_selector_all(
        "button.shape[data-shape]",
        "els => els.filter(e => e.offsetParent).map(e => e.dataset.shape)",
    )
    assert "rectangle" not in shown  # the search did narrow the palette
    entry.click()
    settle(app)

    els = elements(app)
    assert [kind] == [e["kind"] for e in els]
    # Drawn on the canvas as that kind.
    assert 1 == app.page.locator(f'{ELEMENTS}[data-kind="{kind}"]').count()


def test_palette_has_uml_and_er_sections(editor_app: App) -> None:
    app = editor_app
    titles = app.page.eval_on_selector_all(
        "[data-role=palette] h2, [data-role=palette] h3, [data-role=palette] summary",
        "els => els.map(e => e.textContent.trim())",
    )
    assert any(t.startswith("UML") for t in titles), titles
    assert any(t.startswith("ER") for t in titles), titles


def test_add_a_row_to_a_class_from_its_menu_and_type_it(editor_app: App) -> None:
    """Right-click → Add attribute: the box grows, the new row opens for typing;
    undo takes the words back, then the row."""
    app = editor_app
    type_search(app, "class")
    app.page.click("[data-shape=uml-class]")
    settle(app)
    cid = ui(app)["selection"][0]
    before = by_id(app)[cid]
    b = before["box"]
    action(app, "select-none")

    # Right-click the class's first row and add an attribute.
    at = screen(app, b["x"] + 40, b["y"] + HEADER + ROW / 2)
    app.page.mouse.click(*at, button="right")
    app.page.wait_for_selector(MENU)
    app.page.locator(MENU).get_by_role(
        "menuitem", name="Add attribute", exact=True
    ).click()
    editor = app.page.wait_for_selector(f"{EDITOR}:not([hidden])")
    assert editor is not None
    assert "+ field: Type" == app.page.input_value(EDITOR)  # the new row, selected
    app.page.keyboard.type("- age: int")
    app.page.keyboard.press(f"{PRIMARY}+Enter")
    settle(app)

    after = by_id(app)[cid]
    assert ["+ field: Type", "- age: int", "+ method(): Type"] == after["props"]["rows"]
    assert [2, 1] == after["props"]["compartments"]
    assert after["box"]["h"] > b["h"]  # adding a row grew the box
    node = f'{ELEMENTS}[data-id="{cid}"]'
    assert "- age: int" in (app.page.text_content(node) or "")

    app.page.keyboard.press(f"{PRIMARY}+z")  # the words
    settle(app)
    assert "+ field: Type" == by_id(app)[cid]["props"]["rows"][1]
    app.page.keyboard.press(f"{PRIMARY}+z")  # the row
    settle(app)
    assert before["props"] == by_id(app)[cid]["props"]
    assert before["box"] == by_id(app)[cid]["box"]


def test_double_click_edits_one_row_in_place(editor_app: App) -> None:
    app = editor_app
    cid = add(app, "uml-class", 400, 300)
    b = by_id(app)[cid]["box"]
    action(app, "select-none")

    # The operation row: header, one attribute row, then the operation.
    y = b["y"] + HEADER + ROW + ROW / 2
    app.page.mouse.dblclick(*screen(app, b["x"] + 50, y))
    app.page.wait_for_selector(f"{EDITOR}:not([hidden])")
    assert "+ method(): Type" == app.page.input_value(EDITOR)
    app.page.keyboard.press(f"{PRIMARY}+a")
    app.page.keyboard.type("+ save(path: str): bool")
    app.page.keyboard.press("Enter")  # a row is one line: Enter commits it
    settle(app)

    el = by_id(app)[cid]
    assert ["+ field: Type", "+ save(path: str): bool"] == el["props"]["rows"]
    assert "Class" == el["text"]  # the name is untouched
    # The header still edits the name.
    app.page.mouse.dblclick(*screen(app, b["x"] + b["w"] / 2, b["y"] + 12))
    app.page.wait_for_selector(f"{EDITOR}:not([hidden])")
    assert "Class" == app.page.input_value(EDITOR)
    app.page.keyboard.press("Escape")


def test_connect_one_er_row_to_another(editor_app: App) -> None:
    """Drag from a row's port on one table to a row's port on another: the
    connector's ends are those rows, and stay on them when the table moves."""
    app = editor_app
    a = add(app, "er-entity", 250, 300)
    b = add(app, "er-entity", 650, 340)
    action(app, "select-none")
    ba, bb = by_id(app)[a]["box"], by_id(app)[b]["box"]
    row1_y = ba["y"] + HEADER + ROW * 1.5  # "name: text"
    row2_y = bb["y"] + HEADER + ROW * 2.5  # "FK other_id: int"

    app.page.mouse.move(*screen(app, ba["x"] + ba["w"] - 30, row1_y))
    settle(app)
    port = f"[data-role=overlay] circle[data-port=row1-e][data-shape='{a}']"
    app.page.wait_for_selector(port, state="attached")
    target = screen(app, bb["x"], row2_y)
    drag(app, centre_of(app, port), target, steps=14)

    conns = [e for e in elements(app) if e["type"] == "connector"]
    assert 1 == len(conns)
    assert {"shape": a, "port": "row1-e"} == conns[0]["source"]
    assert {"shape": b, "port": "row2-w"} == conns[0]["target"]

    # Moving the target table keeps the end on its row.
    drag(
        app,
        screen(app, bb["x"] + bb["w"] / 2, bb["y"] + 12),
        screen(app, bb["x"] + bb["w"] / 2, bb["y"] + 92),
    )
    conn = by_id(app)[conns[0]["id"]]
    assert {"shape": b, "port": "row2-w"} == conn["target"]
    assert by_id(app)[b]["box"]["y"] == pytest.approx(bb["y"] + 80, abs=2)


def test_relation_preset_from_the_panel_sets_uml_arrowheads_in_one_step(
    editor_app: App,
) -> None:
    """Click a connector, pick Composition in the panel: a filled diamond at the
    start, a 2-unit line; one undo takes it back."""
    app = editor_app
    a = add(app, "uml-class", 250, 300)
    b = add(app, "uml-class", 650, 300)
    action(
        app,
        "connect",
        source={"shape": a, "port": "e"},
        target={"shape": b, "port": "w"},
    )
    conn = next(e for e in elements(app) if e["type"] == "connector")
    action(app, "select-none")
    ba = by_id(app)[a]["box"]
    app.page.mouse.click(*screen(app, 450, ba["y"] + ba["h"] / 2))  # on the line
    settle(app)
    assert [conn["id"]] == ui(app)["selection"]

    panel = app.page.locator("[data-role=properties]")
    panel.locator("select[data-prop=relation]").select_option("composition")
    settle(app)
    style = by_id(app)[conn["id"]]["style"]
    assert ("diamond", "none", 2) == (
        style["start_arrow"],
        style.get("end_arrow"),
        style["stroke_width"],
    )
    app.page.keyboard.press("Escape")
    app.page.keyboard.press(f"{PRIMARY}+z")
    settle(app)
    assert "start_arrow" not in by_id(app)[conn["id"]].get("style", {})
