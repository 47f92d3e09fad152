"""The lint step: every static check, Python and web/, as one list.

``python3 build.py test --step lint`` runs them all (and fails if any fails);
``tests/unit/test_quality_gates.py`` runs the same list as tests, so a plain
``pytest`` refuses what CI refuses.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from devtools.common import NODE_MODULES, ROOT, WEB, log

PYTHON_PATHS = ("src", "tests", "tools", "build.py")


@dataclass(frozen=True)
class Check:
    """One static check: a tool from the venv (Python) or web/node_modules (JS)."""

    name: str
    tool: str
    args: tuple[str, ...]
    web: bool = False  # run in web/ with web/node_modules/.bin's tool

    def command(self, bin_dir: Path) -> list[str] | None:
        """Return the command line, or None when the tool is not installed."""
        if self.web:
            exe = NODE_MODULES / ".bin" / self.tool
            return [str(exe), *self.args] if exe.exists() else None
        exe = bin_dir / self.tool
        found = str(exe) if exe.exists() else shutil.which(self.tool)
        return [found, *self.args] if found else None

    def run(self, bin_dir: Path) -> subprocess.CompletedProcess[str] | None:
        """Run the check; None when its tool is missing."""
        cmd = self.command(bin_dir)
        if cmd is None:
            return None
        return subprocess.run(
            cmd,
            cwd=WEB if self.web else ROOT,
            capture_output=True,
            text=True,
            check=False,
            timeout=900,
        )


CHECKS = (
    Check("ruff-check", "ruff", ("check", *PYTHON_PATHS)),
    Check("ruff-format", "ruff", ("format", "--check", *PYTHON_PATHS)),
    Check("mypy", "mypy", ()),  # --strict; files and paths in pyproject.toml
    Check("import-layers", "lint-imports", ()),
    # web/: biome's linter (biome.json) and TypeScript over the JSDoc types
    # (jsconfig.json, checkJs); both pinned devDependencies in web/package.json.
    Check("biome", "biome", ("lint", "--error-on-warnings", "."), web=True),
    Check("tsc", "tsc", ("--noEmit", "-p", "jsconfig.json"), web=True),
)


def run_all(bin_dir: Path | None = None) -> int:
    """Run every check, print each one's name and, on failure, its output.

    Returns:
        0 when all pass; 1 when one failed or its tool is missing.
    """
    bin_dir = bin_dir or Path(sys.executable).parent
    failed = []
    for check in CHECKS:
        result = check.run(bin_dir)
        if result is None:
            log(f"lint: {check.name}: {check.tool} is not installed")
            failed.append(check.name)
            continue
        ok = result.returncode == 0
        log(f"lint: {check.name}: {'ok' if ok else 'FAILED'}")
        if not ok:
            print(result.stdout + result.stderr, flush=True)
            failed.append(check.name)
    if failed:
        log(f"lint failed: {', '.join(failed)}")
        return 1
    log(f"lint: all {len(CHECKS)} checks passed")
    return 0
