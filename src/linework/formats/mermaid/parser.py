"""Parsing Mermaid statements into nodes, edges, subgraphs, classes and styles.

One statement at a time; a statement that cannot be read raises LW-E0203
naming its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from linework import layout
from linework.errors import LineworkError
from linework.formats import limits
from linework.formats.mermaid.syntax import (
    ACC,
    BRACKETS,
    CLASS,
    CLASS_SUFFIX,
    CLASSDEF,
    CLICK,
    CODE,
    DIRECTION,
    HEADER,
    ID,
    ID_RE,
    INVISIBLE,
    LINK_CLOSE,
    LINK_FULL,
    LINK_OPEN,
    LINKSTYLE,
    MAX_EDGES,
    MAX_NODES,
    MAX_SUBGRAPHS,
    STYLE,
    SUBGRAPH,
    V11_SHAPES,
    label_text,
    statements,
    strip_front_matter,
    style_props,
)
from linework.links import safe_link


@dataclass
class Node:
    id: str
    label: str
    kind: str = "rectangle"
    classes: list[str] = field(default_factory=list)
    style: dict[str, str] = field(default_factory=dict)
    link: str = ""
    unmapped: bool = False  # an ``@{ shape: … }`` Linework has no kind for


@dataclass
class Edge:
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
class Subgraph:
    id: str
    title: str
    parent: str | None
    line: int
    mentions: list[str] = field(default_factory=list)
    classes: list[str] = field(default_factory=list)
    style: dict[str, str] = field(default_factory=dict)


class Parse:
    """The parsed chart: nodes, edges, subgraphs and styles, in source order."""

    def __init__(self) -> None:
        self.direction: layout.Direction = "TB"
        self.title = ""
        self.nodes: dict[str, Node] = {}
        self.edges: list[Edge] = []
        self.subgraphs: dict[str, Subgraph] = {}
        self.stack: list[Subgraph] = []
        self.class_defs: dict[str, dict[str, str]] = {}
        self.link_styles: list[tuple[str, dict[str, str]]] = []
        self.warnings: list[str] = []

    # -------------------------------------------------------------- helpers
    def fail(self, line: int, problem: str) -> LineworkError:
        return LineworkError(CODE, f"Line {line}: {problem}")

    def node(self, nid: str, line: int) -> Node:
        if nid not in self.nodes and nid not in self.subgraphs:
            if nid == "end":
                raise self.fail(line, '"end" cannot name a node (write End).')
            if len(self.nodes) >= MAX_NODES:
                raise LineworkError(
                    "LW-E0105", f"The limit for Mermaid charts is {MAX_NODES:,} nodes."
                )
            self.nodes[nid] = Node(nid, nid)
        if self.stack:
            self.stack[-1].mentions.append(nid)
        return self.nodes.get(nid) or Node(nid, nid)


def parse(text: str) -> Parse:
    p = Parse()
    text, p.title = strip_front_matter(text)
    stmts = statements(text)
    if not stmts:
        raise LineworkError(CODE, "Line 1: the text is empty.")
    line, head = stmts[0]
    m = HEADER.fullmatch(head)
    if not m:
        raise p.fail(line, "expected “flowchart” or “graph” and a direction.")
    d = (m.group(1) or "TB").upper()
    p.direction = "TB" if d == "TD" else d  # type: ignore[assignment]
    skip_block = False
    for line, stmt in stmts[1:]:
        if skip_block:
            skip_block = "}" not in stmt
            continue
        acc = ACC.match(stmt)
        if acc:
            skip_block = acc.group(1) == "{" and "}" not in stmt
            continue
        _statement(p, line, stmt)
    while p.stack:
        sg = p.stack.pop()
        p.warnings.append(f"Subgraph “{sg.title}” had no “end”; it was closed.")
    return p


def _statement(p: Parse, line: int, stmt: str) -> None:
    """Read one statement into ``p``; raise LW-E0203 if it cannot be read."""
    word = stmt.split(None, 1)[0]
    if word == "end" and stmt == "end":
        if not p.stack:
            raise p.fail(line, "“end” without a subgraph to close.")
        p.stack.pop()
        return
    if word == "subgraph":
        m = SUBGRAPH.fullmatch(stmt)
        if m:
            _subgraph(p, line, (m.group(1) or "").strip())
            return
    if word == "direction" and DIRECTION.fullmatch(stmt):
        return  # per-subgraph directions are not laid out separately
    if word == "classDef":
        m = CLASSDEF.fullmatch(stmt)
        if m:
            props = style_props(m.group(2))
            for name in m.group(1).split(","):
                p.class_defs.setdefault(name, {}).update(props)
            return
    if word == "class":
        m = CLASS.fullmatch(stmt)
        if m and all(ID_RE.fullmatch(x.strip()) for x in m.group(1).split(",")):
            for nid in m.group(1).split(","):
                _add_class(p, nid.strip(), m.group(2), line)
            return
    if word == "style":
        m = STYLE.fullmatch(stmt)
        if m:
            target = m.group(1)
            props = style_props(m.group(2))
            if target in p.subgraphs:
                p.subgraphs[target].style.update(props)
            else:
                p.node(target, line).style.update(props)
            return
    if word == "linkStyle":
        m = LINKSTYLE.fullmatch(stmt)
        if m:
            p.link_styles.append((m.group(1), style_props(m.group(2))))
            return
    if word == "click":
        m = CLICK.fullmatch(stmt)
        if m:
            _click(p, m.group(1), m.group(2) or "", line)
            return
    _chain(p, line, stmt)


def _add_class(p: Parse, nid: str, cls: str, line: int) -> None:
    names = [c for c in cls.split(",") if c]
    if nid in p.subgraphs:
        p.subgraphs[nid].classes.extend(names)
    else:
        p.node(nid, line).classes.extend(names)


def _click(p: Parse, nid: str, rest: str, line: int) -> None:
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


def _subgraph(p: Parse, line: int, rest: str) -> None:
    if len(p.stack) >= limits.MAX_GROUP_DEPTH - 1:
        raise p.fail(line, f"subgraphs nest deeper than {limits.MAX_GROUP_DEPTH - 1}.")
    m = re.fullmatch(r"(" + ID + r")\s*\[(.*)\]", rest, re.DOTALL)
    if m:
        sid, title = m.group(1), label_text(m.group(2))
    elif rest:
        title = label_text(rest)
        sid = rest if ID_RE.fullmatch(rest) else title
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
    sg = Subgraph(sid, title, parent, line)
    p.subgraphs[sid] = sg
    p.nodes.pop(sid, None)
    p.stack.append(sg)


def _node_ref(p: Parse, s: str, pos: int, line: int) -> tuple[str, int]:
    """Read one node (id, optional shape and ``:::class``) starting at ``pos``."""
    m = ID_RE.match(s, pos)
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
        for opener, closers in BRACKETS:
            if s.startswith(opener, j):
                pos = _bracket(p, node, s, j + len(opener), closers, line)
                break
    m2 = CLASS_SUFFIX.match(s, pos)
    if m2:
        if nid in p.subgraphs:
            p.subgraphs[nid].classes.append(m2.group(1))
        else:
            node.classes.append(m2.group(1))
        pos = m2.end()
    return nid, pos


def _bracket(
    p: Parse,
    node: Node,
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
                node.label, node.kind = label_text(s[j : q + 1]), kind
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
    node.label, node.kind = label_text(s[pos:k]), kind
    return k + len(closer)


def _shape_at(p: Parse, node: Node, s: str, pos: int, line: int) -> int:
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
            kind = V11_SHAPES.get(value.strip().strip('"').lower())
            if kind is None:
                p.warnings.append(
                    f"Line {line}: shape “{value.strip()}” drawn as a box."
                )
            node.kind = kind or "rectangle"
            node.unmapped = kind is None
        elif key == "label":
            node.label = label_text(value)
    return k + 1


def _node_group(p: Parse, s: str, pos: int, line: int) -> tuple[list[str], int]:
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


def _link(p: Parse, s: str, pos: int, line: int) -> tuple[Edge, int]:
    """Read one link (``-->``, ``-- text -->``, ``==>``, ``-.->``, ``~~~``…)."""
    edge = Edge("", "", line)
    m = INVISIBLE.match(s, pos)
    if m:
        edge.body, edge.end, pos = "~", "", m.end()
        return edge, _pipe_label(p, s, pos, edge, line)
    m = LINK_FULL.match(s, pos)
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
    m = LINK_OPEN.match(s, pos)
    if m:
        opener = m.group(2)
        close = LINK_CLOSE[opener].search(s, m.end())
        if close is None:
            raise p.fail(line, f"the link label at “{_excerpt(s, pos)}” is not closed.")
        edge.label = label_text(s[m.end() : close.start()])
        body = close.group(1)
        if opener == "-.":
            body = "-" + body
        elif opener == "--" and len(body) == 2 and not close.group(2):
            raise p.fail(line, f"cannot read the link at “{_excerpt(s, pos)}”.")
        _shape_link(edge, m.group(1) or "", body, close.group(2) or "")
        return edge, close.end()
    raise p.fail(line, f"expected a link such as --> at “{_excerpt(s, pos)}”.")


def _shape_link(edge: Edge, start: str, body: str, end: str) -> None:
    edge.start, edge.end = start, end
    if "." in body:
        edge.body = "."
        edge.minlen = max(1, body.count("."))
    else:
        edge.body = body[0]
        edge.minlen = max(1, len(body) - (1 if end else 2))


def _pipe_label(p: Parse, s: str, pos: int, edge: Edge, line: int) -> int:
    j = _skip(s, pos)
    if j < len(s) and s[j] == "|":
        k = s.find("|", j + 1)
        if k < 0:
            raise p.fail(line, "a |link label| is not closed.")
        edge.label = label_text(s[j + 1 : k])
        return k + 1
    return pos


def _chain(p: Parse, line: int, stmt: str) -> None:
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
