"""Facts about the repository that the page and CI rely on (no browser needed)."""

from __future__ import annotations

import re
from pathlib import Path

from linework.errors import REGISTRY

ROOT = Path(__file__).resolve().parents[2]


def test_page_error_texts_match_the_core_registry() -> None:
    """The messages web/errors.js shows before Python runs are the registry's."""
    source = (ROOT / "web" / "errors.js").read_text()
    pairs = re.findall(r'"(LW-E\d{4})":\s*"([^"]*)"', source)

    assert pairs
    for code, message in pairs:
        assert REGISTRY[code].message == message, code


def test_ci_runs_the_readme_test_command() -> None:
    """.ci/run ends by running exactly the README's test command."""
    readme = (ROOT / "README.md").read_text()
    script = (ROOT / ".ci" / "run").read_text()

    assert "python3 build.py test" in readme
    assert "python3 build.py serve" in readme
    assert script.strip().splitlines()[-1].strip().startswith("python3 build.py test")
    assert "set -euo pipefail" in script
