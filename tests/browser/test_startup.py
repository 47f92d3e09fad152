"""Start-up (issue 13): the memory snapshot, its fallback, and a final first paint."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
import tempfile
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lw_helpers import App

from devtools import snapshot as snapshot_tool
from devtools.assets import PYODIDE_FILES

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"

# Run at the document's first rendering opportunity (the first frame): what
# the first paint shows, and where. rAF callbacks run right before painting.
FIRST_FRAME_JS = """
window.__firstFrame = null;
requestAnimationFrame(() => { window.__firstFrame = window.__layout(); });
window.__layout = () => {
  const rects = {};
  for (const selector of window.__SELECTORS) {
    document.querySelectorAll(selector).forEach((el, i) => {
      if (el.closest("[hidden]") || el.getClientRects().length === 0) return;
      const r = el.getBoundingClientRect();
      rects[`${selector} #${i}`] = [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 10) / 10);
    });
  }
  const count = (s) => document.querySelectorAll(s).length;
  return {
    rects,
    shapes: count("[data-role=palette] button.shape"),
    thumbnails: count("[data-role=palette] button.shape > svg g"),
    tools: count("[data-role=edit-bar] button[data-action]"),
    tabs: count("[data-role=pages] [role=tab]"),
    layers: count("[data-role=layers] li"),
    zoom: document.querySelector("[data-role=zoom]").textContent,
    viewport: document.querySelector("[data-role=viewport]").getAttribute("transform"),
    pageName: document.querySelector("[data-prop=page-name]")?.value ?? null,
    gridSize: document.querySelector("[data-prop=grid-size]")?.value ?? null,
    inert: [...document.querySelectorAll("[data-needs-core]")].map((el) => el.inert),
    ready: document.body.dataset.ready ?? null,
  };
};
"""
SELECTORS = [
    ".toolbar",
    ".toolbar button",
    "[data-role=edit-bar]",
    "[data-role=edit-bar] button",
    "[data-role=palette]",
    "[data-role=palette] button.shape",
    "[data-role=palette] summary",
    ".stage",
    ".side-panel",
    "[data-role=properties] section",
    "[data-role=properties] input",
    "[data-role=layers] li",
    "[data-role=page-bar]",
    "[data-role=pages] [role=tab]",
    "[data-role=zoom]",
    "[data-role=status]",
]


def _snapshot_record() -> dict[str, Any]:
    manifest = json.loads((DIST / "manifest.json").read_text())
    record = manifest.get("snapshot")
    if record is None:
        pytest.skip("dist/ was built without Node: no snapshot")
    return {**record, "manifest": manifest}


def test_snapshot_matches_the_wheel_and_runtime(site: Any, build_module: Any) -> None:
    """The snapshot dist/ serves was made from exactly the wheel and runtime it serves."""
    record = _snapshot_record()
    manifest = record["manifest"]
    lock = json.loads((DIST / manifest["lock"]).read_text())
    wheel = DIST / "packages" / lock["packages"]["linework"]["file_name"]
    runtime = [
        (DIST / manifest["runtime"] / name).read_bytes() for name in PYODIDE_FILES
    ]
    runtime_hash = hashlib.sha256(
        b"".join(hashlib.sha256(data).hexdigest().encode() for data in runtime)
    ).hexdigest()
    snapshot = (DIST / record["file"]).read_bytes()

    assert hashlib.sha256(wheel.read_bytes()).hexdigest() == record["wheel_sha256"]
    assert runtime_hash == record["runtime_hash"]
    assert manifest["pyodide"] == record["pyodide"]
    assert snapshot_tool.tool_hash() == record["tool"]
    assert manifest["version"] == record["core_version"]
    assert record["modules"] > 50
    # Content-hashed name, and the page's config points the worker at it.
    assert (
        build_module.hashed_name("linework.bin", snapshot) == Path(record["file"]).name
    )
    config = next((DIST / "assets").glob("config.*.js")).read_text()
    assert f'"snapshotUrl": "../{record["file"]}"' in config
    # Built from this wheel: the cache key is the one a rebuild would look up.
    cache = ROOT / "build" / "cache" / "snapshot"
    key = snapshot_tool.key(record["wheel_sha256"], runtime_hash)
    cached = cache / f"snapshot-{key}.bin"
    if cached.exists():
        assert cached.read_bytes() == snapshot


def test_snapshot_is_served_precompressed(site: Any) -> None:
    """With Accept-Encoding: gzip the server sends the .gz twin, else the file."""
    record = _snapshot_record()
    raw = (DIST / record["file"]).read_bytes()
    url = site.url + record["file"]

    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip, br"})
    with urllib.request.urlopen(request) as response:
        body, headers = response.read(), response.headers
    assert "gzip" == headers["Content-Encoding"]
    assert "Accept-Encoding" == headers["Vary"]
    assert "immutable" in headers["Cache-Control"]
    assert len(body) < len(raw) / 3
    assert raw == gzip.decompress(body)

    with urllib.request.urlopen(urllib.request.Request(url)) as response:
        assert response.headers["Content-Encoding"] is None
        assert raw == response.read()
    headers_file = (DIST / "_headers").read_text()
    assert "Content-Encoding: gzip" in headers_file
    assert record["file"] + ".gz" in record["manifest"]["precompressed"]


def test_first_paint_is_the_final_layout(fresh_page: App) -> None:
    """At the first paint the palette holds its shapes and the toolbar its buttons;
    nothing moves, and the zoom does not change, between first paint and ready."""
    app = fresh_page
    app.page.add_init_script(
        f"window.__SELECTORS = {json.dumps(SELECTORS)};\n{FIRST_FRAME_JS}"
    )
    app.goto()
    app.page.wait_for_selector("body[data-editor]", state="attached", timeout=90_000)
    first = app.page.evaluate("window.__firstFrame")
    ready = app.page.evaluate("window.__layout()")

    assert first is not None
    assert first["ready"] is None  # painted before the core was ready
    assert first["shapes"] >= 30 and first["shapes"] == ready["shapes"]
    assert first["thumbnails"] >= first["shapes"]
    assert first["tools"] >= 15 and first["tools"] == ready["tools"]
    assert 1 == first["tabs"] == ready["tabs"]
    assert 1 == first["layers"] == ready["layers"]
    assert "Page 1" == first["pageName"] == ready["pageName"]
    assert first["gridSize"] == ready["gridSize"] == "10"
    assert first["zoom"] == ready["zoom"]
    assert first["viewport"] == ready["viewport"]
    # Controls that need the core are inert (and dimmed) until it is ready.
    assert all(first["inert"]) and len(first["inert"]) >= 5
    assert not any(ready["inert"])
    assert first["rects"].keys() == ready["rects"].keys()
    moved = {
        key: (first["rects"][key], ready["rects"][key])
        for key in first["rects"]
        if first["rects"][key] != ready["rects"][key]
    }
    assert {} == moved
    assert [] == app.problems()


def test_first_paint_data_is_what_the_core_answers(app: App, build_module: Any) -> None:
    """The build's palette and first page are the core's own replies in the browser."""
    data = build_module.tool("first_paint").generate(ROOT / "src")
    source = next((DIST / "assets").glob("first-paint.*.js")).read_text()
    literal = re.search(r"JSON\.parse\((\".*\")\)\);", source)
    assert literal is not None
    assert data == json.loads(json.loads(literal.group(1)))

    assert data["palette"]["kinds"] == app.send({"type": "palette"})["kinds"]
    # The page the editor shows after ready is the one painted first.
    assert data["new"]["ui"] == app.page.evaluate("linework.editor.ui()")


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


@pytest.fixture
def dist_copy() -> Iterator[Path]:
    """A copy of dist/ (hard links where it can) that a test may change."""
    (ROOT / "build").mkdir(exist_ok=True)
    parent = Path(tempfile.mkdtemp(prefix="dist-copy-", dir=ROOT / "build"))
    copy = parent / "dist"
    shutil.copytree(DIST, copy, copy_function=_link_or_copy)
    try:
        yield copy
    finally:
        shutil.rmtree(parent, ignore_errors=True)


@pytest.mark.parametrize("damage", ["removed", "refused"])
def test_boot_without_a_usable_snapshot_still_reaches_ready(
    browser: Any, build_module: Any, dist_copy: Path, damage: str
) -> None:
    """Without the snapshot (404) or with one Pyodide refuses, the plain boot runs."""
    record = _snapshot_record()
    for path in (dist_copy / record["file"], dist_copy / (record["file"] + ".gz")):
        path.unlink()
        if damage == "refused":
            # Not a memory image of this runtime: too small to restore.
            path.write_bytes(
                b"not a snapshot" if path.suffix == ".bin" else gzip.compress(b"x")
            )
    with build_module.serving(dist_copy) as server:
        context = browser.new_context(viewport={"width": 1200, "height": 800})
        try:
            app = App(context, server.url)
            app.boot(timeout_ms=120_000)

            assert "plain" == app.page.get_attribute("body", "data-boot")
            assert ["done", "done", "done", "active"] == app.page.eval_on_selector_all(
                "[data-stage]", "els => els.map(e => e.dataset.state)"
            )
            assert app.page.get_attribute("body", "data-error") is None
            reply = app.send({"type": "version"})
            assert reply["ok"] is True and reply["python"].startswith("3.14")
            app.page.wait_for_selector(
                "[data-role=palette][data-loaded]", state="attached"
            )
            assert app.page.locator("[data-role=palette] button.shape").count() >= 30
            assert "/" + record["file"] in server.requests
            # A missing snapshot is a 404 in the console; nothing else is wrong.
            assert [] == [p for p in app.problems() if "404" not in p[1]]
        finally:
            context.close()


def test_app_boots_from_the_snapshot(fresh_page: App) -> None:
    """With the snapshot served, the worker restores it instead of starting Python."""
    app = fresh_page
    app.boot()

    assert "snapshot" == app.page.get_attribute("body", "data-boot")
    reply = app.send({"type": "version"})
    assert reply["ok"] is True and reply["python"].startswith("3.14")
    # The restored core lays out text and renders (its metrics table and
    # modules are in the snapshot, not read from the wheel's files).
    app.page.evaluate(
        "linework.editor.action('add-text', {x: 200, y: 150, text: 'Hello snapshot'})"
    )
    app.page.evaluate("linework.editor.settled()")
    text = app.page.text_content("#canvas [data-role=content]") or ""
    assert "Hello snapshot" in text
    svg = app.send({"type": "test.render"})
    assert svg["ok"] is True and len(svg["elements"]) == 1
    assert [] == app.problems()


def test_worker_that_fails_before_the_page_listens_is_reported(
    browser: Any, build_module: Any, dist_copy: Path
) -> None:
    """web/boot.js starts the worker before main.js listens: an early failure
    (here its script is missing) still reaches the page's error screen."""
    for path in (dist_copy / "assets").glob("worker.*"):
        path.unlink()
    with build_module.serving(dist_copy) as server:
        context = browser.new_context()
        try:
            app = App(context, server.url)
            app.goto()
            app.page.wait_for_selector(
                "body[data-error]", state="attached", timeout=60_000
            )

            assert "LW-E0002" == app.page.get_attribute("body", "data-error")
            assert app.page.locator("[data-role=boot-error]").is_visible()
            assert app.page.get_attribute("body", "data-ready") is None
        finally:
            context.close()
