"""Build-time pieces of start-up (issue 13): snapshot keys, gzip twins, first paint."""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import re
from pathlib import Path
from types import ModuleType

import pytest

from devtools import snapshot

ROOT = Path(__file__).resolve().parents[2]


def _tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        f"test_tools_{name}", ROOT / "tools" / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


first_paint = _tool("first_paint")


def test_snapshot_key_changes_with_the_wheel_and_the_runtime() -> None:
    """A new wheel or runtime means a new snapshot; the same ones reuse it."""
    base = snapshot.key("a" * 64, "b" * 64)

    assert base == snapshot.key("a" * 64, "b" * 64)
    assert base != snapshot.key("c" * 64, "b" * 64)
    assert base != snapshot.key("a" * 64, "c" * 64)


def test_precompress_adds_gzip_twins_only_where_they_pay(tmp_path: Path) -> None:
    """Big compressible files get an exact .gz twin; small or dense ones do not."""
    text = ("const x = 1;\n" * 5000).encode()
    files = {
        "assets/big.js": text,
        "assets/tiny.js": b"x",
        "assets/noise.js": os.urandom(50_000),
        "assets/font.woff2": text,
        "pyodide/snapshots/linework.0.bin": text * 10,
    }

    twins = snapshot.precompress(files, tmp_path)

    assert ["assets/big.js.gz", "pyodide/snapshots/linework.0.bin.gz"] == twins
    for twin in twins:
        assert gzip.decompress(files[twin]) == files[twin.removesuffix(".gz")]
    # Big files are compressed once and kept; the next build prunes the rest.
    assert 1 == len(list((tmp_path / "gz").glob("*.gz")))
    snapshot.precompress({"assets/other.js": text}, tmp_path)
    assert [] == list((tmp_path / "gz").glob("*.gz"))


def test_snapshot_is_skipped_on_request(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """LINEWORK_SNAPSHOT=0 builds without a snapshot (the plain boot)."""
    monkeypatch.setenv("LINEWORK_SNAPSHOT", "0")
    wheel = tmp_path / "w.whl"
    wheel.write_bytes(b"wheel")
    npm = tmp_path / "pyodide"
    npm.mkdir()
    (npm / "package.json").write_text('{"version": "0"}')
    said: list[str] = []

    assert snapshot.make(wheel, npm, "r" * 64, tmp_path / "c", said.append) is None
    assert said and "LINEWORK_SNAPSHOT=0" in said[0]


def test_first_paint_module_carries_the_cores_replies() -> None:
    """first-paint.js holds the `new` and `palette` replies, as the core gives them."""
    data = first_paint.generate(ROOT / "src")
    source = first_paint.module_source(data)
    literal = re.search(r"JSON\.parse\((\".*\")\)\);", source)

    assert literal is not None
    assert data == json.loads(json.loads(literal.group(1)))
    assert data["new"]["ok"] is True and data["palette"]["ok"] is True
    assert "Page 1" == data["new"]["ui"]["page"]["name"]
    # The action registry's page-facing part: the edit bar, key map, labels.
    assert "toggle-lock" in data["actions"]["actions"] and data["actions"]["keys"]
    names = [kind["name"] for kind in data["palette"]["kinds"]]
    assert "rectangle" in names and "image" not in names
    assert all(kind["svg"].startswith("<svg") for kind in data["palette"]["kinds"])
    # No markup breaks out of the module's string: it is one JSON literal.
    assert "</script" not in source
