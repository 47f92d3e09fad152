"""CLI messages say what happened and what to do: page numbers, JSON syntax
errors with line and column, images without a diagram, sealed and unsealed files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from linework.cli import main

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "flowchart.linework"
PASS = "correct horse battery staple 42"


def _err(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) <= 1, lines
    return code, lines[0] if lines else ""


@pytest.mark.parametrize("verb", ["render", "export"])
def test_a_missing_page_is_a_command_line_error(
    verb: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--page 2 of a one-page file: LW-E0702, not "That change is not allowed"."""
    code, line = _err(
        capsys, verb, str(EXAMPLE), "-o", str(tmp_path / "x.svg"), "--page", "2"
    )

    assert 2 == code
    assert line == (
        "linework: The diagram has no such page. "
        "--page 2: the diagram has 1 page. (LW-E0702)"
    )
    assert not (tmp_path / "x.svg").exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b'{"format":"linework","version":1,"pages":[{"id":"ab',
            "Unterminated string starting at line 1, column 49. (LW-E0101)",
        ),
        (
            b'{"format":"linework",\n "version" 1}',
            "Line 2, column 12: Expecting ':' delimiter. (LW-E0101)",
        ),
        (
            b'{"contentType":"application/gliffy+json","stage":{"x":"',
            "Unterminated string starting at line 1, column 55. (LW-E0201)",
        ),
        (
            b'{"type":"excalidraw","elements":["',
            "Unterminated string starting at line 1, column 34. (LW-E0202)",
        ),
    ],
)
def test_json_syntax_errors_name_line_and_column(
    content: bytes,
    expected: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """No more "starting at." cut off: the position follows the parser's words."""
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)

    code, line = _err(capsys, "validate", str(bad))

    assert 2 == code
    assert line.endswith(expected)


@pytest.mark.parametrize("suffix", [".svg", ".png"])
def test_images_without_a_diagram_are_lw_e0206(
    suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An export made with --no-embed: the same code for SVG and PNG."""
    if suffix == ".png":
        pytest.importorskip("resvg_py")
    image = tmp_path / f"plain{suffix}"
    assert 0 == main(["export", str(EXAMPLE), "-o", str(image), "--no-embed"])
    capsys.readouterr()

    code, line = _err(capsys, "validate", str(image))

    assert 2 == code
    assert line.endswith("(LW-E0206)")
    assert "The image has no diagram embedded in it." in line


def test_unknown_content_stays_lw_e0100(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Text that is no image and no diagram keeps the general code."""
    other = tmp_path / "page.html"
    other.write_bytes(b"<html><body>hi</body></html>")

    code, line = _err(capsys, "validate", str(other))

    assert (2, True) == (code, line.endswith("(LW-E0100)"))


@pytest.fixture
def sealed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Return the example sealed with PASS (few iterations, for speed)."""
    pytest.importorskip("cryptography")
    monkeypatch.setenv("LW_PASS", PASS)
    out = tmp_path / "d.sealed"
    argv = ["seal", str(EXAMPLE), "-o", str(out), "--passphrase-env", "LW_PASS"]
    assert 0 == main([*argv, "--iterations", "100000"])
    return out


@pytest.mark.parametrize("verb", ["render", "validate", "convert"])
def test_sealed_input_suggests_unseal(
    verb: str, sealed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Verbs without a passphrase option say how to get at the diagram."""
    capsys.readouterr()
    out = ["-o", str(tmp_path / "x.svg")] if verb != "validate" else []

    code, line = _err(capsys, verb, str(sealed), *out)

    assert 2 == code
    assert line.endswith("(LW-E0304)")
    assert f"linework unseal {sealed} -o OUT.linework" in line


def test_unseal_of_a_plain_file_says_it_is_not_sealed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not "damaged or incomplete": the file simply is not sealed."""
    code, line = _err(capsys, "unseal", str(EXAMPLE), "-o", str(tmp_path / "o"))

    assert 2 == code
    assert line.endswith("(LW-E0306)")
    assert "not sealed" in line and "damaged" not in line
    assert not (tmp_path / "o").exists()


def test_unseal_reads_the_sealed_file_inside_an_export(
    sealed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An SVG export of a sealed diagram embeds the sealed file; unseal takes it."""
    image = tmp_path / "sealed.svg"
    argv = ["export", str(sealed), "-o", str(image), "--passphrase-env", "LW_PASS"]
    assert 0 == main(argv)
    out = tmp_path / "back.linework"

    assert 0 == main(
        ["unseal", str(image), "-o", str(out), "--passphrase-env", "LW_PASS"]
    )
    assert out.read_bytes() == EXAMPLE.read_bytes()
    assert os.path.getsize(out) > 0
