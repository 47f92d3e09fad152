"""Reading and writing files for CLI verbs, with errors that name the file."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from linework.errors import LineworkError


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
    """Write ``data`` to ``path`` atomically (``-`` for stdout): no half-written file.

    Raises:
        LineworkError: LW-E0701 naming the file when it cannot be written.
    """
    if path == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise LineworkError("LW-E0701", f"{path}: {exc.strerror}") from None
