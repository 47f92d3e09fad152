"""Rich labels in the browser (issue 12), by real mouse and keyboard: Ctrl+B on
a selected word in the in-place editor bolds only that word and one undo
reverts it; the format bar; the properties panel's font picker changes the
drawn (and loaded) font; a rich label renders to the native SVG bytes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import editor_helpers
import pytest
from editor_helpers import (
    ELEMENTS,
    PRIMARY,
    action,
    add,
    by_id,
    clean_test,
    screen,
    settle,
    ui,
)
from lw_helpers import App, tree

from linework import files
from linework.formats import native
from linework.model import Document, IdSource, Shape
from linework.render import page_fragments

editor_app = editor_helpers.editor_app  # the module's app (fixture)
EDITOR = "[data-role=text-editor]:not([hidden])"


@pytest.fixture(autouse=True)
def _fresh(editor_app: App) -> Any:
    """Each test starts from an empty document and must log no error."""
    editor_app.page.keyboard.press("Escape")
    with clean_test(editor_app):
        yield


def open_editor(app: App, x: float, y: float) -> None:
    app.page.mouse.dblclick(*screen(app, x, y))
    app.page.wait_for_selector(EDITOR)
    app.page.wait_for_selector("[data-role=format-bar]:not([hidden])")


def select_chars(app: App, start: int, count: int) -> None:
    """Select ``count`` characters from ``start`` of the first line, by keyboard."""
    kb = app.page.keyboard
    kb.press("ArrowLeft")  # collapse the opening select-all to the start
    kb.press("Home")
    for _ in range(start):
        kb.press("ArrowRight")
    for _ in range(count):
        kb.press("Shift+ArrowRight")


def bold_spans(app: App, sid: str) -> list[str]:
    return app.page.eval_on_selector_all(  # type: ignore[no-any-return]
        f'{ELEMENTS}[data-id="{sid}"] tspan[font-weight="bold"]',
        "els => els.map(e => e.textContent)",
    )


def test_ctrl_b_on_a_selected_word_bolds_only_that_word_and_one_undo_reverts(
    editor_app: App,
) -> None:
    app = editor_app
    sid = add(app, "rectangle", 300, 250, text="make this bold")
    open_editor(app, 300, 250)
    select_chars(app, len("make "), len("this"))
    app.page.keyboard.press(f"{PRIMARY}+b")
    # Only the selection is bold in the editor itself.
    bold = app.page.eval_on_selector_all(
        f"{EDITOR} b, {EDITOR} strong", "els => els.map(e => e.textContent)"
    )
    assert bold == ["this"]
    app.page.keyboard.press(f"{PRIMARY}+Enter")
    settle(app)

    shape = by_id(app)[sid]
    assert shape["text"] == "make this bold"
    runs = shape["rich"][0]["runs"]
    assert runs == [
        {"text": "make "},
        {"text": "this", "bold": True},
        {"text": " bold"},
    ]
    assert bold_spans(app, sid) == ["this"]
    assert ui(app)["can_undo"]

    # One undo reverts the whole edit: plain text again, nothing bold.
    app.page.keyboard.press(f"{PRIMARY}+z")
    settle(app)
    shape = by_id(app)[sid]
    assert shape["text"] == "make this bold" and "rich" not in shape
    assert bold_spans(app, sid) == []
    app.page.keyboard.press(f"{PRIMARY}+Shift+z")
    settle(app)
    assert bold_spans(app, sid) == ["this"]


def test_reopened_rich_label_keeps_its_runs_and_ctrl_b_unbolds(editor_app: App) -> None:
    app = editor_app
    sid = add(app, "rectangle", 300, 250)
    # Setup: a label with a bold, a red and a 20 px run.
    action(
        app,
        "set-text",
        id=sid,
        html='make <b>this</b> <font color="#cc0000">red</font>'
        ' <span style="font-size: 20px">big</span>',
    )
    before = by_id(app)[sid]["rich"]
    open_editor(app, 300, 250)
    # The editor shows the runs as they are drawn.
    assert app.page.eval_on_selector_all(
        f"{EDITOR} b", "els => els.map(e => e.textContent)"
    ) == ["this"]
    app.page.keyboard.press(f"{PRIMARY}+Enter")  # unchanged: no step
    settle(app)
    assert by_id(app)[sid]["rich"] == before
    open_editor(app, 300, 250)
    select_chars(app, len("make "), len("this"))
    app.page.keyboard.press(f"{PRIMARY}+b")
    app.page.keyboard.press(f"{PRIMARY}+Enter")
    settle(app)
    runs = by_id(app)[sid]["rich"][0]["runs"]
    assert [r for r in runs if r.get("bold")] == []
    assert {"text": "red", "color": "#cc0000"} in runs
    assert {"text": "big", "size": 20} in runs


def test_ctrl_b_on_selected_shapes_bolds_their_whole_labels_in_one_step(
    editor_app: App,
) -> None:
    """Not editing: Ctrl+B on two selected shapes bolds both labels whole; one
    undo reverts both; Ctrl+I italicizes."""
    app = editor_app
    first = add(app, "rectangle", 250, 250, text="first label")
    second = add(app, "ellipse", 500, 250, text="second")
    app.page.mouse.click(*screen(app, 250, 250))
    app.page.keyboard.down("Shift")
    app.page.mouse.click(*screen(app, 500, 250))
    app.page.keyboard.up("Shift")
    settle(app)
    assert {first, second} == set(ui(app)["selection"])
    app.page.keyboard.press(f"{PRIMARY}+b")
    settle(app)

    def bold(sid: str) -> str:
        return "".join(
            app.page.eval_on_selector_all(
                f'{ELEMENTS}[data-id="{sid}"] text[font-weight="bold"],'
                f' {ELEMENTS}[data-id="{sid}"] tspan[font-weight="bold"]',
                "els => els.map(e => e.textContent)",
            )
        )

    assert (bold(first), bold(second)) == ("first label", "second")
    assert 0 == app.page.locator(EDITOR).count()
    app.page.keyboard.press(f"{PRIMARY}+z")
    settle(app)
    assert (bold(first), bold(second)) == ("", "")
    app.page.keyboard.press(f"{PRIMARY}+i")
    settle(app)
    italic = app.page.locator(f'{ELEMENTS}[data-id="{second}"] [font-style="italic"]')
    assert italic.count() > 0


def test_format_bar_colours_and_sizes_the_selection(editor_app: App) -> None:
    app = editor_app
    sid = add(app, "rectangle", 300, 250, text="small big")
    open_editor(app, 300, 250)
    select_chars(app, len("small "), len("big"))
    app.page.select_option("[data-format=size]", "24")
    app.page.click("[data-format=italic]")
    app.page.keyboard.press(f"{PRIMARY}+Enter")
    settle(app)
    runs = by_id(app)[sid]["rich"][0]["runs"]
    assert runs == [{"text": "small "}, {"text": "big", "italic": True, "size": 24}]
    big = app.page.locator(f'{ELEMENTS}[data-id="{sid}"] tspan[font-size="24"]')
    assert big.text_content() == "big"


def test_format_bar_links_and_aligns(editor_app: App) -> None:
    app = editor_app
    sid = add(app, "rectangle", 300, 250, text="see docs")
    open_editor(app, 300, 250)
    select_chars(app, len("see "), len("docs"))
    app.page.click("[data-format=link-url]")
    app.page.keyboard.type("javascript:alert(1)")
    app.page.click("[data-format=link]")  # refused: not http(s)/mailto
    app.page.fill("[data-format=link-url]", "")
    app.page.click("[data-format=link-url]")
    app.page.keyboard.type("https://example.org/docs")
    app.page.click("[data-format=link]")
    app.page.click("[data-format=align-right]")
    app.page.keyboard.press(f"{PRIMARY}+Enter")
    settle(app)
    (para,) = by_id(app)[sid]["rich"]
    assert para["align"] == "right"
    assert para["runs"] == [
        {"text": "see "},
        {"text": "docs", "link": "https://example.org/docs"},
    ]
    link = app.page.locator(f'{ELEMENTS}[data-id="{sid}"] a')
    assert link.get_attribute("href") == "https://example.org/docs"
    assert link.text_content() == "docs"


def test_markup_typed_in_the_rich_editor_stays_text(editor_app: App) -> None:
    app = editor_app
    sid = add(app, "rectangle", 300, 250)
    open_editor(app, 300, 250)
    app.page.keyboard.type("<b>x</b><img src=x onerror=alert(1)>")
    app.page.keyboard.press(f"{PRIMARY}+Enter")
    settle(app)
    shape = by_id(app)[sid]
    assert shape["text"] == "<b>x</b><img src=x onerror=alert(1)>"
    assert "rich" not in shape
    assert app.page.locator("#canvas img, #canvas b").count() == 0


def test_font_picker_changes_the_drawn_font(editor_app: App) -> None:
    app = editor_app
    sid = add(app, "rectangle", 300, 250, text="Serif now")
    node = f'{ELEMENTS}[data-id="{sid}"] text'
    assert "Arimo" in (app.page.get_attribute(node, "font-family") or "")
    app.page.mouse.click(*screen(app, 300, 250))  # select it
    settle(app)
    app.page.select_option("[data-prop=font_family]", "Tinos")
    settle(app)
    assert by_id(app)[sid]["style"]["font_family"] == "Tinos"
    family = app.page.get_attribute(node, "font-family") or ""
    assert family.startswith("Tinos")
    # The face is served from dist/ and really used for the label.
    loaded = app.page.evaluate(
        "async () => { await document.fonts.load('14px Tinos', 'Serif now');"
        " return document.fonts.check('14px Tinos', 'Serif now'); }"
    )
    assert loaded is True
    app.page.keyboard.press(f"{PRIMARY}+z")
    settle(app)
    assert (app.page.get_attribute(node, "font-family") or "").startswith("Arimo")


def rich_document() -> Document:
    """A page with rich labels of every kind of formatting and family (file JSON)."""
    raw = native.to_json(Document.new(IdSource()))
    layer = raw["pages"][0]["layers"][0]["id"]
    labels: list[list[dict[str, Any]]] = [
        [
            {
                "align": "left",
                "runs": [
                    {"text": "Bold", "bold": True},
                    {"text": " and "},
                    {"text": "red 20", "color": "#cc0000", "size": 20},
                ],
            },
            {
                "align": "right",
                "runs": [
                    {"text": "serif", "family": "Tinos", "italic": True},
                    {"text": " mono", "family": "Cousine", "underline": True},
                    {"text": " hand", "family": "Caveat", "strike": True},
                ],
            },
        ],
        [
            {"runs": [{"text": "a link", "link": "https://example.org/x"}]},
            {"runs": []},
            {"runs": [{"text": "wrapping words in a narrow box", "size": 18}]},
        ],
    ]
    for i, paras in enumerate(labels):
        text = "\n".join("".join(r["text"] for r in p["runs"]) for p in paras)
        raw["pages"][0]["elements"].append(
            {
                "type": "shape",
                "id": f"shape:r{i}",
                "layer": layer,
                "kind": "rectangle",
                "box": {"x": 100 + 260 * i, "y": 100, "w": 220, "h": 120},
                "text": text,
                "rich": paras,
            }
        )
    raw["minor"] = native.MINOR
    doc = native.from_json(raw)
    assert all(isinstance(r, Shape) and r.rich for r in doc.elements(doc.pages()[0].id))
    return doc


def test_rich_labels_render_as_native_bytes(editor_app: App, tmp_path: Path) -> None:
    app = editor_app
    doc = rich_document()
    path = tmp_path / "rich.linework"
    path.write_bytes(native.encode(doc))
    app.open_file(path)
    settle(app)
    opened = files.open_document(path.read_bytes()).doc
    reply = app.send({"type": "render"})
    assert reply["ok"] is True
    page_id = reply["page"]["id"]
    want = [[eid, svg] for eid, svg in page_fragments(opened, page_id)]
    assert want == reply["elements"]
    assert any('font-family="Tinos' in svg for _, svg in want)
    dom = app.dom_fragments()
    for (_, a), (_, b) in zip(want, dom, strict=True):
        assert tree(a) == tree(b)


# --- styling: presets and swatches ---------------------------------------------


def test_style_preset_is_one_step_and_swatches_offer_document_and_recent_colours(
    editor_app: App,
) -> None:
    app = editor_app
    a = add(app, "rectangle", 300, 250)
    b = add(app, "rectangle", 600, 250)
    app.page.mouse.click(*screen(app, 300, 250))
    settle(app)
    app.page.click("[data-preset=blue]")
    settle(app)
    style = by_id(app)[a]["style"]
    assert (style["fill"], style["stroke"]) == ("#dae8fc", "#6c8ebf")
    app.page.keyboard.press(f"{PRIMARY}+z")
    settle(app)
    assert "fill" not in by_id(app)[a].get("style", {})
    app.page.keyboard.press(f"{PRIMARY}+Shift+z")
    settle(app)

    # The other shape: its fill swatches offer the blue the document now uses.
    app.page.mouse.click(*screen(app, 600, 250))
    settle(app)
    app.page.click("[data-swatches-for=fill].swatch-toggle")
    panel = "[data-role=swatches][data-swatches-for=fill]"
    doc_swatch = f'{panel} [aria-label="Document #dae8fc"]'
    app.page.wait_for_selector(doc_swatch)
    app.page.click(f'{panel} [aria-label="Palette #d5e8d4"]')
    settle(app)
    assert by_id(app)[b]["style"]["fill"] == "#d5e8d4"
    app.page.wait_for_selector(f'{panel} [aria-label="Recent #d5e8d4"]')
    app.page.click(doc_swatch)
    settle(app)
    assert by_id(app)[b]["style"]["fill"] == "#dae8fc"


def test_format_bar_stays_inside_the_visible_canvas_near_its_right_edge(
    editor_app: App,
) -> None:
    """Editing a label near the right edge: the bar's link field hid behind the
    properties panel. It now ends inside the canvas, and the link field takes
    a click and a typed address."""
    app = editor_app
    stage = app.page.locator("[data-role=stage]").bounding_box()
    panel = app.page.locator(".side-panel").bounding_box()
    assert stage is not None and panel is not None
    view = app.view()
    # A shape whose label's left edge sits 60 px from the canvas's right edge.
    right = (stage["width"] - 60 - view["x"]) / view["scale"]
    top = (40 - view["y"]) / view["scale"]  # and near the top: no room above
    sid = add(app, "rectangle", right + 40, top + 30, text="see docs")
    open_editor(app, right + 40, top + 30)
    bar = app.page.locator("[data-role=format-bar]").bounding_box()
    box = app.page.locator(EDITOR).bounding_box()
    assert bar is not None and box is not None
    app.page.screenshot(path="/tmp/polish-format-bar.png")
    assert bar["x"] >= stage["x"] - 0.5
    assert bar["x"] + bar["width"] <= min(stage["x"] + stage["width"], panel["x"]) + 0.5
    assert bar["y"] >= stage["y"] - 0.5
    assert bar["y"] >= box["y"] + box["height"]  # below the label, not over it
    assert bar["height"] < 2 * 32  # one row: room enough, so not wrapped
    field = app.page.locator("[data-format=link-url]").bounding_box()
    assert field is not None
    assert field["x"] + field["width"] <= panel["x"]
    select_chars(app, len("see "), len("docs"))
    app.page.mouse.click(
        field["x"] + field["width"] / 2, field["y"] + field["height"] / 2
    )
    app.page.keyboard.type("https://example.org/docs")
    app.page.click("[data-format=link]")
    app.page.keyboard.press(f"{PRIMARY}+Enter")
    settle(app)
    (para,) = by_id(app)[sid]["rich"]
    assert para["runs"][-1] == {"text": "docs", "link": "https://example.org/docs"}
