"""Export to draw.io: an uncompressed ``.drawio`` file that draw.io opens as it is.

One ``<diagram>`` per page, each an ``<mxGraphModel>`` with the root cell, one
cell per layer, then the elements in paint order. Groups become draw.io ``group``
cells and their members' geometry becomes relative to them, as draw.io expects.
Labels are written as HTML when ``htmltext`` can carry the text exactly (draw.io
only wraps HTML labels) and as plain text otherwise; connector labels become
``edgeLabel`` child cells.

Everything written is read back by ``drawio.read`` to the same document, so
draw.io → Linework → draw.io → Linework is stable. All text goes through
ElementTree, which escapes it; characters XML cannot carry are dropped.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Final

from linework.formats import htmltext, limits, notations, richhtml, stencils
from linework.formats.drawio import mockups, names, styles
from linework.formats.drawio.containers import lane_pairs
from linework.formats.drawio.names import PORT_ANCHORS
from linework.formats.drawio.uml import (
    UML_KIND_STYLES,
    child_cells,
    export_text,
    font_style_bits,
    row_cell_suffix,
)
from linework.formats.drawio.uml import style_pairs as uml_pairs
from linework.geometry import Box, Vec, fmt
from linework.links import safe_link
from linework.model import (
    CONTAINER_KEY,
    Connector,
    Document,
    Element,
    End,
    Free,
    Group,
    Shape,
    Style,
    text_paddings,
)
from linework.model.rich import COMMON_NAMES, RichText, rich_for

MEDIA_TYPE: Final = names.MEDIA_TYPE

#: Our kinds → the draw.io style that ``drawio.read`` maps back to the same kind.
KIND_STYLES: Final[Mapping[str, str]] = {
    "rectangle": "rounded=0;",
    "rounded-rectangle": "rounded=1;",
    "ellipse": "ellipse;",
    "circle": "ellipse;aspect=fixed;",
    "diamond": "rhombus;",
    "triangle": "triangle;direction=north;",
    "parallelogram": "shape=parallelogram;perimeter=parallelogramPerimeter;",
    "trapezoid": "shape=trapezoid;perimeter=trapezoidPerimeter;",
    "hexagon": "shape=hexagon;perimeter=hexagonPerimeter2;",
    "octagon": "shape=mxgraph.basic.octagon2;",
    "star": "shape=mxgraph.basic.star;",
    "cross": "shape=cross;",
    "cylinder": "shape=cylinder3;boundedLbl=1;backgroundOutline=1;size=15;",
    "cloud": "ellipse;shape=cloud;",
    "note": "shape=note;",
    "callout": "shape=callout;",
    "block-arrow": "shape=singleArrow;",
    "text": "text;",
    "image": "shape=image;",
    "icon": "",
    "process": "shape=mxgraph.flowchart.process;",
    "decision": "shape=mxgraph.flowchart.decision;",
    "terminator": "shape=mxgraph.flowchart.terminator;",
    "data": "shape=mxgraph.flowchart.data;",
    "document": "shape=document;",
    "multi-document": "shape=mxgraph.flowchart.multi-document;",
    "predefined-process": "shape=process;",
    "manual-input": "shape=manualInput;",
    "manual-operation": "shape=mxgraph.flowchart.manual_operation;",
    "preparation": "shape=mxgraph.flowchart.preparation;",
    "delay": "shape=delay;",
    "stored-data": "shape=dataStorage;",
    "internal-storage": "shape=internalStorage;",
    "display": "shape=display;",
    "on-page-connector": "shape=mxgraph.flowchart.on-page_reference;",
    "off-page-connector": "shape=offPageConnector;",
    "merge": "shape=mxgraph.flowchart.merge_or_storage;",
    "extract": "shape=mxgraph.flowchart.extract_or_measurement;",
    "or": "shape=mxgraph.flowchart.or;",
    "summing-junction": "shape=mxgraph.flowchart.summing_function;",
    **UML_KIND_STYLES,
}

#: Our arrowheads → (draw.io arrow name, filled).
ARROWS: Final[Mapping[str, tuple[str, bool]]] = {
    "none": ("none", False),
    "classic": ("classic", True),
    "open": ("open", False),
    "block": ("block", True),
    "block-hollow": ("block", False),
    "diamond": ("diamond", True),
    "diamond-hollow": ("diamond", False),
    "circle": ("oval", True),
    "circle-hollow": ("oval", False),
    "er-one": ("ERmandOne", False),
    "er-many": ("ERmany", False),
    "er-zero-or-one": ("ERzeroToOne", False),
    "er-one-or-many": ("ERoneToMany", False),
    "er-zero-or-many": ("ERzeroToMany", False),
    "cross": ("cross", False),
}

#: Our label positions → draw.io's keys (``inside`` writes none: the default).
_LABEL_POSITIONS: Final[Mapping[str, list[tuple[str, str]]]] = {
    "top": [("verticalLabelPosition", "top")],
    "bottom": [("verticalLabelPosition", "bottom")],
    "left": [("labelPosition", "left")],
    "right": [("labelPosition", "right")],
}

_EDGE_LABEL_STYLE: Final = (
    "edgeLabel;align=center;verticalAlign=middle;resizable=0;points=[];"
)
# Characters XML 1.0 cannot carry, lone surrogates included.
_NOT_XML: Final = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_COLOUR: Final = re.compile(r"#[0-9a-fA-F]{6}|none")
_FONT: Final = re.compile(r"[A-Za-z0-9 _\-]{1,100}")


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _num(x: float) -> str:
    return fmt(x) if math.isfinite(x) else "0"


def _colour(value: str, fallback: str) -> str:
    return value.lower() if _COLOUR.fullmatch(value) else fallback


def _style_string(pairs: list[tuple[str, str]], prefix: str = "") -> str:
    return prefix + "".join(f"{k}={v};" for k, v in pairs)


def _text_pairs(
    style: Style, *, html: bool, extra_bits: int = 0
) -> list[tuple[str, str]]:
    font_style = int(style.bold) | int(style.italic) << 1 | int(style.underline) << 2
    font_style |= extra_bits
    pairs = [("whiteSpace", "wrap")] if style.wrap else []
    pairs += [
        ("fontSize", _num(style.font_size)),
        ("fontColor", _colour(style.font_color, "#000000")),
        ("fontStyle", str(font_style)),
        ("align", style.align),
        ("verticalAlign", style.valign),
        ("spacing", _num(style.text_padding)),
    ]
    # draw.io adds a side's own spacing to ``spacing``.
    for key, side in zip(
        ("spacingTop", "spacingRight", "spacingBottom", "spacingLeft"),
        text_paddings(style),
        strict=True,
    ):
        if side != style.text_padding:
            pairs.append((key, _num(side - style.text_padding)))
    if style.font_family != "Arimo" and _FONT.fullmatch(style.font_family):
        pairs.append(
            ("fontFamily", COMMON_NAMES.get(style.font_family, style.font_family))
        )
    if html:
        pairs.append(("html", "1"))
    return pairs


def _line_pairs(style: Style) -> list[tuple[str, str]]:
    pairs = [
        ("strokeColor", _colour(style.stroke, "#000000")),
        ("strokeWidth", _num(style.stroke_width)),
    ]
    if style.dash != "solid":
        pairs.append(("dashed", "1"))
        pattern = {"dotted": "1 2", "dash-dot": "8 4 1 4"}.get(style.dash)
        if pattern:
            pairs.append(("dashPattern", pattern))
    if style.opacity != 1.0:
        pairs.append(("opacity", _num(style.opacity * 100)))
    if style.shadow:
        pairs.append(("shadow", "1"))
    return pairs


def _label(text: str, rich: RichText | None = None) -> tuple[str, bool]:
    """Return a label's ``value`` and whether it is HTML (always, with runs)."""
    runs = rich_for(text, rich)
    if runs is not None:
        value = _clean(richhtml.rich_to_html(runs))
        if richhtml.html_to_rich(value).plain.text == text:
            return value, True
    text = _clean(text)
    markup = htmltext.text_to_html(text)
    return (markup, True) if markup is not None else (text, False)


def _shape_style(shape: Shape, html: bool) -> str:
    base = KIND_STYLES.get(shape.kind)
    if base is None:
        base = notations.drawio_style(shape.kind, shape.props) or "rounded=0;"
    pairs: list[tuple[str, str]] = []
    mock = mockups.export_pairs(shape.kind, shape.props)
    if mock is not None:
        base, pairs = "", mock
    lane = lane_pairs(shape)
    if lane is not None:
        base = "swimlane;"
        pairs += lane
    elif shape.props.get("container") is True:
        pairs.append(("container", "1"))
    if shape.kind in ("rectangle", "rounded-rectangle"):
        hint = shape.extra.get(names.EXTRA_SHAPE_KEY)
        if isinstance(hint, str) and styles.is_safe_shape_name(hint):
            pairs.append(("shape", hint))
    if shape.kind in names.KIND_HINTS and shape.box.w != shape.box.h:
        # draw.io draws an oval filling the box; the hint brings the circle back.
        pairs.append((names.KIND_HINT_KEY, shape.kind))
    if shape.kind == "rounded-rectangle" and shape.style.corner_radius > 0:
        pairs += [
            ("absoluteArcSize", "1"),
            ("arcSize", _num(shape.style.corner_radius * 2)),
        ]
    if shape.kind == "icon":
        pairs += stencils.drawio_icon_pairs(shape.props)
    if shape.kind == "image":
        src = shape.props.get("src")
        uri = styles.style_image(src) if isinstance(src, str) else None
        if uri is not None:
            pairs.append(("image", uri))
    if lane is None:
        pairs.append(("fillColor", _colour(shape.style.fill, "#ffffff")))
    pairs += _line_pairs(shape.style)
    pairs += _text_pairs(shape.style, html=html, extra_bits=font_style_bits(shape))
    pairs += _LABEL_POSITIONS.get(shape.style.label_position, [])
    pairs += uml_pairs(shape)
    mirror = shape.props.get("flip")
    mirror = mirror if isinstance(mirror, str) else ""
    for key, on in (("flipH", "h" in mirror), ("flipV", "v" in mirror)):
        if on and f"{key}=1" not in base:
            pairs.append((key, "1"))
    if shape.rotation_deg:
        pairs.append(("rotation", _num(shape.rotation_deg)))
    if shape.locked:
        pairs.append(("locked", "1"))
    return _style_string(pairs, base)


def _connector_style(conn: Connector) -> str:
    s = conn.style
    routing = {
        "orthogonal": "edgeStyle=orthogonalEdgeStyle;",
        "curved": "edgeStyle=orthogonalEdgeStyle;curved=1;",
    }.get(conn.routing, "edgeStyle=none;")
    start, start_fill = ARROWS.get(s.start_arrow, ("none", False))
    end, end_fill = ARROWS.get(s.end_arrow, ("classic", True))
    pairs = [
        ("rounded", "0"),
        ("startArrow", start),
        ("startFill", str(int(start_fill))),
        ("endArrow", end),
        ("endFill", str(int(end_fill))),
    ]
    # draw.io's marker size is the head's length less the stroke width.
    for key, size in (("startSize", s.start_arrow_size), ("endSize", s.end_arrow_size)):
        if size is not None:
            pairs.append((key, fmt(max(1.0, size - s.stroke_width))))
    pairs += _line_pairs(s)
    pairs += _text_pairs(s, html=True)
    if conn.locked:
        pairs.append(("locked", "1"))
    return _style_string(pairs, routing)


def _label_style(conn: Connector, html: bool) -> str:
    s = conn.style
    font_style = int(s.bold) | int(s.italic) << 1 | int(s.underline) << 2
    pairs = [
        ("fontSize", _num(s.font_size)),
        ("fontColor", _colour(s.font_color, "#000000")),
        ("fontStyle", str(font_style)),
    ]
    if html:
        pairs.append(("html", "1"))
    return _style_string(pairs, _EDGE_LABEL_STYLE)


class _PageWriter:
    """Writes one page's cells, keeping draw.io ids unique and parents first."""

    def __init__(self, doc: Document, page_id: str, root: ET.Element) -> None:
        self.doc = doc
        self.page_id = page_id
        self.root = root
        self.used: set[str] = set()
        self.next: dict[str, int] = {}
        self.cell_of: dict[str, str] = {}
        self.elements = doc.elements(page_id)
        self.groups: dict[str, Group] = {
            e.id: e for e in self.elements if isinstance(e, Group)
        }
        self.shapes: dict[str, Shape] = {
            e.id: e for e in self.elements if isinstance(e, Shape)
        }
        self.group_box = self._group_boxes()
        self.emitted: set[str] = set()
        self.layer_cell: dict[str, str] = {}

    def unique(self, raw: str) -> str:
        """Return a draw.io id not used yet on this page (suffix search resumes)."""
        base = _clean(raw)[: limits.MAX_ID] or "cell"
        return names.fresh_id(base, self.used, self.next)

    def _group_of(self, e: Element) -> str | None:
        """Return the cell ``e`` sits in: its group, or the container it belongs to.

        draw.io nests a container's members under its cell (geometry relative
        to it), as it nests a group's. A member sits in its container's cell
        when both share a group (or none), which is how the reader gives them
        back; otherwise the group wins.
        """
        cid = e.extra.get(CONTAINER_KEY)
        if isinstance(cid, str) and cid != e.id:
            holder = self.shapes.get(cid)
            if holder is not None and holder.parent == e.parent:
                return cid
        if e.parent in self.groups:
            return e.parent
        return None

    def _owner(self, rid: str) -> Group | Shape:
        return self.groups.get(rid) or self.shapes[rid]

    def _ancestors(self, e: Element) -> list[str]:
        """Return the group and container chain of ``e``, innermost first
        (cycle-safe, bounded)."""
        out: list[str] = []
        cur = self._group_of(e)
        limit = 2 * limits.MAX_GROUP_DEPTH
        while cur is not None and cur not in out and cur != e.id and len(out) <= limit:
            out.append(cur)
            cur = self._group_of(self._owner(cur))
        return out

    def _group_boxes(self) -> dict[str, Box]:
        """Return each group's bounds: what its members' geometry is relative to."""
        boxes: dict[str, Box] = {}
        for e in self.elements:
            points: list[Vec] = []
            if isinstance(e, Shape):
                points = [Vec(e.box.x, e.box.y), Vec(e.box.right, e.box.bottom)]
            elif isinstance(e, Connector):
                points = list(e.waypoints) + [
                    end.point for end in (e.source, e.target) if isinstance(end, Free)
                ]
            if not points:
                continue
            b = Box.around(points)
            for g in self._ancestors(e):
                if g in self.groups:
                    boxes[g] = b if g not in boxes else boxes[g].union(b)
        return boxes

    def origin(self, group: str | None) -> Vec:
        if group is None:
            return Vec(0.0, 0.0)
        holder = self.shapes.get(group)
        b = holder.box if holder is not None else self.group_box.get(group)
        return Vec(b.x, b.y) if b is not None else Vec(0.0, 0.0)

    def parent_cell(self, e: Element) -> str:
        g = self._group_of(e)
        if g is not None and g in self.cell_of:
            return self.cell_of[g]
        return self.layer_cell.get(e.layer) or next(iter(self.layer_cell.values()))

    def write(self) -> None:
        # Ids first: a connector may come before the shapes it joins, and draw.io
        # resolves references in either direction.
        for e in self.elements:
            self.cell_of[e.id] = self.unique(e.id)
        # Rows, separators and bars of UML/ER shapes: ids known before any
        # connector names a row cell.
        self.children: dict[str, list[tuple[str, str]]] = {}
        for e in self.elements:
            if isinstance(e, Shape):
                kids = [
                    (k.suffix, self.unique(f"{self.cell_of[e.id]}-{k.suffix}"))
                    for k in child_cells(e)
                ]
                if kids:
                    self.children[e.id] = kids
        for e in self.elements:
            for g in reversed(self._ancestors(e)):
                self._emit(self._owner(g))
            self._emit(e)

    def _emit(self, e: Element) -> None:
        if e.id in self.emitted:
            return
        self.emitted.add(e.id)
        if isinstance(e, Group):
            self._group(e)
        elif isinstance(e, Shape):
            self._shape(e)
        else:
            self._connector(e)

    def _geometry(self, parent: ET.Element, box: Box, origin: Vec) -> ET.Element:
        return ET.SubElement(
            parent,
            "mxGeometry",
            {
                "x": _num(box.x - origin.x),
                "y": _num(box.y - origin.y),
                "width": _num(box.w),
                "height": _num(box.h),
                "as": "geometry",
            },
        )

    def _group(self, g: Group) -> None:
        cid = self.cell_of[g.id]
        cell = ET.SubElement(
            self.root,
            "mxCell",
            {
                "id": cid,
                "value": "",
                "style": "group;locked=1;" if g.locked else "group;",
                "vertex": "1",
                "connectable": "0",
                "parent": self.parent_cell(g),
            },
        )
        box = self.group_box.get(g.id, Box(0.0, 0.0, 1.0, 1.0))
        self._geometry(cell, box, self.origin(self._group_of(g)))

    def _shape(self, s: Shape) -> None:
        cid = self.cell_of[s.id]
        value, html = _label(export_text(s), s.rich)
        attrs = {
            "style": _shape_style(s, html),
            "vertex": "1",
            "parent": self.parent_cell(s),
        }
        link = safe_link(s.link) if s.link else None
        # C4 shapes carry draw.io's C4 metadata (c4Type, c4Name …) on their object.
        meta = notations.drawio_attrs(s.kind, _clean(s.text))
        if link is not None or meta:
            wrapped = {"label": value, **meta, "id": cid}
            if link is not None:
                wrapped["link"] = link
            wrapper = ET.SubElement(self.root, "UserObject", wrapped)
            cell = ET.SubElement(wrapper, "mxCell", attrs)
        else:
            cell = ET.SubElement(
                self.root, "mxCell", {"id": cid, "value": value, **attrs}
            )
        self._geometry(cell, s.box, self.origin(self._group_of(s)))
        ids = dict(self.children.get(s.id, []))
        for k in child_cells(s):
            kv, khtml = _label(k.value)
            kcell = ET.SubElement(
                self.root,
                "mxCell",
                {
                    "id": ids[k.suffix],
                    "value": kv,
                    "style": k.style + ("html=1;" if khtml else ""),
                    "vertex": "1",
                    "parent": cid,
                },
            )
            self._geometry(kcell, k.box, Vec(0.0, 0.0))

    def _end(
        self, end: End, side: str, attrs: dict[str, str], style: list[str]
    ) -> Vec | None:
        """Set the terminal attributes of an end; return its point if it floats."""
        if isinstance(end, Free):
            return end.point
        target = self.doc.records.get(end.shape)
        if not isinstance(target, Shape):
            return None
        if target.page != self.page_id or end.shape not in self.cell_of:
            return target.box.center  # not on this page: keep where the end was
        attrs["source" if side == "exit" else "target"] = self.cell_of[end.shape]
        row = row_cell_suffix(target, end.port)
        if row is not None:  # an end on a class's or table's row: on its cell
            cell = dict(self.children.get(target.id, [])).get(row[0])
            if cell is not None:
                attrs["source" if side == "exit" else "target"] = cell
                style.append(
                    f"{side}X={_num(row[1])};{side}Y=0.5;{side}Dx=0;{side}Dy=0;"
                )
                return None
        anchor = end.anchor
        if anchor is None and end.port is not None and end.port in PORT_ANCHORS:
            anchor = Vec(*PORT_ANCHORS[end.port])
        if anchor is not None:
            style.append(
                f"{side}X={_num(anchor.x)};{side}Y={_num(anchor.y)};"
                f"{side}Dx=0;{side}Dy=0;"
            )
        return None

    def _connector(self, c: Connector) -> None:
        cid = self.cell_of[c.id]
        origin = self.origin(self._group_of(c))
        attrs: dict[str, str] = {}
        style = [_connector_style(c)]
        points = {
            "sourcePoint": self._end(c.source, "exit", attrs, style),
            "targetPoint": self._end(c.target, "entry", attrs, style),
        }
        cell = ET.SubElement(
            self.root,
            "mxCell",
            {
                "id": cid,
                "value": "",
                "style": "".join(style),
                "edge": "1",
                "parent": self.parent_cell(c),
                **attrs,
            },
        )
        geo = ET.SubElement(cell, "mxGeometry", {"relative": "1", "as": "geometry"})
        for key, point in points.items():
            if point is not None:
                ET.SubElement(
                    geo,
                    "mxPoint",
                    {
                        "x": _num(point.x - origin.x),
                        "y": _num(point.y - origin.y),
                        "as": key,
                    },
                )
        if c.waypoints:
            array = ET.SubElement(geo, "Array", {"as": "points"})
            for p in c.waypoints:
                ET.SubElement(
                    array,
                    "mxPoint",
                    {"x": _num(p.x - origin.x), "y": _num(p.y - origin.y)},
                )
        for i, label in enumerate(c.labels):
            value, html = _label(label.text, label.rich)
            if not value:
                continue
            lcell = ET.SubElement(
                self.root,
                "mxCell",
                {
                    "id": self.unique(f"{cid}-label-{i + 1}"),
                    "value": value,
                    "style": _label_style(c, html),
                    "vertex": "1",
                    "connectable": "0",
                    "parent": cid,
                },
            )
            lgeo = ET.SubElement(
                lcell,
                "mxGeometry",
                {
                    "x": _num(label.position * 2 - 1),
                    "relative": "1",
                    "as": "geometry",
                },
            )
            ET.SubElement(
                lgeo,
                "mxPoint",
                {"x": _num(label.offset.x), "y": _num(label.offset.y), "as": "offset"},
            )


def write(doc: Document) -> bytes:
    """Return the document as an uncompressed ``.drawio`` file (UTF-8 XML).

    Every page becomes a ``<diagram>``; layers, groups, shapes, connectors and
    their labels become cells. Links other than http(s)/mailto are left out, and
    image sources other than PNG/JPEG/GIF/WebP data URIs too.
    """
    mxfile = ET.Element(
        "mxfile", {"host": "Linework", "agent": "Linework", "compressed": "false"}
    )
    used_pages: set[str] = set()
    for page in doc.pages():
        pid = _clean(page.id)[: limits.MAX_ID] or "page"
        while pid in used_pages:
            pid += "-2"
        used_pages.add(pid)
        diagram = ET.SubElement(
            mxfile, "diagram", {"id": pid, "name": _clean(page.name)}
        )
        grid = "1" if page.grid.visible else "0"
        model = ET.SubElement(
            diagram,
            "mxGraphModel",
            {
                "dx": "0",
                "dy": "0",
                "grid": grid,
                "gridSize": _num(page.grid.size),
                "guides": "1",
                "tooltips": "1",
                "connect": "1",
                "arrows": "1",
                "fold": "1",
                "page": "1",
                "pageScale": "1",
                "pageWidth": _num(page.width),
                "pageHeight": _num(page.height),
                "background": _colour(page.background, "#ffffff"),
                "math": "0",
                "shadow": "0",
            },
        )
        root = ET.SubElement(model, "root")
        writer = _PageWriter(doc, page.id, root)
        root_id = writer.unique("0")
        ET.SubElement(root, "mxCell", {"id": root_id})
        layers = doc.layers(page.id)
        for layer in layers:
            lid = writer.unique(layer.id)
            writer.layer_cell[layer.id] = lid
            attrs = {"id": lid, "value": _clean(layer.name), "parent": root_id}
            if layer.locked:
                attrs["style"] = "locked=1;"
            if not layer.visible:
                attrs["visible"] = "0"
            ET.SubElement(root, "mxCell", attrs)
        if not layers:
            writer.layer_cell[""] = writer.unique("1")
            ET.SubElement(
                root, "mxCell", {"id": writer.layer_cell[""], "parent": root_id}
            )
        writer.write()
    ET.indent(mxfile, space="  ")
    return ET.tostring(mxfile, encoding="unicode").encode("utf-8") + b"\n"
