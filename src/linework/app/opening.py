"""Opening bytes: the content is sniffed once and decides everything.

The browser's Open, drop and paste, a host's ``load`` and the command line all
come here, so a file opens the same way everywhere and its bytes are sniffed
once (issue 15: the old paths sniffed the same file three or four times).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from linework import files
from linework.errors import LineworkError
from linework.formats import imports, pictures
from linework.formats.imports import ImportResult


class PictureError(LineworkError):
    """The bytes are a plain picture (no diagram inside): insert it instead."""

    #: The reply says so, and the page offers to insert the picture.
    picture = True

    def __init__(self) -> None:
        super().__init__("LW-E0206", "It is a picture: insert it instead.")


@dataclass(frozen=True, slots=True)
class Opened:
    """A decoded file and what its content was."""

    result: ImportResult
    #: What the outer bytes sniffed as (``linework-image`` for an export).
    sniffed: str | None

    @property
    def native(self) -> bool:
        """Return whether Save may write the file back (a ``.linework`` file)."""
        return self.sniffed in ("linework", "linework-sealed")


def _inner(data: bytes) -> bytes | None:
    try:
        return files.embedded_document(data)
    except LineworkError:
        return None


def kind_of(
    data: bytes, sniffed: str | None = None
) -> Literal["picture", "diagram", "none"]:
    """Return whether ``data`` is a picture to insert, a diagram to open, or neither.

    ``sniffed``: ``imports.sniff(data)`` when the caller has it already.
    """
    fmt = imports.sniff(data) if sniffed is None else sniffed
    if fmt == "linework-image":
        if _inner(data) is not None:
            return "diagram"
    elif fmt is not None:
        return "diagram"
    return "picture" if pictures.sniff(data) is not None else "none"


def open_bytes(
    data: bytes, unseal: files.Unsealer | None = None, *, pictures_too: bool = True
) -> Opened:
    """Decode a file of any kind Linework reads, sniffing its content once.

    ``pictures_too``: tell a plain picture apart (the browser offers to insert
    it); the command line has no such offer and lets the codec say what it is.

    Raises:
        PictureError: a plain picture (LW-E0206); the browser offers to insert it.
        LineworkError: the first problem's code (LW-E0304 for a sealed file
            without ``unseal``).
    """
    sniffed = imports.sniff(data)
    if pictures_too and (sniffed is None or sniffed == "linework-image"):
        inner = _inner(data) if sniffed is not None else None
        if inner is None:
            if pictures.sniff(data) is not None:
                raise PictureError()
            if sniffed is not None:
                raise LineworkError("LW-E0206")
        else:
            return Opened(files.open_document(inner, unseal), sniffed)
    return Opened(files.open_document(data, unseal, sniffed), sniffed)
