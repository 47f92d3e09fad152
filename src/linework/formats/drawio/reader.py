"""Reading a draw.io file: containers (XML, SVG, PNG), compressed pages, the whole."""

from __future__ import annotations

import base64
import binascii
import codecs
import urllib.parse
import xml.etree.ElementTree as ET
import zlib

from linework.errors import LineworkError
from linework.formats import limits, png, xmlsafe
from linework.formats.drawio.cells import Report, read_cells
from linework.formats.drawio.fit import background, fit_page
from linework.formats.drawio.names import CODE, GREMLINS, MAX_COORD, MAX_INFLATED
from linework.formats.drawio.page import Ids, PageBuilder
from linework.formats.drawio.styles import bounded
from linework.formats.imports import ImportResult
from linework.model import (
    Document,
    Grid,
    Page,
    Record,
)


def decompress(payload: str, budget: list[int] | None = None) -> str:
    """Return the XML of a compressed ``<diagram>`` payload.

    base64, then raw deflate (capped), then URL-decoding, then the control
    characters draw.io's own reader strips.

    Args:
        payload: the diagram element's text.
        budget: a one-item list of bytes the inflation may still produce; it is
            decreased, so all pages of a file share one cap.

    Raises:
        LineworkError: LW-E0200 for bad base64 or deflate data, LW-E0205 when the
            data inflates beyond the cap.
    """
    cap = budget if budget is not None else [MAX_INFLATED]
    try:
        raw = base64.b64decode(payload.strip())
    except (binascii.Error, ValueError):
        raise LineworkError(CODE, "A page is neither XML nor compressed XML.") from None
    try:
        inflated = png.inflate(raw, max(0, cap[0]), wbits=-15)
    except zlib.error:
        raise LineworkError(CODE, "A compressed page is damaged.") from None
    cap[0] -= len(inflated)
    text = inflated.decode("utf-8", "replace")
    if not text.lstrip().startswith("<"):
        text = urllib.parse.unquote(text, errors="replace")
    return text.translate(GREMLINS)


def _decode_bytes(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise LineworkError(CODE, "The UTF-16 text is damaged.") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # The same code as every other format's bad UTF-8 (LW-E0107).
        raise LineworkError("LW-E0107", f"Bad byte at offset {exc.start}.") from None


def _png_xml(data: bytes) -> str:
    chunks = png.text_chunks(data)
    raw = chunks.get("mxfile")
    if raw is None:
        raw = chunks.get("mxGraphModel")
    if raw is None:
        raise LineworkError("LW-E0206", "The PNG has no draw.io chunk.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    for _ in range(2):  # draw.io URL-encodes, and some writers did it twice
        if text.startswith("%"):
            text = urllib.parse.unquote(text, errors="replace")
    return text.translate(GREMLINS)


def _mxfile_text(data: bytes, budget: list[int]) -> str:
    """Return the mxfile/mxGraphModel XML carried by PNG, SVG or plain bytes."""
    if png.is_png(data):
        return _png_xml(data)
    text = _decode_bytes(data)
    tag, attrs = xmlsafe.root_attributes(text, code=CODE, allow_doctype=("svg",))
    if xmlsafe.local_name(tag) != "svg":
        return text
    content = attrs.get("content")
    if not content or not content.strip():
        raise LineworkError("LW-E0206", "The SVG has no draw.io content.")
    if content.lstrip().startswith("<"):
        return content
    return decompress(content, budget)


def _models(
    root: ET.Element, budget: list[int]
) -> list[tuple[dict[str, str], ET.Element | None]]:
    """Return ``(diagram attributes, mxGraphModel or None)`` per page."""
    tag = xmlsafe.local_name(root.tag)
    if tag == "mxGraphModel":
        return [({}, root)]
    if tag == "mxlibrary":
        raise LineworkError(CODE, "It is a draw.io shape library, not a diagram.")
    if tag != "mxfile":
        raise LineworkError(CODE, f"Its root element is <{tag[:40]}>, not <mxfile>.")
    diagrams = [d for d in root if xmlsafe.local_name(d.tag) == "diagram"]
    if not diagrams:
        raise LineworkError(CODE, "It has no pages.")
    if len(diagrams) > limits.MAX_PAGES:
        raise LineworkError(
            CODE, f"It has {len(diagrams):,} pages; the limit is {limits.MAX_PAGES:,}."
        )
    out: list[tuple[dict[str, str], ET.Element | None]] = []
    for d in diagrams:
        model = next((c for c in d if c.tag == "mxGraphModel"), None)
        if model is None and d.text and d.text.strip():
            payload = d.text.strip()
            xml = payload if payload.startswith("<") else decompress(payload, budget)
            inner = xmlsafe.parse(xml, code=CODE)
            if inner.tag != "mxGraphModel":
                raise LineworkError(CODE, "A page holds no <mxGraphModel>.")
            model = inner
        out.append((dict(d.attrib), model))
    return out


def read(data: bytes) -> ImportResult:
    """Import a draw.io diagram (XML, compressed XML, ``.drawio.svg``, ``.drawio.png``).

    Returns:
        The document, with ``unmapped`` counting shapes drawn as rectangles for
        lack of a Linework kind, and warnings about anything repaired or dropped.

    Raises:
        LineworkError: LW-E0200 unreadable, LW-E0204 DTDs or entities, LW-E0205
            decompression beyond the cap, LW-E0206 an image without a diagram,
            LW-E0105 too many elements, LW-E0106 nested too deeply, LW-E0104 too
            large.
    """
    limits.check_size(data)
    budget = [MAX_INFLATED]
    text = _mxfile_text(data, budget)
    root = xmlsafe.parse(text, code=CODE)
    models = _models(root, budget)
    report = Report()
    ids = Ids()
    records: dict[str, Record] = {}
    unmapped = 0
    element_budget = [limits.MAX_ELEMENTS]
    for index, (attrs, model) in enumerate(models):
        cells = read_cells(model, report, element_budget) if model is not None else []
        page_name = (attrs.get("name") or f"Page {index + 1}")[:200]
        page_id = ids.make("page", attrs.get("id") or str(index + 1))
        builder = PageBuilder(
            cells,
            page_id=page_id,
            page_name=page_name,
            page_index=index,
            page_count=len(models),
            ids=ids,
            report=report,
        )
        result = builder.build()
        unmapped += result.unmapped
        m = model.attrib if model is not None else {}
        page, elements = fit_page(
            Page(
                id=page_id,
                name=page_name,
                z=index,
                width=bounded(m.get("pageWidth"), 1100.0, 1.0, MAX_COORD),
                height=bounded(m.get("pageHeight"), 850.0, 1.0, MAX_COORD),
                background=background(m.get("background")),
                grid=Grid(
                    size=bounded(m.get("gridSize"), 10.0, 1.0, 1000.0),
                    visible=m.get("grid", "1") != "0",
                    snap=m.get("grid", "1") != "0",
                ),
            ),
            result.records,
            report,
        )
        records[page.id] = page
        for r in elements:
            records[r.id] = r
    return ImportResult(
        doc=Document(records=records),
        format="drawio",
        unmapped=unmapped + report.counts.get("mermaid_unmapped", 0),
        warnings=report.warnings(),
    )
