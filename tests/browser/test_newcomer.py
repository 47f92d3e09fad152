"""What a new user trips over (issue 16), driven with the real mouse and keyboard.

Palette clicks land in view, the status line tells the truth, a share link
can be edited as a copy, dialogs fit a 1024×700 window with their buttons in
view, the import notice closes with Escape from anywhere, and the diagram can
be read and walked without seeing it: a live region and an outline.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import editor_helpers
import pytest
from editor_helpers import (
    ELEMENTS,
    PRIMARY,
    action,
    add,
    clean_test,
    elements,
    settle,
    ui,
)
from lw_helpers import READY, App
from playwright.sync_api import expect

editor_app = editor_helpers.editor_app  # the module's app (fixture)

STATUS = "[data-role=status]"
ANNOUNCE = "[data-role=announce]"
OUTLINE = "[data-role=outline]"
NOTICE = "[data-role=import-notice]"
LOSSY_DRAWIO = (
    '<mxfile><diagram name="P"><mxGraphModel><root><mxCell id="0"/>'
    '<mxCell id="1" parent="0"/><mxCell id="2" value="Router" '
    'style="shape=mxgraph.floorplan.spiralStairs;" vertex="1" parent="1">'
    '<mxGeometry x="40" y="40" width="80" height="60" as="geometry"/></mxCell>'
    "</root></mxGraphModel></diagram></mxfile>"
)


@pytest.fixture(autouse=True)
def _fresh(editor_app: App) -> Any:
    """Each test starts from an empty document in a 1024×700 window."""
    editor_app.page.set_viewport_size({"width": 1024, "height": 700})
    with clean_test(editor_app):
        yield


def status(app: App) -> str:
    return app.page.text_content(STATUS) or ""


def focused(app: App) -> str:
    return app.page.evaluate(  # type: ignore[no-any-return]
        "() => { const e = document.activeElement; return e.id || e.dataset?.role || e.dataset?.action || e.tagName; }"
    )


def inside(
    inner: dict[str, float], outer: dict[str, float], slack: float = 0.5
) -> bool:
    return (
        inner["x"] >= outer["x"] - slack
        and inner["y"] >= outer["y"] - slack
        and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + slack
        and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + slack
    )


def shape_boxes(app: App) -> dict[str, dict[str, float]]:
    settle(app)
    out: dict[str, dict[str, float]] = {}
    for handle in app.page.query_selector_all(f"{ELEMENTS}:not([data-kind=connector])"):
        rid = handle.get_attribute("data-id")
        box = handle.bounding_box()
        assert rid is not None and box is not None
        out[rid] = box
    return out


# --- 1. placement -------------------------------------------------------------------


def test_twelve_palette_clicks_stay_inside_the_visible_stage(editor_app: App) -> None:
    """Twelve clicks on a palette entry: twelve shapes, all inside the canvas on
    screen (not piled past the page edge), none on top of another."""
    app = editor_app
    for _ in range(12):
        app.page.click("[data-shape=process]")
    boxes = shape_boxes(app)
    assert 12 == len(boxes)
    stage = app.page.locator("#canvas").bounding_box()
    assert stage is not None
    outside = {rid: b for rid, b in boxes.items() if not inside(b, stage)}
    assert {} == outside
    listed = list(boxes.values())
    for i, a in enumerate(listed):
        for b in listed[i + 1 :]:
            overlap = (
                a["x"] + 1 < b["x"] + b["width"]
                and b["x"] + 1 < a["x"] + a["width"]
                and a["y"] + 1 < b["y"] + b["height"]
                and b["y"] + 1 < a["y"] + a["height"]
            )
            assert not overlap, (a, b)


def test_a_paste_off_screen_brings_it_into_view(editor_app: App) -> None:
    """Copy a shape, scroll it out of view, paste: the view follows the copy."""
    app = editor_app
    app.page.click("[data-shape=rectangle]")
    settle(app)
    app.page.keyboard.press(f"{PRIMARY}+c")
    settle(app)
    stage = app.page.locator("#canvas").bounding_box()
    assert stage is not None
    app.page.mouse.move(stage["x"] + 200, stage["y"] + 200)
    for _ in range(6):
        app.page.mouse.wheel(0, 400)  # scrolls the view down: the shape leaves it
    settle(app)
    original = shape_boxes(app)
    assert all(not inside(b, stage) for b in original.values())
    app.page.keyboard.press(f"{PRIMARY}+v")
    settle(app)
    pasted = ui(app)["selection"][0]
    app.page.wait_for_timeout(50)
    assert inside(shape_boxes(app)[pasted], stage)


# --- 2. the status line ---------------------------------------------------------------


def test_status_line_names_the_page_counts_and_drops_a_refused_message(
    editor_app: App,
) -> None:
    app = editor_app
    for _ in range(12):
        app.page.click("[data-shape=rectangle]")
    settle(app)
    assert "Page 1 · 12 elements · 1 selected" in status(app)
    # A refused command: a sentence, shown until the next successful action.
    app.page.focus("#canvas")
    app.page.keyboard.press(f"{PRIMARY}+g")
    settle(app)
    expect(app.page.locator(STATUS)).to_have_text(
        "That change is not allowed here. Select at least two elements to group."
    )
    assert "error" == app.page.get_attribute(STATUS, "data-kind")
    app.page.click("[data-shape=ellipse]")
    settle(app)
    assert "not allowed" not in status(app)
    assert "13 elements" in status(app)
    # A new page is named; so is its new name.
    app.page.click("[data-action=add-page]")
    settle(app)
    assert "Page 2 · 0 elements" in status(app)
    app.page.dblclick("[data-role=pages] [role=tab][aria-selected=true]")
    field = app.page.locator("dialog[open] input")
    field.fill("")
    app.page.keyboard.type("Overview")
    app.page.keyboard.press("Enter")
    settle(app)
    expect(app.page.locator(STATUS)).to_contain_text("Overview · 0 elements")
    app.page.click("[data-role=pages] [role=tab]:text-is('Page 1')")
    settle(app)
    assert "Page 1 · 13 elements" in status(app)


# --- 3. share links that edit -----------------------------------------------------------


def test_edit_a_copy_of_a_share_link_keeps_the_diagram_off_the_network(
    editor_app: App,
) -> None:
    app = editor_app
    add(app, "process", 200, 150, "Receive order")
    add(app, "decision", 450, 150, "In stock?")
    add(app, "terminator", 200, 350, "Ship")
    count = len(elements(app))
    reply = app.send({"type": "share-link"})
    assert reply["ok"], reply
    payload = reply["fragment"][2:]
    viewer = app.context.new_page()
    seen: list[tuple[str, str]] = []
    viewer.on("request", lambda r: seen.append((r.url, r.post_data or "")))
    try:
        viewer.goto(f"{app.url}?mode=view#{reply['fragment']}")
        viewer.wait_for_selector(READY, state="attached", timeout=90_000)
        viewer.wait_for_function(
            f"() => document.querySelectorAll('{ELEMENTS}').length === {count}",
            timeout=30_000,
        )
        button = viewer.locator("[data-action=edit-copy]")
        expect(button).to_be_visible()
        button.click()
        viewer.wait_for_selector("body[data-editor]", state="attached", timeout=90_000)
        viewer.wait_for_function(
            f"() => document.querySelectorAll('{ELEMENTS}').length === {count}",
            timeout=30_000,
        )
        assert "view" != viewer.evaluate("() => document.body.dataset.mode ?? ''")
        title = viewer.locator("[data-role=title]")
        expect(title).to_have_text("Untitled")
        assert "1" == title.get_attribute("data-dirty")
        assert "" == viewer.evaluate("() => location.hash")
        labels = viewer.eval_on_selector_all(
            f"{OUTLINE} [role=option]",
            "els => els.map((e) => e.getAttribute('aria-label'))",
        )
        assert any("Receive order" in text for text in labels)
        # It is an editor: a palette click adds to the copy.
        viewer.click("[data-shape=ellipse]")
        viewer.wait_for_function(
            f"() => document.querySelectorAll('{ELEMENTS}').length === {count + 1}"
        )
    finally:
        viewer.close()
    probe = payload[:40]
    assert len(probe) == 40
    leaks = [url for url, body in seen if probe in url or probe in body]
    assert [] == leaks
    assert seen, "the viewer made requests (the app itself)"


# --- 4. the diagram in words ------------------------------------------------------------


def test_selection_is_announced_and_the_outline_lists_every_shape(
    editor_app: App,
) -> None:
    app = editor_app
    a = add(app, "process", 200, 150, "Receive order")
    b = add(app, "decision", 450, 150, "In stock?")
    c = add(app, "terminator", 200, 350, "Ship")
    action(app, "connect", source={"shape": a}, target={"shape": b})
    action(app, "connect", source={"shape": c}, target={"shape": a})
    action(app, "select-none")
    box = app.page.locator(f'{ELEMENTS}[data-id="{a}"]').bounding_box()
    assert box is not None
    app.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    settle(app)
    expect(app.page.locator(ANNOUNCE)).to_have_text(
        "Process 'Receive order' selected, 2 connectors"
    )
    assert "polite" == app.page.get_attribute(ANNOUNCE, "aria-live")
    options = app.page.locator(f"{OUTLINE} [role=option]")
    expect(options).to_have_count(3)
    labels = options.evaluate_all("els => els.map((e) => e.getAttribute('aria-label'))")
    for label in ("Receive order", "In stock?", "Ship"):
        assert any(label in text for text in labels), (label, labels)
    assert any("to Decision 'In stock?'" in text for text in labels)
    # In step with the document: a new shape shows up.
    app.page.click("[data-shape=ellipse]")
    expect(options).to_have_count(4)

    # From the keyboard: Alt+Shift+O, arrows, Enter selects on the canvas.
    app.page.keyboard.press("Alt+Shift+O")
    assert "outline" == focused(app)
    app.page.keyboard.press("Home")
    app.page.keyboard.press("ArrowDown")
    app.page.keyboard.press("Enter")
    settle(app)
    second = options.nth(1).get_attribute("data-element")
    assert [second] == ui(app)["selection"]
    assert "true" == options.nth(1).get_attribute("aria-selected")
    app.page.keyboard.press("Escape")
    assert "canvas" == focused(app)


def test_arrow_keys_with_ctrl_walk_the_shapes_and_alt_shift_c_connects(
    editor_app: App,
) -> None:
    app = editor_app
    a = add(app, "process", 200, 150, "Left")
    b = add(app, "process", 450, 150, "Right")
    c = add(app, "process", 200, 350, "Below")
    app.page.mouse.click(*editor_helpers.screen(app, 200, 150))
    settle(app)
    assert [a] == ui(app)["selection"]
    app.page.keyboard.press(f"{PRIMARY}+ArrowRight")
    settle(app)
    assert [b] == ui(app)["selection"]
    expect(app.page.locator(ANNOUNCE)).to_have_text("Process 'Right' selected")
    app.page.keyboard.press(f"{PRIMARY}+ArrowLeft")
    app.page.keyboard.press(f"{PRIMARY}+ArrowDown")
    settle(app)
    assert [c] == ui(app)["selection"]
    # Shift+click the first, then connect the two: first selected to second.
    app.page.keyboard.down("Shift")
    app.page.mouse.click(*editor_helpers.screen(app, 200, 150))
    app.page.keyboard.up("Shift")
    settle(app)
    assert [c, a] == ui(app)["selection"]
    app.page.keyboard.press("Alt+Shift+C")
    settle(app)
    conns = [e for e in elements(app) if e["type"] == "connector"]
    assert 1 == len(conns)
    assert c == conns[0]["source"]["shape"] and a == conns[0]["target"]["shape"]
    expect(app.page.locator(ANNOUNCE)).to_have_text(
        "Process 'Below' connected to Process 'Left'"
    )
    # The help panel lists both ways.
    app.page.keyboard.press("?")
    help_text = app.page.locator("dialog[data-role=help][open]").text_content() or ""
    assert "Alt+Shift+C" in help_text and "Ctrl+Arrow keys" in help_text
    app.page.keyboard.press("Escape")


def test_selection_handles_sit_on_the_outline(editor_app: App) -> None:
    app = editor_app
    rid = add(app, "rectangle", 300, 200)
    shape = app.page.locator(f'{ELEMENTS}[data-id="{rid}"] rect').first.bounding_box()
    nw = app.page.locator("[data-role=overlay] [data-handle=nw]").bounding_box()
    se = app.page.locator("[data-role=overlay] [data-handle=se]").bounding_box()
    assert shape is not None and nw is not None and se is not None
    assert abs(nw["x"] + nw["width"] / 2 - shape["x"]) <= 2
    assert abs(nw["y"] + nw["height"] / 2 - shape["y"]) <= 2
    assert abs(se["x"] + se["width"] / 2 - (shape["x"] + shape["width"])) <= 2
    assert abs(se["y"] + se["height"] / 2 - (shape["y"] + shape["height"])) <= 2


# --- 5. dialogs ----------------------------------------------------------------------------


def _buttons_visible(app: App, dialog: str) -> None:
    """Every button of the open dialog lies inside the 1024×700 window and
    the page itself did not scroll."""
    app.page.wait_for_selector(dialog)
    boxes = app.page.eval_on_selector_all(
        f"{dialog} button:not([hidden])",
        "els => els.map((e) => { const r = e.getBoundingClientRect();"
        " return [e.textContent, r.top, r.bottom, r.left, r.right, r.width]; })",
    )
    assert boxes, dialog
    for text, top, bottom, left, right, width in boxes:
        assert width > 0, text
        assert 0 <= top and bottom <= 700 and 0 <= left and right <= 1024, (
            dialog,
            text,
        )
        hit = app.page.evaluate(
            "([x, y]) => document.elementFromPoint(x, y)?.closest('button')?.textContent ?? null",
            [(left + right) / 2, (top + bottom) / 2],
        )
        assert text == hit, (dialog, text, hit)
    assert 0 == app.page.evaluate("() => document.scrollingElement.scrollTop")


def test_every_dialog_keeps_its_buttons_in_view_at_1024_by_700(editor_app: App) -> None:
    app = editor_app
    app.page.click("[data-shape=rectangle]")
    page = app.page
    # Keyboard shortcuts (the longest).
    page.focus("#canvas")
    page.keyboard.press("?")
    _buttons_visible(app, "dialog[data-role=help][open]")
    page.keyboard.press("Escape")
    # Share.
    page.click("[data-action=share-link]")
    _buttons_visible(app, "dialog[data-role=share-dialog][open]")
    page.keyboard.press("Escape")
    # Export options (behind "More" in a narrow bar).
    if page.locator("[data-role=file-more-toggle]").is_visible():
        page.click("[data-role=file-more-toggle]")
    page.click("[data-action=export-png]")
    _buttons_visible(app, "dialog[data-role=export-options][open]")
    page.keyboard.press("Escape")
    # Passphrase, with the meter's reason.
    if page.locator("[data-role=file-more-toggle]").is_visible():
        page.click("[data-role=file-more-toggle]")
    page.click("[data-action=save-sealed]")
    _buttons_visible(app, "dialog[data-role=seal][open]")
    page.keyboard.type("correct horse battery staple")
    note = page.locator("dialog[data-role=seal][open] [data-role=dialog-note]")
    expect(note).to_contain_text("very weak")
    expect(note).to_contain_text("well-known")
    page.keyboard.press("Escape")
    # Page rename.
    page.dblclick("[data-role=pages] [role=tab][aria-selected=true]")
    _buttons_visible(app, "dialog.editor-dialog[open]")
    page.keyboard.press("Escape")
    # An error.
    page.evaluate("() => linework.debugFail('a test failure')")
    _buttons_visible(app, "[data-role=error-dialog][open]")
    page.keyboard.press("Escape")
    settle(app)
    # The dialogs share one look: same border and radius.
    styles = page.evaluate(
        """() => ['error-dialog', 'help'].map((role) => {
          const s = getComputedStyle(document.querySelector(`dialog[data-role=${role}]`));
          return [s.borderTopWidth, s.borderTopLeftRadius];
        })"""
    )
    assert styles[0] == styles[1] == ["1px", "10px"]
    app.dialogs.clear()  # type: ignore[attr-defined]


def test_escape_closes_the_import_notice_from_open_and_focus_goes_to_the_canvas(
    editor_app: App, tmp_path: Path
) -> None:
    app = editor_app
    path = tmp_path / "router.drawio"
    path.write_text(LOSSY_DRAWIO, encoding="utf-8")
    app.open_file(path)
    notice = app.page.locator(NOTICE)
    notice.wait_for(state="visible")
    assert "canvas" == focused(app)
    # The notice leaves the top of the diagram free.
    stage = app.page.locator("[data-role=stage]").bounding_box()
    box = notice.bounding_box()
    assert stage is not None and box is not None
    assert box["y"] > stage["y"] + stage["height"] / 2
    app.page.focus("[data-action=open]")
    assert "open" == focused(app)
    app.page.keyboard.press("Escape")
    expect(notice).to_be_hidden()
