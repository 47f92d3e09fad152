"""Opening and saving files of every kind: native, imported, sealed, and images.

This is the one place that knows a file may be a sealed envelope or an image
with a diagram inside, so the CLI, the browser bridge and tests open files the
same way.
"""

from __future__ import annotations

import base64
import importlib
import re
from collections.abc import Callable
from typing import Final

from linework.errors import LineworkError
from linework.formats import imports, native, png
from linework.formats.imports import ImportResult
from linework.model import Document
from linework.render import export_svg

PNG_KEY: Final = "linework"
_SVG_EMBED: Final = re.compile(
    rb"<linework:document encoding=\"base64\">([A-Za-z0-9+/=\s]*)</linework:document>"
)

Unsealer = Callable[[bytes], bytes]


def embedded_document(data: bytes) -> bytes | None:
    """Return the diagram bytes embedded in a Linework SVG or PNG export, if any."""
    if png.is_png(data):
        return png.text_chunks(data).get(PNG_KEY)
    m = _SVG_EMBED.search(data[: 64 * 1024 * 1024])
    if m is None:
        return None
    try:
        return base64.b64decode(b"".join(m.group(1).split()), validate=True)
    except ValueError:
        raise LineworkError("LW-E0206", "The embedded diagram is damaged.") from None


def open_document(
    data: bytes, unseal: Unsealer | None = None, kind: str | None = None
) -> ImportResult:
    """Open bytes of any supported kind.

    Args:
        data: the file's bytes.
        unseal: turns a sealed envelope into plaintext (asks for the passphrase);
            without it a sealed file raises LW-E0304.
        kind: what ``imports.sniff(data)`` answered, when the caller sniffed
            already (the content is then not sniffed again).

    Raises:
        LineworkError: with the code of the first problem found.
    """
    if kind is None:
        kind = imports.sniff(data)
    if kind == "linework-image":
        inner = embedded_document(data)
        if inner is None:
            raise LineworkError("LW-E0206")
        return open_document(inner, unseal)
    if kind == "linework-sealed":
        if unseal is None:
            raise LineworkError("LW-E0304")
        return ImportResult(doc=native.decode(unseal(data)), format="linework-sealed")
    return imports.read_any(data, kind)


def save_as(doc: Document, fmt_name: str) -> bytes:
    """Return the document in a writable format: linework, drawio or svg (first page).

    Raises:
        LineworkError: LW-E0401 for an unknown format.
    """
    if fmt_name == "linework":
        return native.encode(doc)
    if fmt_name == "drawio":
        # Loaded on demand: most sessions never export to draw.io.
        module = importlib.import_module("linework.formats.drawio.export")
        data: bytes = module.write(doc)
        return data
    if fmt_name == "svg":
        page = doc.pages()[0]
        return export_svg(doc, page.id, embed=native.encode(doc)).encode("utf-8")
    raise LineworkError("LW-E0401", f"Unknown format {fmt_name!r}.")
