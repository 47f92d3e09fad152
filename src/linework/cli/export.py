"""``linework export IN -o OUT.svg|.png``: an image that opens again as the diagram.

The SVG is the core's own export (``render.export_svg``) with the ``.linework``
document in its ``<metadata>``; the PNG is that SVG rasterised by resvg (the
optional extra ``linework[png]``, the PyPI package ``resvg-py``) with the
document in an ``iTXt`` chunk. ``--no-embed`` leaves the diagram out. A sealed
input is asked for its passphrase (as ``linework unseal``) and its export embeds
the sealed file itself, never the plaintext.

Fonts: resvg draws text with the system's fonts. The SVG asks for
``Arimo, Arial, Helvetica, sans-serif``; Arimo and Liberation Sans have Arial's
metrics, so text wraps as in the browser where one of them is installed. No
font is shipped: the browser's woff2 files would need converting, and a font
on the system is what the user's other tools use too.
"""

from __future__ import annotations

import argparse
import importlib
import math
import re
from pathlib import Path
from typing import Any

from linework.cli.io import check_page, read_input, write_output
from linework.errors import LineworkError
from linework.files import PNG_KEY, embedded_document, open_document
from linework.formats import native, png
from linework.render import export_svg
from linework.seal import is_sealed

SCALES = (1, 2, 4)
# resvg allocates width × height × 4 bytes up front and aborts the process when
# that fails, so the size is checked first: 64 megapixels (256 MB of pixels),
# and no side beyond 32,000 px.
MAX_PNG_PIXELS = 64_000_000
MAX_PNG_SIDE = 32_000
_SIZE = re.compile(r'<svg [^>]*?width="([0-9.]+)" height="([0-9.]+)"', re.ASCII)


def add_parser(sub: Any) -> None:
    """Register the verb."""
    p = sub.add_parser(
        "export",
        help="export a page as SVG or PNG with the diagram embedded",
        description="Export a page as SVG or PNG (chosen by OUT's suffix). The "
        "image embeds the diagram, so Linework opens it as an editable diagram.",
    )
    p.add_argument(
        "input", metavar="IN", help="any diagram Linework opens (- for stdin)"
    )
    p.add_argument(
        "-o", "--output", metavar="OUT", required=True, help="OUT.svg or OUT.png"
    )
    p.add_argument(
        "--page", type=int, default=1, help="page number, from 1 (default 1)"
    )
    p.add_argument(
        "--scale", type=int, choices=SCALES, default=1, help="PNG pixel scale"
    )
    p.add_argument(
        "--no-embed", action="store_true", help="leave the diagram out of the image"
    )
    p.add_argument(
        "--transparent",
        action="store_true",
        help="no page background (PNG: transparent pixels)",
    )
    from linework.cli.seal import add_passphrase_options

    add_passphrase_options(p)
    p.set_defaults(run=run)


def _unsealer(args: argparse.Namespace) -> Any:
    def unseal_with_passphrase(data: bytes) -> bytes:
        from linework.cli.seal import read_passphrase
        from linework.seal import unseal
        from linework.seal.native import NativePrimitives

        primitives = NativePrimitives(missing_code="LW-E0305")
        passphrase = read_passphrase(args, confirm=False, code="LW-E0304")
        return unseal(data, passphrase, primitives)

    return unseal_with_passphrase


def check_pixels(svg: str, scale: int) -> None:
    """Refuse a picture whose pixels would not fit in memory (LW-E0403).

    Reads the size of the core's own export (its root ``width``/``height``).
    """
    found = _SIZE.search(svg)
    if found is None:
        raise LineworkError("LW-E0401", "The SVG has no size.")
    w = math.ceil(float(found.group(1)) * scale)
    h = math.ceil(float(found.group(2)) * scale)
    if w * h > MAX_PNG_PIXELS or max(w, h) > MAX_PNG_SIDE:
        raise LineworkError(
            "LW-E0403",
            f"It would be {w:,} × {h:,} pixels; the limit is "
            f"{MAX_PNG_PIXELS:,} pixels and {MAX_PNG_SIDE:,} a side."
            + (" Try a smaller --scale." if scale > 1 else ""),
        )


def rasterize(svg: str, scale: int) -> bytes:
    """Return the SVG as PNG bytes through resvg (the ``png`` extra).

    Raises:
        LineworkError: LW-E0401 when resvg-py is missing or refuses the SVG,
            LW-E0403 when the picture has too many pixels.
    """
    check_pixels(svg, scale)
    try:
        resvg = importlib.import_module("resvg_py")
    except ImportError:
        raise LineworkError(
            "LW-E0401", "PNG needs resvg: pip install 'linework[png]'."
        ) from None
    try:
        data = resvg.svg_to_bytes(svg_string=svg, zoom=float(scale))
    except (ValueError, RuntimeError) as error:
        raise LineworkError("LW-E0401", f"resvg: {error}") from None
    return bytes(data)


def run(args: argparse.Namespace) -> int:
    """Export the chosen page; return the exit code."""
    suffix = Path(args.output).suffix.lower()
    if suffix not in (".svg", ".png"):
        raise LineworkError("LW-E0401", "OUT must end in .svg or .png.")
    data = read_input(args.input)
    inner = data if is_sealed(data) else embedded_document(data)
    sealed_source = inner if inner is not None and is_sealed(inner) else None
    doc = open_document(data, _unsealer(args)).doc
    pages = doc.pages()
    check_page(args.page, len(pages))
    embed: bytes | None = None
    if not args.no_embed:
        # A sealed diagram stays sealed inside its image.
        embed = sealed_source if sealed_source is not None else native.encode(doc)
    page_id = pages[args.page - 1].id
    if suffix == ".svg":
        svg = export_svg(doc, page_id, background=not args.transparent, embed=embed)
        write_output(args.output, svg.encode("utf-8"))
        return 0
    svg = export_svg(doc, page_id, background=not args.transparent, embed=None)
    image = rasterize(svg, args.scale)
    if embed is not None:
        image = png.with_text_chunk(image, PNG_KEY, embed)
    write_output(args.output, image)
    return 0
