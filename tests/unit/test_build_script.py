"""build.py: the site options it derives, and which ``build`` runs (no browser)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from devtools import headers
from devtools.common import BuildError
from devtools.testing import STEP_NAMES, STEPS

ROOT = Path(__file__).resolve().parents[2]


def _load_build() -> ModuleType:
    """Return build.py, imported under another name (it is a script, not ``build``)."""
    spec = importlib.util.spec_from_file_location("linework_build", ROOT / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_build_options_for_embedding_and_reports() -> None:
    """Defaults, derived frame-ancestors and connect-src, and refused values."""
    options = headers.site_options
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
    csp = headers.content_security_policy(
        custom["frameAncestors"], custom["connectSrc"]
    )
    assert "connect-src 'self' https://errors.example.org;" in csp
    for bad in ("https://a.example/", "HTTPS://A.EXAMPLE", "ftp://a.example", "*"):
        with pytest.raises(BuildError):
            options(embed_origins=bad)
    for bad in ("javascript:alert(1)", "//elsewhere.example/x", "ftp://x/y"):
        with pytest.raises(BuildError):
            options(error_endpoint=bad)
    with pytest.raises(BuildError):
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


def test_build_py_is_a_thin_script_over_devtools() -> None:
    """build.py reads the command line; the work lives in tools/devtools/."""
    lines = (ROOT / "build.py").read_text(encoding="utf-8").count("\n")
    modules = sorted((ROOT / "tools" / "devtools").glob("*.py"))

    assert lines < 400
    assert len(modules) >= 8
    for module in modules:
        assert module.read_text(encoding="utf-8").count("\n") < 1000, module.name


def test_test_steps_are_named_in_ci_order() -> None:
    """lint, native, pyodide, browser; their pytest selections cover every test."""
    assert ("lint", "native", "pyodide", "browser") == STEP_NAMES
    selections = {s.name: s.pytest_args for s in STEPS}
    assert () == selections["lint"]
    assert "not browser and not pyodide" in selections["native"]
    assert "pyodide" in selections["pyodide"]
    assert "browser" in selections["browser"]


def test_step_options_are_split_from_pytests_arguments() -> None:
    split = _load_build()._split_test_args

    assert ([], ["tests/unit", "-q", "-x"]) == split(["tests/unit", "-q", "-x"])
    assert (["lint"], []) == split(["--step", "lint"])
    assert (["native", "browser"], ["-x", "-k", "--step"]) == split(
        ["--step=native", "--step", "browser", "-x", "-k", "--step"]
    )
    with pytest.raises(BuildError, match="unknown step 'nope'"):
        split(["--step", "nope"])


def test_an_unknown_step_is_refused_before_anything_runs() -> None:
    result = _run("build.py", "test", "--step", "nope")

    assert 0 != result.returncode
    assert "nope" in result.stderr


def test_a_pytest_step_that_ran_no_test_fails() -> None:
    """pytest's exit code 5 (nothing collected) is a failure, not a pass."""
    from devtools.testing import _pytest

    nothing = ["-q", "-p", "no:randomly", "-k", "no_such_test_anywhere"]
    some = ["-q", "-p", "no:randomly", "-k", "test_test_steps_are_named"]
    here = "tests/unit/test_build_script.py"

    assert 1 == _pytest(Path(sys.executable), [*nothing, here], None)
    assert 0 == _pytest(Path(sys.executable), [*some, here], None)
