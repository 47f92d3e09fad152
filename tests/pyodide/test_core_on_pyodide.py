"""The core's native test suite passes on the Pyodide interpreter (under Node).

The core runs in the browser on Pyodide (CPython 3.14 in WebAssembly), so its
pure-Python suites run there too: tools/pyodide_tests.py downloads the pure
wheels of pytest and Hypothesis, loads the pinned pyodide npm package in Node
and runs pytest on it. Slow (minutes): marked ``pyodide``, so
``pytest -m "not pyodide"`` leaves it out; ``build.py test`` runs it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYODIDE = ROOT / "web" / "node_modules" / "pyodide" / "pyodide.mjs"

pytestmark = [
    pytest.mark.pyodide,
    pytest.mark.skipif(
        shutil.which("node") is None or not PYODIDE.exists(),
        reason="needs node and web/node_modules/pyodide (cd web && npm ci)",
    ),
]

sys.path.insert(0, str(ROOT / "tools"))
from pyodide_tests import counts  # noqa: E402


def test_core_suites_pass_on_pyodide() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "pyodide_tests.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=3600,
    )
    out = result.stdout + result.stderr
    found = counts(out)
    assert "Python 3.14" in out and "emscripten" in out, out[-3000:]
    assert 0 == result.returncode, out[-6000:]
    assert 0 == found.get("failed", 0) + found.get("errors", 0), out[-6000:]
    assert found.get("passed", 0) > 1000, out[-3000:]
