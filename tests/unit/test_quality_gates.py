"""The code-quality gates run with the tests, so CI refuses what review would.

ruff (lint and format), mypy --strict and the import-layer contracts of
pyproject.toml, over src/, tests/ and tools/ (mypy's files are in pyproject.toml);
each gate is skipped only when its tool is not installed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    path = BIN / name
    if path.exists():
        return str(path)
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=ROOT, capture_output=True, text=True, check=False, timeout=600
    )


@pytest.mark.parametrize(
    "command",
    [
        ("ruff", "check", "src", "tests", "tools", "build.py"),
        ("ruff", "format", "--check", "src", "tests", "tools", "build.py"),
        ("mypy",),
        ("lint-imports",),
    ],
    ids=["ruff-check", "ruff-format", "mypy", "import-layers"],
)
def test_gate_passes(command: tuple[str, ...]) -> None:
    """Each gate exits 0; its output is shown when it does not."""
    result = _run(_tool(command[0]), *command[1:])

    assert 0 == result.returncode, result.stdout + result.stderr
