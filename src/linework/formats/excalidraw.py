"""Import Excalidraw scenes: ``.excalidraw`` JSON, and PNG or SVG exports of one.

Excalidraw draws by hand; Linework draws clean. Shapes keep their geometry,
colours, dash and opacity, while roughness, hachure fills and font choice give
way to our normal style. Text bound to a container (``containerId``) becomes
that container's label (or an arrow's label); both binding schemas (legacy
``focus``/``gap`` and the newer ``fixedPoint``) attach arrows to shapes.

Images carry the scene in a wrapper (FORMATS.md): a PNG ``tEXt`` chunk or an
SVG comment holds either the scene JSON or an envelope whose ``encoded``
field is a byte string, usually zlib-compressed. Decompression is capped and
every JSON text is depth-checked before it is parsed.
"""

from __future__ import annotations

import base64
import binascii
import itertools
import json
import math
import re
import zlib
from dataclasses import replace
from typing import Any, Final

from linework.errors import LineworkError
from linework.formats import limits, pictures, png
from linework.formats.colours import css_colour
from linework.formats.gliffy import load_json
from linework.formats.imports import ImportResult, unmapped_warning
from linework.formats.jsonerrors import json_problem, unique_keys
from linework.formats.lenient import arr as _list
from linework.formats.lenient import num as _num
from linework.formats.lenient import obj as _obj
from linework.formats.lenient import text as _str
from linework.formats.pagefit import fit_to_page, renumber_z
from linework.geometry import Box, Vec, rotate_about
from linework.geometry.fmt import rounded
from linework.links import safe_link
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
    frozen_map,
)

CODE: Final = "LW-E0202"
MEDIA_TYPE: Final = "application/vnd.excalidraw+json"
PAYLOAD_START: Final = b"<!-- payload-start -->"
PAYLOAD_END: Final = b"<!-- payload-end -->"

_HEADS: Final[dict[str, str]] = {
    "arrow": "open",
    "triangle": "block",
    "triangle_outline": "block-hollow",
    "bar": "er-one",
    "dot": "circle",
    "circle": "circle",
    "circle_outline": "circle-hollow",
    "diamond": "diamond",
    "diamond_outline": "diamond-hollow",
    "crowfoot_one": "er-one",
    "crowfoot_many": "er-many",
    "crowfoot_one_or_many": "er-one-or-many",
}
_SHAPES: Final[dict[str, str]] = {
    "rectangle": "rectangle",
    "ellipse": "ellipse",
    "diamond": "diamond",
    "text": "text",
    "image": "image",
    "frame": "rectangle",
    "magicframe": "rectangle",
}
_LINEAR: Final = frozenset({"arrow", "line", "freedraw"})
_FRAMES: Final = frozenset({"frame", "magicframe"})
_FRAME_STYLE: Final[dict[str, Any]] = {
    "fill": "none",
    "stroke": "#bbbbbb",
    "stroke_width": 1.0,
    "dash": "solid",
    "font_size": 14.0,
    "font_color": "#999999",
    "align": "left",
    "valign": "bottom",
    "label_position": "top",
    "text_padding": 3.0,
}
_RASTER_URI: Final = re.compile(
    r"data:image/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+"
)


# --------------------------------------------------------------------- helpers
def _degrees(radians: Any) -> float:
    """Return an angle in radians as degrees in (-180, 180], rounded like files."""
    if isinstance(radians, bool) or not isinstance(radians, int | float):
        return 0.0
    if not math.isfinite(radians) or abs(radians) > 1e6:
        return 0.0
    d = math.degrees(radians) % 360.0
    return rounded(d - 360.0 if d > 180.0 else d)


def _parse(text: str) -> Any:
    limits.check_json_depth(text)
    try:
        return json.loads(
            text, parse_constant=_no_constant, object_pairs_hook=unique_keys
        )
    except json.JSONDecodeError as exc:
        raise LineworkError(CODE, json_problem(exc)) from None
    except ValueError as exc:
        raise LineworkError(CODE, str(exc)) from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows.")


# ------------------------------------------------------------------- wrappers
def _unwrap(payload: bytes) -> Any:
    """Return the scene inside an image payload: plain JSON or an encoded envelope.

    The envelope is a byte string (one character per byte), so it is read as
    Latin-1; a plain scene is UTF-8 and is read again as such.
    """
    raw = _parse(payload.decode("latin-1"))
    env = _obj(raw)
    if "encoded" not in env:
        try:
            return _parse(payload.decode("utf-8"))
        except UnicodeDecodeError:
            return raw
    encoded = env.get("encoded")
    if not isinstance(encoded, str) or env.get("encoding", "bstring") != "bstring":
        raise LineworkError(CODE, "The embedded scene uses an unknown encoding.")
    try:
        data = encoded.encode("latin-1")
    except UnicodeEncodeError:
        raise LineworkError(CODE, "The embedded scene is not a byte string.") from None
    if env.get("compressed") is True:
        try:
            data = png.inflate(data, limits.MAX_FILE_BYTES)
        except zlib.error:
            raise LineworkError(CODE, "The embedded scene is damaged.") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LineworkError("LW-E0107", f"Bad byte at offset {exc.start}.") from None
    return _parse(text)


def _from_png(data: bytes) -> Any:
    chunks = png.text_chunks(data)
    payload = chunks.get(MEDIA_TYPE)
    if payload is None:
        payload = next((v for k, v in chunks.items() if "excalidraw" in k), None)
    if payload is None:
        raise LineworkError("LW-E0206", "No Excalidraw scene in this PNG.")
    return _unwrap(payload)


def _from_svg(data: bytes) -> Any:
    """Find the scene between the payload markers with plain byte searches."""
    start = data.find(PAYLOAD_START)
    end = data.find(PAYLOAD_END, start + 1) if start >= 0 else -1
    if start < 0 or end < 0:
        raise LineworkError("LW-E0206", "No Excalidraw scene in this SVG.")
    b64 = b"".join(data[start + len(PAYLOAD_START) : end].split())
    try:
        payload = base64.b64decode(b64, validate=True)
    except (binascii.Error, ValueError):
        raise LineworkError(CODE, "The embedded scene is not valid base64.") from None
    return _unwrap(payload)


def _scene(data: bytes) -> Any:
    limits.check_size(data)
    if png.is_png(data):
        return _from_png(data)
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return _from_svg(data)
    return load_json(data, CODE)


# ------------------------------------------------------------------- reading
class _Reader:
    def __init__(self, raw: Any) -> None:
        scene = _obj(raw)
        kind = scene.get("type")
        if kind == "excalidrawlib":
            raise LineworkError(CODE, "This is an Excalidraw library, not a drawing.")
        if kind not in (None, "excalidraw", "excalidraw/clipboard") or not isinstance(
            scene.get("elements"), list
        ):
            raise LineworkError(CODE, "It has no list of elements.")
        raw_elements = scene["elements"]
        if len(raw_elements) > limits.MAX_ELEMENTS:
            raise LineworkError(
                "LW-E0105", f"The limit is {limits.MAX_ELEMENTS:,} elements."
            )
        self.files = _obj(scene.get("files"))
        self.ids = IdSource()
        app = _obj(scene.get("appState"))
        bg = css_colour(app.get("viewBackgroundColor"))
        self.page = Page(
            id=self.ids.new("page"),
            name="Page 1",
            background="#ffffff" if bg in (None, "none") else bg,
        )
        self.layer = Layer(id=self.ids.new("layer"), page=self.page.id, name="Layer 1")
        self.records: dict[str, Record] = {
            self.page.id: self.page,
            self.layer.id: self.layer,
        }
        self.warnings: list[str] = []
        self.unmapped = 0
        self.unmapped_names: dict[str, int] = {}
        # Live elements by id (first wins); elements without an id get none.
        self.elements: list[dict[str, Any]] = []
        self.by_id: dict[str, dict[str, Any]] = {}
        for raw_e in raw_elements:
            if not isinstance(raw_e, dict) or raw_e.get("isDeleted") is True:
                continue
            e = {**raw_e, "type": _str(raw_e.get("type"), 40)}
            self.elements.append(e)
            eid = e.get("id")
            if isinstance(eid, str) and eid and eid not in self.by_id:
                self.by_id[eid] = e
        self.shape_of: dict[str, str] = {}
        self.labels: dict[str, list[dict[str, Any]]] = {}
        self.groups: dict[str, str] = {}
        self.group_parent: dict[str, str | None] = {}
        # Live frames by Excalidraw id; each becomes a container shape.
        self.frames: set[str] = set()

    def _bound(self, e: dict[str, Any]) -> list[dict[str, Any]]:
        """Return the texts bound to ``e`` (only the first element with an id)."""
        eid = e.get("id")
        if isinstance(eid, str) and self.by_id.get(eid) is e:
            return self.labels.get(eid, [])
        return []

    def _container(self, e: dict[str, Any]) -> dict[str, Any] | None:
        """Return the live container of a bound text, if it can hold a label."""
        cid = e.get("containerId")
        box = self.by_id.get(cid) if isinstance(cid, str) else None
        if box is None or box.get("type") in ("text", "freedraw", "image") or box is e:
            return None
        return box

    def build(self) -> ImportResult:
        ids_seen: set[str] = set()
        for e in self.elements:
            if e.get("type") == "text":
                box = self._container(e)
                if box is not None:
                    self.labels.setdefault(box["id"], []).append(e)
        self._frames()
        # Shapes first (connectors need their ids), keeping the paint order.
        z_of: dict[int, int] = {}
        for z, e in enumerate(self.elements):
            z_of[id(e)] = z
            etype = e.get("type")
            if etype == "text" and self._container(e) is not None:
                continue
            if etype in _LINEAR:
                continue
            sid = self._shape(e, z)
            eid = e.get("id")
            if isinstance(eid, str) and eid not in ids_seen:
                ids_seen.add(eid)
                self.shape_of[eid] = sid
        for e in self.elements:
            if e.get("type") in _LINEAR:
                self._connector(e, z_of[id(e)])
        self._cap_group_depth()
        self._frame_members()
        fit_to_page(self.records, self.page.id, always_shift=True)
        renumber_z(self.records)
        return ImportResult(
            doc=Document(records=self.records),
            format="excalidraw",
            unmapped=self.unmapped,
            warnings=tuple(
                dict.fromkeys(
                    [note, *self.warnings]
                    if (note := unmapped_warning(self.unmapped_names))
                    else self.warnings
                )
            ),
        )

    # ------------------------------------------------------------- groups
    def _parent(self, e: dict[str, Any]) -> str | None:
        """Create the group records an element's ``groupIds`` name; return its group.

        ``groupIds`` lists the innermost group first. A link that would close
        a cycle (another element claimed the opposite nesting) is skipped.
        """
        chain = [g for g in _list(e.get("groupIds")) if isinstance(g, str) and g][:64]
        if not chain:
            return None
        for g in chain:
            if g not in self.groups:
                gid = self.ids.new("group")
                self.groups[g] = gid
                self.group_parent[gid] = None
                self.records[gid] = Group(
                    id=gid, page=self.page.id, layer=self.layer.id
                )
        for inner, outer in itertools.pairwise(chain):
            gi, go = self.groups[inner], self.groups[outer]
            if gi == go or self.group_parent[gi] is not None:
                continue
            cur: str | None = go
            steps = 0
            while cur is not None and cur != gi and steps <= len(self.group_parent):
                cur = self.group_parent[cur]
                steps += 1
            if cur is None:
                self.group_parent[gi] = go
        return self.groups[chain[0]]

    def _frames(self) -> None:
        """Note the live frames: each becomes a container (``props.container``)."""
        for e in self.elements:
            eid = e.get("id")
            if (
                e.get("type") in _FRAMES
                and isinstance(eid, str)
                and self.by_id.get(eid) is e
            ):
                self.frames.add(eid)

    def _owner(self, e: dict[str, Any]) -> str | None:
        """Return an element's group (a frame is a container, not a group)."""
        return self._parent(e)

    def _top(self, rid: str) -> str:
        """Return the outermost group holding record ``rid`` (or ``rid``)."""
        rec = self.records.get(rid)
        seen = {rid}
        while isinstance(rec, Shape | Group) and rec.parent and rec.parent not in seen:
            seen.add(rec.parent)
            rid = rec.parent
            rec = self.records.get(rid)
        return rid

    def _frame_members(self) -> None:
        """Make what names a frame (``frameId``) a member of its container.

        The member is the element's outermost group, or the element itself;
        one that holds the frame (a frame grouped with its children) stays
        out, or the frame would carry itself.
        """
        for e in self.elements:
            fid, eid = e.get("frameId"), e.get("id")
            if not isinstance(fid, str) or fid not in self.frames or fid == eid:
                continue
            sid = self.shape_of.get(eid) if isinstance(eid, str) else None
            frame_sid = self.shape_of.get(fid)
            if sid is None or frame_sid is None:
                continue
            unit = self._top(sid)
            rec = self.records[unit]
            if unit == self._top(frame_sid) or not isinstance(rec, Shape | Group):
                continue
            extra = frozen_map({**rec.extra, CONTAINER_KEY: frame_sid})
            self.records[unit] = replace(rec, extra=extra)

    def _note(self, warning: str) -> None:
        """Add a warning once (a cap may apply to many elements)."""
        if warning not in self.warnings:
            self.warnings.append(warning)

    def _cap_group_depth(self) -> None:
        """Cut group chains so no element nests deeper than the model allows."""
        limit = limits.MAX_GROUP_DEPTH - 1
        for gid in list(self.group_parent):
            cur = gid
            for _ in range(limit):
                nxt = self.group_parent[cur]
                if nxt is None:
                    break
                cur = nxt
            else:
                self.group_parent[cur] = None
                self._note(f"Groups nested deeper than {limit} were flattened.")
        for gid, parent in self.group_parent.items():
            rec = self.records[gid]
            if isinstance(rec, Group) and parent is not None:
                self.records[gid] = replace(rec, parent=parent)

    # ------------------------------------------------------------- shapes
    def _style(self, e: dict[str, Any]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        stroke = css_colour(e.get("strokeColor"))
        if stroke:
            values["stroke"] = stroke
        fill = css_colour(e.get("backgroundColor"))
        if fill:
            values["fill"] = fill
        if "strokeWidth" in e:
            values["stroke_width"] = _num(e.get("strokeWidth"), 1.5, 0.0, 1000.0)
        dash = e.get("strokeStyle")
        if dash in ("dashed", "dotted"):
            values["dash"] = dash
        if "opacity" in e:
            values["opacity"] = rounded(
                _num(e.get("opacity"), 100.0, 0.0, 100.0) / 100.0
            )
        return values

    def _text_style(self, t: dict[str, Any]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        colour = css_colour(t.get("strokeColor"))
        if colour and colour != "none":
            values["font_color"] = colour
        if "fontSize" in t:
            values["font_size"] = _num(t.get("fontSize"), 14.0, 1.0, 1000.0)
        if t.get("textAlign") in ("left", "center", "right"):
            values["align"] = t["textAlign"]
        if t.get("verticalAlign") in ("top", "middle", "bottom"):
            values["valign"] = t["verticalAlign"]
        return values

    @staticmethod
    def _text(t: dict[str, Any]) -> str:
        # originalText is what the user typed; text has Excalidraw's wrapping.
        return _str(t.get("originalText")) or _str(t.get("text"))

    def _link(self, e: dict[str, Any]) -> str:
        raw = e.get("link")
        if raw is None or raw == "":
            return ""
        link = safe_link(raw)
        if link is None:
            self.warnings.append("Links that are not http(s) or mailto were dropped.")
            return ""
        return link

    def _shape(self, e: dict[str, Any], z: int) -> str:
        etype = _str(e.get("type"), 40)
        kind = _SHAPES.get(etype)
        mapped = kind is not None
        kind = kind or "rectangle"
        values = self._style(e)
        props: dict[str, Any] = {}
        text = ""
        roundness = (
            e.get("roundness") is not None or e.get("strokeSharpness") == "round"
        )
        if etype == "rectangle" and roundness:
            kind = "rounded-rectangle"
        if etype == "text":
            values.update(fill="none", stroke="none", valign="top")
            values.pop("stroke_width", None)
            values.update(self._text_style(e))
            text = self._text(e)
        elif etype in _FRAMES:
            # Excalidraw's frame look: a thin grey outline, the name just above
            # its top-left corner.
            values.update(_FRAME_STYLE)
            text = _str(e.get("name"), 200) or "Frame"
            # A container: what names the frame moves with it (below its
            # members, so clicking one picks the member, not the frame).
            props["container"] = True
            z -= len(self.elements) + 1
        elif etype == "image":
            file = _obj(self.files.get(_str(e.get("fileId"), 200)))
            url = _str(file.get("dataURL"), limits.MAX_IMAGE_CHARS)
            safe = pictures.safe_src(url) if url else None
            if _RASTER_URI.fullmatch(url):
                props["src"] = url
            elif safe is not None:
                props["src"] = safe  # an SVG, rebuilt from allowed parts
            else:
                mapped = False
        if not mapped:
            self.unmapped += 1
            name = etype if re.fullmatch(r"[\w\-]{1,40}", etype) else "?"
            self.unmapped_names[name] = self.unmapped_names.get(name, 0) + 1
        bound = self._bound(e)
        if bound:
            text = "\n".join(self._text(t) for t in bound)
            values.update(self._text_style(bound[0]))
        x, y = _num(e.get("x")), _num(e.get("y"))
        w, h = _num(e.get("width"), 1.0), _num(e.get("height"), 1.0)
        if w < 0:
            x, w = x + w, -w
        if h < 0:
            y, h = y + h, -h
        sid = self.ids.new("shape")
        self.records[sid] = Shape(
            id=sid,
            page=self.page.id,
            layer=self.layer.id,
            parent=self._owner(e),
            z=z,
            kind=kind,
            box=Box(rounded(x), rounded(y), max(1.0, rounded(w)), max(1.0, rounded(h))),
            rotation_deg=_degrees(e.get("angle")),
            style=replace(DEFAULT_STYLE, **values),
            text=text[: limits.MAX_TEXT],
            link=self._link(e),
            props=props,
            locked=e.get("locked") is True,
        )
        return sid

    # --------------------------------------------------------- connectors
    def _connector(self, e: dict[str, Any], z: int) -> None:
        etype = e.get("type")
        x, y = _num(e.get("x")), _num(e.get("y"))
        raw_pts = [
            p for p in _list(e.get("points")) if isinstance(p, list) and len(p) >= 2
        ]
        if len(raw_pts) > limits.MAX_WAYPOINTS:
            # Freehand strokes can hold thousands of points: keep an even sample.
            self._note(
                f"Lines with more than {limits.MAX_WAYPOINTS:,} points were"
                " simplified to an even sample of them."
            )
            step = len(raw_pts) / limits.MAX_WAYPOINTS
            raw_pts = [raw_pts[int(i * step)] for i in range(limits.MAX_WAYPOINTS)] + [
                raw_pts[-1]
            ]
        local = [Vec(_num(p[0]), _num(p[1])) for p in raw_pts]
        if len(local) < 2:
            local = [
                Vec(0, 0),
                Vec(_num(e.get("width"), 0.0), _num(e.get("height"), 0.0)),
            ]
        xs, ys = [p.x for p in local], [p.y for p in local]
        centre = Vec(x + (min(xs) + max(xs)) / 2, y + (min(ys) + max(ys)) / 2)
        deg = _degrees(e.get("angle"))
        pts = [rotate_about(Vec(x + p.x, y + p.y), centre, deg) for p in local]
        pts = [Vec(rounded(p.x), rounded(p.y)) for p in pts]
        values = self._style(e)
        values.pop("fill", None)
        if etype == "arrow":
            start = e.get("startArrowhead")
            end = e.get("endArrowhead", "arrow")
        else:
            start, end = e.get("startArrowhead"), e.get("endArrowhead")
        values["start_arrow"] = _head(start)
        values["end_arrow"] = _head(end)
        waypoints = tuple(pts[1:-1])[: limits.MAX_WAYPOINTS]
        if e.get("elbowed") is True:
            routing = "orthogonal"
        elif etype != "freedraw" and e.get("roundness") is not None and waypoints:
            routing = "curved"
        else:
            routing = "straight"
        floats = routing == "straight"
        source = self._end(e.get("startBinding"), pts[0], pts[1], floats=floats)
        target = self._end(e.get("endBinding"), pts[-1], pts[-2], floats=floats)
        if routing == "orthogonal" and waypoints:
            waypoints = _squared(
                self._end_point(source, pts[0]),
                waypoints,
                self._end_point(target, pts[-1]),
            )
        bound = self._bound(e)
        labels = tuple(
            ConnectorLabel(text=self._text(t)[: limits.MAX_TEXT])
            for t in bound[: limits.MAX_LABELS]
        )
        if bound:
            first = self._text_style(bound[0])
            values.update(
                {k: v for k, v in first.items() if k in ("font_size", "font_color")}
            )
        if e.get("link"):
            self._link(e)  # connectors hold no link; warn if it was unsafe
        cid = self.ids.new("conn")
        self.records[cid] = Connector(
            id=cid,
            page=self.page.id,
            layer=self.layer.id,
            parent=self._owner(e),
            z=z,
            source=source,
            target=target,
            waypoints=waypoints,
            routing=routing,  # type: ignore[arg-type]
            style=replace(DEFAULT_STYLE, **values),
            labels=labels,
            locked=e.get("locked") is True,
        )

    def _end(self, binding: Any, point: Vec, toward: Vec, *, floats: bool) -> End:
        """Return a connector end: free, or attached where the arrow meets its shape.

        A ``fixedPoint`` (elbow arrows in the legacy schema, every binding in
        the current one) is where the end sits, unless it is an orbit
        binding's focus inside the shape: then the arrow only aims at it.
        Otherwise Excalidraw's stored end (``point``, a gap off the outline;
        ``toward`` is the arrow's next point) is where it meets the shape, so
        several arrows between the same two shapes stay apart: it becomes an
        anchor, slid along the arrow onto the outline. A straight arrow aimed
        at the shape's centre (legacy ``focus`` 0) floats instead, which draws
        the same and re-aims when shapes move. A stored end far from the shape
        (a hand-made file with stale points) floats as well.
        """
        b = _obj(binding)
        target = b.get("elementId")
        sid = self.shape_of.get(target) if isinstance(target, str) else None
        shape = self.records.get(sid) if sid is not None else None
        if sid is None or not isinstance(shape, Shape):
            return Free(point=point)
        box = shape.box
        fixed = _fixed_point(b.get("fixedPoint"))
        if fixed is not None:
            at = box.at(fixed.x, fixed.y)
            focus = b.get("mode") == "orbit" and _radius(shape.kind, box, at) < 0.95
            if not focus:
                return Attached(shape=sid, anchor=_fraction(fixed.x, fixed.y))
        local = rotate_about(point, box.center, -shape.rotation_deg)
        if not _inside(local, box, _NEAR) or (
            floats and _aims_at(point, toward, shape)
        ):
            return Attached(shape=sid)
        local_toward = rotate_about(toward, box.center, -shape.rotation_deg)
        local = _onto_outline(shape.kind, box, local, local_toward)
        return Attached(
            shape=sid,
            anchor=_fraction((local.x - box.x) / box.w, (local.y - box.y) / box.h),
        )

    def _end_point(self, end: End, point: Vec) -> Vec:
        """Return where an anchored end sits on the page (else ``point``)."""
        if isinstance(end, Attached) and end.anchor is not None:
            shape = self.records.get(end.shape)
            if isinstance(shape, Shape):
                box = shape.box
                at = box.at(end.anchor.x, end.anchor.y)
                return rotate_about(at, box.center, shape.rotation_deg)
        return point


def _squared(start: Vec, waypoints: tuple[Vec, ...], end: Vec) -> tuple[Vec, ...]:
    """Line an elbow arrow's corners up exactly with their neighbours.

    Excalidraw's corners sit a hair off the ends once those snap onto the
    outline (and off each other by float noise); an orthogonal router would
    add a jog for every such hair.
    """
    out = list(waypoints)
    for i, w in enumerate(out):
        prev = start if i == 0 else out[i - 1]
        out[i] = _snap(w, prev)
    out[-1] = _snap(out[-1], end)
    return tuple(out)


def _snap(p: Vec, to: Vec) -> Vec:
    """Return ``p`` with a coordinate within a pixel of ``to``'s replaced by it."""
    x = to.x if abs(p.x - to.x) < 1.0 else p.x
    y = to.y if abs(p.y - to.y) < 1.0 else p.y
    return Vec(rounded(x), rounded(y))


#: How far (px) from its shape a bound arrow's end may lie and still be
#: taken as where it meets the shape (Excalidraw keeps a gap of a few px).
_NEAR: Final = 12.0


def _fixed_point(raw: Any) -> Vec | None:
    """Return a binding's ``fixedPoint`` (fractions of the box), if it is valid."""
    if isinstance(raw, list) and len(raw) == 2:
        fx, fy = _num(raw[0], math.nan), _num(raw[1], math.nan)
        if math.isfinite(fx) and math.isfinite(fy):
            return Vec(fx, fy)
    return None


def _fraction(fx: float, fy: float) -> Vec:
    """Return an anchor: fractions of the box, clamped to 0..1 and rounded."""
    return Vec(rounded(min(1.0, max(0.0, fx))), rounded(min(1.0, max(0.0, fy))))


def _inside(p: Vec, box: Box, margin: float) -> bool:
    """Return whether ``p`` lies in ``box`` grown by ``margin`` on every side."""
    return (
        box.x - margin <= p.x <= box.x + box.w + margin
        and box.y - margin <= p.y <= box.y + box.h + margin
    )


def _radius(kind: str, box: Box, p: Vec) -> float:
    """Return how far out ``p`` lies: 1 on the outline, below inside, above out.

    Only the kinds Excalidraw binds to matter: ellipses and diamonds by
    their curve or edges, anything else by its box (a rounded corner is
    off by a pixel or two at most).
    """
    u = (p.x - box.x - box.w / 2) / (box.w / 2)
    v = (p.y - box.y - box.h / 2) / (box.h / 2)
    if kind == "ellipse":
        return math.hypot(u, v)
    if kind == "diamond":
        return abs(u) + abs(v)
    return max(abs(u), abs(v))


def _onto_outline(kind: str, box: Box, p: Vec, toward: Vec) -> Vec:
    """Slide ``p`` along the arrow's line onto the outline, at most ``_NEAR`` px.

    ``toward`` is the arrow's neighbouring point: the line keeps its
    direction, so a straight arrow stays as straight as Excalidraw drew it.
    Returns ``p`` when the outline is not that close along the line.
    """
    d = p - toward
    n = math.hypot(d.x, d.y)
    if n == 0 or box.w <= 0 or box.h <= 0:
        return p
    d = Vec(d.x / n, d.y / n)
    r0 = _radius(kind, box, p)
    if r0 == 1.0:
        return p
    # Outside, the outline lies ahead (into the shape); inside, behind.
    step = _NEAR if r0 > 1.0 else -_NEAR
    far = p + d * step
    if (_radius(kind, box, far) - 1.0) * (r0 - 1.0) > 0:
        return p
    lo, hi = 0.0, 1.0
    for _ in range(40):
        mid = (lo + hi) / 2
        if (_radius(kind, box, p + d * (step * mid)) - 1.0) * (r0 - 1.0) > 0:
            lo = mid
        else:
            hi = mid
    return p + d * (step * hi)


def _aims_at(point: Vec, toward: Vec, shape: Shape) -> bool:
    """Return whether the line from ``toward`` through ``point`` meets the centre.

    Such an end is where a floating end would sit (up to a pixel or so).
    """
    d = point - toward
    n = math.hypot(d.x, d.y)
    if n == 0:
        return False
    c = shape.box.center - toward
    off = abs(d.x * c.y - d.y * c.x) / n
    return off <= max(1.0, 0.01 * max(shape.box.w, shape.box.h))


def _head(name: Any) -> str:
    if name is None or name == "":
        return "none"
    return _HEADS.get(name, "classic") if isinstance(name, str) else "none"


def read(data: bytes) -> ImportResult:
    """Import an Excalidraw scene from ``.excalidraw`` JSON or a PNG/SVG export.

    Raises:
        LineworkError: LW-E0202 when the scene cannot be read, LW-E0206 for an
            image without a scene, LW-E0205 when it inflates past the cap,
            LW-E0106 when nested too deeply, LW-E0105 with too many elements.
    """
    return _Reader(_scene(data)).build()
