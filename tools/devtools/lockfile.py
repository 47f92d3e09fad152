"""The pyodide-lock.json dist/ serves: the runtime's ``info`` and our two wheels.

The entries are written by Pyodide's own tooling, ``pyodide lockfile
add-wheels`` (pyodide-build 0.39.2 with pyodide-lock 0.2.1), installed on
first use into build/cache/pyodide-build/ for an interpreter that can run it:
those releases need Python 3.12+, and pyodide-build 0.39.2 imports
``wheel.cli``, which wheel 0.46 removed. Where no Python 3.12+ is found (or
the install fails, e.g. offline), the same entries are written here by
:func:`lock_entry`; ``tests/unit/test_lockfile.py`` checks that both agree.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from devtools.common import CACHE, PYODIDE_NPM, BuildError, log, run, sha256_hex

# Pinned: what `pyodide lockfile add-wheels` runs with (see the module's doc).
PYODIDE_BUILD = (
    "pyodide-build==0.39.2",
    "pyodide-lock[wheel]==0.2.1",
    "wheel==0.45.1",
)
PYODIDE_BUILD_VENV = CACHE / "pyodide-build"
# Interpreters tried for that venv, newest first ($LINEWORK_PYODIDE_BUILD_PYTHON
# names one explicitly).
_PYTHONS = ("python3.14", "python3.13", "python3.12")


def npm_lock() -> dict[str, Any]:
    """Return the pyodide-lock.json of the npm package."""
    return json.loads((PYODIDE_NPM / "pyodide-lock.json").read_text())  # type: ignore[no-any-return]


def wheel_metadata(wheel: Path) -> tuple[str, str, list[str]]:
    """Return (name, version, top-level import names) of a pure wheel."""
    name, version = wheel.name.split("-")[:2]
    with zipfile.ZipFile(wheel) as z:
        tops = sorted(
            {
                n.split("/")[0].removesuffix(".py")
                for n in z.namelist()
                if not n.split("/")[0].endswith((".dist-info", ".data"))
            }
        )
    return name.lower(), version, tops


def lock_entry(wheel: Path, file_name: str) -> dict[str, Any]:
    """Return the pyodide-lock entry for a pure-Python wheel (the fallback)."""
    name, version, imports = wheel_metadata(wheel)
    return {
        "name": name,
        "version": version,
        "file_name": file_name,
        "install_dir": "site",
        "sha256": sha256_hex(wheel.read_bytes()),
        "package_type": "package",
        "imports": imports,
        "depends": [],
        "unvendored_tests": False,
    }


def _host_python() -> str | None:
    """Return a Python 3.12+ that can run pyodide-build, or None."""
    named = os.environ.get("LINEWORK_PYODIDE_BUILD_PYTHON")
    candidates = [named] if named else [shutil.which(n) for n in _PYTHONS]
    # pyenv's shims only run the versions it was told to; its installs do.
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates += [
        str(p)
        for p in sorted(pyenv.glob("versions/3.1[2-9]*/bin/python3"), reverse=True)
    ]
    for found in candidates:
        if not found:
            continue
        probe = subprocess.run(
            [found, "-c", "import sys; print(sys.version_info >= (3, 12))"],
            capture_output=True,
            text=True,
            check=False,
        )
        if probe.stdout.strip() == "True":
            return found
    return None


def pyodide_cli() -> Path | None:
    """Return the ``pyodide`` command of the cached pyodide-build venv, or None.

    Creates the venv on first use (and again when the pins change).
    """
    if os.environ.get("LINEWORK_PYODIDE_BUILD") == "0":
        return None
    bin_dir = PYODIDE_BUILD_VENV / ("Scripts" if os.name == "nt" else "bin")
    stamp = PYODIDE_BUILD_VENV / ".linework-pins"
    want = "\n".join(PYODIDE_BUILD)
    if stamp.exists() and stamp.read_text() == want and (bin_dir / "pyodide").exists():
        return bin_dir / "pyodide"
    host = _host_python()
    if host is None:
        log("no Python 3.12+ for pyodide-build: writing the lock entries by hand")
        return None
    shutil.rmtree(PYODIDE_BUILD_VENV, ignore_errors=True)
    try:
        run([host, "-m", "venv", str(PYODIDE_BUILD_VENV)])
        pip = [str(bin_dir / "python"), "-m", "pip", "install", "--quiet"]
        run([*pip, *PYODIDE_BUILD])
    except BuildError as exc:
        log(f"pyodide-build could not be installed ({exc}): lock entries by hand")
        shutil.rmtree(PYODIDE_BUILD_VENV, ignore_errors=True)
        return None
    stamp.write_text(want)
    return bin_dir / "pyodide"


def lock_entries(wheels: Mapping[str, tuple[Path, str]]) -> dict[str, Any]:
    """Return the lock's package entries for the served wheels.

    Args:
        wheels: lock key -> (wheel file, its path under dist/packages/).
    """
    cli = pyodide_cli()
    if cli is not None:
        try:
            return _add_wheels(cli, wheels)
        except BuildError as exc:
            log(f"pyodide lockfile add-wheels failed ({exc}): lock entries by hand")
    return {key: lock_entry(path, rel) for key, (path, rel) in wheels.items()}


def _add_wheels(cli: Path, wheels: Mapping[str, tuple[Path, str]]) -> dict[str, Any]:
    """Run ``pyodide lockfile add-wheels`` over the runtime's lock; keep ours."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "packages"
        laid = []
        for path, rel in wheels.values():
            target = base / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            laid.append(str(target))
        out = Path(tmp) / "pyodide-lock.json"
        cmd = [str(cli), "lockfile", "add-wheels", "--input"]
        cmd += [str(PYODIDE_NPM / "pyodide-lock.json"), "--output", str(out)]
        cmd += ["--base-path", str(base), *laid]
        log("$ pyodide lockfile add-wheels " + " ".join(Path(p).name for p in laid))
        # Quiet when it works: it warns that it cannot name the imports of a
        # wheel without .py files (ours), which is handled below.
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0 or not out.exists():
            raise BuildError(f"exit {done.returncode}: {done.stderr[-800:]}")
        packages = json.loads(out.read_text())["packages"]
    entries: dict[str, Any] = {}
    for key, (path, _) in wheels.items():
        entry = dict(packages[key])
        entry.pop("tool", None)  # pyodide-build's own notes, empty for a wheel
        if not entry["imports"]:
            # pyodide-lock finds import names by .py files; our byte-compiled
            # wheel has only .pyc ones, so name them from its file list.
            entry["imports"] = wheel_metadata(path)[2]
        entries[key] = entry
    return entries
