"""``-o OUT``: regular files are replaced atomically with their mode kept; links,
devices and FIFOs are written through; a failed write is LW-E0701, never exit 0.

Never tested against the real /dev/full or /dev/null: a FIFO and a symlink in
``tmp_path`` stand in for "not a regular file", and a failing write is simulated.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import threading
from pathlib import Path

import pytest

from linework.cli import io as cli_io
from linework.cli import main
from linework.cli.io import write_output
from linework.errors import LineworkError

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "flowchart.linework"

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")


@posix_only
def test_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    """Replacing a 0644 file leaves a 0644 file (not mkstemp's 0600)."""
    out = tmp_path / "x.svg"
    out.write_bytes(b"old")
    out.chmod(0o644)

    write_output(str(out), b"new")

    assert out.read_bytes() == b"new"
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


@posix_only
def test_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    """A new file is 0o666 & ~umask, as any other tool would create it."""
    out = tmp_path / "new.svg"
    old = os.umask(0o027)
    try:
        write_output(str(out), b"data")
    finally:
        os.umask(old)

    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["new.svg"]  # no temp file left


@posix_only
def test_symlink_is_written_through(tmp_path: Path) -> None:
    """The link stays a link; its target gets the bytes."""
    real = tmp_path / "real.svg"
    real.write_bytes(b"old")
    link = tmp_path / "link.svg"
    link.symlink_to(real)

    assert main(["render", str(EXAMPLE), "-o", str(link)]) == 0

    assert link.is_symlink()
    assert real.read_bytes().startswith(b"<svg")


@posix_only
def test_fifo_is_written_through_not_replaced(tmp_path: Path) -> None:
    """A FIFO (standing in for a device) is opened and written, not renamed over."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def reader() -> None:
        with open(fifo, "rb") as fh:
            received.append(fh.read())

    thread = threading.Thread(target=reader)
    thread.start()
    write_output(str(fifo), b"through the pipe")
    thread.join(timeout=10)

    assert received == [b"through the pipe"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_write_failure_is_lw_e0701(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A full disk (simulated) is a clear LW-E0701 and a non-zero exit, no temp left."""
    out = tmp_path / "x.svg"
    out.write_bytes(b"old")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)

    code = main(["render", str(EXAMPLE), "-o", str(out)])

    assert code != 0
    err = capsys.readouterr().err
    assert "LW-E0701" in err
    assert str(out) in err
    assert os.strerror(errno.ENOSPC) in err
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.svg"]


@posix_only
def test_write_through_failure_is_lw_e0701(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failing write to a device-like output raises LW-E0701, not success."""

    def failing(target: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(cli_io, "_write_through", failing)
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "elsewhere")

    with pytest.raises(LineworkError) as info:
        write_output(str(link), b"x")

    assert info.value.code == "LW-E0701"


def test_directory_output_is_lw_e0701(tmp_path: Path) -> None:
    """-o naming a directory is LW-E0701, naming it."""
    with pytest.raises(LineworkError) as info:
        write_output(str(tmp_path), b"x")

    assert info.value.code == "LW-E0701"
    assert str(tmp_path) in info.value.detail
