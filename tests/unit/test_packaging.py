"""Packaging facts users and tools rely on: licence, typing marker, one version."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

import linework

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_version_is_the_same_everywhere_it_is_written() -> None:
    """pyproject.toml, linework.__version__ and web/package.json (and its lock)."""
    version = PYPROJECT["project"]["version"]
    package = json.loads((ROOT / "web" / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "web" / "package-lock.json").read_text(encoding="utf-8"))
    assert version == linework.__version__
    assert version == package["version"]
    assert version == lock["version"]
    assert version == lock["packages"][""]["version"]


def test_the_licence_is_mit_in_the_file_and_the_metadata() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n")
    assert "Permission is hereby granted, free of charge" in text
    assert "MIT" == PYPROJECT["project"]["license"]  # PEP 639 expression
    assert ["LICENSE"] == PYPROJECT["project"]["license-files"]


def test_the_dev_extra_and_the_dev_dependency_group_list_the_same_tools() -> None:
    """build.py installs ``.[dev]``; PEP 735 tools read the group: keep them equal."""
    extra = PYPROJECT["project"]["optional-dependencies"]["dev"]
    group = PYPROJECT["dependency-groups"]["dev"]
    assert sorted(extra) == sorted(group)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel the way build.py does (pip wheel, isolated build)."""
    out = tmp_path_factory.mktemp("wheel")
    cmd = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out)]
    result = subprocess.run(
        [*cmd, str(ROOT)], capture_output=True, text=True, check=False, timeout=600
    )
    assert 0 == result.returncode, result.stdout + result.stderr
    (found,) = out.glob("linework-*.whl")
    return found


def test_the_wheel_carries_py_typed_and_the_licence(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        meta = next(n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = z.read(meta).decode()
    assert "linework/py.typed" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert "License-Expression: MIT" in metadata.splitlines()
    assert f"Version: {linework.__version__}" in metadata.splitlines()


def test_the_wheel_carries_only_the_core(wheel: Path) -> None:
    """build.py's devtools and the other tools/ scripts stay out of the wheel."""
    with zipfile.ZipFile(wheel) as z:
        tops = {n.split("/")[0] for n in z.namelist()}
    assert {"linework"} == {t for t in tops if not t.endswith(".dist-info")}
