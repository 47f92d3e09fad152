"""The native CLI: render, validate, convert; bad input gives one clear line, no traceback."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from golden_files import ROOT, example_files, golden_for
from linework import __version__
from linework.cli import main


def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "linework.cli", *args],
        input=stdin,
        capture_output=True,
        check=False,
        timeout=120,
    )


@pytest.mark.parametrize("example", example_files(), ids=lambda p: p.stem)
def test_render_writes_the_golden_svg(example: Path, tmp_path: Path) -> None:
    """``linework render FILE -o OUT.svg`` writes exactly the golden rendering."""
    out = tmp_path / "x.svg"

    code = main(["render", str(example), "-o", str(out)])

    assert code == 0
    assert golden_for(example).read_bytes() == out.read_bytes()


def test_version() -> None:
    """``--version`` prints the package version."""
    result = _run("--version")

    assert f"linework {__version__}" == result.stdout.decode().strip()


def test_validate_reports_the_exact_place(tmp_path: Path) -> None:
    """A broken file is named with its problem's place, exit code 2, no traceback."""
    bad = tmp_path / "bad.linework"
    text = re.sub(r'"w":[0-9.]+', '"w":0', example_files()[0].read_text(), count=1)
    bad.write_text(text)

    result = _run("validate", str(bad))

    err = result.stderr.decode()
    assert result.returncode == 2
    assert "box.w: must be > 0" in err
    assert "LW-E0102" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "data",
    [b"", b"not a diagram", b"{", b"[" * 50_000, b'{"format":"linework","version":9}'],
)
def test_bad_input_never_shows_a_traceback(data: bytes) -> None:
    """Garbage on stdin gives a one-line error with a code."""
    result = _run("render", "-", "-o", os.devnull, stdin=data)

    err = result.stderr.decode()
    assert result.returncode == 2
    assert "LW-E" in err
    assert "Traceback" not in err


def test_missing_file_is_named(tmp_path: Path) -> None:
    """A file that does not exist is reported by name."""
    result = _run("validate", str(tmp_path / "nope.linework"))

    assert result.returncode == 2
    assert "nope.linework" in result.stderr.decode()
    assert "LW-E0700" in result.stderr.decode()


def test_convert_to_svg_embeds_the_document(tmp_path: Path) -> None:
    """An SVG made by ``convert`` opens again as the same diagram."""
    example = example_files()[0]
    out = tmp_path / "x.svg"
    back = tmp_path / "back.linework"

    assert main(["convert", str(example), "-o", str(out)]) == 0
    assert main(["convert", str(out), "-o", str(back)]) == 0

    assert example.read_bytes().strip() == back.read_bytes().strip()


@pytest.mark.skipif(
    os.environ.get("LINEWORK_SKIP_VENV_TEST") == "1", reason="asked to skip"
)
def test_fresh_venv_install_renders_goldens(tmp_path: Path) -> None:
    """In a fresh virtual environment, ``pip install .`` gives a working ``linework``."""
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run(
        [str(bindir / "python"), "-m", "pip", "install", "-q", str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    for example in example_files():
        out = tmp_path / f"{example.stem}.svg"
        subprocess.run(
            [str(bindir / "linework"), "render", str(example), "-o", str(out)],
            check=True,
            capture_output=True,
            timeout=120,
        )
        assert golden_for(example).read_bytes() == out.read_bytes()


def test_convert_prints_the_import_warnings_to_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As the editor shows them: what the import drew differently or dropped."""
    src = tmp_path / "a.drawio"
    src.write_bytes(
        b'<mxfile><diagram name="P1"><mxGraphModel><root><mxCell id="0"/>'
        b'<mxCell id="1" parent="0"/><mxCell id="a" value="x" '
        b'style="shape=mxgraph.foo.bar;" vertex="1" parent="1"><mxGeometry x="10" '
        b'y="10" width="120" height="60" as="geometry"/></mxCell></root>'
        b"</mxGraphModel></diagram></mxfile>"
    )
    out = tmp_path / "a.linework"
    assert 0 == main(["convert", str(src), "-o", str(out)])
    err = capsys.readouterr().err
    assert "warning:" in err and "mxgraph.foo.bar" in err
    assert out.exists()
