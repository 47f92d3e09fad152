"""Promise P2: only anonymous error codes leave the browser.

A diagram full of marker strings is open (in its text, page name, file name and
passphrase); errors of several kinds are shown; every request the page and its
worker make is recorded with its body. Reports must be exactly
``{"code", "version", "context"}`` with allowed values, each code once, and no
request may carry a marker, a file name or a stack.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from lw_helpers import READY, App, document, write_document

from linework.errors import CONTEXTS, REGISTRY
from linework.seal import seal
from linework.seal.native import NativePrimitives

MARKER = "Zq7xMARKER"
ERROR_DIALOG = "[data-role=error-dialog][open]"
PASSPHRASE_DIALOG = "dialog[open][data-role=passphrase]"


class Recorder:
    """Every request of a browser context (page and worker): method, URL, body."""

    def __init__(self, context: Any) -> None:
        self.seen: list[tuple[str, str, str]] = []
        context.on("request", self._record)

    def _record(self, request: Any) -> None:
        body = request.post_data or ""
        self.seen.append((request.method, request.url, body))

    def reports(self) -> list[dict[str, Any]]:
        return [
            json.loads(body)
            for method, url, body in self.seen
            if method == "POST" and urlsplit(url).path.endswith("/api/error")
        ]


@pytest.fixture(scope="module")
def watched(browser: Any, site: Any) -> Iterator[tuple[App, Recorder]]:
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    recorder = Recorder(context)
    app = App(context, site.url)
    app.boot()
    yield app, recorder
    context.close()


def shown_error(app: App) -> tuple[str, str]:
    app.page.wait_for_selector(ERROR_DIALOG, timeout=30_000)
    code = app.page.text_content("[data-role=error-code]") or ""
    detail = app.page.text_content("[data-role=error-detail]") or ""
    return code, detail


def dismiss(app: App) -> None:
    app.page.click("[data-action=dismiss]")
    app.page.wait_for_selector(ERROR_DIALOG, state="detached", timeout=10_000)


def open_path(app: App, path: Path) -> None:
    app.page.set_input_files("input[type=file][data-role=open]", str(path))


def settle(recorder: Recorder, count: int, timeout: float = 10) -> None:
    """Wait until at least ``count`` reports went out, then a little longer."""
    deadline = time.monotonic() + timeout
    while len(recorder.reports()) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)


def marker_document() -> dict[str, Any]:
    doc = document(pages=2, text=f"{MARKER} secret plan")
    doc["pages"][0]["name"] = f"{MARKER} page"
    doc["meta"] = {"title": f"{MARKER} title"}
    return doc


def test_errors_report_only_codes(
    watched: tuple[App, Recorder], site: Any, tmp_path: Path
) -> None:
    app, recorder = watched
    before_counts = dict(site.errors.counts)
    open_path(
        app, write_document(tmp_path / f"{MARKER}-plan.linework", marker_document())
    )
    app.page.wait_for_selector(f"[data-role=title]:has-text('{MARKER}-plan')")
    app.page.wait_for_selector("#canvas [data-role=content] > g[data-id]")

    # 1. A bad import.
    bad = tmp_path / f"{MARKER}-broken.drawio"
    bad.write_text(f"<mxfile><diagram>{MARKER} <<<</diagram>", encoding="utf-8")
    open_path(app, bad)
    import_code, _ = shown_error(app)
    dismiss(app)

    # 2. A sealed file and a wrong passphrase.
    sealed = tmp_path / f"{MARKER}-secret.linework"
    plain = json.dumps(marker_document()).encode()
    sealed.write_bytes(
        seal(plain, f"{MARKER}-right", NativePrimitives(), iterations=100_000)
    )
    open_path(app, sealed)
    app.page.wait_for_selector(PASSPHRASE_DIALOG, timeout=30_000)
    field = f"{PASSPHRASE_DIALOG} input[data-field=passphrase]"
    app.page.fill(field, f"{MARKER}-wrong")
    app.page.press(field, "Enter")
    seal_code, _ = shown_error(app)
    dismiss(app)

    # 3. An internal exception whose text carries the marker.
    app.page.evaluate("(t) => linework.debugFail(t)", f"{MARKER} internal")
    internal_code, internal_detail = shown_error(app)
    dismiss(app)

    # 4. The same bad import again: shown again, not reported again.
    open_path(app, bad)
    assert import_code == shown_error(app)[0]
    dismiss(app)

    settle(recorder, 3)
    reports = recorder.reports()

    assert import_code.startswith("LW-E02")
    assert "LW-E0300" == seal_code
    assert "LW-E0001" == internal_code and MARKER in internal_detail
    assert [import_code, seal_code, internal_code] == [r["code"] for r in reports]
    for report in reports:
        assert ["code", "context", "version"] == sorted(report)
        assert re.fullmatch(r"LW-E\d{4}", report["code"])
        assert report["code"] in REGISTRY
        assert report["context"] in CONTEXTS
        assert app.page.evaluate("() => linework.version") == report["version"]
    for method, url, body in recorder.seen:
        for text in (url, body):
            assert MARKER not in text, (method, url)
            assert ".linework" not in text and ".drawio" not in text
            assert "Traceback" not in text and "Error" not in text
        if body:
            assert urlsplit(url).path.endswith("/api/error"), url
            assert len(body) < 100, body
    # The reference endpoint counted exactly these, and keeps nothing else.
    for code in {import_code, seal_code, internal_code}:
        assert site.errors.counts[code] == before_counts.get(code, 0) + 1


def test_user_can_switch_reports_off_for_the_session(
    watched: tuple[App, Recorder], tmp_path: Path
) -> None:
    app, recorder = watched
    junk = tmp_path / f"{MARKER}.txt"
    junk.write_text(f"{MARKER} is not a diagram", encoding="utf-8")
    open_path(app, junk)
    assert "LW-E0100" == shown_error(app)[0]
    switch = "[data-role=error-dialog] input[data-role=report-errors]"
    assert app.page.is_visible(switch) and app.page.is_checked(switch)
    settle(recorder, 4)
    count = len(recorder.reports())
    app.page.uncheck(switch)
    dismiss(app)

    big = tmp_path / "deep.linework"
    big.write_text(
        '{"format":"linework","version":1,"pages":' + "[" * 200 + "]" * 200 + "}"
    )
    open_path(app, big)
    code = shown_error(app)[0]
    dismiss(app)
    time.sleep(1)

    assert code.startswith("LW-E01")
    assert count == len(recorder.reports())
    # Back on, a new code is reported again (and the switch is in memory only).
    open_path(app, junk)
    shown_error(app)
    app.page.check(switch)
    dismiss(app)
    assert app.storage()["localStorage"] == 0


def test_nothing_stored_and_every_request_is_own_origin(
    watched: tuple[App, Recorder],
) -> None:
    app, recorder = watched
    origin = urlsplit(app.url).netloc
    foreign = [
        url
        for _, url, _ in recorder.seen
        if not url.startswith(("data:", "blob:")) and urlsplit(url).netloc != origin
    ]
    stored = app.storage()
    assert [] == foreign
    assert {
        "localStorage": 0,
        "sessionStorage": 0,
        "cookie": "",
        "indexedDB": [],
        "caches": [],
        "opfs": [],
    } == stored
    assert app.page.query_selector(READY) is not None
