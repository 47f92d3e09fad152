"""UI polish found by a QA pass, driven with the real mouse and keyboard.

Import warnings in a notice, focus after adding from the palette (and ways to
the canvas), number fields that never flag valid values, one rule for the page
tabs, a top bar that degrades in a narrow window, the help panel, dialogs that
re-check and retry, share links, the Lock button and the status line.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import editor_helpers
import pytest
from editor_helpers import PRIMARY, action, add, clean_test, elements, settle, ui
from lw_helpers import READY, App, document, write_document
from playwright.sync_api import expect

from linework.seal import seal
from linework.seal.native import NativePrimitives

editor_app = editor_helpers.editor_app  # the module's app (fixture)

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
NOTICE = "[data-role=import-notice]"
ERROR_DIALOG = "[data-role=error-dialog][open]"
PASSPHRASE_DIALOG = "dialog[open][data-role=passphrase]"
PASS = "correct horse battery staple"
READY_HINT = "Ready. Add shapes from the palette, or open a diagram."


@pytest.fixture(autouse=True)
def _fresh(editor_app: App) -> Any:
    """Each test starts from an empty document and must log no error."""
    editor_app.page.set_viewport_size({"width": 1400, "height": 900})
    with clean_test(editor_app):
        yield


def focused(app: App) -> str:
    """Describe the focused element: its id, data-role, data-prop or tag."""
    return app.page.evaluate(  # type: ignore[no-any-return]
        """() => { const e = document.activeElement;
        return e.id || e.dataset?.role || e.dataset?.prop || e.tagName; }"""
    )


def status(app: App) -> str:
    return app.page.text_content("[data-role=status]") or ""


def open_discarding(app: App, path: Path) -> None:
    """Choose a file in the open input; answer "Don't save" if asked."""
    app.page.set_input_files("input[type=file][data-role=open]", str(path))
    ask = "dialog[open][data-role=confirm-discard] [data-choice=discard]"
    with contextlib.suppress(Exception):  # nothing unsaved: no question
        app.page.click(ask, timeout=1500)


# --- 1. import warnings ---------------------------------------------------------------


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
def test_import_warnings_show_in_a_notice_and_clean_opens_show_none(
    editor_app: App, tmp_path: Path
) -> None:
    """A lossy import names what changed near the canvas and in the status bar;
    the notice is plain text, dismissible, and a clean open shows none."""
    app = editor_app
    app.open_file(CORPUS / "drawio" / "tpl_network_enterprise_1.xml")
    notice = app.page.locator(NOTICE)
    notice.wait_for(state="visible")
    assert "status" == notice.get_attribute("role")
    text = notice.text_content() or ""
    assert "72 shape(s) have no Linework equivalent" in text
    assert 1 == notice.locator("li").count()
    assert "72 shape(s)" in status(app) and "warning" in status(app)
    assert "tpl_network_enterprise_1" == app.page.text_content("[data-role=title]")
    # Not modal: the canvas still takes clicks and keys while it shows.
    app.page.click("#canvas", position={"x": 20, "y": 20})
    assert "canvas" == focused(app)
    app.page.click("[data-action=dismiss-notice]")
    assert notice.is_hidden()

    # It comes back for the next lossy import and goes for a clean one.
    app.open_file(CORPUS / "drawio" / "tpl_network_enterprise_1.xml")
    notice.wait_for(state="visible")
    app.open_file(write_document(tmp_path / "clean.linework", document()))
    assert notice.is_hidden()
    assert "warning" not in status(app)


def test_import_notice_caps_its_list_and_keeps_markup_as_text(
    editor_app: App,
) -> None:
    """More than five warnings: the first five, then "and N more"; text only."""
    app = editor_app
    got = app.page.evaluate(
        r"""async () => {
          const url = performance.getEntriesByType('resource').map((e) => e.name)
            .find((n) => /\/notice\.[^/]*\.js$/.test(n));
          const { createNotice } = await import(url);
          const stage = document.createElement('div');
          document.body.append(stage);
          const notice = createNotice(stage);
          notice.show('Title', [...Array(8).keys()].map((n) => `<b>warning ${n}</b>`));
          const box = stage.querySelector('[data-role=import-notice]');
          const out = {
            items: [...box.querySelectorAll('li')].map((li) => li.textContent),
            bold: box.querySelectorAll('b').length,
          };
          stage.remove();
          return out;
        }"""
    )
    assert [f"<b>warning {n}</b>" for n in range(5)] + ["and 3 more"] == got["items"]
    assert 0 == got["bold"]


# --- 2. focus after the palette ---------------------------------------------------------


def test_palette_click_and_enter_leave_focus_on_the_canvas(editor_app: App) -> None:
    """Click (or Enter on) a palette entry adds the shape and focuses the canvas,
    so Ctrl+D, Delete, the arrows and Ctrl+A act on the drawing."""
    app = editor_app
    kb = app.page.keyboard
    app.page.click("[data-shape=rectangle]")
    settle(app)
    assert "canvas" == focused(app)
    assert 1 == len(ui(app)["selection"])
    kb.press(f"{PRIMARY}+d")
    settle(app)
    assert 2 == len(elements(app))
    kb.press("Delete")
    settle(app)
    assert 1 == len(elements(app))

    app.page.focus("[data-shape=ellipse]")
    kb.press("Enter")
    settle(app)
    assert "canvas" == focused(app)
    [added] = ui(app)["selection"]
    before = next(e for e in elements(app) if e["id"] == added)["box"]["x"]
    kb.press("ArrowRight")
    settle(app)
    assert before + 1 == next(e for e in elements(app) if e["id"] == added)["box"]["x"]
    kb.press(f"{PRIMARY}+a")
    settle(app)
    assert 2 == len(ui(app)["selection"])


def test_escape_in_the_palette_and_the_skip_link_reach_the_canvas(
    editor_app: App,
) -> None:
    """Escape in the palette focuses the canvas (the selection stays); the first
    Tab stop is a "Skip to the canvas" link, visible only when focused."""
    app = editor_app
    kb = app.page.keyboard
    shape = add(app, "rectangle", 200, 200)
    app.page.focus("[data-shape=hexagon]")
    kb.press("Escape")
    assert "canvas" == focused(app)
    assert [shape] == ui(app)["selection"]

    app.page.fill("[data-role=palette-search]", "dia")
    kb.press("Escape")  # first Escape empties the search
    assert "palette-search" == focused(app)
    assert "" == app.page.input_value("[data-role=palette-search]")
    kb.press("Escape")
    assert "canvas" == focused(app)

    skip = app.page.locator("[data-role=skip-to-canvas]")
    box = skip.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 0  # out of sight
    app.page.focus("[data-action=new]")
    kb.press("Shift+Tab")
    assert "skip-to-canvas" == focused(app)
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0
    url = app.page.url
    kb.press("Enter")
    assert "canvas" == focused(app)
    assert url == app.page.url  # no #canvas in the address


# --- 3. number fields -----------------------------------------------------------------


def test_number_fields_accept_fractional_values_and_arrow_keys_step(
    editor_app: App,
) -> None:
    """A free rotation and a fractional box are valid (no :invalid field); the
    arrow keys step to the next multiple of the field's step."""
    app = editor_app
    shape = add(app, "rectangle", 200, 200)
    action(app, "set-rotation", deg=69.45)
    action(app, "set-box", x=10.37, w=123.456)
    action(app, "select", ids=[shape])
    assert "69.45" == app.page.input_value("[data-prop=rotation]")
    assert "10.37" == app.page.input_value("[data-prop=box-x]")
    invalid = "[data-role=properties] input:invalid"
    assert 0 == app.page.locator(invalid).count()

    app.page.click("[data-prop=rotation]")
    app.page.keyboard.press("ArrowUp")
    settle(app)
    assert 75 == ui(app)["props"]["rotation"]
    app.page.keyboard.press("ArrowDown")
    app.page.keyboard.press("ArrowDown")
    settle(app)
    assert 45 == ui(app)["props"]["rotation"]
    app.page.click("[data-prop=box-x]")
    app.page.keyboard.press("ArrowUp")
    settle(app)
    assert 11 == ui(app)["props"]["box"]["x"]
    app.page.keyboard.press("Shift+ArrowUp")
    settle(app)
    assert 20 == ui(app)["props"]["box"]["x"]
    # Typing a fractional value is valid too.
    app.page.fill("[data-prop=box-y]", "33.33")
    app.page.keyboard.press("Tab")
    settle(app)
    assert 33.33 == pytest.approx(ui(app)["props"]["box"]["y"])
    assert 0 == app.page.locator(invalid).count()


# --- 4. the page tabs -----------------------------------------------------------------


def test_one_page_file_always_shows_its_tab_in_the_editor(
    editor_app: App, tmp_path: Path
) -> None:
    """The editor shows the page bar with its tab for one page, every time."""
    app = editor_app
    one = write_document(tmp_path / "one.linework", document(pages=1))
    two = write_document(tmp_path / "two.linework", document(pages=2))
    tabs = app.page.locator("[data-role=pages] [role=tab]")
    for path in (one, one, two, one):
        app.open_file(path)
        settle(app)
        assert app.page.locator("[data-role=pages]").is_visible()
        assert (2 if path is two else 1) == tabs.count()
        assert tabs.first.is_visible()
    app.page.click("[data-action=new]")
    settle(app)
    assert 1 == tabs.count() and tabs.first.is_visible()
    assert app.page.locator("[data-action=add-page]").is_visible()


# --- 5. a narrow window ---------------------------------------------------------------


def _bar_state(app: App) -> dict[str, Any]:
    return app.page.evaluate(  # type: ignore[no-any-return]
        """() => {
          const rect = (s) => document.querySelector(s).getBoundingClientRect();
          const bar = document.querySelector('.toolbar');
          const shown = [...bar.querySelectorAll('button, h1, output')]
            .filter((e) => e.getClientRects().length && !e.closest('.more-menu'))
            .map((e) => e.getBoundingClientRect());
          const title = document.querySelector('[data-role=title]');
          return {
            width: innerWidth,
            bar: rect('.toolbar').height,
            right: Math.max(...shown.map((r) => r.right)),
            tallest: Math.max(...shown.map((r) => r.height)),
            title: rect('[data-role=title]').width,
            dot: getComputedStyle(title, '::after').content,
            canvas: [rect('#canvas').width, rect('#canvas').height],
            stage: [rect('[data-role=stage]').width, rect('[data-role=stage]').height],
            compact: bar.dataset.compact === '1',
          };
        }"""
    )


@pytest.mark.parametrize(("width", "height"), [(1024, 700), (1280, 800)])
def test_top_bar_keeps_one_row_and_the_title_in_a_narrow_window(
    editor_app: App, tmp_path: Path, width: int, height: int
) -> None:
    """At 1024 and 1280 px: one row, no wrapped labels, the title and its unsaved
    marker visible, everything inside the window, the canvas filling the stage;
    at 1024 the less used commands sit in a working "More" menu."""
    app = editor_app
    app.page.set_viewport_size({"width": width, "height": height})
    app.page.click("[data-shape=rectangle]")  # unsaved: the title gets its dot
    settle(app)
    app.page.wait_for_timeout(100)  # one resize-observer turn
    app.page.screenshot(path=str(tmp_path / f"top-{width}.png"))
    state = _bar_state(app)
    assert state["bar"] < 48  # one row
    assert state["tallest"] < 36  # no label wraps ("Share link…" included)
    assert state["right"] <= width
    assert state["title"] >= 70
    assert '"•"' == state["dot"]
    assert state["canvas"] == state["stage"]
    assert state["compact"] is (width < 1200)

    svg = app.page.locator("[data-action=export-svg]")
    if state["compact"]:
        assert svg.is_hidden()
        app.page.click("[data-role=file-more-toggle]")
        assert "true" == app.page.get_attribute(
            "[data-role=file-more-toggle]", "aria-expanded"
        )
        assert svg.is_visible()
        # The menu takes the focus; its first command is Save encrypted….
        assert "save-sealed" == app.page.evaluate(
            "() => document.activeElement.dataset.action"
        )
        app.page.keyboard.press("Escape")
        assert svg.is_hidden()
        assert "file-more-toggle" == focused(app)
    else:
        assert svg.is_visible()

    # Wider again: the full bar comes back; the canvas follows the stage.
    app.page.set_viewport_size({"width": 1400, "height": 900})
    app.page.wait_for_timeout(100)
    state = _bar_state(app)
    assert state["compact"] is False and svg.is_visible()
    assert state["canvas"] == state["stage"]


# --- 6. help ----------------------------------------------------------------------------


def test_help_opens_at_its_top_and_agrees_with_readme_and_tooltip(
    editor_app: App,
) -> None:
    """ "?" opens the help scrolled to the top (focus on its heading); no row
    says "Mod"; Fit is Ctrl+0 as in the user guide and the Fit tooltip."""
    app = editor_app
    app.page.click("#canvas", position={"x": 20, "y": 20})
    app.page.keyboard.press("?")
    panel = app.page.wait_for_selector("dialog[data-role=help][open]")
    assert panel is not None
    assert 0 == app.page.evaluate(
        "() => document.querySelector('dialog[data-role=help]').scrollTop"
    )
    assert "help-title" == focused(app)
    text = panel.text_content() or ""
    assert "Mod" not in text
    rows = app.page.eval_on_selector_all(
        "dialog[data-role=help] tr",
        "trs => trs.map(t => [t.querySelector('th').textContent, t.querySelector('td').textContent])",
    )
    fit = next(r for r in rows if "fit" in r[1])
    assert "Ctrl+0" in fit[0] and "Ctrl+Shift+H" in fit[1]
    assert "Ctrl+0" in (app.page.get_attribute("[data-action=zoom-fit]", "title") or "")
    guide = ROOT / "docs" / "user-guide.md"
    assert "**Fit** (Ctrl+0)" in guide.read_text(encoding="utf-8")
    app.page.keyboard.press("Tab")
    assert "Close" == app.page.evaluate("() => document.activeElement.textContent")
    app.page.keyboard.press("Escape")
    assert 0 == app.page.locator("dialog[data-role=help][open]").count()


# --- 7. dialogs -------------------------------------------------------------------------


def test_save_encrypted_rechecks_the_passphrases_as_you_type(editor_app: App) -> None:
    """ "The two passphrases differ." goes as soon as the repeat is corrected."""
    app = editor_app
    add(app, "rectangle", 200, 200)
    app.page.click("[data-action=save-sealed]")
    dialog = "dialog[open][data-role=seal]"
    app.page.wait_for_selector(dialog)
    kb = app.page.keyboard
    kb.type(PASS)
    app.page.focus(f"{dialog} input[data-field=repeat]")
    kb.type(PASS[:-1] + "X")
    kb.press("Enter")
    problem = app.page.locator(f"{dialog} [data-role=dialog-problem]")
    assert "The two passphrases differ." == problem.text_content()
    kb.press("Backspace")
    assert "The two passphrases differ." == problem.text_content()  # still differ
    kb.type(PASS[-1])
    assert "" == problem.text_content()
    kb.press("Escape")
    assert 0 == app.page.locator(dialog).count()


def _sealed_file(tmp_path: Path, name: str = "secret.linework") -> Path:
    plain = json.dumps(document(text="Sealed")).encode()
    path = tmp_path / name
    path.write_bytes(seal(plain, PASS, NativePrimitives(), iterations=100_000))
    return path


def _type_passphrase(app: App, text: str) -> None:
    app.page.wait_for_selector(PASSPHRASE_DIALOG, timeout=30_000)
    app.page.keyboard.type(text)
    app.page.keyboard.press("Enter")


def test_wrong_passphrase_offers_try_again_for_the_same_file(
    editor_app: App, tmp_path: Path
) -> None:
    """A wrong passphrase shows LW-E0300 with "Try again", which asks again for
    the same file; the open diagram stays as it was until the file opens."""
    app = editor_app
    mine = add(app, "rectangle", 200, 200, text="Mine")
    path = _sealed_file(tmp_path)
    open_discarding(app, path)
    _type_passphrase(app, "not the passphrase")
    app.page.wait_for_selector(ERROR_DIALOG, timeout=30_000)
    assert "LW-E0300" == app.page.text_content("[data-role=error-code]")
    retry = app.page.locator("[data-action=retry]")
    assert retry.is_visible()
    assert "retry" == app.page.evaluate("() => document.activeElement.dataset.action")
    assert [mine] == [e["id"] for e in elements(app)]  # untouched so far

    app.page.keyboard.press("Enter")  # "Try again" has the focus
    _type_passphrase(app, "still wrong")
    app.page.wait_for_selector(ERROR_DIALOG, timeout=30_000)
    app.page.click("[data-action=retry]")
    _type_passphrase(app, PASS)
    app.page.wait_for_selector("[data-role=title]:text-is('secret')", timeout=30_000)
    settle(app)
    assert "Sealed 1" in [e.get("text") for e in elements(app)]
    assert app.page.locator("[data-action=retry]").is_hidden()
    assert app.page.evaluate("() => linework.files().sealKey") is True


def test_wrong_passphrase_then_cancel_keeps_the_diagram(
    editor_app: App, tmp_path: Path
) -> None:
    """Cancel after a wrong passphrase: nothing opens, nothing changes."""
    app = editor_app
    mine = add(app, "rectangle", 200, 200, text="Mine")
    open_discarding(app, _sealed_file(tmp_path))
    _type_passphrase(app, "not the passphrase")
    app.page.wait_for_selector(ERROR_DIALOG, timeout=30_000)
    assert "Cancel" == app.page.text_content("[data-action=dismiss]")
    app.page.click("[data-action=dismiss]")
    assert 0 == app.page.locator(f"{ERROR_DIALOG}, {PASSPHRASE_DIALOG}").count()
    # The status line follows the dialog's closing a moment later.
    expect(app.page.locator("[data-role=status]")).to_have_text("Opening cancelled.")
    assert [mine] == [e["id"] for e in elements(app)]
    assert "1" == app.page.get_attribute("[data-role=title]", "data-dirty")
    # The plain error dialog is back to a single OK.
    app.page.evaluate("() => linework.debugFail('x')")
    app.page.wait_for_selector(ERROR_DIALOG)
    assert "OK" == app.page.text_content("[data-action=dismiss]")
    assert app.page.locator("[data-action=retry]").is_hidden()
    app.page.click("[data-action=dismiss]")


def test_truncated_sealed_file_explains_itself_in_a_sentence(
    editor_app: App, tmp_path: Path
) -> None:
    """A cut-off sealed file: LW-E0301, and a detail that reads as a sentence."""
    app = editor_app
    whole = _sealed_file(tmp_path).read_bytes()
    cut = tmp_path / "cut.linework"
    cut.write_bytes(whole[: len(whole) // 2])
    open_discarding(app, cut)
    app.page.wait_for_selector(ERROR_DIALOG, timeout=30_000)
    assert "LW-E0301" == app.page.text_content("[data-role=error-code]")
    detail = app.page.text_content("[data-role=error-detail]") or ""
    assert detail.startswith("The file ends too early") and detail.endswith(".")
    assert "starting at." not in detail
    app.page.click("[data-action=dismiss]")


# --- 8. share links, Lock, the status line -----------------------------------------------


def test_share_link_opens_fitted_with_the_documents_title(
    editor_app: App, tmp_path: Path
) -> None:
    """A #d= link opens in the viewer fitted to the window, titled by the
    document's meta title; one page, so the viewer hides the page bar."""
    app = editor_app
    raw = document(pages=1)
    raw["meta"] = {"title": "Quarterly plan"}
    app.open_file(write_document(tmp_path / "plan.linework", raw))
    reply = app.send({"type": "share-link"})
    assert reply["ok"], reply
    viewer = app.context.new_page()
    try:
        viewer.goto(f"{app.url}?mode=view#{reply['fragment']}")
        viewer.wait_for_selector(READY, state="attached", timeout=90_000)
        viewer.wait_for_selector(
            "[data-role=title]:text-is('Quarterly plan')", timeout=30_000
        )
        viewer.wait_for_timeout(100)
        page_box = viewer.locator("[data-role=page-background]").bounding_box()
        canvas_box = viewer.locator("#canvas").bounding_box()
        assert page_box is not None and canvas_box is not None
        assert page_box["x"] >= canvas_box["x"] and page_box["y"] >= canvas_box["y"]
        assert (
            page_box["x"] + page_box["width"]
            <= canvas_box["x"] + canvas_box["width"] + 1
        )
        assert (
            page_box["y"] + page_box["height"]
            <= canvas_box["y"] + canvas_box["height"] + 1
        )
        # Fitted: the page fills the canvas in one direction.
        assert (
            max(
                page_box["width"] / canvas_box["width"],
                page_box["height"] / canvas_box["height"],
            )
            > 0.9
        )
        assert viewer.locator("[data-role=pages]").is_hidden()
        assert viewer.locator("[data-role=page-bar]").is_hidden()
    finally:
        viewer.close()


def test_lock_button_follows_the_selection(editor_app: App) -> None:
    """Lock is off with nothing selected, on with a selection, and on with
    nothing selected while the page has locked elements (it unlocks them all)."""
    app = editor_app
    lock = "[data-role=edit-bar] [data-action=toggle-lock]"
    settle(app)
    assert app.page.is_disabled(lock)
    app.page.click("[data-shape=rectangle]")
    settle(app)
    assert app.page.is_enabled(lock)
    app.page.click(lock)
    app.page.keyboard.press("Escape")
    settle(app)
    assert [] == ui(app)["selection"]
    assert app.page.is_enabled(lock)  # unlock all
    app.page.click(lock)
    settle(app)
    assert 1 == len(ui(app)["selection"])  # the unlocked shape, selected
    app.page.keyboard.press("Escape")
    settle(app)
    assert app.page.is_disabled(lock)


def test_start_up_hint_goes_after_the_first_edit(editor_app: App) -> None:
    """The "Ready. Add shapes…" hint is replaced by the first edit; a fresh tab's
    first Tab stop is the skip link."""
    fresh = App(editor_app.context, editor_app.url)
    try:
        fresh.page.set_viewport_size({"width": 1400, "height": 900})
        fresh.boot()
        fresh.page.wait_for_selector(
            "body[data-editor]", state="attached", timeout=60_000
        )
        assert READY_HINT == fresh.page.text_content("[data-role=status]")
        fresh.page.keyboard.press("Tab")
        assert "skip-to-canvas" == fresh.page.evaluate(
            "() => document.activeElement.dataset.role"
        )
        fresh.page.keyboard.press("Enter")
        fresh.page.click("[data-shape=ellipse]")
        fresh.page.evaluate("() => linework.editor.settled()")
        text = fresh.page.text_content("[data-role=status]") or ""
        assert READY_HINT != text and "Untitled" in text
        assert [] == App.problems_of(fresh.console)
    finally:
        fresh.page.close()
