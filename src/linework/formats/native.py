"""The ``.linework`` v1 file: canonical JSON writer and a strict, located reader.

The writer is canonical (sorted keys, no spaces, numbers rounded by ``fmt``, style
fields only where they differ from the default), so the same document always gives
the same bytes. The reader names the exact place of each problem, keeps keys it
does not know (a newer minor version may add some), refuses a newer major version,
and enforces the limits in ``formats.limits`` before doing any real work.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import fields, replace
from typing import Any, Final, TypeAlias, TypeVar

from linework.errors import LineworkError
from linework.formats import limits
from linework.formats.jsonerrors import json_problem
from linework.formats.native_migrations import MIGRATIONS, MINOR_MIGRATIONS
from linework.formats.native_refs import Invalid as _Invalid
from linework.formats.native_refs import check_references
from linework.formats.utf8json import json_utf8
from linework.geometry import Box, Vec
from linework.geometry.fmt import rounded
from linework.model import (
    ARROWHEADS,
    CONTAINER_KEY,
    DASHES,
    DEFAULT_STYLE,
    EMPTY,
    LABEL_POSITIONS,
    ROUTINGS,
    TEXT_PADDING_SIDES,
    Attached,
    Connector,
    ConnectorLabel,
    Document,
    Element,
    End,
    Free,
    Grid,
    Group,
    Layer,
    Page,
    Shape,
    Style,
    frozen_map,
)
from linework.model.builders import attached_to, new_connector, new_shape
from linework.model.rich import (
    RichError,
    RichText,
    rich_for,
    rich_from_json,
    rich_to_json,
)

FORMAT: Final = "linework"
VERSION: Final = 1
#: The minor version: 1.1 adds container membership (``"container"`` on shapes
#: and groups). Written only by files that use it, so a diagram without
#: containers stays a 1.0 file byte for byte; readers of 1.0 keep the key.
#: 1.2 adds list-valued shape props: the rows of UML classes and ER tables
#: (``rows``, ``compartments``), a lifeline's ``activations``, a fragment's
#: ``dividers`` (docs/file-format.md, "UML and ER"); the UML, ER, BPMN, C4,
#: mockup, org chart and floor-plan wall kinds (``uml-*``, ``er-*``,
#: ``bpmn-*``, ``c4-*``, ``mockup-*``, ``person-card``, ``floorplan-*``) and
#: their props; and rich labels (``"rich"`` on shapes and
#: connector labels: paragraphs of formatted runs beside the plain ``"text"``;
#: a 1.0/1.1 reader keeps the key and shows the text); and the arrowhead
#: sizes ``start_arrow_size``/``end_arrow_size`` of connectors.
MINOR: Final = 2
#: Kind name prefixes of 1.2; a file using one says minor 2.
_KINDS_1_2: Final = (
    "uml-",
    "er-",
    "bpmn-",
    "c4-",
    "floorplan-",
    "mockup-",
    "person-card",
)
MEDIA_TYPE: Final = "application/vnd.linework+json"

_T = TypeVar("_T")
#: Most items a list-valued prop holds (a class's rows, a lifeline's bars).
_MAX_LIST_PROP: Final = 2000

_DOC_KEYS: Final = frozenset({"format", "version", "minor", "pages", "meta"})
_PAGE_KEYS: Final = frozenset(
    {"id", "name", "width", "height", "background", "grid", "layers", "elements"}
)
_LAYER_KEYS: Final = frozenset({"id", "name", "visible", "locked"})
_COMMON_KEYS: Final = frozenset({"type", "id", "layer", "parent", "locked"})
_SHAPE_KEYS: Final = _COMMON_KEYS | {
    "kind",
    "box",
    "rotation",
    "style",
    "text",
    "rich",
    "link",
    "props",
}
_CONN_KEYS: Final = _COMMON_KEYS | {
    "source",
    "target",
    "waypoints",
    "routing",
    "style",
    "labels",
}
_GROUP_KEYS: Final = _COMMON_KEYS
_STYLE_FIELDS: Final = {f.name: f for f in fields(Style)}


# --------------------------------------------------------------------------- writing
def _num(x: float) -> float | int:
    r = rounded(x)
    return int(r) if r.is_integer() and abs(r) < 2**53 else r


def _point(p: Vec) -> dict[str, Any]:
    return {"x": _num(p.x), "y": _num(p.y)}


def _style_json(style: Style, extra: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = dict(extra.get("style", {}))
    for name in _STYLE_FIELDS:
        value = getattr(style, name)
        if value != getattr(DEFAULT_STYLE, name):
            out[name] = _num(value) if isinstance(value, float) else value
    return out


def _end_json(end: End) -> dict[str, Any]:
    match end:
        case Attached(shape=shape, port=port, anchor=anchor):
            out: dict[str, Any] = {"shape": shape}
            if port is not None:
                out["port"] = port
            if anchor is not None:
                out["anchor"] = _point(anchor)
            return out
        case Free(point=point):
            return _point(point)


def _element_json(e: Element) -> dict[str, Any]:
    out: dict[str, Any] = {k: v for k, v in e.extra.items() if k != "style"}
    out["id"] = e.id
    out["layer"] = e.layer
    if e.parent:
        out["parent"] = e.parent
    if e.locked:
        out["locked"] = True
    match e:
        case Shape():
            out["type"] = "shape"
            out["kind"] = e.kind
            out["box"] = {
                "x": _num(e.box.x),
                "y": _num(e.box.y),
                "w": _num(e.box.w),
                "h": _num(e.box.h),
            }
            if e.rotation_deg:
                out["rotation"] = _num(e.rotation_deg)
            style = _style_json(e.style, e.extra)
            if style:
                out["style"] = style
            if e.text:
                out["text"] = e.text
            rich = rich_for(e.text, e.rich)
            if rich is not None:
                out["rich"] = rich_to_json(rich)
            if e.link:
                out["link"] = e.link
            if e.props:
                out["props"] = dict(e.props)
        case Connector():
            out["type"] = "connector"
            out["source"] = _end_json(e.source)
            out["target"] = _end_json(e.target)
            if e.waypoints:
                out["waypoints"] = [_point(p) for p in e.waypoints]
            out["routing"] = e.routing
            style = _style_json(e.style, e.extra)
            if style:
                out["style"] = style
            if e.labels:
                out["labels"] = [
                    {
                        "text": lb.text,
                        **(
                            {"rich": rich_to_json(lr)}
                            if (lr := rich_for(lb.text, lb.rich)) is not None
                            else {}
                        ),
                        "position": _num(lb.position),
                        **(
                            {"offset": _point(lb.offset)}
                            if lb.offset != Vec(0, 0)
                            else {}
                        ),
                    }
                    for lb in e.labels
                ]
        case Group():
            out["type"] = "group"
    return out


def to_json(doc: Document) -> dict[str, Any]:
    """Return the document as plain JSON data (the v1 file structure)."""
    pages = []
    for page in doc.pages():
        p: dict[str, Any] = dict(page.extra)
        p.update(
            id=page.id,
            name=page.name,
            width=_num(page.width),
            height=_num(page.height),
            background=page.background,
            grid={
                "size": _num(page.grid.size),
                "visible": page.grid.visible,
                "snap": page.grid.snap,
            },
            layers=[
                {
                    **la.extra,
                    "id": la.id,
                    "name": la.name,
                    "visible": la.visible,
                    "locked": la.locked,
                }
                for la in doc.layers(page.id)
            ],
            elements=[_element_json(e) for e in doc.elements(page.id)],
        )
        pages.append(p)
    out: dict[str, Any] = dict(doc.extra)
    out.update(format=FORMAT, version=VERSION, pages=pages)
    # The lowest minor version that carries what the document uses, so a
    # file without the newer data stays readable as it was, byte for byte.
    minor = 0
    for r in doc.records.values():
        if (
            isinstance(r, Shape)
            and (
                r.kind.startswith(_KINDS_1_2)
                or any(isinstance(v, list) for v in r.props.values())
                or rich_for(r.text, r.rich) is not None
            )
        ) or (
            isinstance(r, Connector)
            and (
                any(rich_for(lb.text, lb.rich) is not None for lb in r.labels)
                or r.style.start_arrow_size is not None
                or r.style.end_arrow_size is not None
            )
        ):
            minor = 2
            break
        if isinstance(r, Shape | Connector | Group) and CONTAINER_KEY in r.extra:
            minor = 1
    if minor:
        out["minor"] = minor
    if doc.meta:
        out["meta"] = dict(doc.meta)
    return out


def encode(doc: Document) -> bytes:
    """Return the canonical ``.linework`` bytes of a document."""
    text = json.dumps(
        to_json(doc),
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        allow_nan=False,
    )
    return json_utf8(text)


# --------------------------------------------------------------------------- reading
_Sized = TypeVar("_Sized", list[Any], str)


def _sized(
    v: Any, kind: type[_Sized], path: str, limit: int, what: str, size: str
) -> _Sized:
    """Return ``v`` if it is a ``kind`` of at most ``limit`` items, else raise."""
    if not isinstance(v, kind):
        raise _Invalid(path, f"must be {what}")
    if len(v) > limit:
        raise _Invalid(path, f"{size.format(n=len(v))}; the limit is {limit}")
    return v


#: A style dict's items and their types: a key for styles read already.
_RawStyle: TypeAlias = tuple[tuple[tuple[str, Any], ...], tuple[type, ...]]


def _style_key(o: dict[str, Any]) -> _RawStyle | None:
    """Return a style dict's items and their types (``1``, ``1.0`` and ``true``
    stay apart, as the reader tells them apart), or None if one is a list or an
    object (unhashable: such a dict is read in full each time)."""
    types = tuple(map(type, o.values()))
    if list in types or dict in types:
        return None
    return (tuple(o.items()), types)


class _Reader:
    """Typed accessors that know where they are, so errors name the exact place."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        # Equal styles share one record: a big file repeats a few styles over
        # and over, and the renderer memoizes what a style draws by record.
        self.styles: dict[tuple[tuple[str, Any], ...], Style] = {}
        #: Styles by the very dict items they were read from (see style()).
        self.raw_styles: dict[_RawStyle, Style] = {}

    @staticmethod
    def obj(v: Any, path: str) -> dict[str, Any]:
        if not isinstance(v, dict):
            raise _Invalid(path, "must be an object")
        return v

    @staticmethod
    def arr(v: Any, path: str, limit: int) -> list[Any]:
        return _sized(v, list, path, limit, "an array", "has {n} items")

    @staticmethod
    def string(v: Any, path: str, limit: int = limits.MAX_TEXT) -> str:
        return _sized(v, str, path, limit, "a string", "is {n} characters long")

    @staticmethod
    def boolean(v: Any, path: str) -> bool:
        if not isinstance(v, bool):
            raise _Invalid(path, "must be true or false")
        return v

    @staticmethod
    def number(
        v: Any,
        path: str,
        *,
        lo: float = -limits.MAX_COORD,
        hi: float = limits.MAX_COORD,
    ) -> float:
        if isinstance(v, bool) or not isinstance(v, int | float):
            raise _Invalid(path, "must be a number")
        x = float(v)
        if not math.isfinite(x):
            raise _Invalid(path, "must be a finite number")
        if not lo <= x <= hi:
            raise _Invalid(path, f"must be between {lo:g} and {hi:g}")
        return x

    @staticmethod
    def choice(v: Any, path: str, options: tuple[str, ...]) -> str:
        if v not in options:
            raise _Invalid(path, "must be one of " + ", ".join(options))
        return str(v)

    def new_id(self, v: Any, path: str) -> str:
        rid = self.string(v, path, limits.MAX_ID)
        if not rid:
            raise _Invalid(path, "must not be empty")
        if rid in self.ids:
            raise _Invalid(path, f"duplicate id {rid!r}")
        self.ids.add(rid)
        return rid

    def point(self, v: Any, path: str) -> Vec:
        o = self.obj(v, path)
        return Vec(
            self.number(o.get("x"), f"{path}.x"), self.number(o.get("y"), f"{path}.y")
        )

    def colour(self, v: Any, path: str) -> str:
        s = self.string(v, path, 32)
        if s == "none" or (
            len(s) in (4, 7, 9)
            and s[0] == "#"
            and all(c in "0123456789abcdefABCDEF" for c in s[1:])
        ):
            return s.lower()
        raise _Invalid(path, "must be a colour like #1f2933 or none")

    def style(self, v: Any, path: str) -> tuple[Style, dict[str, Any]]:
        o = self.obj(v, path)
        # A page of icons repeats one style dict a thousand times: one read in
        # full, the rest found by their items and the items' types (so ``1``,
        # ``1.0`` and ``true`` stay apart, as the checks tell them apart).
        key = _style_key(o)
        hit = None if key is None else self.raw_styles.get(key)
        if hit is not None:
            return hit, {}
        style, unknown = self._style(o, path)
        if key is not None and not unknown:
            self.raw_styles[key] = style
        return style, unknown

    def style_read(self, o: dict[str, Any]) -> Style | None:
        """Return the style of a dict equal to ``o`` read already, else None."""
        key = _style_key(o)
        return None if key is None else self.raw_styles.get(key)

    def _style(self, o: dict[str, Any], path: str) -> tuple[Style, dict[str, Any]]:
        values: dict[str, Any] = {}
        unknown: dict[str, Any] = {}
        for key, raw in o.items():
            where = f"{path}.{key}"
            if key not in _STYLE_FIELDS:
                unknown[key] = raw
            elif key in ("fill", "stroke", "font_color"):
                values[key] = self.colour(raw, where)
            elif key in ("shadow", "bold", "italic", "underline", "wrap"):
                values[key] = self.boolean(raw, where)
            elif key == "stroke_width":
                values[key] = self.number(raw, where, lo=0, hi=1000)
            elif key == "opacity":
                values[key] = self.number(raw, where, lo=0, hi=1)
            elif key in ("start_arrow_size", "end_arrow_size"):
                values[key] = self.number(raw, where, lo=1, hi=200)
            elif key in ("corner_radius", "text_padding", *TEXT_PADDING_SIDES):
                values[key] = self.number(raw, where, lo=0, hi=100_000)
            elif key == "font_size":
                values[key] = self.number(raw, where, lo=1, hi=1000)
            elif key == "font_family":
                values[key] = self.string(raw, where, 200)
            elif key == "dash":
                values[key] = self.choice(raw, where, DASHES)
            elif key == "align":
                values[key] = self.choice(raw, where, ("left", "center", "right"))
            elif key == "valign":
                values[key] = self.choice(raw, where, ("top", "middle", "bottom"))
            elif key in ("start_arrow", "end_arrow"):
                values[key] = self.choice(raw, where, ARROWHEADS)
            elif key == "label_position":
                values[key] = self.choice(raw, where, LABEL_POSITIONS)
        if not values:
            return DEFAULT_STYLE, unknown
        # The reader gives each field one type (floats, booleans, lower-case
        # colours, names), so equal items mean equal styles (a -0.0 may share
        # the record of a 0.0: both draw and save as 0).
        same = tuple(values.items())
        style = self.styles.get(same)
        if style is None:
            style = self.styles[same] = replace(DEFAULT_STYLE, **values)
        return style, unknown

    def end(self, v: Any, path: str) -> End:
        o = self.obj(v, path)
        if "shape" in o:
            shape = self.string(o["shape"], f"{path}.shape", limits.MAX_ID)
            port = self.string(o["port"], f"{path}.port", 40) if "port" in o else None
            anchor = (
                self.point(o["anchor"], f"{path}.anchor") if "anchor" in o else None
            )
            if anchor is not None and not (0 <= anchor.x <= 1 and 0 <= anchor.y <= 1):
                raise _Invalid(f"{path}.anchor", "must lie within 0..1 on both axes")
            return Attached(shape=shape, port=port, anchor=anchor)
        return Free(point=self.point(o, path))


# Fast paths for the fields every element has: a valid value is taken after a
# type and range check, and only a bad one builds its path and goes through the
# reader, which raises with it (the same checks, the same messages).
_MAX_COORD: Final = limits.MAX_COORD
_MAX_TEXT: Final = limits.MAX_TEXT
_MAX_IMAGE_CHARS: Final = limits.MAX_IMAGE_CHARS


_ELEMENT_TYPES: Final = ("shape", "connector", "group")
_NO_PROPS: Final[dict[str, Any]] = {}
_NO_LIST: Final[list[Any]] = []
_NUMBER: Final = frozenset({int, float})


def _rotation(r: _Reader, v: Any, path: str) -> float:
    if v == 0 and type(v) is int:
        return 0.0
    return r.number(v, f"{path}.rotation", lo=-360, hi=360)


def _read_num(r: _Reader, v: Any, path: str, field: str) -> float:
    t = type(v)
    if (t is float or t is int) and -_MAX_COORD <= v <= _MAX_COORD:
        return float(v)
    return r.number(v, path + field)


def _list_prop(r: _Reader, v: list[Any], path: str) -> None:
    """Check a list-valued prop: strings, numbers, or short lists of numbers."""
    r.arr(v, path, _MAX_LIST_PROP)
    for i, item in enumerate(v):
        at = f"{path}[{i}]"
        if isinstance(item, str):
            r.string(item, at)
        elif isinstance(item, list):
            for j, x in enumerate(r.arr(item, at, 4)):
                r.number(x, f"{at}[{j}]")
        else:
            r.number(item, at)


def _end(r: _Reader, v: Any, path: str, field: str) -> End:
    """Read a connector end; ``{"shape": id}``, the usual one, without the reader."""
    if type(v) is dict and len(v) == 1:
        shape = v.get("shape")
        if type(shape) is str and len(shape) <= limits.MAX_ID:
            return attached_to(shape)
    return r.end(v, path + field)


def _read_text(r: _Reader, v: Any, path: str, field: str, limit: int) -> str:
    if type(v) is str and len(v) <= limit:
        return v
    return r.string(v, path + field, limit)


def _read_rich(raw: Any, path: str, text: str) -> RichText | None:
    """Read a shape's runs; their plain text must be the shape's ``text``.

    A ``rich`` that disagrees with ``text`` was written by a tool that changed
    the text without the runs: the text wins and the runs are dropped.
    """
    if raw is None:
        return None
    try:
        rich = rich_from_json(raw, path)
    except RichError as e:
        raise _Invalid(e.path, e.problem) from None
    if rich is None or len(rich.plain) > limits.MAX_TEXT:
        return None
    return rich_for(text, rich)


def _extra(o: Mapping[str, Any], known: frozenset[str]) -> Mapping[str, Any]:
    return frozen_map({k: v for k, v in o.items() if k not in known})


def _element_extra(o: Mapping[str, Any], known: frozenset[str]) -> dict[str, Any]:
    """Return an element's unknown keys; a ``locked`` that is no boolean stays one.

    Readers before the ``locked`` field kept the key in ``extra`` and locked only
    on ``true``; any other value is kept as it was, locking nothing.
    """
    # Most elements carry no unknown key: one C-level subset test says so.
    extra = {} if known.issuperset(o) else dict(_extra(o, known))
    if "locked" in o and not isinstance(o["locked"], bool):
        extra["locked"] = o["locked"]
    return extra


def _element_locked(o: Mapping[str, Any]) -> bool:
    return o.get("locked") is True


def _style_and_extra(
    r: _Reader, o: Mapping[str, Any], path: str, known: frozenset[str]
) -> tuple[Style, dict[str, Any]]:
    """Return an element's style and its unknown keys (unknown style keys too)."""
    style, unknown_style = (
        r.style(o["style"], f"{path}.style") if "style" in o else (DEFAULT_STYLE, {})
    )
    extra = _element_extra(o, known)
    if unknown_style:
        extra["style"] = unknown_style
    return style, extra


#: What every element starts with: id, page, layer, parent, z, locked.
_Head: TypeAlias = tuple[str, str, str, str | None, int, bool]


def _read_element(
    r: _Reader, raw: Any, path: str, page: str, layers: dict[str, int], z: int
) -> Element:
    # The common case of each field is taken inline after a type (and length or
    # range) check; anything else goes through the reader, which builds the
    # field's path and raises with it (the same checks, the same messages).
    o = raw if type(raw) is dict else r.obj(raw, path)
    get = o.get
    kind = get("type")
    if kind not in _ELEMENT_TYPES:
        r.choice(kind, f"{path}.type", _ELEMENT_TYPES)
    rid = get("id")
    if type(rid) is str and 0 < len(rid) <= limits.MAX_ID and rid not in r.ids:
        r.ids.add(rid)
    else:
        rid = r.new_id(rid, f"{path}.id")
    layer = get("layer")
    if type(layer) is not str or len(layer) > limits.MAX_ID:
        layer = r.string(layer, f"{path}.layer", limits.MAX_ID)
    if layer not in layers:
        raise _Invalid(f"{path}.layer", f"names no layer of this page: {layer!r}")
    parent = (
        r.string(o["parent"], f"{path}.parent", limits.MAX_ID)
        if get("parent")
        else None
    )
    locked = get("locked") is True
    if kind == "shape":
        return _read_shape(r, o, path, (rid, page, layer, parent, z, locked))
    if kind == "connector":
        return _read_connector(r, o, path, (rid, page, layer, parent, z, locked))
    return Group(
        id=rid,
        page=page,
        layer=layer,
        parent=parent,
        z=z,
        locked=locked,
        extra=frozen_map(_element_extra(o, _GROUP_KEYS)),
    )


def _plain_extra(
    r: _Reader, o: dict[str, Any], path: str, known: frozenset[str]
) -> tuple[Style, Mapping[str, Any]]:
    """Return an element's style and unknown keys; no style key, none unknown: fast."""
    if known.issuperset(o):
        lock = o.get("locked", False)
        if lock is True or lock is False:
            raw = o.get("style", EMPTY)
            if raw is EMPTY:
                return DEFAULT_STYLE, EMPTY
            # A style dict like one read already (the icons of a page).
            style = r.style_read(raw) if type(raw) is dict else None
            if style is not None:
                return style, EMPTY
    style, extra = _style_and_extra(r, o, path, known)
    return style, frozen_map(extra)


def _read_shape(r: _Reader, o: dict[str, Any], path: str, head: _Head) -> Shape:
    rid, page, layer, parent, z, locked = head
    get = o.get
    b = get("box")
    if type(b) is not dict:
        b = r.obj(b, f"{path}.box")
    x: Any = b.get("x")
    y: Any = b.get("y")
    w: Any = b.get("w")
    h: Any = b.get("h")
    if (
        type(x) in _NUMBER
        and type(y) in _NUMBER
        and type(w) in _NUMBER
        and type(h) in _NUMBER
        and -_MAX_COORD <= x <= _MAX_COORD
        and -_MAX_COORD <= y <= _MAX_COORD
        and -_MAX_COORD <= w <= _MAX_COORD
        and -_MAX_COORD <= h <= _MAX_COORD
    ):  # the usual box: four numbers in range, read in one go
        box = Box(float(x), float(y), float(w), float(h))
    else:
        box = Box(
            _read_num(r, x, path, ".box.x"),
            _read_num(r, y, path, ".box.y"),
            _read_num(r, w, path, ".box.w"),
            _read_num(r, h, path, ".box.h"),
        )
    if box.w <= 0:
        raise _Invalid(f"{path}.box.w", "must be > 0")
    if box.h <= 0:
        raise _Invalid(f"{path}.box.h", "must be > 0")
    style, extra = _plain_extra(r, o, path, _SHAPE_KEYS)
    raw_props = get("props", _NO_PROPS)
    props = (
        _NO_PROPS
        if raw_props is _NO_PROPS or (type(raw_props) is dict and not raw_props)
        else raw_props
        if type(raw_props) is dict
        else r.obj(raw_props, f"{path}.props")
    )
    text = get("text", "")
    if type(text) is not str or len(text) > _MAX_TEXT:
        text = r.string(text, f"{path}.text", _MAX_TEXT)
    raw_rich = get("rich")
    rich = None if raw_rich is None else _read_rich(raw_rich, f"{path}.rich", text)
    if rich is not None:
        text = rich.plain
    for key, value in props.items():
        if type(value) is str:
            limit = _MAX_IMAGE_CHARS if key == "src" else _MAX_TEXT
            if len(value) > limit:  # the reader raises, naming the place
                r.string(value, f"{path}.props.{key}", limit)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            r.number(value, f"{path}.props.{key}")
        elif isinstance(value, list):  # rows, compartments, bars (1.2)
            _list_prop(r, value, f"{path}.props.{key}")
    kind = get("kind", "rectangle")
    if type(kind) is not str or len(kind) > 100:
        kind = r.string(kind, f"{path}.kind", 100)
    rotation = get("rotation", 0)
    if type(rotation) is not int or rotation != 0:  # (an int 0: no rotation)
        rotation = _rotation(r, rotation, path)
    else:
        rotation = 0.0
    link = get("link", "")
    if link != "":
        link = _read_text(r, link, path, ".link", 2048)
    # Shape(id=..., ...), every field in order (see model.builders).
    return new_shape(
        rid,
        page,
        layer,
        parent,
        z,
        kind,
        box,
        rotation,
        style,
        text,
        rich,
        link,
        frozen_map(props) if props else EMPTY,
        locked,
        extra,
    )


def _read_connector(r: _Reader, o: dict[str, Any], path: str, head: _Head) -> Connector:
    rid, page, layer, parent, z, locked = head
    get = o.get
    style, extra = _plain_extra(r, o, path, _CONN_KEYS)
    raw_waypoints = get("waypoints", _NO_LIST)
    waypoints = (
        ()
        if raw_waypoints is _NO_LIST
        or (type(raw_waypoints) is list and not raw_waypoints)
        else tuple(
            r.point(p, f"{path}.waypoints[{i}]")
            for i, p in enumerate(
                r.arr(raw_waypoints, f"{path}.waypoints", limits.MAX_WAYPOINTS)
            )
        )
    )
    raw_labels = get("labels", _NO_LIST)
    labels: tuple[ConnectorLabel, ...] = ()
    if raw_labels is not _NO_LIST and not (type(raw_labels) is list and not raw_labels):
        labels = tuple(_read_labels(r, raw_labels, path))
    routing = get("routing", "orthogonal")
    if routing not in ROUTINGS:
        r.choice(routing, f"{path}.routing", ROUTINGS)
    return new_connector(
        rid,
        page,
        layer,
        parent,
        z,
        _end(r, get("source"), path, ".source"),
        _end(r, get("target"), path, ".target"),
        waypoints,
        routing,
        style,
        labels,
        locked,
        extra,
    )


def _read_labels(r: _Reader, raw: Any, path: str) -> list[ConnectorLabel]:
    labels = []
    for i, lb in enumerate(r.arr(raw, f"{path}.labels", limits.MAX_LABELS)):
        lp = f"{path}.labels[{i}]"
        lo_ = r.obj(lb, lp)
        label_text = r.string(lo_.get("text"), f"{lp}.text")
        labels.append(
            ConnectorLabel(
                text=label_text,
                rich=_read_rich(lo_.get("rich"), f"{lp}.rich", label_text),
                position=r.number(
                    lo_.get("position", 0.5), f"{lp}.position", lo=0, hi=1
                ),
                offset=r.point(lo_["offset"], f"{lp}.offset")
                if "offset" in lo_
                else Vec(0.0, 0.0),
            )
        )
    return labels


def from_json(raw: Any) -> Document:
    """Build a document from parsed JSON data, validating everything.

    Raises:
        LineworkError: LW-E0102 naming the exact place of the first problem,
            LW-E0103 for a newer major version, LW-E0105 for too many elements.
    """
    r = _Reader()
    try:
        o = r.obj(raw, "document")
        if o.get("format") != FORMAT:
            raise _Invalid("format", 'must be "linework"')
        version = o.get("version")
        if isinstance(version, bool) or not isinstance(version, int | float):
            raise _Invalid("version", "must be a number")
        major = int(version)
        if major > VERSION:
            raise LineworkError(
                "LW-E0103",
                f"It is format version {version}; this Linework reads {VERSION}.",
            )
        if major < 1:
            raise _Invalid("version", "must be 1 or more")
        for v in range(major, VERSION):
            o = MIGRATIONS[v](o)
        minor = o.get("minor", 0) if major == VERSION else MINOR
        if isinstance(minor, bool) or not isinstance(minor, int) or minor < 0:
            raise _Invalid("minor", "must be a whole number, 0 or more")
        for m in range(minor, MINOR):
            o = MINOR_MIGRATIONS[m](o)
        records: dict[str, Any] = {}
        all_elements: list[Element] = []
        pages = r.arr(o.get("pages"), "pages", limits.MAX_PAGES)
        if not pages:
            raise _Invalid("pages", "must hold at least one page")
        count = 0
        for pi, raw_page in enumerate(pages):
            pp = f"pages[{pi}]"
            po = r.obj(raw_page, pp)
            page_id = r.new_id(po.get("id"), f"{pp}.id")
            g = r.obj(po.get("grid", {}), f"{pp}.grid")
            page = Page(
                id=page_id,
                name=r.string(po.get("name", f"Page {pi + 1}"), f"{pp}.name", 200),
                z=pi,
                width=r.number(po.get("width", 1100), f"{pp}.width", lo=1),
                height=r.number(po.get("height", 850), f"{pp}.height", lo=1),
                background=r.colour(
                    po.get("background", "#ffffff"), f"{pp}.background"
                ),
                grid=Grid(
                    size=r.number(g.get("size", 10), f"{pp}.grid.size", lo=1, hi=1000),
                    visible=r.boolean(g.get("visible", True), f"{pp}.grid.visible"),
                    snap=r.boolean(g.get("snap", True), f"{pp}.grid.snap"),
                ),
                extra=_extra(po, _PAGE_KEYS),
            )
            records[page_id] = page
            layer_rank: dict[str, int] = {}
            raw_layers = r.arr(po.get("layers"), f"{pp}.layers", limits.MAX_LAYERS)
            if not raw_layers:
                raise _Invalid(f"{pp}.layers", "must hold at least one layer")
            for li, raw_layer in enumerate(raw_layers):
                lp = f"{pp}.layers[{li}]"
                lo = r.obj(raw_layer, lp)
                layer = Layer(
                    id=r.new_id(lo.get("id"), f"{lp}.id"),
                    page=page_id,
                    name=r.string(lo.get("name", f"Layer {li + 1}"), f"{lp}.name", 200),
                    z=li,
                    visible=r.boolean(lo.get("visible", True), f"{lp}.visible"),
                    locked=r.boolean(lo.get("locked", False), f"{lp}.locked"),
                    extra=_extra(lo, _LAYER_KEYS),
                )
                records[layer.id] = layer
                layer_rank[layer.id] = li
            raw_elements = r.arr(po.get("elements", []), f"{pp}.elements", 2**31)
            count += len(raw_elements)
            if count > limits.MAX_ELEMENTS:
                raise LineworkError(
                    "LW-E0105", f"The limit is {limits.MAX_ELEMENTS:,} elements."
                )
            for ei, raw_el in enumerate(raw_elements):
                el = _read_element(
                    r, raw_el, f"{pp}.elements[{ei}]", page_id, layer_rank, ei
                )
                records[el.id] = el
                all_elements.append(el)
        check_references(records, all_elements)
        meta = r.obj(o.get("meta", {}), "meta")
        return Document(
            records=records, meta=frozen_map(meta), extra=_extra(o, _DOC_KEYS)
        )
    except _Invalid as exc:
        raise LineworkError("LW-E0102", str(exc)) from None


def looks_native(data: bytes) -> bool:
    """Return whether bytes look like a ``.linework`` file (cheap sniff, no parse)."""
    head = data[:512].lstrip()
    return head.startswith(b"{") and b'"linework"' in data[:4096]


def decode(data: bytes) -> Document:
    """Read ``.linework`` bytes into a document.

    Raises:
        LineworkError: with a code and the exact place of the problem.
    """
    text = limits.json_text(data)
    try:
        raw = json.loads(text, parse_constant=_reject_constant)
    except ValueError as exc:
        if isinstance(exc, json.JSONDecodeError):
            raise LineworkError("LW-E0101", json_problem(exc)) from None
        raise LineworkError("LW-E0102", str(exc)) from None
    return from_json(raw)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed; numbers must be finite")
