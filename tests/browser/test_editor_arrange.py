"""The editor's arranging chrome in the browser: clipboard between pages, group,
align, z-order, the properties panel, pages, layers, help and the toolbar.
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
    clean_test,
    click_page,
    document,
    dom_ids,
    elements,
    settle,
    ui,
)
from lw_helpers import App

editor_app = editor_helpers.editor_app  # the module's app (fixture)


@pytest.fixture(autouse=True)
def _fresh(editor_app: App) -> Any:
    """Each test starts from an empty document and must log no error."""
    with clean_test(editor_app):
        yield


def test_copy_paste_between_pages_through_system_clipboard(editor_app: App) -> None:
    """Ctrl+C puts .linework text on the system clipboard; Ctrl+V on another page pastes it."""
    app = editor_app
    add(app, "hexagon", 200, 200, text="Copied")
    click_page(app, 200, 200)
    app.page.keyboard.press(f"{PRIMARY}+c")
    settle(app)
    clip = app.page.evaluate("() => navigator.clipboard.readText()")
    assert '"format":"linework"' in clip.replace(" ", "") and "Copied" in clip

    app.page.click("[data-action=add-page]")
    settle(app)
    assert 2 == len(ui(app)["pages"])
    assert [] == dom_ids(app)
    app.page.focus("#canvas")
    app.page.keyboard.press(f"{PRIMARY}+v")
    settle(app)
    els = elements(app)
    assert [("hexagon", "Copied")] == [(e["kind"], e["text"]) for e in els]
    assert [els[0]["id"]] == dom_ids(app)

    # Cut removes; the toolbar-less Ctrl+X also fills the clipboard.
    app.page.keyboard.press(f"{PRIMARY}+x")
    settle(app)
    assert [] == elements(app)
    assert "Copied" in app.page.evaluate("() => navigator.clipboard.readText()")


def test_group_ungroup_with_toolbar_and_keys(editor_app: App) -> None:
    """Toolbar Group makes one group of the selection; Ctrl+Shift+G undoes the grouping."""
    app = editor_app
    a = add(app, "rectangle", 150, 150)
    b = add(app, "ellipse", 350, 150)
    assert app.page.is_disabled("[data-action=group]")
    action(app, "select", ids=[a, b])
    assert app.page.is_enabled("[data-action=group]")
    app.page.click("[data-action=group]")
    groups = [e for e in elements(app) if e["type"] == "group"]
    assert 1 == len(groups)
    assert {a, b} == {
        e["id"] for e in elements(app) if e.get("parent") == groups[0]["id"]
    }
    assert 1 == app.page.locator(f"{ELEMENTS}[data-kind=group]").count()

    app.page.focus("#canvas")
    app.page.keyboard.press(f"{PRIMARY}+Shift+g")
    assert [] == [e for e in elements(app) if e["type"] == "group"]
    app.page.keyboard.press(f"{PRIMARY}+g")
    assert 1 == len([e for e in elements(app) if e["type"] == "group"])


def test_align_and_z_order_from_toolbar(editor_app: App) -> None:
    """Align left lines up the left edges; to-front and to-back change paint order."""
    app = editor_app
    a = add(app, "rectangle", 150, 150)
    b = add(app, "ellipse", 350, 300)
    action(app, "select", ids=[a, b])
    app.page.click("[data-action=align-left]")
    boxes = by_id(app)
    assert boxes[a]["box"]["x"] == boxes[b]["box"]["x"]

    action(app, "select", ids=[a])
    app.page.click("[data-action=to-front]")
    assert [b, a] == dom_ids(app)
    assert [b, a] == [e["id"] for e in elements(app)]
    app.page.click("[data-action=to-back]")
    assert [a, b] == dom_ids(app)


def test_properties_panel_changes_style_and_geometry(editor_app: App) -> None:
    """Fill, line width, dash, bold and the box from the panel reach the document."""
    app = editor_app
    s = add(app, "rectangle", 300, 300)
    panel = app.page.locator("[data-role=properties]")
    panel.locator("input[data-prop=fill]").fill("#ff8800")
    settle(app)
    panel.locator("input[data-prop=stroke_width]").fill("4")
    panel.locator("input[data-prop=stroke_width]").press("Enter")
    panel.locator("select[data-prop=dash]").select_option("dashed")
    panel.get_by_role("button", name="Bold").click()
    w = panel.locator("input[data-prop=box-w]")
    w.fill("200")
    w.press("Enter")
    settle(app)

    el = by_id(app)[s]
    assert "#ff8800" == el["style"]["fill"]
    assert 4 == el["style"]["stroke_width"]
    assert "dashed" == el["style"]["dash"]
    assert el["style"]["bold"] is True
    assert 200 == el["box"]["w"]
    assert "#ff8800" in (app.page.inner_html(f'{ELEMENTS}[data-id="{s}"]'))
    assert "true" == panel.get_by_role("button", name="Bold").get_attribute(
        "aria-pressed"
    )
    # Every control in the panel has an accessible name.
    unnamed = app.page.eval_on_selector_all(
        "[data-role=properties] :is(input, select, textarea, button)",
        "els => els.filter(e => !e.labels?.length && !e.getAttribute('aria-label')"
        " && !e.textContent.trim() && !e.closest('label')).length",
    )
    assert 0 == unnamed


def test_link_accepts_only_web_and_mail(editor_app: App) -> None:
    """The link field refuses javascript: and keeps https."""
    app = editor_app
    s = add(app, "rectangle", 300, 300)
    link = app.page.locator("[data-role=properties] [data-prop=link]")
    link.fill("javascript:alert(1)")
    link.press("Tab")
    settle(app)
    assert "javascript" not in by_id(app)[s].get("link", "")
    link.fill("https://example.org/")
    link.press("Tab")
    settle(app)
    assert "https://example.org/" == by_id(app)[s]["link"]


def test_pages_add_rename_reorder_delete(editor_app: App) -> None:
    """Pages: add with +, rename by double-click, move with the menu, delete after confirming."""
    app = editor_app
    app.page.click("[data-action=add-page]")
    settle(app)
    tabs = app.page.locator("[data-role=pages] [role=tab]")
    assert 2 == tabs.count()
    tabs.nth(1).dblclick()
    dialog = app.page.wait_for_selector("dialog.editor-dialog[open]")
    assert dialog is not None
    app.page.keyboard.press(f"{PRIMARY}+a")
    app.page.keyboard.type("Second")
    app.page.keyboard.press("Enter")
    settle(app)
    assert ["Page 1", "Second"] == [p["name"] for p in document(app)["pages"]]

    app.page.select_option("[data-role=page-menu]", "left")
    settle(app)
    assert ["Second", "Page 1"] == [p["name"] for p in document(app)["pages"]]
    assert "Second" == tabs.nth(0).text_content()

    app.page.select_option("[data-role=page-menu]", "delete")
    app.page.wait_for_selector("dialog.editor-dialog[open]")
    app.page.click("dialog.editor-dialog[open] [data-role=dialog-ok]")
    settle(app)
    assert ["Page 1"] == [p["name"] for p in document(app)["pages"]]
    tabs.nth(0).click()


def test_layers_hide_lock_and_move_selection(editor_app: App) -> None:
    """Layers: add (becomes active), move the selection there, hide it, lock it."""
    app = editor_app
    s = add(app, "rectangle", 300, 300)
    app.page.click("[data-role=layer-add]")
    settle(app)
    state = ui(app)
    assert 2 == len(state["layers"])
    top = state["layers"][-1]["id"]
    assert top == state["layer"]
    action(app, "select", ids=[s])
    app.page.click("[data-role=layer-move-selection]")
    assert top == by_id(app)[s]["layer"]

    row = app.page.locator(f'[data-role=layers] li[data-layer-id="{top}"]')
    row.locator("[data-role=layer-visible]").click()
    settle(app)
    layer = next(la for la in document(app)["pages"][0]["layers"] if la["id"] == top)
    assert layer.get("visible", True) is False
    assert "none" == app.page.get_attribute(f'{ELEMENTS}[data-id="{s}"]', "display")
    row.locator("[data-role=layer-visible]").click()
    row.locator("[data-role=layer-lock]").click()
    settle(app)
    layer = next(la for la in document(app)["pages"][0]["layers"] if la["id"] == top)
    assert layer.get("locked") is True
    click_page(app, 300, 300)
    assert [] == ui(app)["selection"]  # a locked layer's shapes cannot be picked


def test_help_panel_lists_shortcuts(editor_app: App) -> None:
    """`?` opens the shortcuts panel with the core's list; Escape closes it."""
    app = editor_app
    app.page.focus("#canvas")
    app.page.keyboard.press("?")
    help_panel = app.page.wait_for_selector("dialog[data-role=help][open]")
    assert help_panel is not None
    text = help_panel.text_content() or ""
    assert "Undo" in text and "Ctrl+Z" in text and "Duplicate" in text
    app.page.keyboard.press("Escape")
    assert 0 == app.page.locator("dialog[data-role=help][open]").count()


def test_toolbar_buttons_named_with_shortcuts_and_keyboard_reachable(
    editor_app: App,
) -> None:
    """Every edit-bar button has a name and a tooltip; Enter on a focused button runs it."""
    app = editor_app
    names = app.page.eval_on_selector_all(
        "[data-role=edit-bar] button",
        "els => els.map(e => [e.dataset.action, e.getAttribute('aria-label'), e.title])",
    )
    actions = {n[0] for n in names}
    for required in (
        "undo",
        "redo",
        "delete",
        "duplicate",
        "group",
        "ungroup",
        "to-front",
        "to-back",
        "align-left",
        "align-center",
        "align-right",
        "align-top",
        "align-middle",
        "align-bottom",
    ):
        assert required in actions
    assert all(label and title for _, label, title in names)
    assert "Ctrl+Z" in next(t for a, _, t in names if a == "undo")

    s = add(app, "rectangle", 300, 300)
    app.page.focus("[data-role=edit-bar] [data-action=duplicate]")
    app.page.keyboard.press("Enter")
    settle(app)
    assert 2 == len(elements(app))
    app.page.focus("[data-role=edit-bar] [data-action=undo]")
    app.page.keyboard.press("Enter")
    settle(app)
    assert [s] == [e["id"] for e in elements(app)]
