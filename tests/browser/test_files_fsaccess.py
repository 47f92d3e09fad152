"""Save through the File System Access API: back to the same file, failures, autosave.

Chromium's real pickers are native windows a test cannot drive, so an init
script replaces ``showSaveFilePicker``/``showOpenFilePicker`` with in-memory
fakes that keep the written bytes in ``window.__fs`` (page memory only; the P1
check at the end still finds every storage API empty).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from lw_helpers import App
from test_files import (
    add_shapes,
    assert_p1,
    click,
    current,
    discard_if_asked,
    enter_passphrase,
    error_code,
    fresh_drawing,
    same_doc,
    state,
    wait_same,
    wait_title,
)

from linework.formats import native

FAKE_FS = """
(() => {
  const files = new Map();
  const fs = { files, failWrites: false, pickerCalls: 0, writes: 0, nextName: null, openName: null };
  window.__fs = fs;
  class Writable {
    constructor(handle) { this.handle = handle; this.parts = []; }
    async write(data) {
      if (fs.failWrites) throw new DOMException("The disk is full.", "QuotaExceededError");
      const bytes = data instanceof Blob ? new Uint8Array(await data.arrayBuffer()) : new Uint8Array(data);
      this.parts.push(bytes);
    }
    async close() {
      const out = new Uint8Array(this.parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of this.parts) { out.set(p, at); at += p.length; }
      files.set(this.handle.name, out);
      fs.writes += 1;
    }
    async abort() {}
  }
  class Handle {
    constructor(name) { this.name = name; this.kind = "file"; }
    async createWritable() { return new Writable(this); }
    async getFile() { return new File([files.get(this.name) ?? new Uint8Array()], this.name); }
  }
  window.showSaveFilePicker = async ({ suggestedName }) => {
    fs.pickerCalls += 1;
    return new Handle(fs.nextName ?? suggestedName);
  };
  window.showOpenFilePicker = async () => [new Handle(fs.openName)];
  fs.text = (name) => new TextDecoder().decode(files.get(name) ?? new Uint8Array());
  fs.put = (name, text) => files.set(name, new TextEncoder().encode(text));
})();
"""


@pytest.fixture(scope="module")
def app(browser: Any, site: Any) -> Iterator[App]:
    """The app with a fake File System Access API."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.add_init_script(FAKE_FS)
    application = App(context, site.url)
    application.boot()
    yield application
    context.close()


def fs(app: App, expr: str) -> Any:
    return app.page.evaluate(f"() => window.__fs.{expr}")


def written(app: App, name: str) -> bytes:
    return app.page.evaluate("(n) => window.__fs.text(n)", name).encode("utf-8")  # type: ignore[no-any-return]


def wait_writes(app: App, count: int) -> None:
    for _ in range(100):
        if fs(app, "writes") >= count:
            return
        app.page.wait_for_timeout(100)
    raise AssertionError(f"expected {count} writes, saw {fs(app, 'writes')}")


def test_save_asks_once_then_writes_back_to_the_same_file(app: App) -> None:
    app.page.evaluate("() => { window.__fs.nextName = 'plan.linework'; }")
    drawn = fresh_drawing(app)
    calls, writes = fs(app, "pickerCalls"), fs(app, "writes")
    click(app, "save")
    wait_writes(app, writes + 1)
    wait_title(app, "plan")
    assert same_doc(drawn, written(app, "plan.linework"))
    assert "plan.linework" == state(app)["handle"]

    add_shapes(app, "diamond")
    wait_title(app, "plan", dirty=True)
    app.page.keyboard.press("Control+s")
    wait_writes(app, writes + 2)
    wait_title(app, "plan")
    assert calls + 1 == fs(app, "pickerCalls")  # no second question
    assert same_doc(current(app), written(app, "plan.linework"))


def test_save_as_always_asks(app: App) -> None:
    fresh_drawing(app)
    app.page.evaluate("() => { window.__fs.nextName = 'first.linework'; }")
    calls, writes = fs(app, "pickerCalls"), fs(app, "writes")
    click(app, "save")
    wait_writes(app, writes + 1)
    app.page.evaluate("() => { window.__fs.nextName = 'second.linework'; }")
    click(app, "save-as")
    wait_writes(app, writes + 2)
    wait_title(app, "second")
    assert calls + 2 == fs(app, "pickerCalls")
    assert "second.linework" == state(app)["handle"]


def test_a_failed_write_leaves_the_document_unsaved(app: App) -> None:
    drawn = fresh_drawing(app)
    app.page.evaluate(
        "() => { window.__fs.nextName = 'full.linework'; window.__fs.failWrites = true; }"
    )
    click(app, "save")
    assert "LW-E0400" == error_code(app)
    assert "disk is full" in (app.page.text_content("[data-role=error-detail]") or "")
    app.dismiss_dialog()
    assert state(app)["dirty"] is True
    assert "1" == app.page.get_attribute("[data-role=title]", "data-dirty")
    assert same_doc(drawn, current(app))

    app.page.evaluate("() => { window.__fs.failWrites = false; }")
    writes = fs(app, "writes")
    click(app, "save")
    wait_writes(app, writes + 1)
    wait_title(app, "full")
    assert same_doc(drawn, written(app, "full.linework"))


def test_open_keeps_the_handle_and_save_writes_back(app: App) -> None:
    source = fresh_drawing(app)
    app.page.evaluate(
        "(text) => { window.__fs.put('mine.linework', text); window.__fs.openName = 'mine.linework'; }",
        source.decode("utf-8"),
    )
    click(app, "open")
    discard_if_asked(app)
    wait_title(app, "mine")
    wait_same(app, source)
    add_shapes(app, "ellipse")
    calls, writes = fs(app, "pickerCalls"), fs(app, "writes")
    click(app, "save")
    wait_writes(app, writes + 1)
    assert calls == fs(app, "pickerCalls")
    assert same_doc(current(app), written(app, "mine.linework"))


def test_an_imported_file_is_never_overwritten(app: App) -> None:
    mermaid = "flowchart LR\n  A[Start] --> B[End]\n"
    app.page.evaluate(
        "(text) => { window.__fs.put('flow.mmd', text); window.__fs.openName = 'flow.mmd'; window.__fs.nextName = null; }",
        mermaid,
    )
    app.dismiss_dialog()
    click(app, "open")
    discard_if_asked(app)
    wait_title(app, "flow")
    assert state(app)["native"] is False
    calls, writes = fs(app, "pickerCalls"), fs(app, "writes")
    click(app, "save")
    wait_writes(app, writes + 1)
    assert calls + 1 == fs(app, "pickerCalls")
    assert mermaid == written(app, "flow.mmd").decode()
    assert native.decode(written(app, "flow.linework"))


def test_autosave_writes_a_moment_after_a_change(app: App) -> None:
    app.page.evaluate("() => { window.__fs.nextName = 'auto.linework'; }")
    fresh_drawing(app)
    writes = fs(app, "writes")
    click(app, "save")
    wait_writes(app, writes + 1)
    assert app.page.locator("[data-role=autosave]").is_visible()
    app.page.check("[data-role=autosave-toggle]")
    add_shapes(app, "hexagon")
    wait_writes(app, writes + 2)
    wait_title(app, "auto")
    assert same_doc(current(app), written(app, "auto.linework"))
    app.page.uncheck("[data-role=autosave-toggle]")


def test_sealed_save_stays_sealed_on_the_next_save(app: App) -> None:
    app.page.evaluate("() => { window.__fs.nextName = 'vault.linework'; }")
    fresh_drawing(app)
    writes = fs(app, "writes")
    click(app, "save-sealed")
    enter_passphrase(app, "a long enough passphrase", "seal")
    wait_writes(app, writes + 1)
    first = written(app, "vault.linework")
    assert first.startswith(b'{"format":"linework-sealed"')
    add_shapes(app, "rectangle")
    click(app, "save")
    wait_writes(app, writes + 2)
    second = written(app, "vault.linework")
    assert second.startswith(b'{"format":"linework-sealed"') and second != first


def test_p1_after_all_of_it(app: App) -> None:
    assert_p1(app)
