"""Mockups, org charts and templates by real mouse and keyboard.

Palette searches find the mockup and org chart shapes and a click adds one;
the tidy tree command (toolbar and context menu) lays out a 10-person org
chart with no overlaps and one Ctrl+Z restores it; New from template lists
every ``.linework`` file of src/linework/templates with a drawn thumbnail and
each opens as a new untitled diagram with its elements (after asking about
unsaved changes, as New does). Assertions read the saved document.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import editor_helpers
import pytest
from editor_helpers import (
    ELEMENTS,
    PRIMARY,
    action,
    clean_test,
    elements,
    screen,
    settle,
    ui,
)
from editor_helpers import search_palette as type_search
from lw_helpers import App

from linework import templates
from linework.formats import native

editor_app = editor_helpers.editor_app  # the module's app (fixture)

SEARCH = "[data-role=palette-search]"
CORE_ENTRIES = "[data-role=palette] .palette-sections button.shape"
GALLERY = "dialog[open][data-role=template-gallery]"
TEMPLATE_NAMES = sorted(
    f.name.removesuffix(".linework")
    for f in resources.files("linework.templates").iterdir()
    if f.name.endswith(".linework")
)
# Who reports to whom: the index of each person's manager (0 is the top).
MANAGERS = (None, 0, 0, 0, 1, 1, 2, 3, 3, 3)


@pytest.fixture(autouse=True)
def _fresh(editor_app: App) -> Any:
    """Each test starts from an empty document and must log no error."""
    with clean_test(editor_app):
        yield
    editor_app.page.fill(SEARCH, "")


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("button", "mockup-button"),
        ("checkbox", "mockup-checkbox"),
        ("browser window", "mockup-browser"),
        ("org", "person-card"),
        ("toggle", "mockup-toggle"),
        ("wireframe", "mockup-table"),
    ],
)
def test_palette_search_finds_the_shape_and_a_click_adds_it(
    editor_app: App, words: str, kind: str
) -> None:
    app = editor_app
    shown = type_search(app, words)
    assert kind in shown, shown

    app.page.click(f"{CORE_ENTRIES}[data-shape={kind}]")
    settle(app)

    added = [e for e in elements(app) if e.get("kind") == kind]
    assert len(added) == 1
    assert ui(app)["selection"] == [added[0]["id"]]
    assert app.page.locator(f"{ELEMENTS}[data-kind={kind}]").count() == 1


def test_mockup_and_org_chart_sections_are_in_the_palette(editor_app: App) -> None:
    titles = editor_app.page.eval_on_selector_all(
        "[data-role=palette] details.palette-section > summary",
        "els => els.map(e => e.textContent)",
    )
    assert "Mockups" in titles and "Org chart" in titles


def _org_chart(app: App) -> list[str]:
    """Ten person cards piled up near one spot, connected manager → report (setup)."""
    ids = []
    for i in range(10):
        action(app, "add-shape", kind="person-card", x=300 + 9 * i, y=260 + 7 * i)
        ids.append(ui(app)["selection"][0])
    for i, m in enumerate(MANAGERS):
        if m is not None:
            action(app, "connect", source={"shape": ids[m]}, target={"shape": ids[i]})
    action(app, "select-none")
    return ids


def _boxes(app: App, ids: list[str]) -> dict[str, tuple[float, ...]]:
    """Return (x, y, w, h) of each shape as the saved file holds it."""
    els = {e["id"]: e["box"] for e in elements(app) if "box" in e}
    return {i: (els[i]["x"], els[i]["y"], els[i]["w"], els[i]["h"]) for i in ids}


def _overlaps(boxes: dict[str, tuple[float, ...]]) -> list[tuple[str, str]]:
    out = []
    items = list(boxes.items())
    for i, (a, (ax, ay, aw, ah)) in enumerate(items):
        for b, (bx, by, bw, bh) in items[i + 1 :]:
            if ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah:
                out.append((a, b))
    return out


def test_tidy_tree_lays_out_ten_people_and_one_undo_restores_them(
    editor_app: App,
) -> None:
    app = editor_app
    ids = _org_chart(app)
    before = _boxes(app, ids)
    assert _overlaps(before)
    # The top person is drawn first, under the others: click its visible corner.
    top = before[ids[0]]
    app.page.mouse.click(*screen(app, top[0] + 6, top[1] + 6))
    settle(app)
    assert ui(app)["selection"] == [ids[0]]

    app.page.click("button[data-action=tidy-tree]")
    settle(app)

    after = _boxes(app, ids)
    assert _overlaps(after) == []
    for i, m in enumerate(MANAGERS):
        if m is not None:
            assert (
                after[ids[i]][1] >= after[ids[m]][1] + after[ids[m]][3]
            )  # below the boss
    assert ui(app)["can_undo"]

    app.page.keyboard.press(f"{PRIMARY}+z")
    settle(app)

    assert _boxes(app, ids) == before


def test_tidy_tree_left_to_right_from_the_context_menu(editor_app: App) -> None:
    app = editor_app
    ids = _org_chart(app)
    top = _boxes(app, ids)[ids[0]]
    app.page.mouse.click(*screen(app, top[0] + 6, top[1] + 6), button="right")
    app.page.click("[data-role=context-menu] button[data-action=tidy-tree-lr]")
    settle(app)

    after = _boxes(app, ids)
    assert _overlaps(after) == []
    for i, m in enumerate(MANAGERS):
        if m is not None:
            assert (
                after[ids[i]][0] >= after[ids[m]][0] + after[ids[m]][2]
            )  # right of the boss


def _open_gallery(app: App) -> list[str]:
    app.page.click("button[data-action=new-from-template]")
    app.page.wait_for_selector(GALLERY, timeout=30_000)
    return app.page.eval_on_selector_all(  # type: ignore[no-any-return]
        f"{GALLERY} [data-template]", "els => els.map(e => e.dataset.template)"
    )


def test_the_gallery_lists_every_template_with_a_thumbnail(editor_app: App) -> None:
    app = editor_app
    listed = _open_gallery(app)

    assert sorted(listed) == TEMPLATE_NAMES
    assert {"flowchart", "swimlane-process", "aws-architecture", "network"} <= set(
        listed
    )
    assert {"org-chart", "mind-map", "wireframe"} <= set(listed)
    drawn = app.page.eval_on_selector_all(
        f"{GALLERY} [data-template] svg",
        "els => els.map(e => e.querySelectorAll('[data-kind]').length)",
    )
    assert len(drawn) == len(listed) and min(drawn) > 0
    app.page.keyboard.press("Escape")
    app.page.wait_for_selector(GALLERY, state="detached")
    # Also from the empty canvas's context menu.
    app.page.mouse.click(*screen(app, 600, 500), button="right")
    app.page.click("[data-role=context-menu] button[data-action=new-from-template]")
    app.page.wait_for_selector(GALLERY)
    app.page.keyboard.press("Escape")
    app.page.wait_for_selector(GALLERY, state="detached")


def test_the_gallery_adds_no_duplicate_ids_to_the_page(editor_app: App) -> None:
    """Each thumbnail's defs have their own ids: with the gallery open over the
    canvas, no id is in the page twice, and every url(#…) a thumbnail uses
    names a defs entry inside that thumbnail."""
    app = editor_app
    _open_gallery(app)
    found = app.page.evaluate(
        """(sel) => {
          const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
          const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
          const dangling = [];
          let refs = 0;
          for (const svg of document.querySelectorAll(`${sel} [data-template] svg`)) {
            for (const e of svg.querySelectorAll("[filter]")) {
              refs += 1;
              const id = e.getAttribute("filter").slice(5, -1);
              if (!svg.querySelector(`[id="${id}"]`)) dangling.push(id);
            }
          }
          const canvas = document.querySelectorAll("#canvas [id=lw-shadow]").length;
          return { twice, dangling, refs, canvas,
                   thumbs: document.querySelectorAll(`${sel} [data-template] svg defs`).length };
        }""",
        GALLERY,
    )
    app.page.keyboard.press("Escape")
    app.page.wait_for_selector(GALLERY, state="detached")

    assert [] == found["twice"]
    assert [] == found["dangling"]
    assert found["thumbs"] == len(TEMPLATE_NAMES) and found["canvas"] == 1


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_every_template_opens_with_its_elements(editor_app: App, name: str) -> None:
    app = editor_app
    expected = native.decode(templates.data(name))
    page_id = expected.pages()[0].id
    want = sorted(e.id for e in expected.elements(page_id))
    _open_gallery(app)

    app.page.click(f"{GALLERY} [data-template={name}]")
    app.page.wait_for_selector(GALLERY, state="detached")
    app.page.wait_for_function(
        "n => document.querySelectorAll('#canvas [data-role=content] > g[data-id]').length >= n",
        arg=len(want),
        timeout=30_000,
    )

    assert sorted(e["id"] for e in elements(app)) == want
    state = app.page.evaluate("() => linework.files()")
    assert state["title"] == "Untitled" and state["dirty"] is False


def test_a_template_asks_about_unsaved_changes_first(editor_app: App) -> None:
    app = editor_app
    action(app, "add-shape", kind="mockup-button", x=200, y=200)
    kept = elements(app)
    _open_gallery(app)
    app.page.click(f"{GALLERY} [data-template=flowchart]")
    app.page.wait_for_selector("dialog[open][data-role=confirm-discard]")

    app.page.click("dialog[open][data-role=confirm-discard] [data-choice=cancel]")
    settle(app)
    assert elements(app) == kept  # the open diagram is not lost

    _open_gallery(app)
    app.page.keyboard.press("Enter")  # the first template has the focus
    app.page.wait_for_selector("dialog[open][data-role=confirm-discard]")
    app.page.click("dialog[open][data-role=confirm-discard] [data-choice=discard]")
    app.page.wait_for_function(
        "() => linework.files().title === 'Untitled' && !linework.files().dirty"
    )
    first = templates.gallery()[0].name  # the gallery's order: by title
    doc = native.decode(templates.data(first))
    settle(app)
    assert len(elements(app)) == len(doc.elements(doc.pages()[0].id))


def test_dark_variant_from_the_context_menu(editor_app: App) -> None:
    app = editor_app
    action(app, "add-shape", kind="mockup-button", x=300, y=300)
    (rid,) = ui(app)["selection"]
    app.page.mouse.click(*screen(app, 300, 300), button="right")
    app.page.click("[data-role=context-menu] button[data-action=toggle-theme]")
    settle(app)

    (button,) = [e for e in elements(app) if e["id"] == rid]
    assert button["props"] == {"theme": "dark"}
    text_fill = app.page.eval_on_selector(
        f"{ELEMENTS}[data-id='{rid}'] text", "t => t.getAttribute('fill')"
    )
    assert text_fill == "#ffffff"  # the unset label colour follows the dark fill
