"""The one registry of user-facing error codes (docs/architecture.md §6).

Every failure a user can meet maps to a stable ``LW-E`` code with a message
written for people. The code is also the only thing the error beacon may send,
so messages here never include user data; details for the user (which field,
which line) travel in ``LineworkError.detail`` and never leave the browser.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

Context = Literal["boot", "import", "export", "save", "open", "edit", "embed"]
CONTEXTS: Final[tuple[Context, ...]] = (
    "boot",
    "import",
    "export",
    "save",
    "open",
    "edit",
    "embed",
)


@dataclass(frozen=True, slots=True)
class ErrorCode:
    """A registered error: its code, the context it belongs to, and its message."""

    code: str
    context: Context
    message: str


#: One code a row: code, context, message (a line starting with spaces goes on
#: with the message above; ``#`` lines name the ranges).
_TABLE: Final = """
# 00xx: internal and boot
LW-E0001 edit   Something went wrong inside Linework. Your diagram is unchanged.
LW-E0002 boot   Linework could not start in this browser.
LW-E0003 boot   Linework took too long to start. Reload the page to try again.
LW-E0004 boot   The Python runtime stopped working. Download your diagram, then
                reload.
# 01xx: reading .linework files
LW-E0100 open   This file is not a Linework diagram or any format Linework can
                import.
LW-E0101 open   The file is not valid JSON.
LW-E0102 open   The file does not follow the Linework format.
LW-E0103 open   The file was made by a newer Linework; update Linework to open it.
LW-E0104 open   The file is too large to open.
LW-E0105 open   The file has too many elements to open.
LW-E0106 open   The file is nested too deeply to open safely.
LW-E0107 open   The file is not valid UTF-8 text.
LW-E0108 open   There is no template of that name.
# 02xx: imports of other formats
LW-E0200 import The draw.io file could not be read.
LW-E0201 import The Gliffy file could not be read.
LW-E0202 import The Excalidraw file could not be read.
LW-E0203 import The Mermaid text could not be read.
LW-E0204 import The XML uses features Linework refuses for safety (DTDs or
                entities).
LW-E0205 import The compressed data expands beyond the size limit.
LW-E0206 import The image has no diagram embedded in it.
LW-E0207 import The picture is too large to insert (10 MB at most).
LW-E0208 import This file is not a picture Linework can insert (PNG, JPEG, GIF, WebP
                or SVG).
LW-E0209 import The SVG picture could not be read.
LW-E0220 edit   The icon could not be read as a safe SVG.
# 03xx: sealed files
LW-E0300 open   Wrong passphrase, or the file was changed after it was sealed.
LW-E0301 open   The sealed file is damaged or incomplete.
LW-E0302 open   The sealed file uses a version this Linework does not support.
LW-E0303 save   The file could not be sealed.
LW-E0304 open   A passphrase is needed to open this file.
LW-E0305 save   Encryption needs the cryptography package: pip install
                'linework[native]'.
LW-E0306 open   This file is not sealed; it opens without a passphrase.
# 04xx: saving and exporting
LW-E0400 save   The file could not be saved. Your changes are still unsaved.
LW-E0401 export The export could not be made.
LW-E0402 export The diagram is too large to share as a link. Export it as a file
                instead.
LW-E0403 export The picture is too large for a PNG. Export it as SVG instead.
LW-E0404 export The page is too large to export as one picture.
# 05xx: editing
LW-E0500 edit   That change is not allowed here.
LW-E0501 edit   That layer is locked.
LW-E0502 edit   This diagram is open read-only.
# 06xx: embedding
LW-E0600 embed  The embedding page did not give a valid origin.
LW-E0601 embed  The message from the embedding page was not understood.
LW-E0602 embed  The diagram sent by the embedding page could not be read.
LW-E0603 embed  This site is not allowed to embed Linework: its origin is not on the
                list.
LW-E0604 open   The diagram in this link could not be read.
LW-E0605 embed  The diagram is encrypted: it is not sent unencrypted without your
                consent.
# 07xx: command line
LW-E0700 open   The file could not be read from disk.
LW-E0701 save   The file could not be written to disk.
LW-E0702 open   The diagram has no such page.
"""


def _rows(table: str) -> tuple[ErrorCode, ...]:
    """Return the table's entries, in order."""
    rows: list[list[str]] = []
    for line in table.splitlines():
        if line.startswith(" "):
            rows[-1][2] += " " + line.strip()
        elif line and not line.startswith("#"):
            rows.append(line.split(maxsplit=2))
    return tuple(
        ErrorCode(code, _context(context), text) for code, context, text in rows
    )


def _context(name: str) -> Context:
    for context in CONTEXTS:
        if context == name:
            return context
    raise ValueError(f"unknown error context {name!r}")


_ENTRIES: Final = _rows(_TABLE)

REGISTRY: Final[dict[str, ErrorCode]] = {e.code: e for e in _ENTRIES}


class LineworkError(Exception):
    """A failure with a registered code; ``detail`` says exactly what and where.

    Args:
        code: a key of ``REGISTRY``.
        detail: specifics for the user, such as
            ``pages[0].elements[3].box.w: must be > 0``.
    """

    def __init__(self, code: str, detail: str = "") -> None:
        if code not in REGISTRY:
            raise KeyError(f"unregistered error code {code}")
        self.code = code
        self.detail = detail
        super().__init__(self.describe())

    @property
    def message(self) -> str:
        """Return the registered message for the code."""
        return REGISTRY[self.code].message

    @property
    def context(self) -> Context:
        """Return the context the code belongs to."""
        return REGISTRY[self.code].context

    def describe(self) -> str:
        """Return the message with its detail and code, for people."""
        text = self.message
        if self.detail:
            text = f"{text} {self.detail}"
        return f"{text} ({self.code})"


def message_for(code: str) -> str:
    """Return the user message of a code, or the internal-error message if unknown."""
    entry = REGISTRY.get(code) or REGISTRY["LW-E0001"]
    return entry.message
