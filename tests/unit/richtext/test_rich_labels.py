"""Issue 12, rich text in the core: runs as data, the file format, layout with
each family's metrics, HTML labels in and out (draw.io, Gliffy, the editor)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from linework.editor import Editor
from linework.files import open_document, save_as
from linework.formats import native, richhtml
from linework.geometry import Box
from linework.model import DEFAULT_STYLE, Shape
from linework.model.rich import (
    Paragraph,
    RichError,
    Run,
    normalized,
    rich_from_json,
    rich_to_json,
)
from linework.render import export_svg
from linework.render.richtext import layout_rich
from linework.render.shape import shape_node
from linework.svg import serialize
from linework.text import text_width

CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus"


def rich_shape(**kw: Any) -> Shape:
    rich = normalized(
        [
            Paragraph(
                runs=(
                    Run(text="Plain "),
                    Run(text="bold", bold=True),
                    Run(text=" red", color="#ff0000"),
                ),
            ),
            Paragraph(runs=(Run(text="Big title", size=24.0),), align="left"),
        ]
    )
    assert rich is not None
    return Shape(
        id="s",
        page="p",
        layer="l",
        box=Box(0, 0, 200, 100),
        text=rich.plain,
        rich=rich,
        **kw,
    )


def act(ed: Editor, action: str, **args: Any) -> dict[str, Any]:
    ui: dict[str, Any] = ed.handle({"type": "action", "name": action, "args": args})[
        "ui"
    ]
    return ui


# --- data ------------------------------------------------------------------------


def test_plain_runs_normalize_to_no_rich_text_and_neighbours_merge() -> None:
    assert normalized([Paragraph(runs=(Run(text="a"), Run(text="b")))]) is None
    rich = normalized(
        [
            Paragraph(
                runs=(Run(text="a", bold=True), Run(text="b", bold=True), Run(text=""))
            )
        ]
    )
    assert rich is not None and rich.paragraphs[0].runs == (Run(text="ab", bold=True),)


def test_json_checks_every_field_and_drops_what_is_not_allowed() -> None:
    rich = rich_from_json(
        [
            {
                "align": "right",
                "runs": [
                    {"text": "x", "link": "javascript:alert(1)", "color": "red"},
                    {
                        "text": "y",
                        "link": "https://example.org",
                        "family": "Courier New",
                    },
                ],
            }
        ]
    )
    assert rich is not None
    x, y = rich.paragraphs[0].runs
    assert x.link is None and x.color is None  # dropped, the text stays
    assert y.link == "https://example.org" and y.family == "Cousine"
    assert rich_from_json(rich_to_json(rich)) == rich
    with pytest.raises(RichError):
        rich_from_json([{"runs": [{"text": 3}]}])
    with pytest.raises(RichError):
        rich_from_json([{"align": "justify", "runs": []}])


# --- the editor's commit, undo and the file format ------------------------------


def edited() -> tuple[Editor, str]:
    """An editor with one rectangle whose label was committed with a bold word."""
    ed = Editor()
    ui = act(ed, "add-shape", kind="rectangle", x=100, y=100)
    sid = str(ui["selection"][0])
    act(ed, "edit-text", id=sid)
    act(ed, "set-text", id=sid, html="make <b>this</b> bold<div>next line</div>")
    return ed, sid


def test_editor_commit_reads_html_into_runs_and_one_undo_reverts_it() -> None:
    ed, sid = edited()
    shape = ed.document.typed(sid, Shape)
    assert shape.text == "make this bold\nnext line"
    assert shape.rich is not None
    runs = shape.rich.paragraphs[0].runs
    assert [(r.text, r.bold) for r in runs] == [
        ("make ", None),
        ("this", True),
        (" bold", None),
    ]
    act(ed, "undo")
    assert ed.document.typed(sid, Shape).text == ""
    assert ed.document.typed(sid, Shape).rich is None


def test_editor_commit_without_formatting_stays_plain_and_markup_is_data() -> None:
    ed = Editor()
    sid = str(act(ed, "add-shape", kind="rectangle", x=0, y=0)["selection"][0])
    act(ed, "set-text", id=sid, html="&lt;script&gt;x<script>alert(1)</script>")
    shape = ed.document.typed(sid, Shape)
    assert shape.text == "<script>x" and shape.rich is None


def test_edit_text_offers_the_runs_to_the_editor() -> None:
    ed, sid = edited()
    ui = act(ed, "edit-text", id=sid)
    edit = ui["edit_text"]
    assert edit["rich"] is True
    assert edit["runs"][0]["runs"][1] == {"text": "this", "bold": True}
    assert "Cousine" in edit["families"]


def test_native_file_stores_runs_as_minor_2_and_reads_them_back() -> None:
    ed, sid = edited()
    data = native.encode(ed.document)
    raw = json.loads(data)
    assert raw["minor"] == 2
    (el,) = [e for e in raw["pages"][0]["elements"] if e["id"] == sid]
    assert el["text"] == "make this bold\nnext line"
    assert el["rich"][0]["runs"][1] == {"text": "this", "bold": True}
    back = native.decode(data)
    assert back.typed(sid, Shape).rich == ed.document.typed(sid, Shape).rich
    assert native.encode(back) == data


def test_older_files_read_unchanged_and_stale_runs_lose_to_the_text() -> None:
    ed, sid = edited()
    raw = json.loads(native.encode(ed.document))
    # A 1.1 file with a "rich" key of its own: kept, renamed, not runs.
    old = {**raw, "minor": 1}
    doc = native.decode(json.dumps(old).encode())
    assert doc.typed(sid, Shape).rich is None
    assert "rich_1_1" in doc.typed(sid, Shape).extra
    # Runs that disagree with the text (a tool edited only "text").
    for el in raw["pages"][0]["elements"]:
        if el["id"] == sid:
            el["text"] = "changed"
    doc = native.decode(json.dumps(raw).encode())
    assert doc.typed(sid, Shape).text == "changed"
    assert doc.typed(sid, Shape).rich is None
    # A plain diagram is written as before (no minor 2).
    plain = Editor()
    act(plain, "add-shape", kind="rectangle", x=0, y=0)
    assert b'"minor"' not in native.encode(plain.document)


# --- layout and rendering --------------------------------------------------------


def test_runs_are_measured_with_their_own_font() -> None:
    shape = rich_shape()
    box = Box(0, 0, 1000, 100)
    layout = layout_rich(shape.rich, box, DEFAULT_STYLE, wrap=True)  # type: ignore[arg-type]
    widths = {p.text: p.width for p in layout.pieces}
    assert widths["bold"] == pytest.approx(text_width("bold", 14, bold=True))
    assert widths["Big title"] == pytest.approx(text_width("Big title", 24))
    # The 24 px line is taller than the 14 px one, and left aligned.
    first, second = layout.plain.lines
    assert second.y - first.y > 24 * 1.2 * 0.9
    assert second.x == 0


def test_families_have_their_own_metrics() -> None:
    w = {
        f: text_width("Hello world", 20, family=f)
        for f in ("Arimo", "Tinos", "Cousine", "Caveat")
    }
    assert len(set(w.values())) == 4
    # Cousine is monospaced: every character as wide as the next.
    assert text_width("iiii", 20, family="Cousine") == text_width(
        "MMMM", 20, family="Cousine"
    )


def test_rich_label_svg_has_a_tspan_per_run_and_escapes_text() -> None:
    s = rich_shape()
    svg = serialize(shape_node(s))
    assert '<tspan x="' in svg and 'font-weight="bold">bold</tspan>' in svg
    assert 'fill="#ff0000">red</tspan>' in svg or 'fill="#ff0000"> red</tspan>' in svg
    assert 'font-size="24"' in svg
    hostile = normalized([Paragraph(runs=(Run(text="<b>&x", bold=True),))])
    assert hostile is not None
    svg = serialize(
        shape_node(
            Shape(
                id="h",
                page="p",
                layer="l",
                box=Box(0, 0, 99, 40),
                text=hostile.plain,
                rich=hostile,
            )
        )
    )
    assert "&lt;b&gt;&amp;x" in svg and "<b>" not in svg


def test_a_family_change_draws_and_measures_with_that_family() -> None:
    from dataclasses import replace

    s = Shape(id="f", page="p", layer="l", box=Box(0, 0, 300, 60), text="Hello")
    arimo = serialize(shape_node(s))
    serif = serialize(
        shape_node(replace(s, style=replace(s.style, font_family="Tinos")))
    )
    assert 'font-family="Arimo, Arial, Helvetica, sans-serif"' in arimo
    assert "font-family=\"Tinos, 'Times New Roman', Times, serif\"" in serif


# --- HTML labels: draw.io and Gliffy --------------------------------------------


def test_html_reader_keeps_only_the_formatting() -> None:
    read = richhtml.html_to_rich(
        '<div style="text-align:right"><b onclick="x()">B</b>'
        '<a href="javascript:alert(1)">j</a><a href="https://e.org">l</a>'
        '<img src=x onerror=alert(1)><font color="#0f0" size="5" face="Times">t</font>'
        '<span style="font-size:20px;color:rgb(1,2,3);background:url(x)">s</span>'
        "<script>alert(2)</script><iframe src=x></iframe></div>"
    )
    assert read.plain.text == "Bjlts"
    assert read.rich is not None
    (para,) = read.rich.paragraphs
    assert para.align == "right"
    runs = {r.text: r for r in para.runs}
    assert runs["B"].bold is True
    assert runs["j"].link is None and runs["l"].link == "https://e.org"
    assert (
        runs["t"].color == "#00ff00"
        and runs["t"].size == 24
        and runs["t"].family == "Tinos"
    )
    assert runs["s"].size == 20 and runs["s"].color == "#010203"


def drawio_rich_doc() -> bytes:
    value = (
        "&lt;b&gt;Title&lt;/b&gt;&lt;br&gt;a &lt;i&gt;word&lt;/i&gt; in "
        "&lt;font color=&quot;#ff0000&quot; style=&quot;font-size: 20px&quot;&gt;"
        "red&lt;/font&gt;&lt;div style=&quot;text-align: left&quot;&gt;"
        "&lt;u&gt;under&lt;/u&gt; &lt;strike&gt;gone&lt;/strike&gt;&lt;/div&gt;"
    )
    return (
        '<mxfile><diagram id="d" name="P"><mxGraphModel><root>'
        '<mxCell id="0"/><mxCell id="1" parent="0"/>'
        f'<mxCell id="2" value="{value}" style="rounded=0;whiteSpace=wrap;html=1;" '
        'vertex="1" parent="1"><mxGeometry x="10" y="10" width="200" height="120" '
        'as="geometry"/></mxCell></root></mxGraphModel></diagram></mxfile>'
    ).encode()


def only_shape(data: bytes) -> Shape:
    doc = open_document(data).doc
    (shape,) = [r for r in doc.records.values() if isinstance(r, Shape)]
    return shape


def test_drawio_rich_label_imports_to_runs() -> None:
    s = only_shape(drawio_rich_doc())
    assert s.text == "Title\na word in red\nunder gone"
    assert s.rich is not None
    runs = [r for p in s.rich.paragraphs for r in p.runs]
    by = {r.text.strip(): r for r in runs}
    assert by["Title"].bold is True
    assert by["word"].italic is True
    assert by["red"].color == "#ff0000" and by["red"].size == 20
    assert by["under"].underline is True and by["gone"].strike is True
    assert s.rich.paragraphs[2].align == "left"


def test_drawio_rich_labels_round_trip() -> None:
    s = only_shape(drawio_rich_doc())
    doc = open_document(drawio_rich_doc()).doc
    again = only_shape(save_as(doc, "drawio"))
    assert again.text == s.text and again.rich == s.rich
    third = only_shape(save_as(open_document(save_as(doc, "drawio")).doc, "drawio"))
    assert third.rich == s.rich


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus")
def test_corpus_rich_labels_round_trip_through_drawio() -> None:
    """Every corpus file's rich labels (draw.io and Gliffy) survive export → import."""
    seen = 0
    for path in sorted(CORPUS.glob("*/*")):
        try:
            doc = open_document(path.read_bytes()).doc
        except Exception:
            continue
        rich = sorted(
            (
                repr((r.text, r.rich))
                for r in doc.records.values()
                if isinstance(r, Shape) and r.rich
            ),
        )
        if not rich:
            continue
        seen += len(rich)
        back = open_document(save_as(doc, "drawio")).doc
        again = sorted(
            (
                repr((r.text, r.rich))
                for r in back.records.values()
                if isinstance(r, Shape) and r.rich
            ),
        )
        assert again == rich, path.name
    assert seen >= 100


def test_gliffy_caption_runs_import() -> None:
    path = CORPUS / "gliffy" / "exconv_test_output.gliffy"
    if not path.exists():
        pytest.skip("needs ../shared/corpus")
    doc = open_document(path.read_bytes()).doc
    rich = [r for r in doc.records.values() if isinstance(r, Shape) and r.rich]
    assert rich and rich[0].rich is not None
    assert {r.family for p in rich[0].rich.paragraphs for r in p.runs} == {"Cousine"}


def test_export_svg_of_a_rich_document_is_deterministic() -> None:
    ed, _sid = edited()
    page = ed.document.pages()[0].id
    a = export_svg(ed.document, page)
    b = export_svg(native.decode(native.encode(ed.document)), page)
    assert a == b and 'font-weight="bold">this</tspan>' in a


def test_document_colours_are_offered_most_used_first() -> None:
    from linework.editor.swatches import document_colours

    ed = Editor()
    for x in (0, 200, 400):
        act(ed, "add-shape", kind="rectangle", x=x, y=0)
        act(ed, "set-style", fields={"fill": "#dae8fc"})
    act(ed, "set-style", fields={"stroke": "#b85450"})
    colours = document_colours(ed.document)
    # The default ink is on every line and label; then the fill of three shapes.
    assert colours[:2] == ["#1f2933", "#dae8fc"] and colours[-1] == "#b85450"
    assert "#ffffff" not in colours


NODE_FONTS = (
    Path(__file__).resolve().parents[3] / "web" / "node_modules" / "@fontsource"
)


@pytest.mark.parametrize("family", ["tinos", "cousine", "caveat"])
def test_metrics_tables_come_from_the_pinned_font_packages(
    family: str, tmp_path: Path
) -> None:
    """Regenerating a family's table from its pinned npm package gives the shipped bytes."""
    pytest.importorskip("fontTools")
    if not (NODE_FONTS / family).is_dir():
        pytest.skip("npm ci not run")
    import importlib.util
    from importlib import resources

    script = Path(__file__).resolve().parents[3] / "tools" / "gen_metrics.py"
    spec = importlib.util.spec_from_file_location("gen_metrics_rich", script)
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    out = tmp_path / f"{family}.json"
    gen.main([str(NODE_FONTS / family), "-o", str(out)])
    shipped = resources.files("linework.text") / "metrics" / f"{family}.json"
    assert out.read_bytes() == shipped.read_bytes()
    pinned = json.loads((NODE_FONTS.parents[1] / "package.json").read_text())
    assert pinned["dependencies"][f"@fontsource/{family}"] == gen.FAMILIES[family][1]


def test_plain_set_text_keeps_runs_of_unchanged_text_and_drops_them_for_new_text() -> (
    None
):
    ed, sid = edited()
    act(ed, "set-text", id=sid, text="make this bold\nnext line")
    assert ed.document.typed(sid, Shape).rich is not None
    act(ed, "set-text", id=sid, text="other")
    shape = ed.document.typed(sid, Shape)
    assert shape.text == "other" and shape.rich is None
    # The editor committing unformatted HTML makes a rich label plain.
    ed, sid = edited()
    act(ed, "set-text", id=sid, html="make this bold<div>next line</div>")
    assert ed.document.typed(sid, Shape).rich is None


def test_huge_rich_labels_draw_bounded_output_ending_in_an_ellipsis() -> None:
    from linework.text.layout import MAX_DRAWN_CHARS

    word = Run(text="word " * 20_000, bold=True)
    many = normalized(
        [Paragraph(runs=(word,))]
        + [Paragraph(runs=(Run(text="x", italic=True),))] * 5000
    )
    assert many is not None
    layout = layout_rich(many, Box(0, 0, 30, 30), DEFAULT_STYLE)
    assert len(layout.plain.lines) <= 20
    assert layout.pieces[-1].text.endswith("\u2026")
    wide = layout_rich(many, Box(0, 0, 30, 30), DEFAULT_STYLE, wrap=False)
    assert sum(len(p.text) for p in wide.pieces) <= MAX_DRAWN_CHARS + 21
    assert wide.pieces[-1].text.endswith("\u2026")


def drawio_edge_doc() -> bytes:
    value = "a &lt;b&gt;bold&lt;/b&gt; &lt;font color=&quot;#ff0000&quot;&gt;edge&lt;/font&gt;"
    return (
        '<mxfile><diagram id="d" name="P"><mxGraphModel><root>'
        '<mxCell id="0"/><mxCell id="1" parent="0"/>'
        '<mxCell id="a" value="A" style="html=1;" vertex="1" parent="1">'
        '<mxGeometry x="0" y="0" width="80" height="40" as="geometry"/></mxCell>'
        '<mxCell id="b" value="B" style="html=1;" vertex="1" parent="1">'
        '<mxGeometry x="300" y="0" width="80" height="40" as="geometry"/></mxCell>'
        f'<mxCell id="e" value="{value}" style="html=1;" edge="1" parent="1" '
        'source="a" target="b"><mxGeometry relative="1" as="geometry"/></mxCell>'
        "</root></mxGraphModel></diagram></mxfile>"
    ).encode()


def test_connector_labels_take_runs_from_drawio_and_keep_them_everywhere() -> None:
    from linework.model import Connector

    doc = open_document(drawio_edge_doc()).doc
    (conn,) = [r for r in doc.records.values() if isinstance(r, Connector)]
    (label,) = conn.labels
    assert label.text == "a bold edge" and label.rich is not None
    runs = {r.text.strip(): r for p in label.rich.paragraphs for r in p.runs}
    assert runs["bold"].bold is True and runs["edge"].color == "#ff0000"
    # Drawn run by run, on a background as wide as the runs.
    page = doc.pages()[0].id
    svg = export_svg(doc, page)
    assert 'font-weight="bold">bold</tspan>' in svg and 'fill="#ff0000">edge' in svg
    # The file format and draw.io keep them.
    back = native.decode(native.encode(doc))
    assert [c.labels for c in back.records.values() if isinstance(c, Connector)] == [
        conn.labels
    ]
    again = open_document(save_as(doc, "drawio")).doc
    (conn2,) = [r for r in again.records.values() if isinstance(r, Connector)]
    assert conn2.labels[0].rich == label.rich
    # The plain editor of connector labels keeps the runs of unchanged text.
    ed = Editor()
    ed.load(doc)
    act(ed, "set-text", id=conn.id, text="a bold edge", label=0)
    assert ed.document.typed(conn.id, Connector).labels[0].rich == label.rich
    act(ed, "set-text", id=conn.id, text="new", label=0)
    assert ed.document.typed(conn.id, Connector).labels[0].rich is None
