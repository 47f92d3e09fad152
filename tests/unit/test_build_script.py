"""build.py: the site options it derives, and which ``build`` runs (no browser)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def build_module() -> ModuleType:
    """Return build.py, imported under another name (it is a script, not ``build``)."""
    spec = importlib.util.spec_from_file_location("linework_build", ROOT / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_build_options_for_embedding_and_reports(build_module: Any) -> None:
    """Defaults, derived frame-ancestors and connect-src, and refused values."""
    options = build_module.site_options
    default = options()
    custom = options(
        error_endpoint="https://errors.example.org/api/error",
        embed_origins="https://a.example, http://127.0.0.1:8001",
    )
    off = options(report_errors=False)
    none = options(error_endpoint="none")

    assert "'self'" == default["frameAncestors"] and "'self'" == default["connectSrc"]
    assert default["reportErrors"] and "api/error" == default["errorEndpoint"]
    assert [] == default["allowedOrigins"]
    assert "'self' https://a.example http://127.0.0.1:8001" == custom["frameAncestors"]
    assert "'self' https://errors.example.org" == custom["connectSrc"]
    assert ["https://a.example", "http://127.0.0.1:8001"] == custom["allowedOrigins"]
    assert (False, None) == (off["reportErrors"], off["errorEndpoint"])
    assert (False, None) == (none["reportErrors"], none["errorEndpoint"])
    csp = build_module.content_security_policy(
        custom["frameAncestors"], custom["connectSrc"]
    )
    assert "connect-src 'self' https://errors.example.org;" in csp
    for bad in ("https://a.example/", "HTTPS://A.EXAMPLE", "ftp://a.example", "*"):
        with pytest.raises(build_module.BuildError):
            options(embed_origins=bad)
    for bad in ("javascript:alert(1)", "//elsewhere.example/x", "ftp://x/y"):
        with pytest.raises(build_module.BuildError):
            options(error_endpoint=bad)
    with pytest.raises(build_module.BuildError):
        options(frame_ancestors="'self'; script-src *")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_python3_build_py_is_this_repositorys_script() -> None:
    result = _run("build.py", "--help")
    assert 0 == result.returncode, result.stderr
    assert result.stdout.startswith("usage: build.py")


def test_python_m_build_in_the_repository_is_pypas_build() -> None:
    """The current directory leads sys.path, so ``-m build`` finds build.py first;
    build.py hands over to PyPA's build (or says it is not installed)."""
    result = _run("-m", "build", "--help")
    out = result.stdout + result.stderr
    assert "usage: build.py" not in out
    if "PyPA's build is not installed" in result.stderr:
        assert 0 != result.returncode
        assert "python3 build.py" in result.stderr
    else:
        assert 0 == result.returncode, out
        assert result.stdout.startswith("usage: python -m build")
