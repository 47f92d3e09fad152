"""Files in the browser (issue 5): save, open, export, sealed files, nothing lost.

The module's page runs without the File System Access API (removed by an init
script), so Save downloads a file as in browsers that lack it; the FS Access
path runs in ``test_files_fsaccess.py`` with an in-memory fake of the API.
Edits go through the bridge's ``editor`` message, as the editor UI sends them.
"""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from lw_helpers import READY, App, document, write_document

from linework import files
from linework.errors import REGISTRY
from linework.formats import native

ROOT = Path(__file__).resolve().parents[2]
PASS = "plum tractor velvet orbit"
NO_FS_ACCESS = """
delete window.showSaveFilePicker;
delete window.showOpenFilePicker;
delete window.showDirectoryPicker;
"""
DIALOG = "dialog[open][data-role={}]"
ERROR_DIALOG = "[data-role=error-dialog][open]"


@pytest.fixture(scope="module")
def app(browser: Any, site: Any) -> Iterator[App]:
    """The app with downloads and no File System Access API."""
    context = browser.new_context(
        viewport={"width": 1400, "height": 900}, accept_downloads=True
    )
    context.add_init_script(NO_FS_ACCESS)
    application = App(context, site.url)
    application.boot()
    yield application
    context.close()


# --- helpers -----------------------------------------------------------------------


def state(app: App) -> dict[str, Any]:
    return app.page.evaluate("() => linework.files()")  # type: ignore[no-any-return]


def current(app: App) -> bytes:
    """The open document as the core holds it (.linework bytes)."""
    return app.send({"type": "recovery"})["data"].encode("utf-8")  # type: ignore[no-any-return]


def same_doc(a: bytes, b: bytes) -> bool:
    return native.decode(a) == native.decode(b)


def add_shapes(app: App, *kinds: str) -> None:
    for kind in kinds:
        event = {"type": "action", "name": "add-shape", "args": {"kind": kind}}
        reply = app.send({"type": "editor", "event": event})
        assert reply["ok"], reply


def fresh_drawing(app: App) -> bytes:
    """New (discarding changes), then two shapes; return the document."""
    app.dismiss_dialog()
    click(app, "new")
    discard_if_asked(app)
    wait_empty(app)
    add_shapes(app, "rectangle", "ellipse")
    app.page.wait_for_selector("[data-role=title][data-dirty='1']")
    return current(app)


def element_count(app: App) -> int:
    doc = native.decode(current(app))
    return len(doc.elements(doc.pages()[0].id))


def wait_empty(app: App) -> None:
    """Wait until New has replaced the document with an empty, clean one."""
    for _ in range(100):
        if element_count(app) == 0 and not state(app)["dirty"]:
            return
        app.page.wait_for_timeout(100)
    raise AssertionError("New did not give an empty document")


def wait_same(app: App, expected: bytes) -> None:
    """Wait until the open document is ``expected`` (opening is asynchronous)."""
    for _ in range(300):
        if same_doc(expected, current(app)):
            return
        app.page.wait_for_timeout(100)
    raise AssertionError("the document did not open")


def click(app: App, action: str) -> None:
    app.page.click(f"button[data-action={action}]")


def discard_if_asked(app: App) -> None:
    try:
        app.page.wait_for_selector(DIALOG.format("confirm-discard"), timeout=5000)
    except Exception:
        return
    app.page.click(f"{DIALOG.format('confirm-discard')} [data-choice=discard]")


def download(app: App, action: str, tmp_path: Path, fill: Any = None) -> Path:
    """Click an action, go through its dialog with `fill`, return the downloaded file."""
    with app.page.expect_download(timeout=60_000) as info:
        click(app, action)
        if fill is not None:
            fill()
    target: Path = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return target


def open_path(app: App, path: Path) -> None:
    app.page.set_input_files("input[type=file][data-role=open]", str(path))


def wait_title(app: App, title: str, dirty: bool = False) -> None:
    marker = "[data-dirty='1']" if dirty else ":not([data-dirty])"
    for _ in range(300):
        shown = app.page.text_content(f"[data-role=title]{marker}", timeout=30_000)
        if shown == title:
            return
        app.page.wait_for_timeout(100)
    assert title == shown


def error_code(app: App) -> str:
    app.page.wait_for_selector(ERROR_DIALOG, timeout=30_000)
    return app.page.text_content("[data-role=error-code]") or ""


def enter_passphrase(app: App, passphrase: str, role: str = "passphrase") -> None:
    dialog = DIALOG.format(role)
    app.page.wait_for_selector(dialog, timeout=30_000)
    app.page.fill(f"{dialog} input[data-field=passphrase]", passphrase)
    if role == "seal":
        app.page.fill(f"{dialog} input[data-field=repeat]", passphrase)
    app.page.press(f"{dialog} input[data-field=passphrase]", "Enter")


def cli(
    *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "linework.cli", *args],
        capture_output=True,
        env={**os.environ, **(env or {})},
        check=False,
        cwd=ROOT,
    )


# --- title, new, save, open ------------------------------------------------------


def test_title_shows_name_and_unsaved_marker(app: App) -> None:
    fresh_drawing(app)
    assert "1" == app.page.get_attribute("[data-role=title]", "data-dirty")
    assert app.page.title().startswith("• Untitled")
    click(app, "new")
    app.page.wait_for_selector(DIALOG.format("confirm-discard"))
    # Escape cancels: the drawing stays, still unsaved.
    app.page.keyboard.press("Escape")
    app.page.wait_for_selector(DIALOG.format("confirm-discard"), state="detached")
    assert state(app)["dirty"] is True
    assert app.page.title().startswith("• Untitled")


def test_save_new_open_gives_the_same_document(app: App, tmp_path: Path) -> None:
    drawn = fresh_drawing(app)
    saved = download(app, "save", tmp_path)
    assert "Untitled.linework" == saved.name
    assert same_doc(drawn, saved.read_bytes())
    wait_title(app, "Untitled")
    assert not app.page.title().startswith("•")

    click(app, "new")  # clean now: no question asked
    wait_empty(app)

    open_path(app, saved)
    wait_same(app, drawn)
    wait_title(app, "Untitled")
    assert state(app)["native"] is True


def test_keyboard_shortcuts_save_and_new(app: App, tmp_path: Path) -> None:
    drawn = fresh_drawing(app)
    app.page.click("#canvas", position={"x": 5, "y": 5})
    with app.page.expect_download() as info:
        app.page.keyboard.press("Control+s")
    info.value.save_as(tmp_path / "k.linework")
    assert same_doc(drawn, (tmp_path / "k.linework").read_bytes())
    wait_title(app, "Untitled")
    add_shapes(app, "diamond")
    app.page.keyboard.press("Control+n")
    app.page.wait_for_selector(DIALOG.format("confirm-discard"))
    app.page.click(f"{DIALOG.format('confirm-discard')} [data-choice=discard]")
    wait_empty(app)


def test_save_from_the_discard_question_then_go_on(app: App, tmp_path: Path) -> None:
    drawn = fresh_drawing(app)
    with app.page.expect_download() as info:
        click(app, "new")
        app.page.click(f"{DIALOG.format('confirm-discard')} [data-choice=save]")
    info.value.save_as(tmp_path / "q.linework")
    assert same_doc(drawn, (tmp_path / "q.linework").read_bytes())
    wait_empty(app)


# --- exports -------------------------------------------------------------------------


def export_with_defaults(app: App, role: str = "export-options") -> Any:
    def fill() -> None:
        dialog = DIALOG.format(role)
        app.page.wait_for_selector(dialog)
        app.page.press(f"{dialog} select", "Enter")

    return fill


def test_svg_export_reopens_as_the_diagram(app: App, tmp_path: Path) -> None:
    drawn = fresh_drawing(app)
    svg = download(app, "export-svg", tmp_path, export_with_defaults(app))
    assert svg.name == "Untitled.svg"
    data = svg.read_bytes()
    assert b"<linework:document" in data
    assert same_doc(drawn, files.embedded_document(data) or b"")
    click(app, "new")
    discard_if_asked(app)
    wait_empty(app)  # a late question would otherwise block the open
    open_path(app, svg)
    wait_same(app, drawn)
    wait_title(app, "Untitled")


def test_png_export_reopens_as_the_diagram(app: App, tmp_path: Path) -> None:
    drawn = fresh_drawing(app)

    def fill() -> None:
        dialog = DIALOG.format("export-options")
        app.page.wait_for_selector(dialog)
        app.page.select_option(f"{dialog} select[data-field=scale]", "4")
        app.page.uncheck(f"{dialog} input[data-field=background]")
        app.page.click(f"{dialog} [data-choice=export]")

    png = download(app, "export-png", tmp_path, fill)
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG")
    width, height = (
        int.from_bytes(data[16:20], "big"),
        int.from_bytes(data[20:24], "big"),
    )
    svg = app.send({"type": "file-export", "format": "svg", "embed": False})["data"]
    svg_w = float(re.search(r'width="([\d.]+)"', svg).group(1))  # type: ignore[union-attr]
    assert abs(width - round(svg_w * 4)) <= 1 and height > 0
    assert same_doc(drawn, files.embedded_document(data) or b"")
    click(app, "new")
    discard_if_asked(app)
    wait_empty(app)  # a late question would otherwise block the open
    open_path(app, png)
    wait_same(app, drawn)
    wait_title(app, "Untitled")


def test_export_without_embedding_and_of_the_selection(
    app: App, tmp_path: Path
) -> None:
    fresh_drawing(app)
    doc = native.decode(current(app))
    first = doc.elements(doc.pages()[0].id)[0].id
    app.send(
        {
            "type": "editor",
            "event": {"type": "action", "name": "select", "args": {"ids": [first]}},
        }
    )

    def fill() -> None:
        dialog = DIALOG.format("export-options")
        app.page.wait_for_selector(dialog)
        app.page.select_option(f"{dialog} select[data-field=area]", "selection")
        app.page.uncheck(f"{dialog} input[data-field=embed]")
        app.page.click(f"{dialog} [data-choice=export]")

    data = download(app, "export-svg", tmp_path, fill).read_text()
    assert "linework:document" not in data
    assert 1 == data.count("data-id=") and f'data-id="{first}"' in data


def test_drawio_export(app: App, tmp_path: Path) -> None:
    drawn = fresh_drawing(app)
    out = download(app, "export-drawio", tmp_path)
    assert out.name == "Untitled.drawio"
    again = files.open_document(out.read_bytes()).doc
    ours = native.decode(drawn)
    assert len(again.elements(again.pages()[0].id)) == len(
        ours.elements(ours.pages()[0].id)
    )


# --- sealed files --------------------------------------------------------------------


def test_sealed_in_the_browser_unseals_with_the_cli(app: App, tmp_path: Path) -> None:
    drawn = fresh_drawing(app)
    sealed = download(
        app, "save-sealed", tmp_path, lambda: enter_passphrase(app, PASS, "seal")
    )
    assert sealed.name.endswith(".linework")
    data = sealed.read_bytes()
    assert b'"linework-sealed"' in data[:64]
    assert b'"format":"linework"' not in data
    result = cli(
        "unseal",
        str(sealed),
        "-o",
        str(tmp_path / "plain.linework"),
        "--passphrase-env",
        "LW_PASS",
        env={"LW_PASS": PASS},
    )
    assert 0 == result.returncode, result.stderr
    assert same_doc(drawn, (tmp_path / "plain.linework").read_bytes())
    assert state(app)["sealKey"] is True
    wait_title(app, "Untitled")


def test_seal_dialog_shows_strength_and_refuses_a_mismatch(app: App) -> None:
    fresh_drawing(app)
    click(app, "save-sealed")
    dialog = DIALOG.format("seal")
    app.page.wait_for_selector(dialog)
    app.page.fill(f"{dialog} input[data-field=passphrase]", "password")
    app.page.wait_for_selector(
        f"{dialog} [data-role=dialog-note]:has-text('very weak')"
    )
    app.page.fill(f"{dialog} input[data-field=repeat]", "passwort")
    app.page.press(f"{dialog} input[data-field=repeat]", "Enter")
    assert "differ" in (
        app.page.text_content(f"{dialog} [data-role=dialog-problem]") or ""
    )
    app.page.keyboard.press("Escape")
    app.page.wait_for_selector(dialog, state="detached")
    assert state(app)["dirty"] is True


def cli_sealed(
    tmp_path: Path, name: str = "cli.linework", text: str = "Sealed by CLI"
) -> Path:
    plain = write_document(tmp_path / "plain-src.linework", document(text=text))
    out = tmp_path / name
    result = cli(
        "seal",
        str(plain),
        "-o",
        str(out),
        "--passphrase-env",
        "LW_PASS",
        env={"LW_PASS": PASS},
    )
    assert 0 == result.returncode, result.stderr
    return out


def test_cli_sealed_file_opens_in_the_browser(app: App, tmp_path: Path) -> None:
    sealed = cli_sealed(tmp_path)
    fresh_drawing(app)
    open_path(app, sealed)
    discard_if_asked(app)
    enter_passphrase(app, PASS)
    wait_same(app, (tmp_path / "plain-src.linework").read_bytes())
    wait_title(app, "cli")
    assert state(app)["sealKey"] is True
    assert "Sealed by CLI 1" in (app.page.text_content("#canvas") or "")


def test_export_of_a_sealed_document_embeds_the_envelope(
    app: App, tmp_path: Path
) -> None:
    sealed = cli_sealed(tmp_path, "secret.linework", text="TopSecretMarker")
    app.dismiss_dialog()
    click(app, "new")
    discard_if_asked(app)
    wait_empty(app)  # a late question would otherwise block the open
    open_path(app, sealed)
    enter_passphrase(app, PASS)
    wait_title(app, "secret")
    plain = current(app)

    svg = download(app, "export-svg", tmp_path, export_with_defaults(app)).read_bytes()
    inner = files.embedded_document(svg) or b""
    assert inner.startswith(b'{"format":"linework-sealed"')
    assert base64.b64encode(plain) not in svg and b'"format":"linework"' not in svg
    assert inner != sealed.read_bytes()  # sealed again: fresh salt and nonce
    png = download(app, "export-png", tmp_path, export_with_defaults(app)).read_bytes()
    assert (files.embedded_document(png) or b"").startswith(
        b'{"format":"linework-sealed"'
    )
    assert b"TopSecretMarker" not in png

    # The exported image opens again with the passphrase.
    click(app, "new")
    discard_if_asked(app)
    wait_empty(app)  # a late question would otherwise block the open
    open_path(app, tmp_path / "secret.svg")
    enter_passphrase(app, PASS)
    wait_same(app, plain)
    wait_title(app, "secret")
    # Save keeps it sealed (the key stayed in memory, non-extractable).
    add_shapes(app, "rectangle")
    again = download(app, "save", tmp_path).read_bytes()
    assert again.startswith(b'{"format":"linework-sealed"')


def flip_ciphertext_byte(data: bytes) -> bytes:
    envelope = json.loads(data)
    ct = envelope["ciphertext"]
    i = len(ct) // 2
    envelope["ciphertext"] = ct[:i] + ("A" if ct[i] != "A" else "B") + ct[i + 1 :]
    return json.dumps(envelope, separators=(",", ":")).encode()


@pytest.mark.parametrize(
    ("kind", "code", "asks"),
    [
        ("wrong-passphrase", "LW-E0300", True),
        ("flipped-byte", "LW-E0300", True),
        ("truncated", "LW-E0301", False),
        ("version-2", "LW-E0302", False),
    ],
)
def test_bad_sealed_files_leave_the_open_diagram(
    app: App, tmp_path: Path, kind: str, code: str, asks: bool
) -> None:
    sealed = cli_sealed(tmp_path).read_bytes()
    bad = {
        "wrong-passphrase": sealed,
        "flipped-byte": flip_ciphertext_byte(sealed),
        "truncated": sealed[: len(sealed) - 40],
        "version-2": sealed.replace(b'"version":1', b'"version":2'),
    }[kind]
    path = tmp_path / f"{kind}.linework"
    path.write_bytes(bad)
    drawn = fresh_drawing(app)
    open_path(app, path)
    discard_if_asked(app)
    if asks:
        enter_passphrase(
            app, "not the passphrase" if kind == "wrong-passphrase" else PASS
        )
    assert code == error_code(app)
    message = app.page.text_content("[data-role=error-message]") or ""
    assert REGISTRY[code].message == message
    if code == "LW-E0300":
        assert "cannot tell" in (
            app.page.text_content("[data-role=error-detail]") or ""
        )
    app.dismiss_dialog()
    assert same_doc(drawn, current(app))
    assert state(app)["dirty"] is True
    assert "1" == app.page.get_attribute("[data-role=title]", "data-dirty")


# --- nothing lost --------------------------------------------------------------------


def test_corrupt_file_over_an_edited_diagram_changes_nothing(
    app: App, tmp_path: Path
) -> None:
    drawn = fresh_drawing(app)
    bad = tmp_path / "broken.linework"
    bad.write_text('{"format": "linework", "version": 1, "pages": [')
    open_path(app, bad)
    discard_if_asked(app)
    assert error_code(app).startswith("LW-E01")
    app.dismiss_dialog()
    assert same_doc(drawn, current(app))
    assert "1" == app.page.get_attribute("[data-role=title]", "data-dirty")
    assert state(app)["dirty"] is True


def test_a_file_with_a_lone_surrogate_opens_over_an_edited_diagram(
    app: App, tmp_path: Path
) -> None:
    """A label holding a lone UTF-16 surrogate (JSON "\\ud800"; UTF-8 has no
    bytes for it) opens: the core's reply crosses as UTF-8 all the same, and
    the page shows the diagram the core holds, not the old one."""
    fresh_drawing(app)
    doc = document(text="lone \ud800 surrogate")
    path = tmp_path / "surrogate.linework"
    path.write_text(json.dumps(doc), encoding="ascii")  # the escape, as a file has it
    open_path(app, path)
    discard_if_asked(app)
    wait_title(app, "surrogate")
    assert app.page.query_selector(ERROR_DIALOG) is None
    assert app.page.query_selector('#canvas [data-id="shape:1a"]') is not None
    assert state(app)["dirty"] is False
    held = json.loads(current(app))
    assert held["pages"][0]["elements"][0]["text"] == "lone \ud800 surrogate 1"


def test_paste_of_drawio_text_offers_to_open_it(app: App) -> None:
    fresh_drawing(app)
    text = (
        '<mxfile><diagram id="d" name="P"><mxGraphModel><root><mxCell id="0"/>'
        '<mxCell id="1" parent="0"/><mxCell id="2" value="Pasted box" vertex="1" parent="1">'
        '<mxGeometry x="10" y="10" width="120" height="60" as="geometry"/></mxCell>'
        "</root></mxGraphModel></diagram></mxfile>"
    )
    app.page.evaluate(
        """(text) => {
          const data = new DataTransfer();
          data.setData("text/plain", text);
          document.body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true }));
        }""",
        text,
    )
    app.page.wait_for_selector(DIALOG.format("confirm-paste-open"))
    app.page.click(f"{DIALOG.format('confirm-paste-open')} [data-choice=ok]")
    discard_if_asked(app)
    wait_title(app, "Pasted diagram")
    assert state(app)["native"] is False
    assert "Pasted box" in (app.page.text_content("#canvas") or "")


def test_print_shows_only_the_page_svg(app: App) -> None:
    fresh_drawing(app)
    app.page.evaluate(
        "() => { window.print = () => { window.__printed = document.querySelector('[data-role=print-sheet] img')?.src ?? 'none'; }; }"
    )
    click(app, "print")
    for _ in range(100):
        printed = app.page.evaluate("() => window.__printed ?? null")
        if printed:
            break
        app.page.wait_for_timeout(100)
    assert printed and printed.startswith("blob:")
    app.page.emulate_media(media="print")
    hidden = app.page.evaluate(
        "() => getComputedStyle(document.querySelector('header')).display"
    )
    assert "none" == hidden
    app.page.emulate_media(media="screen")
    app.page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")


def test_file_messages_match_the_registry(app: App) -> None:
    source = (ROOT / "web" / "wire.js").read_text()
    for code, text in re.findall(r'"(LW-E\d{4})":\s*"([^"]+)"', source):
        assert REGISTRY[code].message == text


def test_beforeunload_only_with_unsaved_changes(browser: Any, site: Any) -> None:
    context = browser.new_context()
    context.add_init_script(NO_FS_ACCESS)
    keeper = context.new_page()  # pumps Playwright's events while pages close
    try:
        for dirty in (False, True):
            page = context.new_page()
            page.goto(site.url)
            page.wait_for_selector(READY, state="attached", timeout=90_000)
            page.evaluate("() => linework.send({type: 'file-new'})")
            page.click("#canvas")  # a real gesture: Chromium asks only after one
            if dirty:
                page.evaluate(
                    "() => linework.send({type: 'editor', event: {type: 'action', name: 'add-shape', args: {kind: 'rectangle'}}})"
                )
                page.wait_for_selector("[data-role=title][data-dirty='1']")
            dialogs: list[str] = []
            page.on(
                "dialog", lambda d, seen=dialogs: (seen.append(d.type), d.dismiss())
            )
            page.close(run_before_unload=True)
            for _ in range(20):
                if dialogs or page.is_closed():
                    break
                keeper.wait_for_timeout(100)
            assert (["beforeunload"] if dirty else []) == dialogs
            assert page.is_closed() is not dirty
            if dirty:
                page.evaluate("() => linework.send({type: 'file-new'})")
                page.close(run_before_unload=True)
                for _ in range(20):
                    if page.is_closed():
                        break
                    keeper.wait_for_timeout(100)
                assert page.is_closed()  # saved or new: no question
    finally:
        context.close()


def test_recovery_download_after_the_runtime_dies(
    browser: Any, site: Any, tmp_path: Path
) -> None:
    context = browser.new_context(accept_downloads=True)
    context.add_init_script(NO_FS_ACCESS)
    try:
        app = App(context, site.url)
        app.boot()
        drawn = fresh_drawing(app)
        before = state(app)["recoveries"]
        add_shapes(app, "diamond")
        last = current(app)
        assert not same_doc(drawn, last)
        # The copy is refreshed when the page is idle after a change.
        for _ in range(100):
            if state(app)["recoveries"] > before:
                break
            app.page.wait_for_timeout(100)
        app.page.wait_for_timeout(1500)
        assert "LW-E0004" == app.page.evaluate("() => linework.debugCrash()")
        assert "LW-E0004" == error_code(app)
        button = app.page.locator("[data-action=download-recovery]")
        assert button.is_visible()
        with app.page.expect_download() as info:
            button.click()
        info.value.save_as(tmp_path / "rec.linework")
        assert same_doc(last, (tmp_path / "rec.linework").read_bytes())
        assert info.value.suggested_filename == "Untitled (recovered).linework"
        assert_p1(app)
    finally:
        context.close()


def assert_p1(app: App) -> None:
    stored = app.storage()
    origin = urlsplit(app.url).netloc
    foreign = [
        u
        for u in app.requests
        if not u.startswith(("data:", "blob:")) and urlsplit(u).netloc != origin
    ]
    assert {
        "localStorage": 0,
        "sessionStorage": 0,
        "cookie": "",
        "indexedDB": [],
        "caches": [],
        "opfs": [],
    } == stored
    assert [] == foreign
    state_ = app.context.storage_state()
    assert [] == state_["cookies"]


def test_p1_after_all_of_it(app: App) -> None:
    """Storage empty and only own-origin requests after saves, seals and exports (P1)."""
    assert_p1(app)
    assert [] == [p for p in app.problems() if "favicon" not in p[1]]


def test_a_script_s_file_open_is_painted_like_the_page_s_own(app: App) -> None:
    """docs/automation.md: `linework.send({type: "file-open", ...})` answers
    the "document replaced" reply, painted by the page like its own open:
    the canvas, the title and the outline show the new diagram."""
    app.dismiss_dialog()
    click(app, "new")
    discard_if_asked(app)
    wait_empty(app)
    data = base64.b64encode(
        json.dumps(document(text="ScriptedOpenMark")).encode()
    ).decode()
    revision = app.revision()

    reply = app.page.evaluate(
        "(data) => linework.send({type: 'file-open', name: 'Scripted.linework', data})",
        data,
    )

    assert reply["ok"] is True
    app.wait_shown(revision)
    wait_title(app, "Scripted")
    assert "ScriptedOpenMark" in (app.page.text_content("#canvas") or "")
    assert state(app)["dirty"] is False
