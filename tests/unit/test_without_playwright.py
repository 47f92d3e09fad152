"""``pytest -m "not browser"`` works in a venv without Playwright.

Simulated here: a child pytest in which importing ``playwright`` fails (as it
does when the package is absent) and the pytest-playwright plugin is not
loaded. Collection must succeed, select only native tests, and pick none
from tests/browser.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import sys


class NoPlaywright:
    # A finder that refuses the packages, so importing them fails as when absent.
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("playwright", "pytest_playwright"):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


sys.meta_path.insert(0, NoPlaywright())
import pytest

sys.exit(pytest.main(sys.argv[1:]))
"""


def test_native_tests_collect_without_playwright() -> None:
    args = ["--collect-only", "-q", "-m", "not browser", "-p", "no:playwright"]
    args += ["-p", "no:randomly", "-p", "no:cacheprovider", "tests"]
    result = subprocess.run(
        [sys.executable, "-c", CHILD, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    out = result.stdout + result.stderr
    assert 0 == result.returncode, out
    assert "error" not in out.lower().split("collected")[-1], out
    collected = [line for line in out.splitlines() if "::" in line]
    assert len(collected) > 1000
    assert not [line for line in collected if line.startswith("tests/browser/")]
