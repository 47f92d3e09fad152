"""Files built to amplify rendering (issue 14), for the unit and browser tests."""

from __future__ import annotations

import base64
import urllib.parse
import zlib
from dataclasses import replace

from linework.geometry import Box
from linework.model import DEFAULT_STYLE, Document, IdSource, Shape, Transaction

SMALL = Box(0, 0, 30, 30)
# Words of 1 to 9 letters: wraps at spaces, as real text does.
WORDS = " ".join("abcdefghi"[: 1 + i % 9] for i in range(20_000))[:100_000]


def labelled(n: int, text: str, box: Box = SMALL, **style: object) -> Document:
    """A page of n shapes (40 px apart), each labelled ``text``."""
    ids = IdSource()
    doc = Document.new(ids)
    page = doc.pages()[0]
    tx = Transaction(doc)
    for i in range(n):
        tx.put(
            Shape(
                id=ids.new("shape"),
                page=page.id,
                layer=doc.layers(page.id)[0].id,
                kind="rectangle",
                box=replace(box, x=box.x + 40 * i),
                text=text,
                style=replace(DEFAULT_STYLE, **style),  # type: ignore[arg-type]
            )
        )
    return doc.apply(tx.patch())


def compressed_drawio(n: int, text: str) -> bytes:
    """A compressed draw.io page of n 30 px cells, each labelled ``text``."""
    cells = "".join(
        f'<mxCell id="c{i}" value="{text}" style="whiteSpace=wrap;html=1;" '
        f'vertex="1" parent="1"><mxGeometry x="{40 * i}" y="0" width="30" '
        'height="30" as="geometry"/></mxCell>'
        for i in range(n)
    )
    xml = (
        '<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>'
        f"{cells}</root></mxGraphModel>"
    )
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = deflate.compress(urllib.parse.quote(xml, safe="").encode())
    raw += deflate.flush()
    payload = base64.b64encode(raw).decode()
    return f'<mxfile><diagram id="d" name="P">{payload}</diagram></mxfile>'.encode()
