"""Open any supported file: sniff the content (not the name) and hand it to its codec.

Every codec module has ``read(data: bytes) -> ImportResult``; they are imported
lazily so opening a ``.linework`` file never loads the XML machinery.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal

from linework.errors import LineworkError
from linework.formats import limits, native, png
from linework.model import Document

FormatName = Literal[
    "linework", "linework-sealed", "drawio", "gliffy", "excalidraw", "mermaid"
]

_MODULES: Final[dict[str, str]] = {
    "drawio": "linework.formats.drawio",
    "gliffy": "linework.formats.gliffy",
    "excalidraw": "linework.formats.excalidraw",
    "mermaid": "linework.formats.mermaid",
}
# JSON formats name themselves in a key: match the key, not a bare word, so a
# label mentioning "gliffy" or "excalidraw" cannot mislead the sniffing.
_EXCALIDRAW_TYPE: Final = re.compile(rb'"type"\s*:\s*"excalidraw')
_GLIFFY_TYPE: Final = re.compile(rb'"contentType"\s*:\s*"application/gliffy')
_SVG_ROOT: Final = re.compile(rb"<svg[\s>]")
_MERMAID_START: Final = re.compile(
    rb"^\s*(?:%%[^\n]*\n\s*)*(?:---\n.*?\n---\s*\n\s*)?(?:flowchart|graph)\b", re.DOTALL
)


@dataclass(frozen=True, slots=True)
class ImportResult:
    """A decoded document plus what the user should know about the import.

    Attributes:
        doc: the editable document.
        format: which format the data was in.
        unmapped: shapes whose kind Linework lacks, drawn as rectangle-like shapes.
        warnings: short notes for the user (never shown as markup).
    """

    doc: Document
    format: str
    unmapped: int = 0
    warnings: tuple[str, ...] = ()


def unmapped_warning(names: Mapping[str, int]) -> str | None:
    """Return the note about shapes without a Linework kind, naming the commonest.

    Args:
        names: how many shapes of each source-format name had no Linework kind.
    """
    if not names:
        return None
    top = sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))
    shown = ", ".join(name for name, _ in top[:3])
    more = ", …" if len(top) > 3 else ""
    n = sum(names.values())
    return (
        f"{n} shape(s) have no Linework equivalent and are drawn as "
        f"placeholders or rectangles ({shown}{more})."
    )


def sniff(data: bytes) -> str | None:
    """Return the format name of ``data`` judged by its content, or None."""
    head = data[:4096]
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if png.is_png(data):
        keys = png.text_chunks(data)
        if "linework" in keys:
            return "linework-image"
        if "mxfile" in keys:
            return "drawio"
        if any("excalidraw" in k for k in keys):
            return "excalidraw"
        return None
    if stripped.startswith(b"{"):
        if b'"linework-sealed"' in head:
            return "linework-sealed"
        if b'"linework"' in head:
            return "linework"
        if _EXCALIDRAW_TYPE.search(head):
            return "excalidraw"
        if _GLIFFY_TYPE.search(head) or b'"stage"' in head:
            return "gliffy"
        # The naming key may come after a large first value (embedded images).
        window = data[: 1 << 20]
        if _EXCALIDRAW_TYPE.search(window):
            return "excalidraw"
        if _GLIFFY_TYPE.search(window):
            return "gliffy"
        return None
    if stripped.startswith(b"<"):
        low = data[: 1 << 20].lower()
        if b"linework:document" in low or b"data-linework" in low:
            return "linework-image"
        if (
            b"<mxfile" in low
            or b"<mxgraphmodel" in low
            or b'content="&lt;mxfile' in low
            or b'content="&lt;mxgraphmodel' in low
        ):
            return "drawio"
        if b"excalidraw" in low:
            return "excalidraw"
        return None
    if _MERMAID_START.match(head.removeprefix(b"\xef\xbb\xbf")):
        return "mermaid"
    return None


def read_any(data: bytes, kind: str | None = None) -> ImportResult:
    """Decode a diagram in any supported format (``kind``: already sniffed).

    Raises:
        LineworkError: LW-E0100 for unknown content, LW-E0206 for a PNG or SVG
            image holding no diagram Linework reads, or the codec's own code.
    """
    limits.check_size(data)
    if kind is None:
        kind = sniff(data)
    if kind == "linework":
        return ImportResult(doc=native.decode(data), format="linework")
    if kind in _MODULES:
        module = importlib.import_module(_MODULES[kind])
        result: ImportResult = module.read(data)
        return result
    if kind in ("linework-sealed", "linework-image"):
        # Sealed files and images need the files layer (passphrase, envelope).
        raise LineworkError("LW-E0304" if kind == "linework-sealed" else "LW-E0100")
    image = _image_kind(data)
    if image is not None:
        raise LineworkError(
            "LW-E0206", f"It is a plain {image}, perhaps exported without the diagram."
        )
    raise LineworkError("LW-E0100")


def _image_kind(data: bytes) -> str | None:
    """Return "PNG" or "SVG" when ``data`` is such an image, else None."""
    if png.is_png(data):
        return "PNG"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<") and _SVG_ROOT.search(head):
        return "SVG"
    return None
