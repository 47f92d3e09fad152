"""Issue 14 in the browser: what the user types does not linger, a sealed
diagram is not shared in clear without a word, weak passphrases are refused,
the first error report waits for the user's answer, the recovery copy keeps up,
and a default build on a plain static server will not be framed by a stranger.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest
from editor_helpers import action, screen, settle
from lw_helpers import READY, App, document
from test_embed import EXAMPLES, THIRD_HTML, host_csp, origin_of

from linework.seal import seal
from linework.seal.native import NativePrimitives

PASS = "plum tractor velvet orbit"
TYPED = "LingeringLabelText"
TYPED_PASS = "LingeringPassphrase"
ERROR_DIALOG = "[data-role=error-dialog][open]"


@pytest.fixture(scope="module")
def app(browser: Any, site: Any) -> Iterator[App]:
    context = browser.new_context(
        viewport={"width": 1400, "height": 900}, accept_downloads=True
    )
    context.add_init_script("delete window.showSaveFilePicker;")
    application = App(context, site.url)
    application.boot()
    application.page.wait_for_selector(
        "body[data-editor]", state="attached", timeout=60_000
    )
    yield application
    context.close()


def fresh(app: App) -> None:
    app.page.evaluate(
        "() => { for (const d of document.querySelectorAll('dialog[open]')) d.close(); }"
    )
    app.page.keyboard.press("Escape")
    action(app, "new")


def sealed_path(tmp_path: Path, text: str) -> Path:
    plain = json.dumps(document(text=text)).encode()
    path = tmp_path / "secret.linework"
    path.write_bytes(seal(plain, PASS, NativePrimitives(), iterations=100_000))
    return path


def open_sealed(app: App, path: Path) -> None:
    app.page.set_input_files("input[type=file][data-role=open]", str(path))
    dialog = "dialog[open][data-role=passphrase]"
    app.page.wait_for_selector(dialog, timeout=30_000)
    app.page.click(f"{dialog} input[data-field=passphrase]")
    app.page.keyboard.type(PASS)
    app.page.keyboard.press("Enter")
    app.page.wait_for_function("() => linework.files().sealKey", timeout=30_000)


FORM_CONTROLS_JS = """() => [...document.querySelectorAll('input, textarea')].map((e) => ({
  tag: e.localName, type: e.type, value: e.value, role: e.dataset.role ?? e.dataset.prop ?? '',
  autocomplete: e.getAttribute('autocomplete') ?? e.form?.getAttribute('autocomplete') ?? '',
}))"""
TEXT_TYPES = {"text", "search", "password", "number", "textarea", "url", "email"}


def test_no_form_control_keeps_typed_text(app: App) -> None:
    """After a label edit and every dialog closed, no control holds what was typed."""
    fresh(app)
    action(app, "add-shape", kind="rectangle", x=300, y=250)
    app.page.mouse.dblclick(*screen(app, 300, 250))
    app.page.wait_for_selector("[data-role=text-editor]:not([hidden])")
    app.page.keyboard.type(TYPED)
    app.page.keyboard.press("Control+Enter")
    settle(app)
    # The share dialog (the link holds the whole diagram) and Save encrypted.
    app.page.click("[data-action=share-link]")
    app.page.wait_for_selector("dialog[open][data-role=share-dialog]")
    assert "#d=" in app.page.input_value("[data-role=share-url]")
    app.page.click("[data-action=share-close]")
    app.page.click("[data-action=save-sealed]")
    app.page.wait_for_selector("dialog[open][data-role=seal]")
    app.page.keyboard.type(TYPED_PASS)
    app.page.keyboard.press("Escape")
    app.page.wait_for_selector("dialog[open]", state="detached")
    app.page.mouse.click(*screen(app, 900, 700))  # nothing selected
    app.page.keyboard.press("Escape")
    settle(app)

    controls = app.page.evaluate(FORM_CONTROLS_JS)
    assert TYPED in (app.page.text_content("#canvas") or "")
    for control in controls:
        assert TYPED not in control["value"], control
        assert TYPED_PASS not in control["value"], control
        assert "#d=" not in control["value"], control
        if control["type"] in TEXT_TYPES:
            assert "off" == control["autocomplete"], control
    assert any(c["role"] == "text-editor" for c in controls)
    assert any(c["role"] == "share-url" for c in controls)


def test_share_link_of_a_sealed_diagram_asks_first(app: App, tmp_path: Path) -> None:
    fresh(app)
    open_sealed(app, sealed_path(tmp_path, "SharedSecret"))
    app.page.click("[data-action=share-link]")
    ask = "dialog[open][data-role=confirm-plain-share]"
    app.page.wait_for_selector(ask)
    assert "not" in (app.page.text_content(ask) or "")
    app.page.click(f"{ask} button[data-choice=cancel]")
    app.page.wait_for_selector(ask, state="detached")
    assert 0 == app.page.locator("dialog[open][data-role=share-dialog]").count()

    app.page.click("[data-action=share-link]")
    app.page.click(f"{ask} button[data-choice=ok]")
    share = "dialog[open][data-role=share-dialog]"
    app.page.wait_for_selector(share)
    said = app.page.text_content(f"{share} [data-role=share-unencrypted]") or ""
    assert "not encrypted" in said
    assert "#d=" in app.page.input_value("[data-role=share-url]")
    app.page.click("[data-action=share-close]")
    # The dialog's close event (a task after the click) empties the field.
    app.page.wait_for_function(
        "() => document.querySelector('[data-role=share-url]').value === ''"
    )
    assert "" == app.page.input_value("[data-role=share-url]")


def test_save_encrypted_refuses_a_passphrase_anyone_could_guess(app: App) -> None:
    fresh(app)
    action(app, "add-shape", kind="rectangle", x=300, y=250)
    app.page.click("[data-action=save-sealed]")
    dialog = "dialog[open][data-role=seal]"
    app.page.wait_for_selector(dialog)
    app.page.keyboard.type("a")
    app.page.focus(f"{dialog} input[data-field=repeat]")
    app.page.keyboard.type("a")
    app.page.keyboard.press("Enter")
    problem = app.page.locator(f"{dialog} [data-role=dialog-problem]")
    problem.filter(has_text="weak").wait_for(timeout=10_000)
    assert app.page.locator(dialog).count() == 1  # still asking
    assert "Saved" not in (app.page.text_content("[data-role=status]") or "")
    app.page.keyboard.press("Escape")
    app.page.wait_for_selector(dialog, state="detached")


def test_first_error_report_waits_until_the_dialog_closes(
    browser: Any, site: Any, tmp_path: Path
) -> None:
    context = browser.new_context()
    posts: list[str] = []
    context.on(
        "request",
        lambda r: (
            posts.append(r.post_data or "")
            if r.method == "POST" and urlsplit(r.url).path.endswith("/api/error")
            else None
        ),
    )
    try:
        app = App(context, site.url)
        app.boot()
        junk = tmp_path / "junk.txt"
        junk.write_text("not a diagram", encoding="utf-8")
        app.page.set_input_files("input[type=file][data-role=open]", str(junk))
        app.page.wait_for_selector(ERROR_DIALOG, timeout=30_000)
        app.page.wait_for_timeout(1500)
        assert [] == posts  # the user has not answered yet
        app.page.uncheck("[data-role=report-errors]")
        app.page.click("[data-action=dismiss]")
        app.page.wait_for_timeout(1000)
        assert [] == posts  # and said no

        bad = tmp_path / "bad.drawio"
        bad.write_text("<mxfile><diagram><<<</diagram>", encoding="utf-8")
        app.page.set_input_files("input[type=file][data-role=open]", str(bad))
        app.page.wait_for_selector(ERROR_DIALOG, timeout=30_000)
        app.page.check("[data-role=report-errors]")
        app.page.wait_for_timeout(500)
        assert [] == posts
        app.page.click("[data-action=dismiss]")
        deadline = time.monotonic() + 10
        while not posts and time.monotonic() < deadline:
            app.page.wait_for_timeout(100)
        assert 1 == len(posts)
        assert json.loads(posts[0])["code"].startswith("LW-E02")
    finally:
        context.close()


def test_recovery_copy_is_current_when_the_tab_is_hidden(
    browser: Any, site: Any, tmp_path: Path
) -> None:
    context = browser.new_context(accept_downloads=True)
    try:
        app = App(context, site.url)
        app.boot()
        app.page.wait_for_selector("body[data-editor]", state="attached")
        app.page.evaluate("() => linework.send({type: 'file-new'})")
        action(app, "add-shape", kind="diamond", x=200, y=200, text="Last edit")
        # Hidden (the tab may be discarded next), then the runtime dies at once.
        app.page.evaluate(
            """() => {
              Object.defineProperty(document, 'visibilityState', {value: 'hidden', configurable: true});
              document.dispatchEvent(new Event('visibilitychange'));
            }"""
        )
        assert "LW-E0004" == app.page.evaluate("() => linework.debugCrash()")
        app.page.wait_for_selector(ERROR_DIALOG, timeout=30_000)
        with app.page.expect_download() as info:
            app.page.click("[data-action=download-recovery]")
        saved = tmp_path / "rec.linework"
        info.value.save_as(saved)
        texts = [
            e.get("text") for e in json.loads(saved.read_text())["pages"][0]["elements"]
        ]
        assert "Last edit" in texts
    finally:
        context.close()


# --- a default build on a plain static server ------------------------------------


@pytest.fixture(scope="module")
def plain_server(build_module: Any, site: Any) -> Iterator[str]:
    """dist/ served like `python -m http.server`: no CSP, no frame-ancestors."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        extensions_map = {  # noqa: RUF012 - as the stdlib declares it
            **http.server.SimpleHTTPRequestHandler.extensions_map,
            ".wasm": "application/wasm",
            ".js": "text/javascript",
        }

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0),
        functools.partial(Quiet, directory=str(build_module.DIST)),
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def frame_from_third(browser: Any, third: Any, src: str) -> tuple[Any, Any]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(third.url + "third.html")
    page.evaluate(
        """(src) => {
             window.got = [];
             window.addEventListener('message', (e) => window.got.push(String(e.data)));
             const f = document.createElement('iframe');
             f.src = src;
             document.body.append(f);
           }""",
        src,
    )
    return context, page


def test_default_build_on_a_plain_server_refuses_a_third_origin_embed(
    browser: Any, build_module: Any, plain_server: str
) -> None:
    with build_module.serving(EXAMPLES, extra={"/third.html": THIRD_HTML}) as third:
        third.headers_all = {
            **third.headers_all,
            "Content-Security-Policy": host_csp(plain_server.rstrip("/")),
        }
        # The third page claims its own (true) origin: only the build can allow it.
        src = f"{plain_server}index.html?embed=1&origin={quote(origin_of(third), safe='')}"
        context, page = frame_from_third(browser, third, src)
        try:
            frame = page.frame_locator("iframe")
            frame.locator('body[data-embed="refused"]').wait_for(
                state="attached", timeout=30_000
            )
            notice = frame.locator('[data-role="embed-refused"]').inner_text()
            page.wait_for_timeout(1500)
            assert "LW-E0603" in notice
            assert [] == page.evaluate("() => window.got")  # no init, nothing
            # The editor behind the notice takes no input.
            inert = frame.locator("[data-role=stage] > #canvas").evaluate(
                "(e) => e.closest('[inert]') !== null"
            )
            assert inert
        finally:
            context.close()

        # The plain editor (no embed=1) does not run in a stranger's frame either.
        context, page = frame_from_third(browser, third, f"{plain_server}index.html")
        try:
            frame = page.frame_locator("iframe")
            frame.locator('body[data-embed="refused"]').wait_for(
                state="attached", timeout=30_000
            )
            assert (
                "LW-E0603" in frame.locator('[data-role="embed-refused"]').inner_text()
            )
        finally:
            context.close()

        # The read-only viewer (a share link) may be framed: it edits nothing.
        src = f"{plain_server}index.html?mode=view"
        context, page = frame_from_third(browser, third, src)
        try:
            frame = page.frame_locator("iframe")
            frame.locator(READY).wait_for(state="attached", timeout=90_000)
            assert "view" == frame.locator("body").get_attribute("data-mode")
            assert 0 == frame.locator('[data-role="embed-refused"]').count()
        finally:
            context.close()


def test_the_page_carries_its_csp_without_frame_ancestors(
    browser: Any, plain_server: str
) -> None:
    """Without headers the page still has the CSP and Trusted Types (a <meta>)."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(plain_server + "index.html")
        page.wait_for_selector(READY, state="attached", timeout=90_000)
        csp = page.get_attribute(
            'meta[http-equiv="Content-Security-Policy"]', "content"
        )
        assert csp is not None
        assert (
            "default-src 'none'" in csp and "require-trusted-types-for 'script'" in csp
        )
        assert "frame-ancestors" not in csp
        blocked = page.evaluate(
            "() => { try { document.body.innerHTML = '<b>x</b>'; return false; } catch { return true; } }"
        )
        assert blocked  # Trusted Types enforced by the <meta> alone
    finally:
        context.close()
