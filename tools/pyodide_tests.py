"""Run the core's native test suite on the Pyodide interpreter, under Node.

    python tools/pyodide_tests.py [pytest args...]

With no arguments it runs the pure-Python core suites (model, commands,
shapes, layout, routing, render, text, formats, history, seal, the docstring
examples and the error registry). It downloads the pure wheels of the pytest
and Hypothesis versions this interpreter has (cached under build/cache/), then
runs tools/pyodide_pytest.mjs with the pinned pyodide npm package from
web/node_modules (``cd web && npm ci``). Prints the counts and exits non-zero
if any test failed or none ran. tests/pyodide/ runs this as part of the suite.

Why not ``pyodide venv`` (pyodide-build): it needs pyodide-build's cross-build
environment, which ``pyodide xbuildenv install`` downloads from
pyodide.github.io; the machines this runs on reach only PyPI, npm and Debian.
The npm package already holds the interpreter, so Node loads it directly.
"""

from __future__ import annotations

import importlib.metadata
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYODIDE = ROOT / "web" / "node_modules" / "pyodide" / "pyodide.mjs"
RUNNER = ROOT / "tools" / "pyodide_pytest.mjs"
CORE_SUITES = [
    "tests/unit/model",
    "tests/unit/commands",
    "tests/unit/shapes",
    "tests/unit/layout",
    "tests/unit/routing",
    "tests/unit/render",
    "tests/unit/text",
    "tests/unit/formats",
    "tests/unit/history",
    "tests/unit/seal",
    "tests/unit/test_doctests.py",
    "tests/unit/test_errors_registry.py",
]
#: pytest's closing line: "3 failed, 1200 passed, 12 skipped in 80.1s".
_COUNT = re.compile(r"(\d+) (passed|failed|skipped|errors?|xfailed|xpassed)")


def wheels() -> Path:
    """Return a folder of pure wheels of pytest and Hypothesis (and their deps).

    This interpreter's versions when PyPI has pure wheels of them for 3.14,
    else the newest that it has. Cached under build/cache/.
    """
    pinned = [f"{n}=={importlib.metadata.version(n)}" for n in ("pytest", "hypothesis")]
    for reqs in (pinned, ["pytest", "hypothesis"]):
        name = "-".join(reqs).replace("==", "-")
        folder = ROOT / "build" / "cache" / f"pyodide-wheels-{name}"
        if (folder / ".complete").exists():
            return folder
        folder.mkdir(parents=True, exist_ok=True)
        cmd = [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--only-binary=:all:",
        ]
        cmd += ["--platform", "any", "--python-version", "3.14", "--implementation"]
        cmd += ["py", "--abi", "none", "-d", str(folder), *reqs]
        if subprocess.run(cmd, check=False, capture_output=True).returncode == 0:
            (folder / ".complete").write_text("\n".join(reqs) + "\n")
            return folder
        shutil.rmtree(folder)
    raise SystemExit("pip could not download pure pytest and Hypothesis wheels")


def counts(output: str) -> dict[str, int]:
    """Return pytest's closing counts, e.g. ``{"passed": 1200, "failed": 3}``."""
    lines = [ln for ln in output.splitlines() if re.search(r" in [\d.]+s", ln)]
    found = {kind: int(n) for n, kind in _COUNT.findall(lines[-1])} if lines else {}
    if "error" in found:
        found["errors"] = found.pop("error")
    return found


def main(argv: list[str]) -> int:
    """Run the suite (or ``argv`` as pytest arguments); return the exit code."""
    node = shutil.which("node")
    if node is None or not PYODIDE.exists():
        print("pyodide tests need node and web/node_modules/pyodide (cd web && npm ci)")
        return 2
    args = argv or [*CORE_SUITES, "-q", "-p", "no:randomly"]
    proc = subprocess.Popen(
        [node, str(RUNNER), str(wheels()), *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    out = proc.stdout
    assert out is not None
    seen: list[str] = []
    while chunk := out.read(256):
        sys.stdout.write(chunk)
        sys.stdout.flush()
        seen.append(chunk)
    code = proc.wait()
    found = counts("".join(seen))
    summary = ", ".join(
        f"{kind}={found.get(kind, 0)}"
        for kind in ("passed", "failed", "errors", "skipped")
    )
    print(f"pyodide suite: {summary} (exit {code})")
    if code == 0 and not found.get("passed"):
        print("pyodide suite: no test passed: that is a failure")
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
