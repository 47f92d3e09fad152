"""Reading and writing files for CLI verbs, with errors that name the file."""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path

from linework.app.opening import open_bytes
from linework.errors import LineworkError
from linework.formats.imports import ImportResult


def read_input(path: str) -> bytes:
    """Return the bytes of ``path`` (``-`` for stdin).

    Raises:
        LineworkError: LW-E0700 naming the file when it cannot be read.
    """
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise LineworkError("LW-E0700", f"{path}: {exc.strerror}") from None


def write_output(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` (``-`` for stdout).

    A regular file is replaced atomically (a temporary file renamed over it), so
    a failure never leaves it half-written; the new file keeps the old one's
    mode, or gets ``0o666 & ~umask`` when it is new. A symlink, device or FIFO
    is written through instead: renaming over it would replace the link or the
    device with a regular file.

    Raises:
        LineworkError: LW-E0701 naming the file when it cannot be written
            (including a failed flush or close, such as a full disk).
    """
    if path == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    target = Path(path)
    try:
        try:
            st = target.lstat()
        except FileNotFoundError:
            st = None
        if st is not None and (
            stat.S_ISLNK(st.st_mode) or not stat.S_ISREG(st.st_mode)
        ):
            _write_through(target, data)
        else:
            _write_atomic(target, data, None if st is None else st.st_mode)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise LineworkError("LW-E0701", f"{path}: {reason}.") from None


def _write_through(target: Path, data: bytes) -> None:
    # Opening follows a symlink; a device or FIFO is written as it is.
    with open(target, "wb") as fh:
        fh.write(data)


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write_atomic(target: Path, data: bytes, old_mode: int | None) -> None:
    mode = stat.S_IMODE(old_mode) if old_mode is not None else 0o666 & ~_current_umask()
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def check_page(page: int, count: int) -> None:
    """Refuse a ``--page`` number the diagram does not have.

    Raises:
        LineworkError: LW-E0702 naming the page and how many there are.
    """
    if not 1 <= page <= count:
        pages = "1 page" if count == 1 else f"pages 1–{count}"
        raise LineworkError("LW-E0702", f"--page {page}: the diagram has {pages}.")


def open_input(path: str) -> ImportResult:
    """Open the diagram at ``path`` (``-`` for stdin); no passphrase is asked.

    Raises:
        LineworkError: the first problem's code; a sealed file's LW-E0304 says
            how to unseal it.
    """
    try:
        return open_bytes(read_input(path), pictures_too=False).result
    except LineworkError as exc:
        if exc.code != "LW-E0304" or exc.detail:
            raise
        source = "FILE" if path == "-" else path
        raise LineworkError(
            "LW-E0304",
            f"Unseal it first: linework unseal {source} -o OUT.linework",
        ) from None
