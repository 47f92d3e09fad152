"""Start-up: progress bar with stages, then data-ready; the error screen; headers."""

from __future__ import annotations

import urllib.request
from typing import Any

from lw_helpers import READY, App

STAGES = ["download", "compile", "start", "core"]


def test_progress_bar_then_ready_without_console_errors(fresh_page: App) -> None:
    """The chrome and progress bar show at once; the stages run; then data-ready."""
    app = fresh_page
    response = app.goto()

    assert app.page.locator("[data-role=progress]").is_visible()
    assert app.page.locator("[data-action=open]").is_visible()
    assert STAGES == app.page.eval_on_selector_all(
        "[data-stage]", "els => els.map(e => e.dataset.stage)"
    )
    app.page.wait_for_selector(READY, state="attached", timeout=90_000)

    assert "1" == app.page.get_attribute("body", "data-ready")
    assert app.page.locator("[data-role=progress]").is_hidden()
    assert ["done", "done", "done", "active"] == app.page.eval_on_selector_all(
        "[data-stage]", "els => els.map(e => e.dataset.state)"
    )
    assert app.page.get_attribute("body", "data-error") is None
    assert response is not None and 200 == response.status
    assert [] == app.problems()


def test_core_runs_python_314_in_a_module_worker(fresh_page: App) -> None:
    """The core answers from Pyodide's CPython 3.14 in a worker, not the page."""
    app = fresh_page
    app.boot()

    reply = app.send({"type": "version"})

    assert reply["ok"] is True
    assert reply["python"].startswith("3.14")
    assert 1 == len(app.page.workers)
    assert [] == app.problems()


def test_response_headers(site: Any) -> None:
    """Every response carries the strict CSP and the other security headers."""
    checks = {
        "": ("text/html; charset=utf-8", "no-cache"),
        "favicon.svg": ("image/svg+xml", "no-cache"),
    }
    manifest = urllib.request.urlopen(site.url + "manifest.json").read()
    import json

    info = json.loads(manifest)
    checks[info["entry"]] = ("text/javascript; charset=utf-8", "immutable")
    checks[info["runtime"] + "pyodide.asm.wasm"] = ("application/wasm", "immutable")
    checks[info["lock"]] = ("application/json", "immutable")

    for path, (content_type, cache) in checks.items():
        with urllib.request.urlopen(site.url + path) as response:
            headers = response.headers
        csp = headers["Content-Security-Policy"]
        assert content_type == headers["Content-Type"], path
        assert cache in headers["Cache-Control"], path
        assert "default-src 'none'" in csp
        assert "script-src 'self' 'wasm-unsafe-eval';" in csp
        assert "require-trusted-types-for 'script'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval'" not in csp.replace(
            "wasm-unsafe-eval'", ""
        )
        assert "frame-ancestors 'self'" in csp
        assert "nosniff" == headers["X-Content-Type-Options"]
        assert "no-referrer" == headers["Referrer-Policy"]
        assert "camera=()" in headers["Permissions-Policy"]
        assert "microphone=()" in headers["Permissions-Policy"]
        assert "geolocation=()" in headers["Permissions-Policy"]


def test_boot_failure_shows_error_screen(
    browser: Any, site: Any, build_module: Any
) -> None:
    """If the runtime cannot start (here: the CSP forbids wasm), the page says so with a code."""
    headers = dict(site.headers_all)
    headers["Content-Security-Policy"] = headers["Content-Security-Policy"].replace(
        " 'wasm-unsafe-eval'", ""
    )
    with build_module.serving(build_module.DIST) as broken:
        broken.headers_all = headers
        context = browser.new_context()
        app = App(context, broken.url)
        app.goto("?boot-timeout=15000")
        app.page.wait_for_selector("body[data-error]", state="attached", timeout=30_000)

        code = app.page.get_attribute("body", "data-error")
        assert code in ("LW-E0002", "LW-E0003")
        assert app.page.locator("[data-role=boot-error]").is_visible()
        assert code == app.page.text_content("[data-role=boot-error-code]")
        assert app.page.get_attribute("body", "data-ready") is None
        app.page.wait_for_timeout(300)
        context.close()
        # The anonymous report reached the reference endpoint: a count, nothing else.
        assert {code: 1} == dict(broken.errors.counts)


def test_boot_timeout_shows_error_screen(browser: Any, site: Any) -> None:
    """A start-up that hangs is cut off by the page's own clock (LW-E0003)."""
    context = browser.new_context()
    app = App(context, site.url)
    app.goto("?boot-timeout=1")
    app.page.wait_for_selector("body[data-error]", state="attached", timeout=30_000)

    assert "LW-E0003" == app.page.get_attribute("body", "data-error")
    assert app.page.locator("[data-role=boot-error]").is_visible()
    context.close()
