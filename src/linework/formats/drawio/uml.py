"""draw.io UML and ER shapes ↔ Linework's UML and ER kinds.

Import:
- ``umlActor``, ``umlLifeline``, ``umlFrame``, ``umlDestroy``, ``startState``,
  ``endState``, ``folder``, ``component``/``module``, ``cube`` and
  ``mxgraph.sysml.package``/``mxgraph.uml*``/``mxgraph.er*`` names map to kinds
  (:data:`UML_SHAPE_KINDS`, merged into ``names.SHAPE_KINDS``).
- A ``swimlane`` with ``childLayout=stackLayout`` whose children are text rows
  and ``line`` separators is a class (``uml-class``): its rows become the
  ``rows`` prop, the separators its compartments; rows with a key part
  (``PK``, ``FK``) make it an ER table (``er-entity``). draw.io's
  ``shape=table`` whose rows are a key cell and a name cell is a table too.
- A lifeline's ``orthogonalPerimeter`` children are its activation bars.
- An edge ending on a row ends on that row's port (``row<i>-w``/``-e``).

Export writes the same structures back: a class or table is a stack-layout
swimlane with one ``text`` cell per row and ``line`` cells between
compartments, an edge on a row ends on that row's cell, a lifeline's bars are
its children. Kinds draw.io has no shape for carry ``lineworkKind``.

Formats see only the model, so the row geometry constants of
``linework.shapes.rows`` are repeated here (header 30, row 26).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Final

from linework.formats.drawio.cells import Cell
from linework.formats.drawio.styles import bounded, colour, flag
from linework.geometry import Box, Vec
from linework.model import Attached, Connector, End, Shape, frozen_map

if TYPE_CHECKING:
    from linework.formats.drawio.page import PageBuilder

#: Kinds written with a plain draw.io style (export), hints included.
UML_KIND_STYLES: Final[Mapping[str, str]] = {
    "uml-package": "shape=folder;tabWidth=80;tabHeight=20;tabPosition=left;",
    "uml-component": "shape=component;",
    "uml-node": "shape=cube;size=12;flipH=1;",
    "uml-note": "shape=note2;size=12;lineworkKind=uml-note;",
    "uml-actor": "shape=umlActor;",
    "uml-use-case": "ellipse;lineworkKind=uml-use-case;",
    "uml-boundary": "rounded=0;verticalAlign=top;lineworkKind=uml-boundary;",
    "uml-lifeline": "shape=umlLifeline;perimeter=lifelinePerimeter;container=1;"
    "collapsible=0;recursiveResize=0;outlineConnect=0;",
    "uml-fragment": "shape=umlFrame;",
    "uml-destroy": "shape=umlDestroy;",
    "uml-state": "rounded=1;arcSize=20;lineworkKind=uml-state;",
    "uml-initial": "ellipse;shape=startState;",
    "uml-final": "ellipse;shape=endState;",
    "uml-choice": "rhombus;lineworkKind=uml-choice;",
    "uml-fork": "rounded=0;lineworkKind=uml-fork;",
    "uml-action": "rounded=1;arcSize=40;lineworkKind=uml-action;",
    "uml-class": "swimlane;",
    "uml-interface": "swimlane;",
    "uml-enumeration": "swimlane;",
    "er-entity": "swimlane;",
}
#: Kinds whose rows are props (written as a stack of row cells).
ROW_KINDS: Final = frozenset(
    {"uml-class", "uml-interface", "uml-enumeration", "er-entity"}
)
ROW_HEIGHT: Final = 26.0
HEADER: Final = 30.0
STEREOTYPE_DEPTH: Final = 16.0
_ROW_PORT: Final = re.compile(r"row(\d+)-([we])")
_KEY: Final = re.compile(r"(?:PK|FK|UK|AK|IX)\d*(?:\s*,\s*(?:PK|FK|UK|AK|IX)\d*)*")
_STEREO: Final = re.compile(r"\s*[«<]{1,2}\s*([^»>\n]{1,80}?)\s*[»>]{1,2}\s*(?:\n|$)")
_HINT: Final = "lineworkKind"
_MAX_ROWS: Final = 500


# --------------------------------------------------------------------------- import
@dataclass(slots=True)
class Rowed:
    """What a stack of row cells (or a table) folds into."""

    kind: str
    rows: list[str]
    counts: list[int]
    row_height: float
    #: Child cell id → its row index (None: a separator or a key part).
    absorbed: dict[str, int | None] = field(default_factory=dict)


def _is_line(c: Cell) -> bool:
    return "line" in c.names or c.style.get("shape") == "line"


def _is_row(c: Cell) -> bool:
    shape = c.style.get("shape", "")
    return c.vertex and (
        "text" in c.names or shape in ("partialRectangle", "text", "tableRow")
    )


def stack_rows(
    b: PageBuilder,
    c: Cell,
    kids: list[Cell],
    kids_of: Mapping[str, list[Cell]],
    parent: dict[str, str],
) -> Rowed | None:
    """Return the rows of a class-like stack (or ER table), or None if it is not one."""
    st = c.style
    table = st.get("shape") == "table" and st.get("childLayout") == "tableLayout"
    stack = (st.get("shape") == "swimlane" or "swimlane" in c.names) and st.get(
        "childLayout"
    ) == "stackLayout"
    hinted = st.get(_HINT, "")
    if stack and hinted in ROW_KINDS and not kids:  # exported without rows
        return Rowed(kind=hinted, rows=[], counts=[], row_height=ROW_HEIGHT)
    if not (stack or table) or not kids or any(k.edge for k in kids):
        return None
    vertices = [k for k in kids if k.vertex]
    if stack and len(vertices) == 1 and flag(vertices[0].style, "part"):
        # draw.io's ER "Entity": one part holding every attribute, a line each.
        text = b.label(vertices[0], parent).text
        lines = [t for t in text.split("\n") if t.strip()][:_MAX_ROWS]
        if lines and not kids_of.get(vertices[0].id):
            return Rowed(
                kind=hinted if hinted in ROW_KINDS else "er-entity",
                rows=lines,
                counts=[len(lines)],
                row_height=ROW_HEIGHT,
                absorbed={vertices[0].id: None},
            )
    if not vertices or not all(_is_line(k) or _is_row(k) for k in vertices):
        return None
    out = Rowed(kind="uml-class", rows=[], counts=[0], row_height=ROW_HEIGHT)
    heights: list[float] = []
    keyed = False
    for k in vertices:
        if _is_line(k):
            out.absorbed[k.id] = None
            if out.counts[-1] or len(out.counts) == 1:
                out.counts.append(0)
            continue
        parts = [p for p in kids_of.get(k.id, []) if p.vertex]
        if any(kids_of.get(p.id) for p in parts):
            return None  # deeper structure: not a simple row
        text = b.label(k, parent).text
        if "\n" in text:
            return None  # a row of several lines: not a simple list of rows
        key = ""
        if parts:
            cells = [b.label(p, parent).text.replace("\n", " ").strip() for p in parts]
            if table:  # a table row: key cell, then the name cell
                key, text = (
                    (cells[0], " ".join(cells[1:]))
                    if len(cells) > 1
                    else ("", cells[0])
                )
            else:  # a stack row: the row's own text, with a key part
                key = " ".join(x for x in cells if x)
            for p in parts:
                out.absorbed[p.id] = None
        if key and _KEY.fullmatch(key.replace(" ", "")):
            keyed = True
            key = key.replace(" ", "")
        elif key:
            text = f"{key} {text}".strip()
            key = ""
        if not text.strip() and not key and k.geo.h < ROW_HEIGHT * 0.6:
            out.absorbed[k.id] = None  # a spacer at the bottom of a table
            continue
        if len(out.rows) >= _MAX_ROWS:
            out.absorbed[k.id] = None
            continue
        out.absorbed[k.id] = len(out.rows)
        out.rows.append(f"{key} {text}" if key else text)
        out.counts[-1] += 1
        heights.append(k.geo.h)
    if table and not keyed:
        return None  # a plain table (a grid, a Gantt chart): not an entity
    if out.counts and out.counts[-1] == 0 and len(out.counts) > 1:
        out.counts.pop()  # a separator at the very end closes nothing
    if heights:
        heights.sort()
        out.row_height = max(8.0, min(200.0, heights[len(heights) // 2]))
        if heights[-1] > out.row_height * 1.6:
            return None  # rows of very different heights: keep the cells
    if keyed:
        out.kind = "er-entity"
        out.counts = [len(out.rows)]
    if not out.rows:
        out.counts = []  # as an exported class without rows reads back
    if hinted in ROW_KINDS:
        out.kind = hinted
    return out


def refine(
    b: PageBuilder, c: Cell, shape: Shape, rowed: Rowed | None, kids: list[Cell]
) -> tuple[Shape, dict[str, int | None]]:
    """Return the shape with its UML/ER props, and the child cells folded into it."""
    st = c.style
    props: dict[str, Any] = dict(shape.props)
    absorbed: dict[str, int | None] = {}
    if rowed is not None:
        props["rows"] = rowed.rows
        props["compartments"] = rowed.counts
        header = bounded(
            st.get("startSize"),
            26.0 if st.get("shape") != "table" else 30.0,
            0.0,
            shape.box.h,
        )
        text, style = shape.text, shape.style
        m = _STEREO.match(text)
        if m:
            props["stereotype"] = m.group(1)
            text = text[m.end() :]
            header = (
                max(0.0, header - STEREOTYPE_DEPTH)
                if header > STEREOTYPE_DEPTH + 12
                else header
            )
        if st.get("fontStyle") and int(bounded(st.get("fontStyle"), 0, 0, 255)) & 2:
            props["abstract"] = True
            style = replace(style, italic=False)
        props["header"] = header + (STEREOTYPE_DEPTH if "stereotype" in props else 0.0)
        if rowed.row_height != ROW_HEIGHT:
            props["row_height"] = rowed.row_height
        # draw.io paints the header with fillColor, the body with swimlaneFillColor.
        body = colour(st.get("swimlaneFillColor"), "#ffffff")
        head = colour(st.get("fillColor"), "#ffffff")
        if head not in (body, "none"):
            props["header_fill"] = head
        style = replace(style, fill=body, valign="middle")
        absorbed = dict(rowed.absorbed)
        kind = rowed.kind
        if kind == "uml-class" and "stereotype" in props:
            word = str(props["stereotype"]).lower()
            if word == "interface":
                kind = "uml-interface"
            elif word in ("enumeration", "enum"):
                kind = "uml-enumeration"
        return replace(
            shape, kind=kind, text=text, style=style, props=frozen_map(props)
        ), absorbed
    if shape.kind == "uml-lifeline":
        props["head"] = bounded(st.get("size"), 40.0, 4.0, shape.box.h)
        bars: list[list[float]] = []
        for k in kids:
            if k.vertex and (
                st_perimeter(k) == "orthogonalPerimeter"
                or k.style.get(_HINT) == "activation"
            ):
                absorbed[k.id] = None
                bars.append([k.geo.y, k.geo.y + k.geo.h])
        if bars:
            props["activations"] = sorted(bars)[:200]
    elif shape.kind == "uml-fragment":
        props["tag_width"] = bounded(st.get("width"), 60.0, 10.0, shape.box.w)
        raw = st.get("lineworkDividers", "")
        dividers = [float(x) for x in raw.split(",") if _is_number(x)][:50]
        if dividers:
            props["dividers"] = dividers
        shape = replace(shape, style=replace(shape.style, fill="none"))
    elif shape.kind in ("uml-initial", "uml-fork"):
        # draw.io fills the dot (the bar) with fillColor; the kinds ink it with
        # the line colour and ignore the fill.
        ink = colour(st.get("fillColor"), "#000000")
        if ink != "none":
            shape = replace(
                shape, style=replace(shape.style, stroke=ink, fill="#ffffff")
            )
    elif shape.kind == "uml-actor" and shape.style.label_position == "inside":
        shape = replace(
            shape, style=replace(shape.style, label_position="bottom", valign="top")
        )
    if props != dict(shape.props):
        shape = replace(shape, props=frozen_map(props))
    return shape, absorbed


def st_perimeter(c: Cell) -> str:
    """Return a cell's ``perimeter`` style value."""
    return c.style.get("perimeter", "")


def _is_number(x: str) -> bool:
    try:
        v = float(x)
    except ValueError:
        return False
    return 0 <= v <= 1e6


def row_end(
    end: End, row: tuple[str, int] | None, box: Box | None, other: Vec | None
) -> End:
    """Return an edge end on a row cell as the row's port on the folded shape.

    The side is the anchor's (``exitX``/``entryX`` 0 or 1), else the side
    facing the other end.
    """
    if row is None or not isinstance(end, Attached) or end.shape != row[0]:
        return end
    if end.anchor is not None and end.anchor.x != 0.5:
        side = "e" if end.anchor.x > 0.5 else "w"
    elif other is not None and box is not None:
        side = "e" if other.x > box.center.x else "w"
    else:
        side = "e"
    return Attached(shape=row[0], port=f"row{row[1]}-{side}")


def fold_row_ends(
    conn: Connector,
    c: Cell,
    rows_of: Mapping[str, tuple[str, int]],
    boxes: Mapping[str, Box],
) -> Connector:
    """Return ``conn`` with ends on row cells moved onto the rows' ports."""
    src_row = rows_of.get(c.source or "")
    dst_row = rows_of.get(c.target or "")
    if src_row is None and dst_row is None:
        return conn

    def point(e: End, cell: str | None) -> Vec | None:
        if isinstance(e, Attached):
            b = boxes.get(cell or "")
            return b.center if b is not None else None
        return e.point

    src = row_end(
        conn.source, src_row, boxes.get(c.source or ""), point(conn.target, c.target)
    )
    dst = row_end(
        conn.target, dst_row, boxes.get(c.target or ""), point(conn.source, c.source)
    )
    return replace(conn, source=src, target=dst)


# --------------------------------------------------------------------------- export
def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.3f}".rstrip("0").rstrip(".")


def _rows(shape: Shape) -> tuple[list[str], list[int]]:
    raw = shape.props.get("rows")
    rows = (
        [r for r in raw if isinstance(r, str)] if isinstance(raw, list | tuple) else []
    )
    counts_raw = shape.props.get("compartments")
    counts = (
        [
            int(k)
            for k in counts_raw
            if isinstance(k, int) and not isinstance(k, bool) and k >= 0
        ]
        if isinstance(counts_raw, list | tuple)
        else []
    )
    if sum(counts) != len(rows) or not counts:
        counts = [len(rows)]
        if shape.kind == "uml-class":
            counts.append(0)
    return rows, counts


def _prop_num(shape: Shape, key: str, default: float) -> float:
    raw = shape.props.get(key)
    return (
        float(raw)
        if isinstance(raw, int | float) and not isinstance(raw, bool)
        else default
    )


def _stereotype(shape: Shape) -> str:
    raw = shape.props.get("stereotype")
    return raw.strip().strip("«»<>").strip() if isinstance(raw, str) else ""


def export_text(shape: Shape) -> str:
    """Return the label draw.io shows: a classifier's stereotype line, then its name."""
    stereo = _stereotype(shape) if shape.kind in ROW_KINDS else ""
    return f"«{stereo}»\n{shape.text}" if stereo else shape.text


def style_pairs(shape: Shape) -> list[tuple[str, str]]:
    """Return the style keys a UML/ER kind adds to its base style."""
    k = shape.kind
    if k in ROW_KINDS:
        stereo = STEREOTYPE_DEPTH if _stereotype(shape) else 0.0
        header = _prop_num(shape, "header", HEADER + stereo)
        pairs = [
            ("childLayout", "stackLayout"),
            ("horizontal", "1"),
            ("startSize", _num(min(header, shape.box.h))),
            ("horizontalStack", "0"),
            ("resizeParent", "1"),
            ("resizeLast", "0"),
            ("collapsible", "1"),
            ("marginBottom", "0"),
            ("swimlaneFillColor", shape.style.fill),
            (_HINT, k),
        ]
        head = shape.props.get("header_fill")
        if isinstance(head, str) and re.fullmatch(r"#[0-9a-fA-F]{6}", head):
            pairs.append(("fillColor", head))
        if shape.props.get("abstract") is True:
            pairs.append(("lineworkAbstract", "1"))
        return pairs
    if k == "uml-lifeline":
        return [("size", _num(_prop_num(shape, "head", 40.0)))]
    if k == "uml-fragment":
        pairs = [("width", _num(_prop_num(shape, "tag_width", 60.0))), ("height", "24")]
        raw = shape.props.get("dividers")
        if isinstance(raw, list | tuple):
            ds = [
                _num(float(d))
                for d in raw
                if isinstance(d, int | float) and not isinstance(d, bool)
            ]
            if ds:
                pairs.append(("lineworkDividers", ",".join(ds)))
        return pairs
    if k == "uml-actor":
        return [("verticalLabelPosition", "bottom"), ("verticalAlign", "top")]
    if k in ("uml-initial", "uml-fork"):  # drawn in the line colour (draw.io: fill)
        return [("fillColor", shape.style.stroke)]
    return []


def font_style_bits(shape: Shape) -> int:
    """Return extra ``fontStyle`` bits: italic for an abstract class's name."""
    return 2 if shape.kind in ROW_KINDS and shape.props.get("abstract") is True else 0


@dataclass(frozen=True, slots=True)
class ChildCell:
    """A cell written under a UML/ER shape's cell: a row, a separator or a bar."""

    suffix: str
    value: str
    style: str
    box: Box  # relative to the parent's top-left


_ROW_STYLE: Final = (
    "text;strokeColor=none;fillColor=none;align=left;verticalAlign=middle;"
    "spacingLeft=4;spacingRight=4;overflow=hidden;rotatable=0;"
    "points=[[0,0.5],[1,0.5]];portConstraint=eastwest;"
)
_LINE_STYLE: Final = (
    "line;strokeWidth=1;fillColor=none;align=left;verticalAlign=middle;"
    "spacingTop=-1;spacingLeft=3;spacingRight=3;rotatable=0;labelPosition=right;"
    "points=[];portConstraint=eastwest;"
)


def child_cells(shape: Shape) -> list[ChildCell]:
    """Return the cells draw.io keeps under a class, table or lifeline."""
    b = shape.box
    out: list[ChildCell] = []
    if shape.kind in ROW_KINDS:
        rows, counts = _rows(shape)
        stereo = STEREOTYPE_DEPTH if _stereotype(shape) else 0.0
        y = min(_prop_num(shape, "header", HEADER + stereo), b.h)
        rh = _prop_num(shape, "row_height", ROW_HEIGHT)
        i = 0
        for ci, n in enumerate(counts):
            if ci > 0:
                out.append(
                    ChildCell(f"line{ci}", "", _LINE_STYLE, Box(0.0, y, b.w, 8.0))
                )
                y += 8.0
            for _ in range(n):
                out.append(
                    ChildCell(f"row{i}", rows[i], _ROW_STYLE, Box(0.0, y, b.w, rh))
                )
                y += rh
                i += 1
        return out
    if shape.kind == "uml-lifeline":
        raw = shape.props.get("activations")
        for n, a in enumerate(raw if isinstance(raw, list | tuple) else []):
            if (
                isinstance(a, list | tuple)
                and len(a) == 2
                and all(
                    isinstance(v, int | float) and not isinstance(v, bool) for v in a
                )
                and a[1] > a[0]
            ):
                out.append(
                    ChildCell(
                        f"bar{n}",
                        "",
                        f"points=[];perimeter=orthogonalPerimeter;{_HINT}=activation;"
                        f"fillColor={shape.style.fill};",
                        Box(b.w / 2 - 5, float(a[0]), 10.0, float(a[1]) - float(a[0])),
                    )
                )
    return out


def row_cell_suffix(shape: Shape, port: str | None) -> tuple[str, float] | None:
    """Return the row cell (suffix) and anchor x of a row port, if ``port`` is one."""
    if port is None or shape.kind not in ROW_KINDS:
        return None
    m = _ROW_PORT.fullmatch(port)
    if m is None or int(m.group(1)) >= len(_rows(shape)[0]):
        return None
    return f"row{m.group(1)}", 1.0 if m.group(2) == "e" else 0.0


def abstract_from_style(st: Mapping[str, str]) -> bool:
    """Return whether an exported class said it was abstract."""
    return flag(st, "lineworkAbstract")
