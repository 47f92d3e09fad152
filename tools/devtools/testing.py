"""``build.py test``: the venv, Chromium, and the named CI steps.

The steps run in this order and stop at the first that fails:

- ``lint``: :data:`devtools.checks.CHECKS` (ruff, ruff format, mypy --strict,
  import layers, biome, tsc);
- ``native``: pytest on CPython, without the browser and Pyodide tests;
- ``pyodide``: the core's suites on the Pyodide interpreter under Node;
- ``browser``: pytest against the built dist/ in headless Chromium.

Each pytest step fails when it ran no test (pytest's exit code 5), so a
selection that silently matched nothing cannot pass.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from devtools import checks
from devtools.assets import npm_ci
from devtools.common import ARIMO_NPM, ROOT, VENV, log, run, sha256_hex, venv_python
from devtools.site import build

# How every headless Chromium here is started (tests and bench alike).
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def find_chromium() -> str | None:
    """Return a Chromium/Chrome executable: $CHROMIUM, the system's, else None."""
    env = os.environ.get("CHROMIUM")
    if env:
        return env
    candidates = ["/usr/bin/chromium"]
    candidates += [
        found
        for name in (
            "chromium",
            "chromium-browser",
            "google-chrome",
            "google-chrome-stable",
        )
        if (found := shutil.which(name))
    ]
    return next((c for c in candidates if os.access(c, os.X_OK)), None)


def ensure_venv() -> Path:
    """Create .venv with ``pip install -e .[dev]`` when missing or out of date."""
    python = venv_python()
    if not python.exists():
        run([sys.executable, "-m", "venv", str(VENV)])
    stamp = VENV / ".linework-dev-sha256"
    want = sha256_hex((ROOT / "pyproject.toml").read_bytes())
    installed = subprocess.run(
        [str(python), "-c", "import linework, pytest, playwright"],
        capture_output=True,
        check=False,
    )
    if (
        installed.returncode != 0
        or not stamp.exists()
        or stamp.read_text().strip() != want
    ):
        run([str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
        run([str(python), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[dev]"])
        stamp.write_text(want + "\n")
    return python


def test_env(chromium: str | None) -> dict[str, str]:
    """Return the environment for pytest: where Chromium is and that dist/ is built."""
    env = dict(os.environ)
    env["LINEWORK_DIST_BUILT"] = "1"
    env["LINEWORK_REQUIRE_BROWSER"] = "1"
    # npm ci has run, so the font-metrics generator test can check its table.
    env.setdefault("LINEWORK_ARIMO_DIR", str(ARIMO_NPM))
    if chromium:
        env["CHROMIUM"] = chromium
    return env


@dataclass(frozen=True)
class Step:
    """A named CI step: the static checks, or one pytest selection."""

    name: str
    pytest_args: tuple[str, ...] = ()
    needs_dist: bool = True
    needs_browser: bool = False


STEPS = (
    Step("lint", needs_dist=False),
    # The gates ran as the lint step; the rest of the native tests run here.
    Step(
        "native",
        (
            "-m",
            "not browser and not pyodide",
            "--ignore=tests/unit/test_quality_gates.py",
        ),
    ),
    # Markers, not folders: a test marked elsewhere still runs in its step.
    Step("pyodide", ("-m", "pyodide")),
    Step("browser", ("-m", "browser"), needs_browser=True),
)
STEP_NAMES = tuple(s.name for s in STEPS)


def _pytest(python: Path, args: Sequence[str], chromium: str | None) -> int:
    """Run pytest with args; exit code 5 (no test ran) counts as a failure."""
    cmd = [str(python), "-m", "pytest", *args]
    log("$ " + " ".join(cmd))
    code = subprocess.run(cmd, cwd=ROOT, env=test_env(chromium), check=False).returncode
    if code == 5:  # pytest: no tests were collected
        log("pytest collected no tests: that is a failure")
        return 1
    return code


def chromium_or_install(python: Path) -> str | None:
    """Return the system's Chromium, else install Playwright's (and return None)."""
    chromium = find_chromium()
    if chromium is None:
        log("no system Chromium/Chrome found; trying Playwright's own browser")
        subprocess.run(
            [str(python), "-m", "playwright", "install", "chromium"], check=False
        )
    else:
        log(f"using Chromium at {chromium}")
    return chromium


def run_steps(names: Sequence[str], pytest_args: Sequence[str]) -> int:
    """Run the named steps in CI order; stop at the first that fails.

    Args:
        names: which steps (a subset of :data:`STEP_NAMES`).
        pytest_args: appended to each pytest step's own selection.
    """
    python = ensure_venv()
    npm_ci()  # the lint step's JS tools
    chromium: str | None = None
    built = browser_ready = False
    passed: list[str] = []
    for step in (s for s in STEPS if s.name in names):
        log(f"step {step.name}")
        if step.needs_dist and not built:
            build()
            built = True
        if step.needs_browser and not browser_ready:
            chromium, browser_ready = chromium_or_install(python), True
        if step.name == "lint":
            code = checks.run_all(python.parent)
        else:
            code = _pytest(python, [*step.pytest_args, *pytest_args], chromium)
        if code != 0:
            log(f"step {step.name} failed; the steps after it did not run")
            return code
        passed.append(step.name)
    log(f"steps passed: {', '.join(passed)}")
    return 0


def run_pytest(pytest_args: Sequence[str]) -> int:
    """Set up the venv, build dist/, find Chromium and run one pytest (as before)."""
    python = ensure_venv()
    build()
    return _pytest(python, pytest_args, chromium_or_install(python))
