"""``linework report``: one row per diagram file, with its figures, and a summary."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from golden_files import example_files
from linework.cli import main


def test_report_lists_each_diagram_with_its_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every example is reported as linework with its counts; notes are skipped."""
    for example in example_files():
        shutil.copy(example, tmp_path / example.name)
    (tmp_path / "notes.md").write_text("# not a diagram")

    code = main(["report", str(tmp_path)])

    out = capsys.readouterr().out
    assert 0 == code
    assert "notes.md" not in out
    for example in example_files():
        row = next(line for line in out.splitlines() if line.startswith(example.name))
        assert "linework" in row
    assert (
        f"{len(example_files())} files, {len(example_files())} imported, 0 failed"
        in out
    )


def test_report_counts_failures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file that does not open is a row with its error code, and the exit code is 1."""
    (tmp_path / "broken.drawio").write_text("<mxfile><diagram>%%%</diagram></mxfile>")

    code = main(["report", str(tmp_path)])

    out = capsys.readouterr().out
    assert 1 == code
    assert "error LW-E" in out
    assert "1 files, 0 imported, 1 failed" in out
