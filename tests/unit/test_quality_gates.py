"""The code-quality gates run with the tests, so CI refuses what review would.

The same list as the lint step of ``python3 build.py test``
(:data:`devtools.checks.CHECKS`): ruff (lint and format) over src/, tests/,
tools/ and build.py, mypy --strict (its files are in pyproject.toml), the
import-layer contracts, and for web/ biome's linter and TypeScript's check of
the JSDoc types. Each gate is skipped only when its tool is not installed
(the JS ones need ``npm ci`` in web/).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from devtools.checks import CHECKS, Check


@pytest.mark.parametrize("check", CHECKS, ids=[c.name for c in CHECKS])
def test_gate_passes(check: Check) -> None:
    """Each gate exits 0; its output is shown when it does not."""
    result = check.run(Path(sys.executable).parent)
    if result is None:
        pytest.skip(f"{check.tool} is not installed")

    assert 0 == result.returncode, result.stdout + result.stderr
