"""draw.io import on the real files in ../shared/corpus/drawio.

Expected numbers are worked out here from the XML independently of the importer
(plain ElementTree, base64, zlib and unquote, as FORMATS.md describes), plus a few
pinned counts per named file.
"""

from __future__ import annotations

import base64
import json
import re
import urllib.parse
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import icon_data
from linework.formats import drawio, mermaid, native, png
from linework.formats.drawio import export as drawio_export
from linework.formats.htmltext import html_to_text
from linework.formats.imports import ImportResult
from linework.model import Attached, Connector, Document, Group, Layer, Shape

CORPUS = Path(__file__).parents[3] / ".." / "shared" / "corpus" / "drawio"
FILES = sorted(p.name for p in CORPUS.iterdir()) if CORPUS.is_dir() else []

#: How many edges per file the connection test can check at least (unique labels).
CHECKED_CONNECTIONS = {
    "dd_data-flow.drawio": 36,
    "dd_bpmn-example.drawio": 23,
    "tpl_business_swimlane.xml": 22,
    "vsc_architecture.drawio.svg": 16,
    "vsc_class-diagrams.dio": 13,
    "dd_flowchart.drawio.svg": 5,
    "dd_C4.drawio": 4,
}

pytestmark = pytest.mark.skipif(not FILES, reason="the shared corpus is not present")


@pytest.fixture(autouse=True, scope="module")
def _mapped_icons() -> None:
    """The icons imports map stencils to (AWS, network …): the build generates
    them, so a fresh checkout makes them here the same way (tests/icon_data.py),
    or skips saying why when web/node_modules lacks the icon packages."""
    if FILES:
        icon_data.ensure_mapped_icons()


# --------------------------------------------------------------------------- reference
def _mxfile_text(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return urllib.parse.unquote(png.text_chunks(data)["mxfile"].decode("latin-1"))
    if b"<svg" in data[:2000]:
        content = ET.fromstring(data).get("content") or ""
        if content.startswith("<"):
            return content
        return _inflate(content)
    return data.decode("utf-8")


def _inflate(payload: str) -> str:
    raw = zlib.decompress(base64.b64decode(payload), -15).decode("utf-8")
    return urllib.parse.unquote(raw)


def _models(data: bytes) -> list[ET.Element]:
    root = ET.fromstring(_mxfile_text(data))
    if root.tag == "mxGraphModel":
        return [root]
    out = []
    for d in root.iter("diagram"):
        model = d.find("mxGraphModel")
        payload = (d.text or "").strip()
        if model is None and payload:
            model = ET.fromstring(_inflate(payload))
        if model is not None:
            out.append(model)
    return out


@dataclass
class _RefCell:
    id: str
    cell: ET.Element
    wrapper: ET.Element | None

    @property
    def style(self) -> str:
        return self.cell.get("style") or ""

    @property
    def label(self) -> str:
        if self.wrapper is not None:
            return self.wrapper.get("label") or ""
        return self.cell.get("value") or ""


def _cells(model: ET.Element) -> Iterator[_RefCell]:
    root = model.find("root")
    assert root is not None
    for el in root:
        if el.tag == "mxCell":
            yield _RefCell(el.get("id") or "", el, None)
        else:
            inner = el.find("mxCell")
            if inner is not None:
                yield _RefCell(el.get("id") or "", inner, el)


@dataclass
class _Expected:
    shapes: int = 0
    connectors: int = 0
    pages: int = 0


def _expected(data: bytes) -> _Expected:
    """Count what the import should give, by plain inspection of the XML.

    Vertices become shapes except invisible ``group`` cells and labels (vertices
    whose parent is an edge) (a vertical swimlane's title is its own label,
    turned by the swimlane kind); edges become connectors unless nothing
    places them (no terminal cell and no point at all). A Mermaid plugin cell
    holding a flowchart gives that chart's shapes and connectors instead, as
    the Mermaid reader counts them.
    """
    out = _Expected()
    for model in _models(data):
        out.pages += 1
        cells = {c.id: c for c in _cells(model)}
        for c in cells.values():
            parent = cells.get(c.cell.get("parent") or "")
            under_edge = parent is not None and parent.cell.get("edge") == "1"
            chart = _mermaid_chart(c)
            if chart is not None:
                out.shapes += len(_of(chart, Shape))
                out.connectors += len(_of(chart, Connector))
            elif c.cell.get("vertex") == "1":
                is_group = "group" in c.style.split(";")
                if _folded(c, cells):
                    continue
                if not under_edge and not (is_group and not c.label):
                    out.shapes += 1
            elif c.cell.get("edge") == "1" and _placeable(c, cells):
                out.connectors += 1
    return out


def _style_map(c: _RefCell) -> dict[str, str]:
    return dict(kv.split("=", 1) for kv in c.style.split(";") if "=" in kv)


def _is_row_cell(c: _RefCell) -> bool:
    tokens = [t for t in c.style.split(";") if t and "=" not in t]
    shape = _style_map(c).get("shape", "")
    return (
        "line" in tokens
        or "text" in tokens
        or shape in ("line", "partialRectangle", "text", "tableRow")
    )


def _regular_rows(kids: list[_RefCell]) -> bool:
    """Return whether a stack's rows are one line each and of like heights (the
    import keeps the cells of any other stack)."""
    heights = []
    for k in kids:
        if "line" in k.style.split(";"):
            continue
        raw = k.label
        if "\n" in raw or "<br" in raw or "<div" in raw or "<p" in raw:
            return False
        geo = k.cell.find("mxGeometry")
        heights.append(float(geo.get("height", "0")) if geo is not None else 0.0)
    if not heights:
        return True
    heights.sort()
    return heights[-1] <= heights[len(heights) // 2] * 1.6


def _folded(c: _RefCell, cells: dict[str, _RefCell]) -> bool:
    """Return whether a vertex is folded into a UML/ER shape: a row, a separator
    or a key part of a class stack (a ``stackLayout`` swimlane of text rows), or
    a lifeline's activation bar (``orthogonalPerimeter`` under ``umlLifeline``)."""
    parent = cells.get(c.cell.get("parent") or "")
    if parent is None:
        return False
    if "umlLifeline" in parent.style and "orthogonalPerimeter" in c.style:
        return True
    for stack in (parent, cells.get(parent.cell.get("parent") or "")):
        if stack is None or "stackLayout" not in stack.style:
            continue
        if "swimlane" not in stack.style:
            continue
        kids = [k for k in cells.values() if k.cell.get("parent") == stack.id]
        if (
            kids
            and all(k.cell.get("vertex") == "1" and _is_row_cell(k) for k in kids)
            and (stack is parent or _is_row_cell(parent))
            and _regular_rows(kids)
        ):
            return True
    return False


def _mermaid_chart(c: _RefCell) -> Document | None:
    """Return the flowchart of an unlabelled draw.io Mermaid cell, if it holds one."""
    raw = c.wrapper.get("mermaidData") if c.wrapper is not None else None
    if not raw or c.label or c.cell.get("vertex") != "1":
        return None
    text = json.loads(raw)["data"]
    if not text.lstrip().startswith(("graph", "flowchart")):
        return None
    return mermaid.read_text(text).doc


def _placeable(edge: _RefCell, cells: dict[str, _RefCell]) -> bool:
    """Return whether an edge has a terminal cell or a point to start from.

    draw.io draws nothing for an edge with neither (a label offset is no point).
    """
    geo = edge.cell.find("mxGeometry")
    points = (
        [] if geo is None else geo.findall("mxPoint") + geo.findall("Array/mxPoint")
    )
    has_point = any(p.get("as") in (None, "sourcePoint", "targetPoint") for p in points)
    return has_point or any(edge.cell.get(k) in cells for k in ("source", "target"))


def _substitute(raw: str, cell: _RefCell, cells: dict[str, _RefCell]) -> str:
    """Fill in %placeholders% the way draw.io does."""
    return re.sub(r"%(\w+)%", lambda m: _lookup(m, cell, cells), raw)


def _lookup(m: re.Match[str], cell: _RefCell, cells: dict[str, _RefCell]) -> str:
    """Return a placeholder's value: the cell's attribute, else an ancestor's."""
    cur: _RefCell | None = cell
    for _ in range(64):
        if cur is None:
            break
        if cur.wrapper is not None and m.group(1) in cur.wrapper.attrib:
            return cur.wrapper.attrib[m.group(1)]
        cur = cells.get(cur.cell.get("parent") or "")
    return m.group(0)


def _read(name: str) -> ImportResult:
    return drawio.read((CORPUS / name).read_bytes())


def _of(doc: Document, kind: type) -> list:  # type: ignore[type-arg]
    return [r for r in doc.records.values() if isinstance(r, kind)]


# --------------------------------------------------------------------------- every file
@pytest.mark.parametrize("name", FILES)
def test_every_file_imports_and_is_a_valid_document(name: str) -> None:
    """Each corpus file imports and passes the .linework validator unchanged."""
    doc = _read(name).doc
    data = native.encode(doc)

    assert data == native.encode(native.decode(data))


@pytest.mark.parametrize("name", FILES)
def test_counts_match_an_independent_reading_of_the_xml(name: str) -> None:
    """Shapes, connectors and pages match a plain count of the cells."""
    data = (CORPUS / name).read_bytes()
    want = _expected(data)
    doc = drawio.read(data).doc

    assert (want.pages, want.shapes, want.connectors) == (
        len(doc.pages()),
        len(_of(doc, Shape)),
        len(_of(doc, Connector)),
    )


@pytest.mark.parametrize("name", FILES)
def test_every_label_survives(name: str) -> None:
    """Every non-empty label in the file appears in the document as plain text."""
    data = (CORPUS / name).read_bytes()
    doc = drawio.read(data).doc
    texts = {s.text for s in _of(doc, Shape)}
    texts |= {lb.text for c in _of(doc, Connector) for lb in c.labels}
    # A class's or table's rows are its data (a mock-up's are a count); a
    # stereotype line is a prop.
    for s in _of(doc, Shape):
        rows = s.props.get("rows", ())
        for row in rows if isinstance(rows, list | tuple) else ():
            texts |= {row, *row.split(" ", 1)}
        if "stereotype" in s.props:
            texts.add(f"«{s.props['stereotype']}»\n{s.text}")
    texts |= {la.name for la in _of(doc, Layer)}
    for model in _models(data):
        cells = {c.id: c for c in _cells(model)}
        for c in cells.values():
            raw = c.label
            if not raw.strip() or c.cell.get("parent") is None:
                continue
            edge = (
                c
                if c.cell.get("edge") == "1"
                else cells.get(c.cell.get("parent") or "")
            )
            is_edge = edge is not None and edge.cell.get("edge") == "1"
            if is_edge and not _placeable(edge, cells):  # type: ignore[arg-type]
                continue  # an edge draw.io cannot draw either; reported, skipped
            if c.wrapper is not None and c.wrapper.get("placeholders") == "1":
                raw = _substitute(raw, c, cells)
            is_html = "html=1" in c.style.split(";")
            text = html_to_text(raw).text if is_html else raw
            if text and c.cell.get("parent") != "0":
                assert text in texts, (c.id, text)


def _row_text(doc: Document, e: Attached) -> str | None:
    """Return the text of the row an end is on (``row<i>-w``/``-e``), if it is."""
    m = re.fullmatch(r"row(\d+)-[we]", e.port or "")
    rows = doc.typed(e.shape, Shape).props.get("rows", [])
    return rows[int(m.group(1))] if m and int(m.group(1)) < len(rows) else None


@pytest.mark.parametrize("name", FILES)
def test_connections_point_to_the_right_shapes(name: str) -> None:
    """Each edge's source/target shape is the shape made from that cell.

    Checked through labels: where both terminals have a label that is unique on
    their page, the connector's attached shapes carry those labels.
    """
    data = (CORPUS / name).read_bytes()
    doc = drawio.read(data).doc
    checked = 0
    for model, page in zip(_models(data), doc.pages(), strict=True):
        elements = doc.elements(page.id)
        by_text: dict[str, int] = {}
        for el in elements:
            if isinstance(el, Shape):
                by_text[el.text] = by_text.get(el.text, 0) + 1
                rows = el.props.get("rows", ())  # a class's rows end edges too
                for row in rows if isinstance(rows, list | tuple) else ():
                    by_text[row] = by_text.get(row, 0) + 1
        ends = set()
        # A vertical lane's title is a shape of its own: "<lane id>-title".
        titles = {
            el.id: el.text
            for el in elements
            if isinstance(el, Shape) and el.id.endswith("-title")
        }

        for conn in elements:
            if isinstance(conn, Connector):
                pair = [
                    _row_text(doc, e)
                    or titles.get(f"{e.shape}-title", doc.typed(e.shape, Shape).text)
                    if isinstance(e, Attached)
                    else None
                    for e in (conn.source, conn.target)
                ]
                ends.add(tuple(pair))
        cells = {c.id: c for c in _cells(model)}
        for c in cells.values():
            src, tgt = (cells.get(c.cell.get(k) or "") for k in ("source", "target"))
            if c.cell.get("edge") != "1" or src is None or tgt is None:
                continue
            labels = tuple(
                html_to_text(e.label).text
                if "html=1" in e.style.split(";")
                else e.label
                for e in (src, tgt)
            )
            if all(lb and by_text.get(lb) == 1 for lb in labels):
                assert labels in ends, (c.id, labels)
                checked += 1
    assert checked >= CHECKED_CONNECTIONS.get(name, 0)


@pytest.mark.parametrize("name", FILES)
def test_round_trip_through_draw_io_export_is_stable(name: str) -> None:
    """draw.io → Linework → draw.io → Linework gives the same document."""
    first = _read(name).doc
    second = drawio.read(drawio_export.write(first)).doc

    assert native.encode(first) == native.encode(second)


@pytest.mark.parametrize("name", FILES)
def test_content_lies_inside_the_page(name: str) -> None:
    """Pages grow and content moves so that nothing is cut off by accident."""
    doc = _read(name).doc
    for p in doc.pages():
        for s in doc.elements(p.id):
            if isinstance(s, Shape) and not s.rotation_deg:
                b = s.box
                assert 0 <= b.x and 0 <= b.y, s.id
                assert b.right <= p.width and b.bottom <= p.height, s.id


# --------------------------------------------------------------------------- named files
@pytest.mark.parametrize(
    ("name", "pages", "shapes", "connectors", "groups", "unmapped"),
    [
        ("dd_flowchart.drawio.svg", 1, 6, 5, 0, 0),
        ("vsc_Example.drawio.png", 1, 2, 1, 0, 0),
        ("vsc_test.dio.png", 1, 1, 0, 0, 0),
        # person: the user icon; containers; 14 class rows fold into their classes
        ("dd_C4.drawio", 4, 62, 29, 3, 0),
        ("tpl_business_swimlane.xml", 1, 26, 22, 0, 0),  # lanes are containers
        ("vsc_class-diagrams.dio", 1, 10, 13, 0, 0),
        ("integ_self-editing.svg", 1, 2, 7, 0, 0),
        ("dd_bpmn-example.drawio", 2, 38, 42, 1, 0),  # BPMN kinds
        ("dd_uml-activity-example.drawio", 2, 45, 32, 0, 3),  # endState: uml-final
        ("dd_mermaid-examples.drawio", 5, 12, 7, 1, 0),  # its charts draw as SVG
    ],
)
def test_pinned_numbers(
    name: str, pages: int, shapes: int, connectors: int, groups: int, unmapped: int
) -> None:
    """A few files' exact numbers, so a change in counting shows up in review."""
    result = _read(name)
    doc = result.doc

    assert (pages, shapes, connectors, groups, unmapped) == (
        len(doc.pages()),
        len(_of(doc, Shape)),
        len(_of(doc, Connector)),
        len(_of(doc, Group)),
        result.unmapped,
    )


def test_flowchart_connections_and_labels() -> None:
    """The lamp flowchart: decisions are diamonds, and Yes/No edges join the right boxes."""
    doc = _read("dd_flowchart.drawio.svg").doc
    kinds = {s.text: s.kind for s in _of(doc, Shape)}
    joins = set()
    for c in _of(doc, Connector):
        assert isinstance(c.source, Attached)
        assert isinstance(c.target, Attached)
        src = doc.typed(c.source.shape, Shape)
        tgt = doc.typed(c.target.shape, Shape)
        joins.add((src.text, tgt.text, tuple(lb.text for lb in c.labels)))

    assert "diamond" == kinds["Lamp\nplugged in?"]
    assert "rounded-rectangle" == kinds["Lamp doesn't work"]
    assert ("Lamp\nplugged in?", "Plug in lamp", ("No",)) in joins
    assert ("Bulb\nburned out?", "Repair Lamp", ("No",)) in joins
    assert ("Lamp doesn't work", "Lamp\nplugged in?", ()) in joins


def test_c4_placeholders_are_filled_in() -> None:
    """C4 shapes build their labels from %placeholders% of their object wrapper."""
    texts = {s.text for s in _of(_read("dd_C4.drawio").doc, Shape)}

    assert "Support Staff\n[Person]\n\nMonitors the production line" in texts


def test_floorplan_layers_keep_names_and_visibility() -> None:
    """Extra layers keep their names, lock and visibility."""
    doc = _read("dd_floorplan-apartment.drawio").doc
    layers = {(la.name, la.visible, la.locked) for la in _of(doc, Layer)}

    assert ("Measurements", True, True) in layers
    assert ("Room labels", False, False) in layers
