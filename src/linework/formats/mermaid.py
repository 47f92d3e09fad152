"""Import Mermaid flowcharts (``flowchart``/``graph``) as editable diagrams.

Mermaid text has structure but no geometry, so nodes are sized from their
labels (an average glyph width: formats may not import ``linework.text``) and
placed by ``formats.layout``. Subgraphs become a group plus a titled container
rectangle drawn around their members. The parser reads one statement at a time
with anchored regular expressions; a line it cannot read is an error naming
the line (LW-E0203), never a guess.

The CSS colour and link helpers here are shared with the JSON importers.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any, Final

from linework.errors import LineworkError
from linework.formats import layout, limits
from linework.formats.colours import css_colour
from linework.formats.imports import ImportResult
from linework.geometry import Box, Vec
from linework.geometry.fmt import rounded
from linework.links import safe_link
from linework.model import (
    DEFAULT_STYLE,
    Attached,
    Connector,
    ConnectorLabel,
    Document,
    End,
    Group,
    IdSource,
    Layer,
    Page,
    Record,
    Shape,
    Style,
)

CODE: Final = "LW-E0203"
MAX_NODES: Final = 3_000
MAX_EDGES: Final = 6_000
MAX_SUBGRAPHS: Final = 500
MAX_SOURCE_BYTES: Final = 2 * 1024 * 1024  # a 3,000-node chart is ~100 KB
MARGIN: Final = 40.0
FONT_SIZE: Final = DEFAULT_STYLE.font_size
CHAR_WIDTH: Final = 0.6  # average glyph advance, in font sizes
LINE_HEIGHT: Final = 1.3


# ------------------------------------------------------------------- parsing
_ID: Final = r"[\w\u00a0-\uffff]+(?:[-.][\w\u00a0-\uffff]+)*"
_ID_RE: Final = re.compile(_ID)
_HEADER: Final = re.compile(
    r"(?:flowchart|graph)(?:-elk)?(?:\s+(TB|TD|BT|RL|LR|tb|td|bt|rl|lr))?\s*",
)
_DIRECTION: Final = re.compile(r"direction\s+(TB|TD|BT|RL|LR)\s*", re.IGNORECASE)
_SUBGRAPH: Final = re.compile(r"subgraph(?:\s+(.*))?", re.DOTALL)
_CLASSDEF: Final = re.compile(r"classDef\s+(\S+)\s+(.+)", re.DOTALL)
_CLASS: Final = re.compile(r"class\s+(\S+)\s+(\S+)\s*")
_STYLE: Final = re.compile(r"style\s+(" + _ID + r")\s+(.+)", re.DOTALL)
_LINKSTYLE: Final = re.compile(r"linkStyle\s+(\S+)\s+(.+)", re.DOTALL)
_CLICK: Final = re.compile(r"click\s+(" + _ID + r")(?:\s+(.*))?", re.DOTALL)
_ACC: Final = re.compile(r"acc(?:Title|Descr)\s*(:|\{)")
_ENTITY: Final = re.compile(r"#(\w{1,10});")
_BR: Final = re.compile(r"<br\s*/?>", re.IGNORECASE)
_LINK_FULL: Final = re.compile(r"([<ox])?(-{2,}|={2,}|-?\.+-)([>ox])?")
_LINK_OPEN: Final = re.compile(r"([<ox])?(--|==|-\.)(?=\s)")
_LINK_CLOSE: Final = {
    "--": re.compile(r"\s(-{2,})(>|[ox](?!\w))?(?!-)"),
    "==": re.compile(r"\s(={2,})(>|[ox](?!\w))?(?!=)"),
    "-.": re.compile(r"\s(\.+-)(>|[ox](?!\w))?(?!-)"),
}
_INVISIBLE: Final = re.compile(r"~{3,}")
_CLASS_SUFFIX: Final = re.compile(r":::([\w-]+)")
_SHAPE_AT: Final = re.compile(r"@\{")

# (opener, ((closer, kind), ...)): longest openers first.
_BRACKETS: Final[tuple[tuple[str, tuple[tuple[str, str], ...]], ...]] = (
    ("(((", ((")))", "circle"),)),
    ("((", (("))", "circle"),)),
    ("([", (("])", "terminator"),)),
    ("[(", ((")]", "cylinder"),)),
    ("[[", (("]]", "predefined-process"),)),
    ("[/", (("/]", "data"), ("\\]", "trapezoid"))),
    ("[\\", (("\\]", "parallelogram"), ("/]", "manual-operation"))),
    ("[", (("]", "rectangle"),)),
    ("(", ((")", "rounded-rectangle"),)),
    ("{{", (("}}", "hexagon"),)),
    ("{", (("}", "decision"),)),
    (">", (("]", "block-arrow"),)),
)
# Mermaid 11 ``A@{ shape: … }`` names (and aliases) to our kinds.
_V11_TABLE: Final = (
    "rect rectangle proc process process process rectangle rectangle rounded "
    "rounded-rectangle event rounded-rectangle stadium terminator terminal terminator "
    "pill terminator subproc predefined-process subprocess predefined-process "
    "subroutine predefined-process fr-rect predefined-process cyl cylinder cylinder "
    "cylinder database cylinder db cylinder circle circle circ circle dbl-circ circle "
    "double-circle circle diam decision diamond decision decision decision question "
    "decision hex hexagon hexagon hexagon prepare preparation lean-r data lean-right "
    "data in-out data lean-l parallelogram lean-left parallelogram out-in "
    "parallelogram trap-b trapezoid trapezoid trapezoid priority trapezoid trap-t "
    "manual-operation inv-trapezoid manual-operation manual manual-operation doc "
    "document document document docs multi-document documents multi-document st-doc "
    "multi-document stacked-document multi-document delay delay "
    "half-rounded-rectangle delay manual-input manual-input sl-rect manual-input "
    "sloped-rectangle manual-input notch-pent preparation odd block-arrow flag "
    "block-arrow paper-tape document tri triangle triangle triangle extract extract "
    "flip-tri merge flipped-triangle merge manual-file merge cross-circ "
    "summing-junction summary summing-junction f-circ or junction or text text "
    "notch-rect note card note brace text comment text cloud cloud bolt callout "
    "com-link callout h-cyl cylinder das cylinder horizontal-cylinder cylinder "
    "lin-cyl stored-data disk cylinder bow-rect stored-data stored-data stored-data "
    "win-pane internal-storage internal-storage internal-storage curv-trap display "
    "display display sm-circ circle start circle small-circle circle fr-circ circle "
    "stop circle framed-circle circle lightning-bolt callout hourglass merge collate "
    "merge"
)
_V11_WORDS: Final = _V11_TABLE.split()
_V11_SHAPES: Final[dict[str, str]] = dict(
    zip(_V11_WORDS[::2], _V11_WORDS[1::2], strict=True)
)


@dataclass
class _Node:
    id: str
    label: str
    kind: str = "rectangle"
    classes: list[str] = field(default_factory=list)
    style: dict[str, str] = field(default_factory=dict)
    link: str = ""
    unmapped: bool = False  # an ``@{ shape: … }`` Linework has no kind for


@dataclass
class _Edge:
    source: str
    target: str
    line: int
    label: str = ""
    body: str = "-"
    start: str = ""
    end: str = ">"
    minlen: int = 1
    style: dict[str, str] = field(default_factory=dict)


@dataclass
class _Subgraph:
    id: str
    title: str
    parent: str | None
    line: int
    mentions: list[str] = field(default_factory=list)
    classes: list[str] = field(default_factory=list)
    style: dict[str, str] = field(default_factory=dict)


class _Parse:
    """The parsed chart: nodes, edges, subgraphs and styles, in source order."""

    def __init__(self) -> None:
        self.direction: layout.Direction = "TB"
        self.title = ""
        self.nodes: dict[str, _Node] = {}
        self.edges: list[_Edge] = []
        self.subgraphs: dict[str, _Subgraph] = {}
        self.stack: list[_Subgraph] = []
        self.class_defs: dict[str, dict[str, str]] = {}
        self.link_styles: list[tuple[str, dict[str, str]]] = []
        self.warnings: list[str] = []

    # -------------------------------------------------------------- helpers
    def fail(self, line: int, problem: str) -> LineworkError:
        return LineworkError(CODE, f"Line {line}: {problem}")

    def node(self, nid: str, line: int) -> _Node:
        if nid not in self.nodes and nid not in self.subgraphs:
            if nid == "end":
                raise self.fail(line, '"end" cannot name a node (write End).')
            if len(self.nodes) >= MAX_NODES:
                raise LineworkError(
                    "LW-E0105", f"The limit for Mermaid charts is {MAX_NODES:,} nodes."
                )
            self.nodes[nid] = _Node(nid, nid)
        if self.stack:
            self.stack[-1].mentions.append(nid)
        return self.nodes.get(nid) or _Node(nid, nid)


def _label(raw: str) -> str:
    """Return display text for a label: quotes, markdown ticks and entities resolved."""
    text = raw.strip()
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        text = text[1:-1]
    if len(text) >= 2 and text[0] == "`" and text[-1] == "`":
        text = text[1:-1].replace("**", "")
    text = _ENTITY.sub(_entity, text)
    text = _BR.sub("\n", text)
    text = html.unescape(text)
    return "\n".join(line.strip() for line in text.split("\n"))[: limits.MAX_TEXT]


def _entity(m: re.Match[str]) -> str:
    name = m.group(1)
    ref = f"&#{name};" if name.isdigit() else f"&{name};"
    out = html.unescape(ref)
    return m.group(0) if out == ref else out


def _statements(text: str) -> list[tuple[int, str]]:
    """Split source into (line number, statement): newlines and ``;`` end one.

    A ``;`` inside quotes, brackets or ``|labels|`` belongs to the text; a
    newline inside a markdown string (``"`…`"``) too. ``%%`` starts a comment.
    """
    out: list[tuple[int, str]] = []
    buf: list[str] = []
    line = start = 1
    quote = markdown = pipe = False
    depth = 0
    i = 0
    n = len(text)

    def flush() -> None:
        s = "".join(buf).strip()
        if s:
            out.append((start, s))
        buf.clear()

    while i < n:
        ch = text[i]
        if ch == "\n":
            line += 1
            if quote and markdown:
                buf.append(ch)
                i += 1
                continue
            flush()
            quote = markdown = pipe = False
            depth = 0
            start = line
            i += 1
            continue
        if quote:
            if ch == '"':
                quote = markdown = False
            buf.append(ch)
        elif ch == '"':
            quote = True
            markdown = text.startswith("`", i + 1)
            buf.append(ch)
        elif ch == "%" and text.startswith("%%", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        elif ch in "[({":
            depth += 1
            buf.append(ch)
        elif ch in "])}":
            depth = max(0, depth - 1)
            buf.append(ch)
        elif ch == "|" and depth == 0:
            pipe = not pipe
            buf.append(ch)
        elif ch == ";" and depth == 0 and not pipe:
            flush()
            start = line
        else:
            if not buf and ch in " \t\r":
                start = line
            buf.append(ch)
        i += 1
    flush()
    return out


def _strip_front_matter(text: str) -> tuple[str, str]:
    """Blank out a leading ``---`` YAML block (keeping line numbers); return title."""
    lines = text.split("\n")
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is None or lines[first].strip() != "---":
        return text, ""
    title = ""
    for j in range(first + 1, len(lines)):
        if lines[j].strip() == "---":
            for k in range(first, j + 1):
                m = re.match(r"\s*title\s*:\s*(.*)", lines[k])
                if m and not title:
                    title = _label(m.group(1))
                lines[k] = ""
            return "\n".join(lines), title
    return text, ""


def _props(text: str) -> dict[str, str]:
    """Parse ``fill:#f9f,stroke:#333`` into a dict (commas inside parens kept)."""
    out: dict[str, str] = {}
    depth = 0
    cur: list[str] = []
    parts: list[str] = []
    for ch in text.strip().rstrip(";"):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch == "," and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    for part in parts:
        key, sep, value = part.partition(":")
        if sep:
            out[key.strip().lower()] = value.strip().removesuffix("!important").strip()
    return out


def _parse(text: str) -> _Parse:
    p = _Parse()
    text, p.title = _strip_front_matter(text)
    stmts = _statements(text)
    if not stmts:
        raise LineworkError(CODE, "Line 1: the text is empty.")
    line, head = stmts[0]
    m = _HEADER.fullmatch(head)
    if not m:
        raise p.fail(line, "expected “flowchart” or “graph” and a direction.")
    d = (m.group(1) or "TB").upper()
    p.direction = "TB" if d == "TD" else d  # type: ignore[assignment]
    skip_block = False
    for line, stmt in stmts[1:]:
        if skip_block:
            skip_block = "}" not in stmt
            continue
        acc = _ACC.match(stmt)
        if acc:
            skip_block = acc.group(1) == "{" and "}" not in stmt
            continue
        _statement(p, line, stmt)
    while p.stack:
        sg = p.stack.pop()
        p.warnings.append(f"Subgraph “{sg.title}” had no “end”; it was closed.")
    return p


def _statement(p: _Parse, line: int, stmt: str) -> None:
    """Read one statement into ``p``; raise LW-E0203 if it cannot be read."""
    word = stmt.split(None, 1)[0]
    if word == "end" and stmt == "end":
        if not p.stack:
            raise p.fail(line, "“end” without a subgraph to close.")
        p.stack.pop()
        return
    if word == "subgraph":
        m = _SUBGRAPH.fullmatch(stmt)
        if m:
            _subgraph(p, line, (m.group(1) or "").strip())
            return
    if word == "direction" and _DIRECTION.fullmatch(stmt):
        return  # per-subgraph directions are not laid out separately
    if word == "classDef":
        m = _CLASSDEF.fullmatch(stmt)
        if m:
            props = _props(m.group(2))
            for name in m.group(1).split(","):
                p.class_defs.setdefault(name, {}).update(props)
            return
    if word == "class":
        m = _CLASS.fullmatch(stmt)
        if m and all(_ID_RE.fullmatch(x.strip()) for x in m.group(1).split(",")):
            for nid in m.group(1).split(","):
                _add_class(p, nid.strip(), m.group(2), line)
            return
    if word == "style":
        m = _STYLE.fullmatch(stmt)
        if m:
            target = m.group(1)
            props = _props(m.group(2))
            if target in p.subgraphs:
                p.subgraphs[target].style.update(props)
            else:
                p.node(target, line).style.update(props)
            return
    if word == "linkStyle":
        m = _LINKSTYLE.fullmatch(stmt)
        if m:
            p.link_styles.append((m.group(1), _props(m.group(2))))
            return
    if word == "click":
        m = _CLICK.fullmatch(stmt)
        if m:
            _click(p, m.group(1), m.group(2) or "", line)
            return
    _chain(p, line, stmt)


def _add_class(p: _Parse, nid: str, cls: str, line: int) -> None:
    names = [c for c in cls.split(",") if c]
    if nid in p.subgraphs:
        p.subgraphs[nid].classes.extend(names)
    else:
        p.node(nid, line).classes.extend(names)


def _click(p: _Parse, nid: str, rest: str, line: int) -> None:
    """Keep a ``click`` URL only when it is http(s); callbacks are ignored."""
    m = re.search(r'"([^"]*)"', rest)
    url = m.group(1) if m else rest.split()[1] if rest.startswith("href ") else ""
    if not url:
        return
    link = safe_link(url)
    if link is None or link.lower().startswith("mailto:"):
        p.warnings.append(f"Line {line}: a link that is not http(s) was dropped.")
        return
    if nid in p.nodes:
        p.nodes[nid].link = link


def _subgraph(p: _Parse, line: int, rest: str) -> None:
    if len(p.stack) >= limits.MAX_GROUP_DEPTH - 1:
        raise p.fail(line, f"subgraphs nest deeper than {limits.MAX_GROUP_DEPTH - 1}.")
    m = re.fullmatch(r"(" + _ID + r")\s*\[(.*)\]", rest, re.DOTALL)
    if m:
        sid, title = m.group(1), _label(m.group(2))
    elif rest:
        title = _label(rest)
        sid = rest if _ID_RE.fullmatch(rest) else title
    else:
        sid = title = ""
    if not sid:
        sid = f"subGraph{len(p.subgraphs)}"
    if sid in p.subgraphs:
        raise p.fail(line, f"subgraph “{sid}” is defined twice.")
    if len(p.subgraphs) >= MAX_SUBGRAPHS:
        raise LineworkError(
            "LW-E0105", f"The limit for Mermaid charts is {MAX_SUBGRAPHS} subgraphs."
        )
    parent = p.stack[-1].id if p.stack else None
    if p.stack:
        p.stack[-1].mentions.append(sid)
    sg = _Subgraph(sid, title, parent, line)
    p.subgraphs[sid] = sg
    p.nodes.pop(sid, None)
    p.stack.append(sg)


def _node_ref(p: _Parse, s: str, pos: int, line: int) -> tuple[str, int]:
    """Read one node (id, optional shape and ``:::class``) starting at ``pos``."""
    m = _ID_RE.match(s, pos)
    if not m:
        raise p.fail(line, f"expected a node id at “{_excerpt(s, pos)}”.")
    nid = m.group(0)
    pos = m.end()
    node = p.node(nid, line)
    if s.startswith("@{", pos):
        pos = _shape_at(p, node, s, pos + 2, line)
    else:
        j = pos
        while j < len(s) and s[j] in " \t":
            j += 1
        for opener, closers in _BRACKETS:
            if s.startswith(opener, j):
                pos = _bracket(p, node, s, j + len(opener), closers, line)
                break
    m2 = _CLASS_SUFFIX.match(s, pos)
    if m2:
        if nid in p.subgraphs:
            p.subgraphs[nid].classes.append(m2.group(1))
        else:
            node.classes.append(m2.group(1))
        pos = m2.end()
    return nid, pos


def _bracket(
    p: _Parse,
    node: _Node,
    s: str,
    pos: int,
    closers: tuple[tuple[str, str], ...],
    line: int,
) -> int:
    j = pos
    while j < len(s) and s[j] in " \t":
        j += 1
    if j < len(s) and s[j] == '"':
        q = s.find('"', j + 1)
        if q < 0:
            raise p.fail(line, "a quoted label is not closed.")
        k = q + 1
        while k < len(s) and s[k] in " \t":
            k += 1
        for closer, kind in closers:
            if s.startswith(closer, k):
                node.label, node.kind = _label(s[j : q + 1]), kind
                return k + len(closer)
        raise p.fail(line, f"expected “{closers[0][0]}” after the label.")
    best: tuple[int, str, str] | None = None
    for closer, kind in closers:
        k = s.find(closer, pos)
        if k >= 0 and (best is None or k < best[0]):
            best = (k, closer, kind)
    if best is None:
        raise p.fail(line, f"the shape of “{node.id}” is not closed.")
    k, closer, kind = best
    node.label, node.kind = _label(s[pos:k]), kind
    return k + len(closer)


def _shape_at(p: _Parse, node: _Node, s: str, pos: int, line: int) -> int:
    """Read Mermaid 11 ``@{ shape: x, label: "…" }`` (flat, quotes respected)."""
    quote = False
    k = pos
    while k < len(s):
        if s[k] == '"':
            quote = not quote
        elif s[k] == "}" and not quote:
            break
        k += 1
    else:
        raise p.fail(line, "“@{” is not closed with “}”.")
    for key, value in re.findall(r'(\w+)\s*:\s*("[^"]*"|[^,]*)', s[pos:k]):
        if key == "shape":
            kind = _V11_SHAPES.get(value.strip().strip('"').lower())
            if kind is None:
                p.warnings.append(
                    f"Line {line}: shape “{value.strip()}” drawn as a box."
                )
            node.kind = kind or "rectangle"
            node.unmapped = kind is None
        elif key == "label":
            node.label = _label(value)
    return k + 1


def _node_group(p: _Parse, s: str, pos: int, line: int) -> tuple[list[str], int]:
    ids = []
    while True:
        pos = _skip(s, pos)
        nid, pos = _node_ref(p, s, pos, line)
        ids.append(nid)
        j = _skip(s, pos)
        if j < len(s) and s[j] == "&":
            pos = j + 1
            continue
        return ids, pos


def _skip(s: str, pos: int) -> int:
    while pos < len(s) and s[pos] in " \t\r\n":
        pos += 1
    return pos


def _excerpt(s: str, pos: int) -> str:
    tail = s[pos : pos + 30]
    return tail + ("…" if len(s) > pos + 30 else "")


def _link(p: _Parse, s: str, pos: int, line: int) -> tuple[_Edge, int]:
    """Read one link (``-->``, ``-- text -->``, ``==>``, ``-.->``, ``~~~``…)."""
    edge = _Edge("", "", line)
    m = _INVISIBLE.match(s, pos)
    if m:
        edge.body, edge.end, pos = "~", "", m.end()
        return edge, _pipe_label(p, s, pos, edge, line)
    m = _LINK_FULL.match(s, pos)
    if m and not (m.group(2) in ("--", "==") and not m.group(3)):
        start, body, end = m.group(1) or "", m.group(2), m.group(3) or ""
        stop = m.end()
        if (
            end in "ox"
            and end
            and stop < len(s)
            and (s[stop].isalnum() or s[stop] == "_")
        ):
            # "---oB": the o starts the next node's id, not a circle head.
            end, stop = "", stop - 1
            if body in ("--", "=="):
                raise p.fail(line, f"cannot read the link at “{_excerpt(s, pos)}”.")
        _shape_link(edge, start, body, end)
        return edge, _pipe_label(p, s, stop, edge, line)
    m = _LINK_OPEN.match(s, pos)
    if m:
        opener = m.group(2)
        close = _LINK_CLOSE[opener].search(s, m.end())
        if close is None:
            raise p.fail(line, f"the link label at “{_excerpt(s, pos)}” is not closed.")
        edge.label = _label(s[m.end() : close.start()])
        body = close.group(1)
        if opener == "-.":
            body = "-" + body
        elif opener == "--" and len(body) == 2 and not close.group(2):
            raise p.fail(line, f"cannot read the link at “{_excerpt(s, pos)}”.")
        _shape_link(edge, m.group(1) or "", body, close.group(2) or "")
        return edge, close.end()
    raise p.fail(line, f"expected a link such as --> at “{_excerpt(s, pos)}”.")


def _shape_link(edge: _Edge, start: str, body: str, end: str) -> None:
    edge.start, edge.end = start, end
    if "." in body:
        edge.body = "."
        edge.minlen = max(1, body.count("."))
    else:
        edge.body = body[0]
        edge.minlen = max(1, len(body) - (1 if end else 2))


def _pipe_label(p: _Parse, s: str, pos: int, edge: _Edge, line: int) -> int:
    j = _skip(s, pos)
    if j < len(s) and s[j] == "|":
        k = s.find("|", j + 1)
        if k < 0:
            raise p.fail(line, "a |link label| is not closed.")
        edge.label = _label(s[j + 1 : k])
        return k + 1
    return pos


def _chain(p: _Parse, line: int, stmt: str) -> None:
    """Read ``A & B --> C -- text --> D``: node groups joined by links."""
    sources, pos = _node_group(p, stmt, 0, line)
    while True:
        pos = _skip(stmt, pos)
        if pos >= len(stmt):
            return
        edge, pos = _link(p, stmt, pos, line)
        targets, pos = _node_group(p, stmt, pos, line)
        for a in sources:
            for b in targets:
                if len(p.edges) >= MAX_EDGES:
                    raise LineworkError(
                        "LW-E0105",
                        f"The limit for Mermaid charts is {MAX_EDGES:,} links.",
                    )
                p.edges.append(replace(edge, source=a, target=b, style={}))
        sources = targets


# ----------------------------------------------------------------- building
_HEADS: Final[dict[str, str]] = {
    ">": "classic",
    "<": "classic",
    "o": "circle",
    "x": "cross",
    "": "none",
}
_CONTAINER: Final = replace(
    DEFAULT_STYLE, fill="#f4f6f8", stroke="#9aa5b1", valign="top", font_size=13.0
)


def _text_size(text: str, font_size: float) -> tuple[float, float]:
    """Estimate a label's width and height from an average glyph advance."""
    lines = text.split("\n") if text else [""]
    widest = 0.0
    for ln in lines:
        w = 0.0
        for ch in ln:
            wide = unicodedata.east_asian_width(ch) in ("W", "F")
            w += font_size * (1.0 if wide else CHAR_WIDTH)
        widest = max(widest, w)
    return widest, len(lines) * font_size * LINE_HEIGHT


def _node_size(node: _Node, font_size: float) -> tuple[float, float]:
    tw, th = _text_size(node.label, font_size)
    w, h = max(60.0, tw + 32.0), max(40.0, th + 20.0)
    kind = node.kind
    if kind == "circle":
        d = max(50.0, max(tw, th) + 28.0)
        return d, d
    if kind == "decision":
        return max(80.0, tw + th + 40.0), max(60.0, tw * 0.4 + th + 30.0)
    if kind in ("hexagon", "data", "parallelogram", "trapezoid", "manual-operation"):
        return w + 30.0, h
    if kind == "block-arrow":
        return w + 20.0, h
    if kind == "cylinder":
        return w, h + 20.0
    if kind == "terminator":
        return w + 20.0, h
    return w, h


def _dash(value: str) -> str:
    nums = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", value)]
    if not nums or max(nums) == 0:
        return "solid"
    return "dotted" if nums[0] <= 2 else "dashed"


def _px(value: str, lo: float, hi: float) -> float | None:
    m = re.match(r"\s*(\d+(?:\.\d+)?)", value)
    if not m:
        return None
    return max(lo, min(hi, float(m.group(1))))


def _styled(base: Style, props: dict[str, str]) -> Style:
    """Return ``base`` with Mermaid/CSS style properties applied."""
    changes: dict[str, Any] = {}
    for key, value in props.items():
        if key in ("fill", "stroke", "color"):
            c = css_colour(value)
            if c is not None:
                changes[
                    {"fill": "fill", "stroke": "stroke", "color": "font_color"}[key]
                ] = c if c != "none" or key != "color" else base.font_color
        elif key == "stroke-width":
            px = _px(value, 0.0, 100.0)
            if px is not None:
                changes["stroke_width"] = px
        elif key == "stroke-dasharray":
            changes["dash"] = _dash(value)
        elif key == "font-size":
            px = _px(value, 4.0, 200.0)
            if px is not None:
                changes["font_size"] = px
        elif key == "font-weight":
            changes["bold"] = value.strip() in ("bold", "bolder") or (
                value.strip().isdigit() and int(value.strip()) >= 600
            )
        elif key == "font-style":
            changes["italic"] = value.strip() in ("italic", "oblique")
        elif key == "text-decoration":
            changes["underline"] = "underline" in value
        elif key == "opacity":
            px = _px(value, 0.0, 1.0)
            if px is not None:
                changes["opacity"] = px
        elif key in ("rx", "ry"):
            px = _px(value, 0.0, 1000.0)
            if px is not None:
                changes["corner_radius"] = px
    return replace(base, **changes) if changes else base


def _class_style(
    p: _Parse, base: Style, classes: list[str], own: dict[str, str]
) -> Style:
    style = _styled(base, p.class_defs.get("default", {}))
    for cls in classes:
        style = _styled(style, p.class_defs.get(cls, {}))
    return _styled(style, own)


def _membership(p: _Parse) -> dict[str, str]:
    """Return node id -> subgraph id (the innermost subgraph that mentions it).

    Inner subgraphs close before outer ones, so walking subgraphs deepest
    first gives each node to the innermost subgraph that names it, as Mermaid does.
    """
    depth: dict[str, int] = {}
    for sid, sg in p.subgraphs.items():
        d, cur = 0, sg.parent
        while cur is not None and d <= limits.MAX_GROUP_DEPTH:
            d += 1
            cur = p.subgraphs[cur].parent
        depth[sid] = d
    order = sorted(p.subgraphs, key=lambda s: (-depth[s], p.subgraphs[s].line))
    owner: dict[str, str] = {}
    for sid in order:
        for nid in p.subgraphs[sid].mentions:
            if nid in p.nodes and nid not in owner:
                owner[nid] = sid
    return owner


def _build(p: _Parse) -> ImportResult:
    ids = IdSource()
    page = Page(id=ids.new("page"), name=(p.title or "Page 1")[:200])
    lay = Layer(id=ids.new("layer"), page=page.id, name="Layer 1")
    owner = _membership(p)
    node_styles = {
        nid: _class_style(p, DEFAULT_STYLE, n.classes, n.style)
        for nid, n in p.nodes.items()
    }
    sizes = {
        nid: _node_size(n, node_styles[nid].font_size) for nid, n in p.nodes.items()
    }
    # Edges to a subgraph attach to its container; for layout, to its first node.
    first_member: dict[str, str] = {}
    for nid in p.nodes:
        sid: str | None = owner.get(nid)
        hops = 0
        while sid is not None and hops <= limits.MAX_GROUP_DEPTH:
            first_member.setdefault(sid, nid)
            sid = p.subgraphs[sid].parent
            hops += 1
    lnodes = [
        layout.LayoutNode(nid, sizes[nid][0], sizes[nid][1], owner.get(nid))
        for nid in p.nodes
    ]
    ledges = []
    for e in p.edges:
        lw, lh = _text_size(e.label, FONT_SIZE) if e.label else (0.0, 0.0)
        ledges.append(
            layout.LayoutEdge(
                first_member.get(e.source, e.source),
                first_member.get(e.target, e.target),
                minlen=e.minlen,
                label_width=lw + 8.0 if e.label else 0.0,
                label_height=lh if e.label else 0.0,
                routed=e.body != "~" and e.source in p.nodes and e.target in p.nodes,
            )
        )
    lclusters = []
    for sid, sg in p.subgraphs.items():
        tw, th = _text_size(sg.title, _CONTAINER.font_size)
        lclusters.append(layout.LayoutCluster(sid, sg.parent, tw + 16.0, th + 6.0))
    placed = layout.layered_layout(lnodes, ledges, lclusters, direction=p.direction)
    off = Vec(MARGIN, MARGIN)

    records: dict[str, Record] = {page.id: page, lay.id: lay}
    group_of: dict[str, str] = {}
    for sid in p.subgraphs:
        group_of[sid] = ids.new("group")
    z = 0
    shape_of: dict[str, str] = {}
    for sid, sg in p.subgraphs.items():
        gid = group_of[sid]
        parent = group_of[sg.parent] if sg.parent else None
        records[gid] = Group(id=gid, page=page.id, layer=lay.id, parent=parent, z=z)
        z += 1
    # Containers paint first (outer before inner), then links, then nodes.
    depth_order = sorted(p.subgraphs, key=lambda s: (_depth(p, s), p.subgraphs[s].line))
    for sid in depth_order:
        sg = p.subgraphs[sid]
        box = placed.clusters.get(sid)
        if box is None:
            continue
        sh = Shape(
            id=ids.new("shape"),
            page=page.id,
            layer=lay.id,
            parent=group_of[sid],
            z=z,
            kind="rectangle",
            box=_rounded_box(box.translated(off)),
            style=_class_style(p, _CONTAINER, sg.classes, sg.style),
            text=sg.title,
        )
        z += 1
        records[sh.id] = sh
        shape_of[sid] = sh.id
    node_ids = {nid: ids.new("shape") for nid in p.nodes}
    shape_of.update(node_ids)
    link_style = _link_styles(p)
    for i, (e, route) in enumerate(zip(p.edges, placed.routes, strict=True)):
        if e.body == "~":
            continue
        src_shape, tgt_shape = shape_of.get(e.source), shape_of.get(e.target)
        if src_shape is None or tgt_shape is None:
            continue
        style = replace(
            DEFAULT_STYLE,
            start_arrow=_HEADS[e.start],
            end_arrow=_HEADS[e.end],
            dash="dotted" if e.body == "." else "solid",
            stroke_width=3.0 if e.body == "=" else DEFAULT_STYLE.stroke_width,
        )
        style = _styled(style, link_style.get(i, {}))
        source: End
        target: End
        waypoints: tuple[Vec, ...] = ()
        direct = e.source in p.nodes and e.target in p.nodes
        if route is not None and direct:
            source = _end(src_shape, route.source_port, route.source_anchor)
            target = _end(tgt_shape, route.target_port, route.target_anchor)
            waypoints = tuple(_rounded_vec(w + off) for w in route.waypoints)
        else:
            source, target = Attached(shape=src_shape), Attached(shape=tgt_shape)
        conn = Connector(
            id=ids.new("conn"),
            page=page.id,
            layer=lay.id,
            parent=_common_group(p, owner, group_of, e.source, e.target),
            z=z,
            source=source,
            target=target,
            waypoints=waypoints[: limits.MAX_WAYPOINTS],
            routing="orthogonal",
            style=style,
            labels=(ConnectorLabel(text=e.label),) if e.label else (),
        )
        z += 1
        records[conn.id] = conn
    for nid, n in p.nodes.items():
        box = placed.boxes[nid]
        style = node_styles[nid]
        if n.kind == "text":
            style = replace(style, fill="none", stroke="none")
        sh = Shape(
            id=node_ids[nid],
            page=page.id,
            layer=lay.id,
            parent=group_of.get(owner.get(nid, "")),
            z=z,
            kind=n.kind,
            box=_rounded_box(box.translated(off)),
            style=style,
            text=n.label,
            link=n.link,
        )
        z += 1
        records[sh.id] = sh
    width = rounded(max(page.width, placed.width + 2 * MARGIN))
    height = rounded(max(page.height, placed.height + 2 * MARGIN))
    records[page.id] = replace(page, width=width, height=height)
    return ImportResult(
        doc=Document(records=records),
        format="mermaid",
        unmapped=sum(n.unmapped for n in p.nodes.values()),
        warnings=tuple(p.warnings),
    )


def _depth(p: _Parse, sid: str) -> int:
    d, cur = 0, p.subgraphs[sid].parent
    while cur is not None and d <= limits.MAX_GROUP_DEPTH:
        d += 1
        cur = p.subgraphs[cur].parent
    return d


def _common_group(
    p: _Parse, owner: dict[str, str], group_of: dict[str, str], a: str, b: str
) -> str | None:
    """Return the group of the innermost subgraph holding both ends, if any."""

    def chain(x: str) -> list[str]:
        out: list[str] = []
        cur: str | None = x if x in p.subgraphs else owner.get(x)
        while cur is not None and len(out) <= limits.MAX_GROUP_DEPTH:
            out.append(cur)
            cur = p.subgraphs[cur].parent
        return out

    ca = chain(a)
    cb = set(chain(b))
    for sid in ca:
        if sid in cb and sid not in (a, b):
            return group_of[sid]
    return None


def _link_styles(p: _Parse) -> dict[int, dict[str, str]]:
    out: dict[int, dict[str, str]] = {}
    n = len(p.edges)
    for which, props in p.link_styles:
        if which == "default":
            targets = list(range(n))
        else:
            targets = [int(x) for x in which.split(",") if x.strip().isdigit()]
        for i in targets:
            if 0 <= i < n:
                out.setdefault(i, {}).update(props)
    return out


def _end(shape: str, port: str | None, anchor: Vec) -> Attached:
    if port is not None:
        return Attached(shape=shape, port=port)
    return Attached(shape=shape, anchor=_rounded_vec(anchor))


def _rounded_vec(v: Vec) -> Vec:
    return Vec(rounded(v.x), rounded(v.y))


def _rounded_box(b: Box) -> Box:
    return Box(
        rounded(b.x), rounded(b.y), max(1.0, rounded(b.w)), max(1.0, rounded(b.h))
    )


def read_text(text: str) -> ImportResult:
    """Import Mermaid flowchart source text.

    Raises:
        LineworkError: LW-E0203 naming the line that could not be read;
            LW-E0105 when the chart is too large to lay out.
    """
    if len(text) > MAX_SOURCE_BYTES:
        raise LineworkError(
            "LW-E0104", f"Mermaid text is limited to {MAX_SOURCE_BYTES:,}."
        )
    return _build(_parse(text.replace("\r\n", "\n").replace("\r", "\n")))


def read(data: bytes) -> ImportResult:
    """Import Mermaid flowchart source (UTF-8 bytes).

    Raises:
        LineworkError: LW-E0104 if too large, LW-E0107 if not UTF-8, LW-E0203
            naming the line that could not be read.
    """
    if len(data) > MAX_SOURCE_BYTES:
        raise LineworkError(
            "LW-E0104",
            f"It has {len(data):,} bytes; Mermaid text may have {MAX_SOURCE_BYTES:,}.",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LineworkError("LW-E0107", f"Bad byte at offset {exc.start}.") from None
    return read_text(text)
