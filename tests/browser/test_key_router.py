"""The page's one keydown router (web/keys.js), with the real keyboard (issue 15).

Keys of actions the page carries out itself (save, open, zoom, help) run the
page's handler and never reach the core; keys typed into a dialog's field stay
there. The worker link is watched (an init script records every message the
page posts), so "never reached the core" is seen, not assumed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from editor_helpers import add, boot_editor, clean_test, settle, ui
from lw_helpers import App, document, write_document

NO_FS_ACCESS = """
delete window.showSaveFilePicker;
delete window.showOpenFilePicker;
delete window.showDirectoryPicker;
"""
#: Every message the page posts to the core's worker, as sent (JSON text).
SPY = """
window.__posted = [];
const post = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (message, ...rest) {
  if (message && typeof message.body === "string") window.__posted.push(message.body);
  return post.call(this, message, ...rest);
};
"""
HELP = "dialog[data-role=help]"


@pytest.fixture(scope="module")
def keys_app(browser: Any, site: Any) -> Iterator[App]:
    """The editor with downloads, no File System Access API, the link watched."""
    context = browser.new_context(
        viewport={"width": 1400, "height": 900}, accept_downloads=True
    )
    context.add_init_script(NO_FS_ACCESS)
    context.add_init_script(SPY)
    yield boot_editor(context, site.url)
    context.close()


@pytest.fixture
def app(keys_app: App) -> Iterator[App]:
    with clean_test(keys_app):
        yield keys_app


def keys_sent(app: App) -> list[dict[str, Any]]:
    """Return the keydown events the page has sent to the core so far."""
    out: list[dict[str, Any]] = []
    for body in app.page.evaluate("() => window.__posted"):
        message = json.loads(body)
        event = message.get("event")
        if isinstance(event, dict) and event.get("type") == "keydown":
            out.append(event)
    return out


@contextmanager
def downloads_seen(app: App) -> Iterator[list[Any]]:
    """Yield the list of downloads the page starts meanwhile."""
    seen: list[Any] = []

    def note(download: Any) -> None:
        seen.append(download)

    app.page.on("download", note)
    try:
        yield seen
    finally:
        app.page.remove_listener("download", note)


def focus_canvas(app: App) -> None:
    app.page.click("#canvas", position={"x": 5, "y": 5})
    settle(app)


def test_ctrl_s_once_saves_once(app: App, tmp_path: Path) -> None:
    """One Ctrl+S: one file, the document clean, and the key never at the core
    (no timer stands between two saves any more)."""
    add(app, "rectangle", 100, 100)
    focus_canvas(app)
    assert ui(app)["dirty"] is True
    before = len(keys_sent(app))
    with downloads_seen(app) as downloads:
        with app.page.expect_download() as info:
            app.page.keyboard.press("Control+s")
        info.value.save_as(tmp_path / "once.linework")
        assert (tmp_path / "once.linework").stat().st_size > 0
        app.page.wait_for_function("() => !document.title.startsWith('•')")
        # Whatever a second save would need (a core reply, a page task) has had time.
        settle(app)
        app.page.wait_for_timeout(1000)
        settle(app)
    assert 1 == len(downloads)
    assert [] == [k for k in keys_sent(app)[before:] if k["key"].lower() == "s"]
    assert ui(app)["dirty"] is False


def test_ctrl_o_opens_the_file_chooser_and_the_file(app: App, tmp_path: Path) -> None:
    """Ctrl+O from the canvas opens the file input's chooser (the page's handler
    of `open`); the chosen file opens."""
    path = write_document(tmp_path / "keys.linework", document(text="Opened by Ctrl+O"))
    focus_canvas(app)
    before = len(keys_sent(app))
    with app.page.expect_file_chooser() as info:
        app.page.keyboard.press("Control+o")
    info.value.set_files(str(path))
    app.page.wait_for_function(
        "() => document.querySelector('#canvas').textContent.includes('Opened by Ctrl+O')"
    )
    assert [] == [k for k in keys_sent(app)[before:] if k["key"].lower() == "o"]


def test_question_mark_opens_help_and_escape_closes_it(app: App) -> None:
    """`?` shows the served rows at once, without a round trip through the core;
    Escape closes the panel and leaves the selection alone."""
    shape = add(app, "rectangle", 100, 100)
    assert [shape] == ui(app)["selection"]
    app.page.focus("#canvas")
    before = len(keys_sent(app))
    app.page.keyboard.press("?")
    app.page.wait_for_selector(f"{HELP}[open]")
    rows = app.page.eval_on_selector_all(f"{HELP} tr", "trs => trs.length")
    assert rows > 20
    text = app.page.text_content(HELP) or ""
    assert "Ctrl+S" in text and "Ctrl+Shift+L" in text
    assert [] == keys_sent(app)[before:]
    app.page.keyboard.press("Escape")
    app.page.wait_for_selector(f"{HELP}[open]", state="detached")
    assert [shape] == ui(app)["selection"]


def test_keys_typed_into_a_dialog_field_stay_there(app: App) -> None:
    """In the page-rename dialog's field, letters, `?`, Backspace and Ctrl+S are
    the field's: no help, no save, the selected shape is not deleted, no key
    reaches the core. Escape then closes the dialog only."""
    shape = add(app, "rectangle", 100, 100)
    app.page.dblclick("[role=tab][aria-selected=true]")
    field = app.page.wait_for_selector("dialog[open] input")
    assert field is not None
    field.fill("")
    before = len(keys_sent(app))
    with downloads_seen(app) as downloads:
        app.page.keyboard.type("Plan?x")
        app.page.keyboard.press("Backspace")
        app.page.keyboard.press("Delete")
        app.page.keyboard.press("Control+s")
        assert "Plan?" == field.input_value()
        assert app.page.query_selector(f"{HELP}[open]") is None
        app.page.keyboard.press("Escape")
        app.page.wait_for_selector("dialog[open]", state="detached")
        settle(app)
    assert [] == keys_sent(app)[before:]
    assert [] == downloads
    assert [shape] == ui(app)["selection"]
    assert ui(app)["dirty"] is True


def test_zoom_and_fit_keys_run_on_the_page(app: App) -> None:
    """Ctrl+= zooms in, Ctrl+0 and Ctrl+Shift+H fit: the page's handlers of the
    `page` records, with no key sent to the core."""
    add(app, "rectangle", 100, 100)
    # The Fit button's scale: the one the fit keys must come back to.
    app.page.click("[data-action=zoom-fit]")
    settle(app)
    fitted = app.view()["scale"]
    focus_canvas(app)
    before = len(keys_sent(app))
    zoomed = f"() => linework.view().scale > {fitted} + 1e-6"
    fit = f"() => Math.abs(linework.view().scale - {fitted}) < 1e-6"
    for key in ("Control+0", "Control+Shift+H"):
        app.page.keyboard.press("Control+=")
        app.page.wait_for_function(zoomed)
        app.page.keyboard.press(key)
        app.page.wait_for_function(fit)
    settle(app)
    # (Ctrl's own keydown still goes, as every Ctrl key did: it matches no shortcut.)
    mods = {"Control", "Shift", "Alt", "Meta"}
    assert [] == [k for k in keys_sent(app)[before:] if k["key"] not in mods]
