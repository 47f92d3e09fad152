"""The pyodide-lock entries: Pyodide's ``pyodide lockfile add-wheels`` and the
hand-written fallback (no Python 3.12+ for pyodide-build) write the same."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from devtools.common import CACHE, DIST, PYODIDE_NPM, project_version
from devtools.lockfile import PYODIDE_BUILD_VENV, _add_wheels, lock_entry
from devtools.wheels import MICROPIP_VERSION

MICROPIP = CACHE / f"micropip-{MICROPIP_VERSION}-py3-none-any.whl"


def _fake_linework(tmp_path: Path) -> Path:
    wheel = tmp_path / f"linework-{project_version()}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as z:
        z.writestr("linework/__init__.py", "")
        z.writestr(
            f"linework-{project_version()}.dist-info/METADATA",
            f"Metadata-Version: 2.4\nName: linework\nVersion: {project_version()}\n",
        )
    return wheel


@pytest.mark.skipif(
    not (PYODIDE_BUILD_VENV / "bin" / "pyodide").exists()
    or not (PYODIDE_NPM / "pyodide-lock.json").exists()
    or not MICROPIP.exists(),
    reason="pyodide-build not installed yet (python3 build.py installs it"
    " where a Python 3.12+ is found), or npm ci / micropip not fetched",
)
def test_pyodide_lockfile_and_the_fallback_agree(tmp_path: Path) -> None:
    linework = _fake_linework(tmp_path)
    wheels = {
        "linework": (linework, f"0123abcd/{linework.name}"),
        "micropip": (MICROPIP, f"4567ef01/{MICROPIP.name}"),
    }

    by_pyodide = _add_wheels(PYODIDE_BUILD_VENV / "bin" / "pyodide", wheels)

    assert {k: lock_entry(p, rel) for k, (p, rel) in wheels.items()} == by_pyodide


@pytest.mark.skipif(not (DIST / "manifest.json").exists(), reason="dist/ not built")
def test_the_served_lock_lists_the_served_wheels() -> None:
    manifest = json.loads((DIST / "manifest.json").read_text())
    lock = json.loads((DIST / manifest["lock"]).read_text())
    runtime = json.loads((PYODIDE_NPM / "pyodide-lock.json").read_text())

    assert runtime["info"] == lock["info"]
    assert {"linework", "micropip"} == set(lock["packages"])
    for key, entry in lock["packages"].items():
        wheel = DIST / "packages" / entry["file_name"]
        assert lock_entry(wheel, entry["file_name"]) == entry, key
