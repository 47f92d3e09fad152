"""Import Gliffy ``.gliffy`` diagrams (JSON, versions 1.1 and 1.3).

A Gliffy stage is a tree: shapes carry their caption as a child Text object,
lines carry labels as children and point at shapes through constraints, groups
are objects whose children move together. Child coordinates are relative to
the parent. Captions are HTML; they become plain text through
``html.parser`` (never regular expressions), so markup in a label can only
ever reach the page as text.

Hostile files: nesting is measured before ``json.loads`` (docs/architecture.md §7), the
tree is walked with an explicit stack, numbers are checked to be finite and in
range, and the element count is capped.
"""

from __future__ import annotations

import base64
import itertools
import json
import math
import re
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from typing import Any, Final

from linework.errors import LineworkError
from linework.formats import limits, pictures, stencils
from linework.formats.colours import css_colour
from linework.formats.containment import adopt_lying_inside
from linework.formats.imports import ImportResult, unmapped_warning
from linework.formats.jsonerrors import json_problem, unique_keys
from linework.formats.lenient import arr as _list
from linework.formats.lenient import num as _num
from linework.formats.lenient import obj as _obj
from linework.formats.lenient import text as _str
from linework.formats.pagefit import fit_to_page, renumber_z
from linework.geometry import Box, Vec, rotate_about
from linework.geometry.fmt import rounded
from linework.model import (
    CONTAINER_KEY,
    DEFAULT_STYLE,
    Attached,
    Connector,
    ConnectorLabel,
    Document,
    End,
    Free,
    Group,
    IdSource,
    Layer,
    Page,
    Record,
    Shape,
    Style,
    frozen_map,
)

CODE: Final = "LW-E0201"
MAX_HTML: Final = 4 * limits.MAX_TEXT

# Gliffy names (library.name of the uid, or the stencil of ``tid``) to kinds.
_KINDS: Final[dict[str, str]] = {
    "basic.rectangle": "rectangle",
    "basic.square": "rectangle",
    "basic.round_rectangle": "rounded-rectangle",
    "basic.ellipse": "ellipse",
    "basic.circle": "circle",
    "basic.diamond": "diamond",
    "basic.triangle": "triangle",
    "basic.hexagon": "hexagon",
    "basic.octagon": "octagon",
    "basic.star": "star",
    "basic.cross": "cross",
    "basic.cylinder": "cylinder",
    "basic.cloud": "cloud",
    "basic.note": "note",
    "basic.parallelogram": "parallelogram",
    "basic.trapezoid": "trapezoid",
    "basic.right_arrow": "block-arrow",
    "basic.chevron_box_right": "block-arrow",
    "basic.speech_bubble": "callout",
    "basic.callout": "callout",
    "basic.text": "text",
    "basic.image": "image",
    "flowchart.process": "process",
    "flowchart.decision": "decision",
    "flowchart.document": "document",
    "flowchart.subroutine": "predefined-process",
    "flowchart.predefined_process": "predefined-process",
    "flowchart.input_output": "data",
    "flowchart.data": "data",
    "flowchart.database": "cylinder",
    "flowchart.data_storage": "stored-data",
    "flowchart.stored_data": "stored-data",
    "flowchart.merge": "merge",
    "flowchart.extract": "extract",
    "flowchart.multiple_documents": "multi-document",
    "flowchart.manual_input": "manual-input",
    "flowchart.manual_operation": "manual-operation",
    "flowchart.internal_storage": "internal-storage",
    "flowchart.preparation": "preparation",
    "flowchart.display": "display",
    "flowchart.delay": "delay",
    "flowchart.start_end": "terminator",
    "flowchart.terminator": "terminator",
    "flowchart.connector": "on-page-connector",
    "flowchart.off_page_connector": "off-page-connector",
    "flowchart.or": "or",
    "flowchart.summing_junction": "summing-junction",
    "uml.simple_class": "rectangle",
    "uml.class": "rectangle",
    "uml.class2": "rectangle",
    "uml.object": "rectangle",
    "uml.object_node": "rectangle",
    "uml.data_type": "rectangle",
    "uml.enumeration": "rectangle",
    "uml.interface": "rectangle",
    "uml.primitive": "rectangle",
    "uml.stereotype": "rectangle",
    "uml.activation": "rectangle",
    "uml.note": "note",
    "uml.use_case": "ellipse",
    # stencils (``tid``), used when the uid is unknown
    "stencil.rectangle": "rectangle",
    "stencil.round_rectangle": "rounded-rectangle",
    "stencil.ellipse": "ellipse",
    "stencil.circle": "circle",
    "stencil.diamond": "diamond",
    "stencil.triangle": "triangle",
    "stencil.hexagon": "hexagon",
    "stencil.octagon": "octagon",
    "stencil.star": "star",
    "stencil.cylinder": "cylinder",
    "stencil.database": "cylinder",
    "stencil.cloud": "cloud",
    "stencil.note": "note",
}
# Arrow codes (drawio's ArrowMapping.java) to our arrowheads.
_ARROWS: Final[dict[int, str]] = {
    0: "none",
    1: "open",
    2: "block",
    3: "block-hollow",
    4: "block-hollow",
    5: "diamond-hollow",
    6: "open",
    7: "diamond",
    8: "classic",
    9: "er-zero-or-many",
    10: "er-one-or-many",
    11: "er-one",
    12: "er-one",
    13: "er-zero-or-one",
    14: "er-many",
    15: "circle",
    16: "er-one",
    17: "block",
    18: "classic",
    19: "open",
}
_RASTER_URI: Final = re.compile(
    r"data:image/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+"
)
_UID: Final = re.compile(r"com\.gliffy\.shape\.(\w+)\.\w+\.\w+\.(\w+)")
_TID: Final = re.compile(r"com\.gliffy\.stencil\.(\w+)\.\w+")


# --------------------------------------------------------------------- helpers
def _degrees(v: Any) -> float:
    d = _num(v, 0.0) % 360.0
    return rounded(d - 360.0 if d > 180.0 else d)


def load_json(data: bytes, code: str) -> Any:
    """Parse JSON bytes safely: size, UTF-8, nesting depth, then ``json.loads``.

    The depth is measured by a linear scan before the parser runs: in Pyodide
    a deep document overflows the stack and kills the runtime (docs/architecture.md §7).
    NaN and Infinity are refused (they are not JSON; numbers must be finite).
    """
    text = limits.json_text(data)
    try:
        return json.loads(
            text, parse_constant=_no_constant, object_pairs_hook=unique_keys
        )
    except json.JSONDecodeError as exc:
        raise LineworkError(code, json_problem(exc)) from None
    except ValueError as exc:
        raise LineworkError(code, str(exc)) from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows.")


class _Html(HTMLParser):
    """Gliffy caption HTML to plain text with line breaks, plus its first styles."""

    _BLOCKS: Final = frozenset({"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "tr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.css: dict[str, str] = {}
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
            return
        if tag == "br":
            self.parts.append("\n")
        elif tag in self._BLOCKS:
            self._break()
        self.tags.add(tag)
        for name, value in attrs:
            if name == "style" and value:
                for decl in value.split(";"):
                    key, sep, val = decl.partition(":")
                    key = key.strip().lower()
                    if sep and key and key not in self.css:
                        self.css[key] = val.strip()

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in self._BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            # HTML collapses runs of white space; &nbsp; (\xa0) survives as a space.
            self.parts.append(_collapse(data))

    def _break(self) -> None:
        if self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")

    def text(self) -> str:
        lines = "".join(self.parts).replace("\xa0", " ").split("\n")
        out = "\n".join(line.strip() for line in lines).strip("\n")
        return out[: limits.MAX_TEXT]


def _collapse(data: str) -> str:
    out: list[str] = []
    space = False
    for ch in data:
        if ch in " \t\r\n\f":
            if not space:
                out.append(" ")
            space = True
        else:
            out.append(ch)
            space = False
    return "".join(out)


@dataclass(frozen=True, slots=True)
class _Caption:
    text: str
    style: dict[str, Any]


def _caption(text_obj: dict[str, Any]) -> _Caption:
    """Return the plain text of a Text graphic and the label style it implies."""
    parser = _Html()
    parser.feed(_str(text_obj.get("html"), MAX_HTML))
    parser.close()
    css = parser.css
    style: dict[str, Any] = {}
    m = re.match(r"\s*(\d+(?:\.\d+)?)px", css.get("font-size", ""))
    if m:
        style["font_size"] = max(1.0, min(1000.0, float(m.group(1))))
    colour = css_colour(css.get("color"))
    if colour and colour != "none":
        style["font_color"] = colour
    weight = css.get("font-weight", "")
    if weight in ("bold", "bolder") or (weight.isdigit() and int(weight) >= 600):
        style["bold"] = True
    if "b" in parser.tags or "strong" in parser.tags:
        style["bold"] = True
    if css.get("font-style") == "italic" or "i" in parser.tags or "em" in parser.tags:
        style["italic"] = True
    if "underline" in css.get("text-decoration", "") or "u" in parser.tags:
        style["underline"] = True
    align = css.get("text-align", "")
    if align in ("left", "center", "right"):
        style["align"] = align
    valign = text_obj.get("valign")
    if valign in ("top", "middle", "bottom"):
        style["valign"] = valign
    return _Caption(parser.text(), style)


# --------------------------------------------------------------------- reading
@dataclass(slots=True)
class _Frame:
    """Where a walked object sits: its parent's absolute frame and group."""

    obj: dict[str, Any]
    ox: float
    oy: float
    rot: float
    pivot: Vec
    group: str | None
    layer: str
    depth: int
    #: The swimlane or pool (a container shape) the object is a part of.
    container: str | None = None


@dataclass(slots=True)
class _Line:
    obj: dict[str, Any]
    frame: _Frame
    conn_id: str
    z: int


class _Reader:
    def __init__(self, raw: Any) -> None:
        self.ids = IdSource()
        self.records: dict[str, Record] = {}
        self.shape_of: dict[int, str] = {}
        self.lines: list[_Line] = []
        self.warnings: list[str] = []
        self.unmapped = 0
        self.unmapped_names: dict[str, int] = {}
        self.lanes: list[str] = []
        self.z = 0
        self.count = 0
        top = _obj(raw)
        ctype = top.get("contentType")
        if ctype is not None and ctype != "application/gliffy+json":
            raise LineworkError(
                CODE, f"Content type {_str(ctype, 60)!r} is not Gliffy JSON."
            )
        stage = top.get("stage")
        if not isinstance(stage, dict) or not isinstance(stage.get("objects"), list):
            raise LineworkError(CODE, "It has no stage with objects.")
        version = top.get("version")
        if isinstance(version, str) and not version.startswith("1."):
            self.warnings.append(f"Gliffy version {version[:10]} is untested.")
        self.stage = stage
        self.resources = {
            r.get("id"): r
            for r in _list(_obj(top.get("embeddedResources")).get("resources"))
            if isinstance(r, dict) and isinstance(r.get("id"), int | str)
        }
        title = _str(_obj(top.get("metadata")).get("title"), 200).strip()
        background = css_colour(stage.get("background")) or "#ffffff"
        self.page = Page(
            id=self.ids.new("page"),
            name=title if title and title != "untitled" else "Page 1",
            width=_num(stage.get("width"), 1100.0, 1.0),
            height=_num(stage.get("height"), 850.0, 1.0),
            background="#ffffff" if background == "none" else background,
        )
        self.records[self.page.id] = self.page
        self.layers: dict[str, str] = {}
        raw_layers = [la for la in _list(stage.get("layers")) if isinstance(la, dict)]
        raw_layers.sort(key=lambda la: _num(la.get("order"), 0.0))
        first: str | None = None
        for i, la in enumerate(raw_layers[: limits.MAX_LAYERS]):
            layer = Layer(
                id=self.ids.new("layer"),
                page=self.page.id,
                name=_str(la.get("name"), 200) or f"Layer {i + 1}",
                z=i,
                visible=la.get("visible") is not False,
                locked=la.get("locked") is True,
            )
            self.records[layer.id] = layer
            first = first or layer.id
            guid = la.get("guid")
            if isinstance(guid, str) and guid not in self.layers:
                self.layers[guid] = layer.id
        if first is None:
            layer = Layer(id=self.ids.new("layer"), page=self.page.id, name="Layer 1")
            self.records[layer.id] = layer
            first = layer.id
        self.first_layer = first

    # ------------------------------------------------------------------ walk
    def walk(self) -> None:
        """Visit every object depth first, parents before children, in z order."""
        stack = [
            _Frame(o, 0.0, 0.0, 0.0, Vec(0, 0), None, self.first_layer, 0)
            for o in reversed(_sorted(self.stage["objects"]))
        ]
        while stack:
            frame = stack.pop()
            self.count += 1
            if self.count > limits.MAX_ELEMENTS:
                raise LineworkError(
                    "LW-E0105", f"The limit is {limits.MAX_ELEMENTS:,} elements."
                )
            stack.extend(reversed(self._visit(frame)))

    def _visit(self, f: _Frame) -> list[_Frame]:
        o = f.obj
        if o.get("hidden") is True:
            return []
        layer = self.layers.get(_str(o.get("layerId"), 200), f.layer)
        graphic = _obj(o.get("graphic"))
        gtype = graphic.get("type")
        inner = _obj(graphic.get(gtype)) if isinstance(gtype, str) else {}
        uid = _str(o.get("uid"), 300)
        children = _sorted(_list(o.get("children")))
        x, y = _num(o.get("x")), _num(o.get("y"))
        w, h = _num(o.get("width"), 1.0, 0.0), _num(o.get("height"), 1.0, 0.0)
        rot = _num(o.get("rotation"), 0.0, -3600.0, 3600.0)
        # The object's centre in page space, and its total rotation.
        centre = rotate_about(Vec(f.ox + x + w / 2, f.oy + y + h / 2), f.pivot, f.rot)
        total = f.rot + rot
        box = Box(centre.x - w / 2, centre.y - h / 2, w, h)

        def child_frame(
            c: dict[str, Any], group: str | None, container: str | None = None
        ) -> _Frame:
            return _Frame(
                c, box.x, box.y, total, centre, group, layer, f.depth + 1, container
            )

        is_group = ".group" in uid or (gtype is None and bool(children))
        if is_group:
            gid = self._group(f, layer)
            return [child_frame(c, gid) for c in children]
        if gtype == "Line":
            cid = self.ids.new("conn")
            self.lines.append(
                _Line(
                    o,
                    _Frame(o, f.ox, f.oy, f.rot, f.pivot, f.group, layer, f.depth),
                    cid,
                    self.z,
                )
            )
            self.z += 1
            return []
        if gtype not in ("Shape", "Text", "Image", "Svg", "Mindmap", "PopupNote"):
            if gtype is not None:
                self.warnings.append(
                    f"Gliffy {str(gtype)[:20]} objects are not imported."
                )
            return [child_frame(c, f.group) for c in children]
        texts = [c for c in children if _obj(c.get("graphic")).get("type") == "Text"]
        others = [c for c in children if c not in texts]
        kind, mapped, props = self._kind(uid, gtype, inner)
        lane = ".swimlanes." in uid
        if not mapped and not lane:
            self.unmapped += 1
            name = _unmapped_name(uid, gtype, inner)
            self.unmapped_names[name] = self.unmapped_names.get(name, 0) + 1
        style, text = self._style(gtype, inner, texts)
        group = f.group
        if lane:
            # A pool or lane: a container; its lanes and whatever lies in
            # them (adopt_lying_inside, at the end) are its members.
            kind, props = "swimlane", {"container": True}
            if "horizontal" in uid:
                props["header_side"] = "left"
        elif others:
            # A shape with parts (UML, ERD): the parts and the shape move together.
            group = self._group(f, layer)
        sid = self.ids.new("shape")
        self.records[sid] = Shape(
            id=sid,
            page=self.page.id,
            layer=layer,
            parent=group,
            z=self.z,
            kind=kind,
            box=Box(
                rounded(box.x),
                rounded(box.y),
                max(1.0, rounded(w)),
                max(1.0, rounded(h)),
            ),
            rotation_deg=_degrees(total),
            style=style,
            text=text,
            props=props,
            extra=frozen_map(
                {CONTAINER_KEY: f.container}
                if f.container and group == f.group
                else None
            ),
        )
        if lane:
            self.lanes.append(sid)
        self.z += 1
        oid = o.get("id")
        if (
            isinstance(oid, int)
            and not isinstance(oid, bool)
            and oid not in self.shape_of
        ):
            self.shape_of[oid] = sid
        if lane:
            return [child_frame(c, group, sid) for c in others]
        return [child_frame(c, group) for c in others]

    def _note(self, warning: str) -> None:
        """Add a warning once (a cap may apply to many objects)."""
        if warning not in self.warnings:
            self.warnings.append(warning)

    def _group(self, f: _Frame, layer: str) -> str | None:
        depth = 0
        cur = f.group
        while cur is not None:
            depth += 1
            rec = self.records[cur]
            cur = rec.parent if isinstance(rec, Group) else None
        if depth >= limits.MAX_GROUP_DEPTH:
            # Deeper nesting is flattened into the deepest allowed group.
            self._note(
                f"Groups nested deeper than {limits.MAX_GROUP_DEPTH} were flattened."
            )
            return f.group
        gid = self.ids.new("group")
        self.records[gid] = Group(
            id=gid,
            page=self.page.id,
            layer=layer,
            parent=f.group,
            z=self.z,
            extra=frozen_map({CONTAINER_KEY: f.container} if f.container else None),
        )
        self.z += 1
        return gid

    def _kind(
        self, uid: str, gtype: str, inner: dict[str, Any]
    ) -> tuple[str, bool, dict[str, Any]]:
        if gtype == "Text":
            return "text", True, {}
        if gtype == "Image":
            url = _str(inner.get("url"), limits.MAX_IMAGE_CHARS)
            if _RASTER_URI.fullmatch(url):
                return "image", True, {"src": url}
            safe = pictures.safe_src(url) if url.startswith("data:") else None
            if safe is not None:
                return "image", True, {"src": safe}
            return "image", False, {}
        if gtype == "Svg":
            # Drawn as a picture, rebuilt from allowed parts by the renderer.
            props = self._svg(inner)
            src = props.get("src")
            return "image", isinstance(src, str) and bool(pictures.safe_src(src)), props
        if gtype == "PopupNote":
            return "note", True, {}
        if gtype == "Mindmap":
            return "rounded-rectangle", True, {}
        m = _UID.fullmatch(uid)
        if m:
            kind = _KINDS.get(f"{m.group(1)}.{m.group(2)}")
            if kind:
                return kind, True, {}
        m = _TID.fullmatch(_str(inner.get("tid"), 300))
        if m:
            kind = _KINDS.get(f"stencil.{m.group(1)}")
            if kind:
                return kind, True, {}
        icon = stencils.gliffy_icon(uid)
        if (
            icon is not None
        ):  # network and cloud stencils: a library icon or placeholder
            return "icon", icon.mapped, dict(icon.props)
        return "rectangle", False, {}

    def _svg(self, inner: dict[str, Any]) -> dict[str, Any]:
        """Keep an Svg object's markup as an inert data URI (drawn as a placeholder)."""
        res = self.resources.get(inner.get("embeddedResourceId"))
        svg = _str(_obj(res).get("data"), limits.MAX_IMAGE_CHARS) or _str(
            inner.get("svg"), limits.MAX_IMAGE_CHARS
        )
        if not svg:
            return {}
        uri = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
        return {"src": uri} if len(uri) <= limits.MAX_IMAGE_CHARS else {}

    def _style(
        self, gtype: str, inner: dict[str, Any], texts: list[dict[str, Any]]
    ) -> tuple[Style, str]:
        values: dict[str, Any] = {}
        if gtype == "Text":
            values.update(fill="none", stroke="none")
            cap = _caption(inner)
            values.update(cap.style)
            return replace(DEFAULT_STYLE, **values), cap.text
        fill = css_colour(inner.get("fillColor"))
        if fill:
            values["fill"] = fill
        if "no_fill" in _str(inner.get("tid"), 300):
            values["fill"] = "none"
        stroke = css_colour(inner.get("strokeColor"))
        if stroke:
            values["stroke"] = stroke
        if "strokeWidth" in inner:
            values["stroke_width"] = _num(inner.get("strokeWidth"), 1.5, 0.0, 1000.0)
        if "opacity" in inner:
            values["opacity"] = _num(inner.get("opacity"), 1.0, 0.0, 1.0)
        if inner.get("dropShadow") is True:
            values["shadow"] = True
        captions = [_caption(_obj(_obj(t.get("graphic")).get("Text"))) for t in texts]
        text = "\n".join(c.text for c in captions if c.text)[: limits.MAX_TEXT]
        if captions:
            values.update(captions[0].style)
        return replace(DEFAULT_STYLE, **values), text

    # --------------------------------------------------------------- lines
    def connect(self) -> None:
        """Turn lines into connectors once every shape they may point at exists."""
        for line in self.lines:
            self._connector(line)

    def _connector(self, line: _Line) -> None:
        o, f = line.obj, line.frame
        inner = _obj(_obj(o.get("graphic")).get("Line"))
        x, y = _num(o.get("x")), _num(o.get("y"))
        w, h = _num(o.get("width"), 0.0, 0.0), _num(o.get("height"), 0.0, 0.0)
        rot = _num(o.get("rotation"), 0.0, -3600.0, 3600.0)
        origin = Vec(f.ox + x, f.oy + y)
        centre = origin + Vec(w / 2, h / 2)
        pts: list[Vec] = []
        path = _list(inner.get("controlPath"))
        if len(path) > limits.MAX_WAYPOINTS + 2:
            self._note(
                f"Lines with more than {limits.MAX_WAYPOINTS:,} bends"
                " were cut short after them."
            )
        for p in path[: limits.MAX_WAYPOINTS + 2]:
            if isinstance(p, list) and len(p) >= 2:
                local = Vec(origin.x + _num(p[0]), origin.y + _num(p[1]))
                q = rotate_about(rotate_about(local, centre, rot), f.pivot, f.rot)
                pts.append(Vec(rounded(q.x), rounded(q.y)))
        if len(pts) < 2:
            pts = [
                Vec(rounded(origin.x), rounded(origin.y)),
                Vec(rounded(origin.x + w), rounded(origin.y + h)),
            ]
        cons = _obj(o.get("constraints"))
        source = self._end(
            cons.get("startConstraint"), "StartPositionConstraint", pts[0]
        )
        target = self._end(cons.get("endConstraint"), "EndPositionConstraint", pts[-1])
        waypoints = tuple(pts[1:-1])
        straight_axes = all(
            abs(a.x - b.x) < 0.5 or abs(a.y - b.y) < 0.5
            for a, b in itertools.pairwise(pts)
        )
        curved = _str(inner.get("interpolationType"), 20) not in ("", "linear")
        routing = (
            "curved"
            if curved
            else "orthogonal"
            if straight_axes and waypoints
            else "straight"
        )
        values: dict[str, Any] = {}
        stroke = css_colour(inner.get("strokeColor"))
        if stroke:
            values["stroke"] = stroke
        if "strokeWidth" in inner:
            values["stroke_width"] = _num(inner.get("strokeWidth"), 1.5, 0.0, 1000.0)
        values["dash"] = _dash(_str(inner.get("dashStyle"), 40))
        values["start_arrow"] = _arrow(inner.get("startArrow"))
        values["end_arrow"] = _arrow(inner.get("endArrow"))
        labels: list[ConnectorLabel] = []
        for child in _sorted(_list(o.get("children"))):
            g = _obj(_obj(child).get("graphic"))
            if g.get("type") != "Text":
                continue
            t = _obj(g.get("Text"))
            cap = _caption(t)
            if cap.text and len(labels) < limits.MAX_LABELS:
                pos = _num(t.get("lineTValue"), 0.5, 0.0, 1.0)
                labels.append(ConnectorLabel(text=cap.text, position=pos))
        self.records[line.conn_id] = Connector(
            id=line.conn_id,
            page=self.page.id,
            layer=f.layer,
            parent=f.group,
            z=line.z,
            source=source,
            target=target,
            waypoints=waypoints[: limits.MAX_WAYPOINTS],
            routing=routing,  # type: ignore[arg-type]
            style=replace(DEFAULT_STYLE, **values),
            labels=tuple(labels),
        )

    def _end(self, raw: Any, key: str, point: Vec) -> End:
        c = _obj(_obj(raw).get(key))
        node = c.get("nodeId")
        sid = (
            self.shape_of.get(node)
            if isinstance(node, int) and not isinstance(node, bool)
            else None
        )
        if sid is None:
            return Free(point=point)
        if "px" in c and "py" in c:
            anchor = Vec(
                _num(c.get("px"), 0.5, 0.0, 1.0), _num(c.get("py"), 0.5, 0.0, 1.0)
            )
            return Attached(shape=sid, anchor=anchor)
        return Attached(shape=sid)

    def document(self) -> ImportResult:
        adopt_lying_inside(self.records, self.lanes)
        fit_to_page(self.records, self.page.id)
        renumber_z(self.records)
        return ImportResult(
            doc=Document(records=self.records),
            format="gliffy",
            unmapped=self.unmapped,
            warnings=_with_note(self.warnings, unmapped_warning(self.unmapped_names)),
        )


_SAFE_NAME: Final = re.compile(r"[\w.\-]{1,60}")


def _unmapped_name(uid: str, gtype: str, inner: dict[str, Any]) -> str:
    """Return a short, safe name for a Gliffy shape without a Linework kind."""
    if gtype in ("Image", "Svg"):
        return "image"
    name = uid.removeprefix("com.gliffy.shape.") or _str(inner.get("tid"), 300)
    name = name.removeprefix("com.gliffy.stencil.")
    return name if _SAFE_NAME.fullmatch(name) else "?"


def _with_note(warnings: list[str], note: str | None) -> tuple[str, ...]:
    """Return the warnings without repeats, the unmapped-shapes note first."""
    return tuple(dict.fromkeys([note, *warnings] if note else warnings))


def _sorted(objects: list[Any]) -> list[dict[str, Any]]:
    """Return objects by numeric ``order`` (others, such as "auto", after, as given)."""
    keyed = []
    for i, o in enumerate(objects):
        if not isinstance(o, dict):
            continue
        order = o.get("order")
        num = _num(order, math.inf) if isinstance(order, int | float) else math.inf
        keyed.append(
            ((0 if num != math.inf else 1, num if num != math.inf else 0.0, i), o)
        )
    keyed.sort(key=lambda t: t[0])
    return [o for _, o in keyed]


def _dash(pattern: str) -> str:
    nums = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", pattern)]
    if not nums or max(nums) == 0:
        return "solid"
    return "dotted" if nums[0] <= 2 else "dashed"


def _arrow(code: Any) -> str:
    if isinstance(code, bool) or not isinstance(code, int):
        return "none"
    return _ARROWS.get(code, "classic")


def read(data: bytes) -> ImportResult:
    """Import a Gliffy ``.gliffy`` file.

    Raises:
        LineworkError: LW-E0201 when it is not Gliffy JSON, LW-E0106 when
            nested too deeply, LW-E0105 with too many objects.
    """
    reader = _Reader(load_json(data, CODE))
    reader.walk()
    reader.connect()
    return reader.document()
