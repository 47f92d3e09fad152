"""Mermaid flowchart import: shapes, links, labels, subgraphs, styles, layout, errors."""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable
from typing import Any

import pytest

import workcount
from linework import links
from linework.errors import LineworkError
from linework.formats import imports, mermaid, native
from linework.formats.mermaid import parser, syntax
from linework.geometry import Box
from linework.layout import ordering
from linework.model import Attached, Connector, Document, Group, Shape


def load(text: str) -> Document:
    """Import Mermaid text and check the result is a valid .linework document."""
    result = mermaid.read(text.encode())
    assert native.decode(native.encode(result.doc)) == result.doc
    return result.doc


def shapes(doc: Document) -> dict[str, Shape]:
    """Return the shapes by label text."""
    return {e.text: e for e in doc.records.values() if isinstance(e, Shape)}


def connectors(doc: Document) -> list[Connector]:
    """Return the connectors in paint order."""
    page = doc.pages()[0].id
    return [e for e in doc.elements(page) if isinstance(e, Connector)]


def ends(doc: Document, conn: Connector) -> tuple[str, str]:
    """Return the labels of the shapes a connector joins."""
    names = []
    for end in (conn.source, conn.target):
        assert isinstance(end, Attached)
        shape = doc.records[end.shape]
        assert isinstance(shape, Shape)
        names.append(shape.text)
    return names[0], names[1]


def overlaps(a: Box, b: Box) -> bool:
    """Return whether two boxes share interior area."""
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


@pytest.mark.parametrize(
    ("syntax", "kind"),
    [
        ("A[text]", "rectangle"),
        ("A(text)", "rounded-rectangle"),
        ("A([text])", "terminator"),
        ("A[[text]]", "predefined-process"),
        ("A[(text)]", "cylinder"),
        ("A((text))", "circle"),
        ("A>text]", "block-arrow"),
        ("A{text}", "decision"),
        ("A{{text}}", "hexagon"),
        ("A[/text/]", "data"),
        ("A[\\text\\]", "parallelogram"),
        ("A[/text\\]", "trapezoid"),
        ("A[\\text/]", "manual-operation"),
        ("A(((text)))", "circle"),
        ('A@{ shape: doc, label: "text" }', "document"),
        ('A@{ shape: cyl, label: "text" }', "cylinder"),
    ],
)
def test_node_shapes_map_to_kinds(syntax: str, kind: str) -> None:
    """Every Mermaid node bracket becomes the matching shape kind with its label."""
    doc = load(f"flowchart TD\n    {syntax}")

    assert kind == shapes(doc)["text"].kind


@pytest.mark.parametrize(
    ("link", "start", "end", "dash", "width"),
    [
        ("-->", "none", "classic", "solid", 1.5),
        ("---", "none", "none", "solid", 1.5),
        ("-.->", "none", "classic", "dotted", 1.5),
        ("-.-", "none", "none", "dotted", 1.5),
        ("==>", "none", "classic", "solid", 3.0),
        ("===", "none", "none", "solid", 3.0),
        ("--o", "none", "circle", "solid", 1.5),
        ("--x", "none", "cross", "solid", 1.5),
        ("x--x", "cross", "cross", "solid", 1.5),
        ("-.-x", "none", "cross", "dotted", 1.5),
        ("==x", "none", "cross", "solid", 3.0),
        ("<-->", "classic", "classic", "solid", 1.5),
        ("o--o", "circle", "circle", "solid", 1.5),
        ("--->", "none", "classic", "solid", 1.5),
    ],
)
def test_link_kinds_set_heads_dash_and_width(
    link: str, start: str, end: str, dash: str, width: float
) -> None:
    """Each link syntax gives its arrowheads, dash and stroke width."""
    doc = load(f"flowchart LR\n    A {link} B")
    (conn,) = connectors(doc)

    expected = (start, end, dash, width, ("A", "B"))
    actual = (
        conn.style.start_arrow,
        conn.style.end_arrow,
        conn.style.dash,
        conn.style.stroke_width,
        ends(doc, conn),
    )
    assert expected == actual


def test_invisible_links_shape_the_layout_but_draw_nothing() -> None:
    """``~~~`` places B after A without a connector."""
    doc = load("flowchart TD\n    A ~~~ B")
    s = shapes(doc)

    assert [] == connectors(doc)
    assert s["A"].box.bottom < s["B"].box.y


def test_long_links_span_more_layers() -> None:
    """Extra dashes make a link span more ranks."""
    doc = load("flowchart TD\n    A --> B\n    A ----> C")
    s = shapes(doc)

    assert s["C"].box.y > s["B"].box.bottom


@pytest.mark.parametrize(
    "text",
    [
        "A -->|yes| B",
        "A -- yes --> B",
        'A -->|"yes"| B',
        "A == yes ==> B",
        "A -. yes .-> B",
    ],
)
def test_link_labels_in_both_syntaxes(text: str) -> None:
    """``-->|text|`` and ``-- text -->`` both label the connector."""
    doc = load(f"flowchart TD\n    {text}")
    (conn,) = connectors(doc)

    assert (["yes"], ("A", "B")) == ([lb.text for lb in conn.labels], ends(doc, conn))


def test_chains_and_ampersands_expand_to_every_pair() -> None:
    """``A --> B --> C`` and ``A & B --> C & D`` make one connector per pair."""
    doc = load("flowchart TD\n    A --> B --> C\n    A & B --> C & D")

    pairs = [ends(doc, c) for c in connectors(doc)]
    expected = [("A", "B"), ("B", "C"), ("A", "C"), ("A", "D"), ("B", "C"), ("B", "D")]
    assert expected == pairs


def test_labels_resolve_quotes_markdown_entities_and_breaks() -> None:
    """Quoted, markdown and entity-coded labels become plain text with line breaks."""
    doc = load(
        "flowchart TD\n"
        '    A["Quote [with] brackets"]\n'
        '    B["`The **cat**\n    in the hat`"]\n'
        "    C[Line one<br/>Line two]\n"
        '    D("#quot;hi#quot; #35;1 &amp; more")\n'
        "    E"
    )

    expected = {
        "Quote [with] brackets",
        "The cat\nin the hat",
        "Line one\nLine two",
        '"hi" #1 & more',
        "E",
    }
    assert expected == set(shapes(doc))


def test_script_in_a_label_stays_plain_text() -> None:
    """Markup in a label is kept as literal text, never interpreted."""
    doc = load('flowchart TD\n    A["<script>alert(1)</script>"]')

    assert "<script>alert(1)</script>" in shapes(doc)


def test_subgraphs_become_groups_with_a_titled_container() -> None:
    """A subgraph is a group holding a container shape titled by it, around members."""
    doc = load(
        "flowchart TD\n"
        "    subgraph outer [Outer title]\n"
        "        a1 --> a2\n"
        "        subgraph inner\n"
        "            b1\n"
        "        end\n"
        "    end\n"
        "    c --> a1\n"
    )
    s = shapes(doc)
    outer, inner = s["Outer title"], s["inner"]
    groups = {g.id: g for g in doc.records.values() if isinstance(g, Group)}

    assert outer.parent in groups and inner.parent in groups
    assert groups[inner.parent].parent == outer.parent
    assert {s["a1"].parent, s["a2"].parent, s["b1"].parent} == {
        outer.parent,
        inner.parent,
    }
    assert s["b1"].parent == inner.parent
    assert s["c"].parent is None
    for member in ("a1", "a2", "b1"):
        box = s[member].box
        assert outer.box.contains(box.at(0, 0)) and outer.box.contains(box.at(1, 1))
    assert inner.box.contains(s["b1"].box.center)
    assert not overlaps(outer.box, s["c"].box)
    assert outer.style.valign == "top"


def test_links_to_a_subgraph_attach_to_its_container() -> None:
    """An edge naming a subgraph id ends on the container shape."""
    doc = load("flowchart LR\n    subgraph S [Stage]\n        x\n    end\n    A --> S")
    (conn,) = connectors(doc)

    assert ("A", "Stage") == ends(doc, conn)


def test_subgraph_forms_and_direction_lines_are_accepted() -> None:
    """``subgraph id``, ``subgraph "title"``, ``subgraph id [t]`` and ``direction``."""
    doc = load(
        "flowchart TD\n"
        "    subgraph one\n        a\n    end\n"
        '    subgraph "Two words"\n        direction LR\n        b\n    end\n'
        "    subgraph three [Three]\n        c\n    end\n"
        "    one --> three\n"
    )

    assert {"one", "Two words", "Three"} <= set(shapes(doc))


def test_class_def_class_suffix_and_style_set_colours() -> None:
    """classDef + class, ``:::``, default class and ``style`` colour the shapes."""
    doc = load(
        "flowchart TD\n"
        "    A --> B --> C:::cool\n"
        "    classDef hot fill:#f96,stroke:#333,stroke-width:4px,color:white\n"
        "    classDef cool fill:rgb(0, 128, 255)\n"
        "    classDef default fill:#eee\n"
        "    class A hot\n"
        "    style B fill:teal,stroke-dasharray: 5 5,font-weight:bold\n"
    )
    s = shapes(doc)

    assert ("#ff9966", "#333333", 4.0, "#ffffff") == (
        s["A"].style.fill,
        s["A"].style.stroke,
        s["A"].style.stroke_width,
        s["A"].style.font_color,
    )
    assert ("#008080", "dashed", True) == (
        s["B"].style.fill,
        s["B"].style.dash,
        s["B"].style.bold,
    )
    assert "#0080ff" == s["C"].style.fill


def test_link_style_is_applied_by_index() -> None:
    """``linkStyle`` colours the numbered links (and ``default`` all of them)."""
    doc = load(
        "flowchart TD\n    A --> B\n    B --> C\n"
        "    linkStyle default stroke:#00ff00\n    linkStyle 1 stroke:red,stroke-width:3px"
    )
    first, second = connectors(doc)

    assert ("#00ff00", "#ff0000", 3.0) == (
        first.style.stroke,
        second.style.stroke,
        second.style.stroke_width,
    )


def test_click_keeps_only_http_links() -> None:
    """``click`` with an http(s) URL becomes a link; javascript: is dropped."""
    result = mermaid.read(
        b"flowchart TD\n    A --> B --> C\n"
        b'    click A "https://example.com/a"\n'
        b'    click B href "javascript:alert(1)"\n'
        b"    click C callback\n"
    )
    s = shapes(result.doc)

    assert ("https://example.com/a", "", "") == (s["A"].link, s["B"].link, s["C"].link)
    assert any("dropped" in w for w in result.warnings)


def test_comments_semicolons_front_matter_and_directives() -> None:
    """Comments, ``;`` separators, YAML front matter and init directives are read."""
    doc = load(
        "---\ntitle: My chart\n---\n"
        "%%{init: {'theme': 'dark'}}%%\n"
        "graph LR;\n    A-->B; B-->C %% trailing comment\n    %% a comment line\n"
    )

    assert "My chart" == doc.pages()[0].name
    assert 2 == len(connectors(doc))


@pytest.mark.parametrize(
    ("direction", "check"),
    [
        ("TB", lambda a, b: a.bottom < b.y),
        ("TD", lambda a, b: a.bottom < b.y),
        ("BT", lambda a, b: b.bottom < a.y),
        ("LR", lambda a, b: a.right < b.x),
        ("RL", lambda a, b: b.right < a.x),
    ],
)
def test_directions(direction: str, check: object) -> None:
    """The header direction decides where targets go."""
    s = shapes(load(f"flowchart {direction}\n    A --> B"))

    assert callable(check)
    assert check(s["A"].box, s["B"].box)


def test_a_realistic_chart_has_no_overlapping_boxes() -> None:
    """Nodes never overlap each other, and containers only hold their members."""
    doc = load(
        "flowchart TD\n"
        "    start([Start]) --> input[/Read order/]\n"
        "    input --> valid{Valid?}\n"
        "    valid -->|no| reject[Reject order]\n"
        "    valid -->|yes| subgraph_pay\n"
        "    subgraph subgraph_pay [Payment]\n"
        "        charge[Charge card] --> ok{Paid?}\n"
        "        ok -->|no| retry[Retry] --> charge\n"
        "    end\n"
        "    ok -->|yes| ship[[Ship]]\n"
        "    reject --> stop([Stop])\n"
        "    ship --> stop\n"
        "    ship -.-> notify>Notify customer]\n"
    )
    s = shapes(doc)
    members = {"Charge card", "Paid?", "Retry"}
    nodes = {k: v for k, v in s.items() if k != "Payment"}

    for (na, a), (nb, b) in itertools.combinations(nodes.items(), 2):
        assert not overlaps(a.box, b.box), (na, nb)
    for name, shape in nodes.items():
        inside = s["Payment"].box.contains(shape.box.center)
        assert inside == (name in members), name


def test_small_planar_chart_lays_out_without_crossings() -> None:
    """A planar chart declared in a crossing order is drawn with 0 crossings."""
    doc = load(
        "flowchart TD\n"
        "    R --> A & B\n"
        "    A --> D\n    B --> C\n    A --> E\n    B --> F\n"
        "    C --> G\n    D --> G\n    E --> G\n    F --> G\n"
    )
    s = shapes(doc)
    segments = []
    for conn in connectors(doc):
        a, b = ends(doc, conn)
        if s[a].box.bottom < s[b].box.y:
            segments.append((s[a].box.center.x, s[b].box.center.x, s[a].box.y))
    crossings = sum(
        1
        for (a1, b1, y1), (a2, b2, y2) in itertools.combinations(segments, 2)
        if y1 == y2 and (a1 - a2) * (b1 - b2) < 0
    )

    assert 0 == crossings


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("flowchart TD\n    A --> B\n    C -->", 3),
        ("flowchart TD\n    A --> B\n    end", 3),
        ("flowchart TD\n\n    A[unclosed --> B", 3),
        ("flowchart TD\n    A --> end", 2),
        ("flowchart XY\n    A --> B", 1),
        ("sequenceDiagram\n    A->>B: hi", 1),
        ('flowchart TD\n    A["open quote]', 2),
        ("flowchart TD\n    A -- label without end", 2),
        ("flowchart TD\n    A -->|open label B", 2),
        ("flowchart TD\n    subgraph s\n    end\n    subgraph s\n    end", 4),
    ],
)
def test_unreadable_lines_are_errors_naming_the_line(text: str, line: int) -> None:
    """A line the parser cannot read raises LW-E0203 with its line number."""
    with pytest.raises(LineworkError) as info:
        mermaid.read(text.encode())

    assert ("LW-E0203", f"Line {line}:") == (
        info.value.code,
        info.value.detail[: len(f"Line {line}:")],
    )


def test_unclosed_subgraph_is_closed_with_a_warning() -> None:
    """A missing ``end`` at the end of the text closes the subgraph and says so."""
    result = mermaid.read(b"flowchart TD\n    subgraph s\n        A --> B\n")

    assert any("end" in w for w in result.warnings)


def test_too_many_nodes_is_refused_before_any_layout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """More nodes than the layout handles give LW-E0105 while reading: the
    node past the cap is the last one read and nothing is laid out (counted,
    not timed)."""
    text = "flowchart TD\n" + "\n".join(
        f"    n{i}" for i in range(mermaid.MAX_NODES + 1_000)
    )
    calls = {"node": 0}
    node = parser.Parse.node

    def counting(self: parser.Parse, nid: str, line: int) -> Any:
        calls["node"] += 1
        return node(self, nid, line)

    def no_layout(*args: Any) -> Any:
        raise AssertionError("laid out a chart over the cap")

    monkeypatch.setattr(parser.Parse, "node", counting)
    monkeypatch.setattr(mermaid, "build_chart", no_layout)
    with pytest.raises(LineworkError) as info:
        mermaid.read(text.encode())

    assert "LW-E0105" == info.value.code
    assert calls["node"] == mermaid.MAX_NODES + 1


def test_deeply_nested_subgraphs_are_refused() -> None:
    """Subgraphs nested deeper than the group limit are an error, not a crash."""
    text = "flowchart TD\n" + "subgraph s{0}\n" * 0
    text += "".join(f"subgraph s{i}\n" for i in range(40)) + "A\n" + "end\n" * 40

    with pytest.raises(LineworkError) as info:
        mermaid.read(text.encode())

    assert "LW-E0203" == info.value.code


def test_300_node_chart_imports_with_bounded_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A few hundred branching nodes all import, none overlapping, and the
    layer ordering does a bounded number of passes (counted, not timed: the
    time is a figure of tools/bench_imports.py)."""
    calls = {"crossings": 0, "sort": 0}
    count_crossings, sort_layer = ordering._crossings, ordering._sort_layer

    def crossings(*args: Any, **kwargs: Any) -> Any:
        calls["crossings"] += 1
        return count_crossings(*args, **kwargs)

    def sort(*args: Any, **kwargs: Any) -> Any:
        calls["sort"] += 1
        return sort_layer(*args, **kwargs)

    monkeypatch.setattr(ordering, "_crossings", crossings)
    monkeypatch.setattr(ordering, "_sort_layer", sort)
    lines = ["flowchart TD"]
    lines += [f"    n{i} --> n{i + 1} & n{(i * 7 + 3) % 300}" for i in range(299)]

    doc = load("\n".join(lines))

    boxes = [e.box for e in doc.records.values() if isinstance(e, Shape)]
    assert 300 == len(boxes)
    assert 598 == sum(isinstance(e, Connector) for e in doc.records.values())
    assert not any(
        a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom
        for a, b in itertools.combinations(boxes, 2)
    )
    # One count before the sweeps and at most one after each of the 8 sweeps;
    # each pass sorts a layer at most once, and there are at most 300 layers.
    assert 1 <= calls["crossings"] <= 1 + 8
    assert calls["sort"] <= (1 + 8) * 300


def test_sniffing_recognises_mermaid_text() -> None:
    """Open recognises Mermaid by content and imports it."""
    data = b"%% chart\nflowchart LR\n    A --> B\n"

    result = imports.read_any(data)

    assert ("mermaid", 2) == (result.format, len(shapes(result.doc)))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("#ABC", "#aabbcc"),
        ("#aabbccdd", "#aabbcc"),
        ("rgb(255, 0, 10)", "#ff000a"),
        ("rgba(0,0,0,0.5)", "#000000"),
        ("rgb(100%, 0%, 0%)", "#ff0000"),
        ("RebeccaPurple", "#663399"),
        ("transparent", "none"),
        ("url(javascript:alert(1))", None),
        ("#12", None),
    ],
)
def test_css_colour(value: str, expected: str | None) -> None:
    """CSS colours normalise to #rrggbb or none; anything else is refused."""
    assert expected == mermaid.css_colour(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://a.org/x", "https://a.org/x"),
        ("  http://a.org ", "http://a.org"),
        ("mailto:me@a.org", "mailto:me@a.org"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("vbscript:x", None),
        ("//evil.org", None),
    ],
)
def test_safe_link(value: str, expected: str | None) -> None:
    """Only http(s) and mailto links survive."""
    assert expected == links.safe_link(value)


def test_oversized_text_is_refused_before_parsing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Mermaid text beyond the source cap is refused with LW-E0104 before it
    is decoded or parsed (the parser never runs: counted, not timed)."""
    data = b"flowchart TD\n" + b"%% padding\n" * (mermaid.MAX_SOURCE_BYTES // 10)

    def no_parse(text: str) -> Any:
        raise AssertionError("parsed text over the cap")

    monkeypatch.setattr(mermaid, "parse", no_parse)
    with pytest.raises(LineworkError) as info:
        mermaid.read(data)
    assert "LW-E0104" == info.value.code
    with pytest.raises(LineworkError) as info:
        mermaid.read_text(data.decode())
    assert "LW-E0104" == info.value.code


PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "dashes": lambda k: "-" * (5 * k),
    "ampersands": lambda k: "A" + " & A" * k,
    "brackets": lambda k: "[" * (2 * k),
    "open-link-label": lambda k: "A -- " + "x " * (2 * k),
}


@pytest.mark.parametrize("make", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_pathological_lines_take_linear_work(make: Callable[[int], str]) -> None:
    """Long runs of link characters, brackets and ampersands cannot stall the
    parser: four times the line takes about four times the lines run and the
    characters its patterns look at, not sixteen (counted, not timed)."""

    def read(k: int) -> Callable[[], object]:
        data = f"flowchart TD\n{make(k)}\n".encode()
        return lambda: mermaid.read(data)

    workcount.grows_linearly(read, 1_000, modules=(parser, syntax))
    with contextlib.suppress(LineworkError):  # the full size reads or refuses
        mermaid.read(f"flowchart TD\n{make(20_000)}\n".encode())


def test_unknown_v11_shapes_are_counted_unmapped() -> None:
    """A shape name Linework lacks is warned about and counted, as other imports do."""
    result = mermaid.read(b'flowchart TD\n  A@{ shape: wobble, label: "x" }\n  B\n')

    assert 1 == result.unmapped
    assert any("drawn as a box" in w for w in result.warnings)


def test_sniffing_skips_a_byte_order_mark() -> None:
    """Text saved by Windows editors starts with a BOM; it is still Mermaid."""
    data = b"\xef\xbb\xbfflowchart LR\n    A --> B\n"

    result = imports.read_any(data)

    assert ("mermaid", 2) == (result.format, len(shapes(result.doc)))
