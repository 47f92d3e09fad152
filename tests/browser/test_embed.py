"""Embedding across origins (docs/architecture.md §5, promise P6), in headless Chromium.

Three loopback origins, each its own server and port:
- the app: ``dist/`` with ``frame-ancestors`` naming the two others (so the
  app's own origin check is what is tested, not only the CSP);
- the host: ``examples/embed.html`` and its script, under a strict CSP of its own;
- a third page that frames the app with the host's origin in the URL.
"""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest
from lw_helpers import READY, App

from linework.formats import png as pngfmt

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
FRAME_ELEMENTS = "#canvas [data-role=content] > g[data-id]"
THIRD_HTML = b"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>third</title><link rel="icon" href="data:,"></head><body><p>third</p></body></html>
"""


def origin_of(server: Any) -> str:
    return str(server.url).rstrip("/")


def host_csp(app_origin: str) -> str:
    return (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        f"frame-src {app_origin}; base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'none'"
    )


@pytest.fixture(scope="module")
def origins(build_module: Any, site: Any) -> Iterator[dict[str, Any]]:
    """Serve host, third page and app on three loopback ports."""
    build = build_module
    with (
        build.serving(EXAMPLES) as host,
        build.serving(EXAMPLES, extra={"/third.html": THIRD_HTML}) as third,
    ):
        ancestors = f"'self' {origin_of(host)} {origin_of(third)}"
        with build.serving(build.DIST, frame_ancestors=ancestors) as app:
            for server in (host, third):
                server.headers_all = {
                    **server.headers_all,
                    "Content-Security-Policy": host_csp(origin_of(app)),
                }
            yield {"app": app, "host": host, "third": third}


class Host:
    """The example host page with Linework framed in it."""

    def __init__(self, context: Any, origins: dict[str, Any]) -> None:
        self.app = origins["app"]
        self.page = context.new_page()
        self.console: list[tuple[str, str]] = []
        self.page.on("console", lambda m: self.console.append((m.type, m.text)))
        self.page.on("pageerror", lambda e: self.console.append(("pageerror", str(e))))
        self.page.goto(f"{origins['host'].url}embed.html?app={quote(self.app.url)}")
        self.frame = self.page.frame_locator('iframe[data-host="editor"]')
        self.frame.locator(READY).wait_for(state="attached", timeout=90_000)

    @property
    def app_frame(self) -> Any:
        return next(f for f in self.page.frames if f.url.startswith(self.app.url))

    def events(self) -> list[dict[str, Any]]:
        return self.page.evaluate("() => JSON.parse(JSON.stringify(host.events))")  # type: ignore[no-any-return]

    def wait_event(
        self, name: str, after: int = 0, timeout: float = 30
    ) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [e for e in self.events()[after:] if e.get("event") == name]
            if found:
                return found[0]
            self.page.wait_for_timeout(50)
        raise AssertionError(f"no {name} event; got {self.events()[after:]}")

    def send(self, message: dict[str, Any]) -> int:
        """Post a message from the host; return how many events came before it."""
        count = len(self.events())
        self.page.evaluate("(m) => host.send(m)", message)
        return count

    def post_raw(self, text: str) -> int:
        count = len(self.events())
        self.page.evaluate(
            "([t, o]) => document.querySelector('iframe').contentWindow.postMessage(t, o)",
            [text, origin_of(self.app)],
        )
        return count

    def bridge(self, message: dict[str, Any]) -> Any:
        return self.app_frame.evaluate("(m) => linework.send(m)", message)

    def document_text(self) -> str:
        reply = self.bridge({"type": "embed-export", "format": "linework"})
        assert reply["ok"], reply
        return str(reply["data"])

    def loaded(self, message: dict[str, Any]) -> dict[str, Any]:
        return self.wait_event("load", self.send({"action": "load", **message}))


@pytest.fixture(scope="module")
def host(browser: Any, origins: dict[str, Any]) -> Iterator[Host]:
    context = browser.new_context(viewport={"width": 1300, "height": 800})
    h = Host(context, origins)
    yield h
    context.close()


DRAWIO = (
    '<mxfile><diagram id="d" name="Page-1"><mxGraphModel><root>'
    '<mxCell id="0"/><mxCell id="1" parent="0"/>'
    '<mxCell id="a" value="Drawio box" vertex="1" parent="1">'
    '<mxGeometry x="20" y="20" width="120" height="60" as="geometry"/></mxCell>'
    "</root></mxGraphModel></diagram></mxfile>"
)
MERMAID = "flowchart LR\n  A[Mermaid start] --> B[Mermaid end]\n"


def test_init_then_host_loads_its_diagram(host: Host) -> None:
    """Linework says init (v1); the example host answers with a load (autosave on)."""
    events = host.events()
    assert {"event": "init", "version": 1} == events[0]
    load = host.wait_event("load")
    assert {"event": "load", "ok": True} == load
    host.frame.locator(FRAME_ELEMENTS).first.wait_for(state="attached")
    assert "Hello from the host" in host.document_text()
    assert "Host diagram" == host.frame.locator('[data-role="title"]').inner_text()


@pytest.mark.parametrize(
    ("data", "fmt", "text"),
    [(DRAWIO, "drawio", "Drawio box"), (MERMAID, None, "Mermaid start")],
)
def test_load_drawio_and_mermaid(
    host: Host, data: str, fmt: str | None, text: str
) -> None:
    message: dict[str, Any] = {"data": data}
    if fmt:
        message["format"] = fmt
    assert {"event": "load", "ok": True} == host.loaded(message)
    assert text in host.document_text()


def test_load_linework_and_edit_sends_change_and_autosave(host: Host) -> None:
    doc = json.dumps(
        {
            "format": "linework",
            "version": 1,
            "meta": {},
            "pages": [
                {
                    "id": "page:1",
                    "name": "P",
                    "layers": [{"id": "layer:1", "name": "L"}],
                    "elements": [],
                }
            ],
        }
    )
    assert host.loaded({"data": doc, "title": "Empty", "autosave": True})["ok"]
    host.send({"action": "configure", "autosaveDelay": 200})
    before = len(host.events())

    reply = host.bridge(
        {
            "type": "editor",
            "event": {
                "type": "action",
                "name": "add-shape",
                "args": {"kind": "rectangle", "x": 100, "y": 100},
            },
        }
    )
    assert reply["ok"], reply

    change = host.wait_event("change", before)
    autosave = host.wait_event("autosave", before)
    assert change == {"event": "change", "dirty": True}
    assert "linework" == autosave["format"]
    saved = json.loads(autosave["data"])
    assert 1 == len(saved["pages"][0]["elements"])
    assert "rectangle" == saved["pages"][0]["elements"][0]["kind"]


def test_save_button_and_ctrl_s_send_save(host: Host) -> None:
    before = len(host.events())
    host.frame.locator('[data-action="embed-save"]').click()
    save = host.wait_event("save", before)
    assert "linework" == save["format"]
    assert "linework" == json.loads(save["data"])["format"]
    # The example host answers a save with status modified: false.
    assert {"event": "change", "dirty": False} == host.wait_event("change", before + 1)

    before = len(host.events())
    host.frame.locator("#canvas").click(position={"x": 5, "y": 5})
    host.page.keyboard.press("Control+s")
    assert "linework" == host.wait_event("save", before)["format"]


def test_export_png_and_svg(host: Host) -> None:
    start = host.send({"action": "export", "format": "png"})
    png = host.wait_event("export", start)
    assert "png" == png["format"]
    assert png["data"].startswith("data:image/png;base64,")
    raw = base64.b64decode(png["data"].split(",", 1)[1])
    assert pngfmt.is_png(raw)
    assert b'"format":"linework"' in pngfmt.text_chunks(raw)["linework"]
    host.page.wait_for_selector('img[data-host="image"]:not([hidden])')

    start = host.send({"action": "export", "format": "svg"})
    svg = host.wait_event("export", start)
    assert svg["data"].startswith("<svg") and "linework:document" in svg["data"]

    for fmt, marker in (("drawio", "<mxfile"), ("linework", '"format":"linework"')):
        start = host.send({"action": "export", "format": fmt})
        assert marker in host.wait_event("export", start)["data"]


@pytest.mark.parametrize(
    "raw",
    [
        "not json",
        json.dumps({"action": "delete-everything"}),
        json.dumps(["load"]),
        json.dumps({"action": "load"}),
        json.dumps({"action": "load", "data": 5}),
        json.dumps({"action": "load", "data": "x", "format": "visio"}),
        json.dumps({"action": "load", "data": "x", "script": "alert(1)"}),
        json.dumps({"action": "export", "format": "pdf"}),
        json.dumps({"action": "status", "modified": "yes"}),
        json.dumps({"action": "configure", "autosaveDelay": 1}),
    ],
)
def test_bad_messages_get_an_error_and_change_nothing(host: Host, raw: str) -> None:
    before_doc = host.document_text()
    start = host.post_raw(raw)
    assert {"event": "error", "code": "LW-E0601"} == host.wait_event("error", start)
    assert before_doc == host.document_text()


def test_unreadable_load_answers_not_ok_and_keeps_the_diagram(host: Host) -> None:
    before_doc = host.document_text()
    bad = host.loaded({"data": "<mxfile><diagram>broken", "format": "drawio"})
    wrong = host.loaded({"data": MERMAID, "format": "drawio"})

    assert (False, False) == (bad["ok"], wrong["ok"])
    assert bad["error"].startswith("LW-E02") or bad["error"] == "LW-E0100"
    assert "LW-E0602" == wrong["error"]
    assert before_doc == host.document_text()
    status = host.frame.locator('[data-role="status"]')
    assert "LW-E0602" in status.inner_text()


def test_exit_reports_modified(host: Host) -> None:
    before = host.send({"action": "status", "modified": True})
    assert {"event": "change", "dirty": True} == host.wait_event("change", before)
    before = len(host.events())
    host.frame.locator('[data-action="embed-exit"]').click()
    assert {"event": "exit", "modified": True} == host.wait_event("exit", before)


def test_status_saved_clears_the_frames_own_unsaved_state(host: Host) -> None:
    """The host's status (after a Save, or sent on its own) drives the frame's
    title marker, beforeunload guard and status line, not only the core."""
    frame = host.app_frame
    title = "[data-role=title]"

    def dirty_attr() -> Any:
        return frame.get_attribute(title, "data-dirty")

    def page_dirty() -> bool:
        return bool(frame.evaluate("() => linework.files().dirty"))

    def wait(check: Any) -> None:
        for _ in range(100):
            if check():
                return
            host.page.wait_for_timeout(50)
        assert check()

    # An edit by the real mouse: the frame shows unsaved changes.
    before = len(host.events())
    host.frame.locator("[data-shape=star]").click()
    assert {"event": "change", "dirty": True} == host.wait_event("change", before)
    wait(lambda: dirty_attr() == "1" and page_dirty())
    assert frame.evaluate("() => document.title").startswith("• ")
    host.wait_event("autosave", before)  # the host's autosave is on
    count = len(json.loads(host.document_text())["pages"][0]["elements"])

    # Save: the example host stores it and answers status modified: false.
    before = len(host.events())
    host.frame.locator('[data-action="embed-save"]').click()
    assert {"event": "change", "dirty": False} == host.wait_event("change", before + 1)
    wait(lambda: dirty_attr() is None and not page_dirty())
    assert not frame.evaluate("() => document.title").startswith("•")
    status = frame.text_content("[data-role=status]") or ""
    assert f"{count} element" in status and "saved by the embedding page" in status

    # The host can say so on its own, either way.
    before = host.send({"action": "status", "modified": True})
    assert {"event": "change", "dirty": True} == host.wait_event("change", before)
    wait(lambda: dirty_attr() == "1" and page_dirty())
    before = host.send({"action": "status", "modified": False})
    assert {"event": "change", "dirty": False} == host.wait_event("change", before)
    wait(lambda: dirty_attr() is None and not page_dirty())
    before = len(host.events())
    host.frame.locator('[data-action="embed-exit"]').click()
    assert {"event": "exit", "modified": False} == host.wait_event("exit", before)


def test_sibling_frame_of_the_host_is_ignored(host: Host) -> None:
    """Same origin as the host, but not window.parent: nothing loads, nothing answers."""
    before_doc = host.document_text()
    host.page.evaluate(
        """() => new Promise((resolve) => {
             const f = document.createElement('iframe');
             f.name = 'sibling';
             f.addEventListener('load', resolve);
             document.body.append(f);
           })"""
    )
    sibling = next(f for f in host.page.frames if f.name == "sibling")
    start = len(host.events())
    load = json.dumps({"action": "load", "data": MERMAID})
    sibling.evaluate(
        """([text, origin]) => {
             const app = parent.document.querySelector('iframe[data-host=editor]');
             app.contentWindow.postMessage(text, origin);
             app.contentWindow.postMessage('{"action":"export","format":"linework"}', origin);
           }""",
        [load, origin_of(host.app)],
    )
    host.page.wait_for_timeout(1500)
    assert [] == host.events()[start:]
    assert before_doc == host.document_text()


def test_third_origin_cannot_load_or_read(
    browser: Any, origins: dict[str, Any]
) -> None:
    """A page on a third origin frames Linework naming the host's origin: ignored."""
    app, host_origin = origins["app"], origin_of(origins["host"])
    context = browser.new_context()
    page = context.new_page()
    page.goto(origins["third"].url + "third.html")
    src = f"{app.url}index.html?embed=1&origin={quote(host_origin, safe='')}"
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
    frame = page.frame_locator("iframe")
    frame.locator(READY).wait_for(state="attached", timeout=90_000)
    app_frame = next(f for f in page.frames if f.url.startswith(app.url))
    page.evaluate(
        """([o, data]) => {
             const w = document.querySelector('iframe').contentWindow;
             for (const target of [o, '*']) {
               w.postMessage(JSON.stringify({action: 'load', data}), target);
               w.postMessage(JSON.stringify({action: 'export', format: 'linework'}), target);
               w.postMessage('garbage', target);
             }
           }""",
        [origin_of(app), MERMAID],
    )
    page.wait_for_timeout(2000)

    assert [] == page.evaluate("() => window.got")
    assert 0 == app_frame.locator(FRAME_ELEMENTS).count()
    text = app_frame.evaluate(
        "() => linework.send({type: 'embed-export', format: 'linework'})"
    )
    assert "Mermaid" not in json.dumps(text)
    context.close()


@pytest.mark.parametrize(
    "origin",
    [
        None,
        "",
        "null",
        "*",
        "http://127.0.0.1:9/",
        "http://127.0.0.1:9/path",
        "HTTP://127.0.0.1:9",
        "javascript:alert(1)",
        "file:///etc",
        "http://user@127.0.0.1:9",
    ],
)
def test_bad_origin_refuses_and_says_why(
    browser: Any, origins: dict[str, Any], origin: str | None
) -> None:
    app = origins["app"]
    context = browser.new_context()
    page = context.new_page()
    page.goto(origins["third"].url + "third.html")
    query = "index.html?embed=1" + (
        "" if origin is None else f"&origin={quote(origin, safe='')}"
    )
    page.evaluate(
        """(src) => {
             window.got = [];
             window.addEventListener('message', (e) => window.got.push(String(e.data)));
             const f = document.createElement('iframe');
             f.src = src;
             document.body.append(f);
           }""",
        app.url + query,
    )
    frame = page.frame_locator("iframe")
    frame.locator('body[data-embed="refused"]').wait_for(
        state="attached", timeout=30_000
    )
    notice = frame.locator('[data-role="embed-refused"]').inner_text()
    frame.locator(READY).wait_for(state="attached", timeout=90_000)
    page.wait_for_timeout(300)

    assert "LW-E0600" in notice and "valid origin" in notice
    assert [] == page.evaluate("() => window.got")
    context.close()


def test_opened_window_is_not_a_parent(browser: Any, origins: dict[str, Any]) -> None:
    """Opened by window.open instead of framed: the protocol does not start."""
    app, host = origins["app"], origins["host"]
    context = browser.new_context()
    page = context.new_page()
    page.goto(origins["third"].url + "third.html")
    url = f"{app.url}index.html?embed=1&origin={quote(origin_of(origins['third']), safe='')}"
    with context.expect_page() as popup_info:
        page.evaluate(
            "(u) => { window.got = []; window.addEventListener('message', (e) => window.got.push(String(e.data))); window.w = window.open(u); }",
            url,
        )
    popup = popup_info.value
    popup.wait_for_selector(
        'body[data-embed="refused"]', state="attached", timeout=30_000
    )
    popup.wait_for_selector(READY, state="attached", timeout=90_000)
    page.evaluate(
        "([o, d]) => { try { window.w.postMessage(JSON.stringify({action: 'load', data: d}), o); } catch (e) {} }",
        [origin_of(app), MERMAID],
    )
    page.wait_for_timeout(1000)
    assert [] == page.evaluate("() => window.got")
    assert 0 == popup.locator(FRAME_ELEMENTS).count()
    assert host is not None
    context.close()


def test_host_page_is_clean_and_app_stores_nothing(host: Host) -> None:
    """No console errors or CSP reports on the host; the app stores nothing (P1)."""
    assert [] == App.problems_of(host.console)
    stored = host.app_frame.evaluate(
        """async () => ({
             local: localStorage.length, session: sessionStorage.length,
             cookie: document.cookie, idb: (await indexedDB.databases()).length,
             caches: (await caches.keys()).length })"""
    )
    assert {"local": 0, "session": 0, "cookie": "", "idb": 0, "caches": 0} == stored
    assert urlsplit(host.app.url).port != urlsplit(host.page.url).port


def test_read_only_embed(browser: Any, origins: dict[str, Any]) -> None:
    """&mode=view: the host loads and exports, nobody edits, there is no Save."""
    app, third = origins["app"], origins["third"]
    context = browser.new_context()
    page = context.new_page()
    page.goto(third.url + "third.html")
    src = (
        f"{app.url}index.html?embed=1&mode=view"
        f"&origin={quote(origin_of(third), safe='')}"
    )
    page.evaluate(
        """(src) => {
             window.got = [];
             window.addEventListener('message', (e) => window.got.push(JSON.parse(e.data)));
             const f = document.createElement('iframe');
             f.src = src;
             document.body.append(f);
           }""",
        src,
    )

    def wait_for(name: str) -> dict[str, Any]:
        for _ in range(600):
            got = [m for m in page.evaluate("() => window.got") if m["event"] == name]
            if got:
                return got[-1]  # type: ignore[no-any-return]
            page.wait_for_timeout(50)
        raise AssertionError(name)

    assert 1 == wait_for("init")["version"]
    page.evaluate(
        """([o, d]) => document.querySelector('iframe').contentWindow
             .postMessage(JSON.stringify({action: 'load', data: d}), o)""",
        [origin_of(app), MERMAID],
    )
    assert wait_for("load")["ok"]
    app_frame = next(f for f in page.frames if f.url.startswith(app.url))
    refused = app_frame.evaluate(
        """() => linework.send({type: 'editor',
             event: {type: 'action', name: 'add-shape', args: {kind: 'rectangle', x: 9, y: 9}}})"""
    )
    frame = page.frame_locator("iframe")

    assert "LW-E0502" == refused["code"]
    assert 0 == frame.locator('[data-action="embed-save"]').count()
    assert frame.locator('[data-action="embed-exit"]').is_visible()
    assert "view" == frame.locator("body").get_attribute("data-mode")
    context.close()
