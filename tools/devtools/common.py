"""Paths of the repository, progress lines, hashes and running commands."""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "web"
DIST = ROOT / "dist"
CACHE = ROOT / "build" / "cache"
VENV = ROOT / ".venv"
TOOLS = ROOT / "tools"
NODE_MODULES = WEB / "node_modules"
PYODIDE_NPM = NODE_MODULES / "pyodide"
ARIMO_NPM = NODE_MODULES / "@fontsource" / "arimo"


def log(message: str) -> None:
    """Print a progress line of the build to stderr."""
    print(f"build.py: {message}", file=sys.stderr, flush=True)


class BuildError(Exception):
    """A build step failed; the message says what to do."""


def sha256_hex(data: bytes) -> str:
    """Return the hex SHA-256 of data."""
    return hashlib.sha256(data).hexdigest()


def sri(data: bytes) -> str:
    """Return a Subresource Integrity value (sha384) for data."""
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def hashed_name(name: str, data: bytes) -> str:
    """Return ``stem.<hash>.ext`` for a file name and its content."""
    stem, dot, ext = name.partition(".")
    return f"{stem}.{sha256_hex(data)[:12]}{dot}{ext}"


def run(cmd: list[str], **kwargs: Any) -> None:
    """Run a command, echoing it; raise BuildError when it fails."""
    log("$ " + " ".join(cmd))
    try:
        subprocess.run(cmd, check=True, **kwargs)
    except FileNotFoundError as exc:
        raise BuildError(f"{cmd[0]} not found: {exc}") from exc
    except subprocess.CalledProcessError as exc:
        raise BuildError(f"command failed ({exc.returncode}): {' '.join(cmd)}") from exc


def project_version() -> str:
    """Return the version from pyproject.toml."""
    import tomllib

    with (ROOT / "pyproject.toml").open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def venv_python() -> Path:
    """Return the path of the project venv's interpreter."""
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def tool(name: str) -> ModuleType:
    """Import tools/<name>.py (a script that the build or bench also runs alone)."""
    module_name = f"linework_tools_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, TOOLS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module
