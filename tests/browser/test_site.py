"""The built site and its server, checked without a browser."""

from __future__ import annotations

import gzip
import json
import re
import urllib.error
import urllib.request
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"


def post(site: Any, body: bytes, path: str = "api/error") -> int:
    request = urllib.request.Request(
        site.url + path, data=body, headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def test_error_endpoint_counts_valid_reports_only(site: Any) -> None:
    """POST /api/error takes exactly {code, version, context} and keeps only a count."""
    before = dict(site.errors.counts)
    good = {"code": "LW-E0101", "version": "0.1.0", "context": "open"}

    assert 204 == post(site, json.dumps(good).encode())
    assert 400 == post(site, json.dumps({**good, "message": "secret"}).encode())
    assert 400 == post(site, json.dumps({**good, "code": "secret"}).encode())
    assert 400 == post(site, json.dumps({**good, "context": "diagram"}).encode())
    assert 400 == post(site, b"not json")
    assert 405 == post(site, b"{}", path="index.html")
    assert before.get("LW-E0101", 0) + 1 == site.errors.counts["LW-E0101"]


def test_index_has_integrity_on_every_script_and_style(site: Any) -> None:
    """Every script, module preload and stylesheet in index.html carries SRI."""
    html = (DIST / "index.html").read_text()
    tags = re.findall(r"<(?:script|link)\b[^>]*>", html)
    loaded = [
        t for t in tags if re.search(r"\b(src=|rel=\"(stylesheet|modulepreload))", t)
    ]

    assert loaded
    for tag in loaded:
        assert re.search(r'integrity="sha384-[A-Za-z0-9+/=]{64}"', tag), tag
    assert "<script>" not in html and " style=" not in html


def test_no_third_party_origin_in_the_site(site: Any) -> None:
    """No text file of dist/ points the browser at another origin."""
    allowed = ("http://www.w3.org/", "https://linework.dev/ns/")
    for path in DIST.rglob("*"):
        if path.suffix not in {
            ".html",
            ".css",
            ".js",
            ".json",
        } or path.parent.name.startswith("314"):
            continue
        for url in re.findall(r"https?://[^\s\"')<>]+", path.read_text()):
            assert url.startswith(allowed), f"{path.relative_to(DIST)}: {url}"


def test_runtime_is_only_the_needed_pyodide_files(site: Any) -> None:
    """dist/ carries the four runtime files, the lock, and two wheels: nothing more."""
    manifest = json.loads((DIST / "manifest.json").read_text())
    folder = DIST / manifest["runtime"]
    runtime = sorted(p.name for p in folder.iterdir() if p.suffix != ".gz")
    lock = json.loads((DIST / manifest["lock"]).read_text())
    # Besides them only their precompressed twins (the same bytes, gzipped).
    for twin in folder.glob("*.gz"):
        assert gzip.decompress(twin.read_bytes()) == (folder / twin.stem).read_bytes()

    assert [
        "pyodide.asm.mjs",
        "pyodide.asm.wasm",
        "pyodide.mjs",
        "python_stdlib.zip",
    ] == runtime
    assert {"linework", "micropip"} == set(lock["packages"])
    for entry in lock["packages"].values():
        wheel = DIST / "packages" / entry["file_name"]
        import hashlib

        assert entry["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()
        with zipfile.ZipFile(wheel) as z:
            assert z.testzip() is None
    fonts = [p.name.split("-")[0] for p in (DIST / "assets").glob("*.woff2")]
    # Arimo, Tinos and Cousine: regular, bold and their italics; Caveat has no
    # italics. Latin and Latin Extended each.
    assert {"arimo": 8, "tinos": 8, "cousine": 8, "caveat": 4} == Counter(fonts)


@pytest.mark.parametrize(
    "path", ["../build.py", "%2e%2e/build.py", ".dist-old", "nope"]
)
def test_server_serves_nothing_outside_dist(site: Any, path: str) -> None:
    """Paths that leave dist/ or name hidden files are 404."""
    try:
        urllib.request.urlopen(site.url + path)
        status = 200
    except urllib.error.HTTPError as error:
        status = error.code
    assert 404 == status
