"""Icon libraries in the palette, by real mouse and keyboard: search over every
library, add by click, drag and Enter, lazy thumbnails, More shapes, and the
palette as one Tab stop with arrow keys. Assertions read the saved document
and the canvas SVG.
"""

from __future__ import annotations

import base64
from typing import Any

import editor_helpers
import pytest
from editor_helpers import (
    ELEMENTS,
    ICON_RESULTS,
    PALETTE_SEARCH,
    PRIMARY,
    by_id,
    centre_of,
    clean_palette_test,
    drag,
    elements,
    screen,
    search_palette,
    settle,
)
from lw_helpers import App
from playwright.sync_api import expect

editor_app = editor_helpers.editor_app  # the module's app (fixture)

SEARCH = PALETTE_SEARCH
RESULTS = ICON_RESULTS


#: Each icon image on the canvas: its SVG (the document's copy) and what it shows.
ICON_IMAGES_JS = """() => [...document.querySelectorAll(
  '#canvas [data-role=content] g[data-kind=icon] image')].map(i => ({
    id: i.closest('g[data-id]').dataset.id,
    src: i.getAttribute('data-src'),
    href: i.getAttribute('href'),
  }))"""


def wait_icons_drawn(app: App) -> list[dict[str, Any]]:
    """Wait until every icon on the canvas shows its bitmap; return the images."""
    app.page.wait_for_function(
        "() => !document.querySelector('#canvas [data-role=content] g[data-kind=icon] image:not([href])')"
    )
    return app.page.evaluate(ICON_IMAGES_JS)  # type: ignore[no-any-return]


def inked_pixels(app: App, href: str) -> int:
    """Count the pixels a bitmap href draws (not fully transparent)."""
    return app.page.evaluate(  # type: ignore[no-any-return]
        """async (href) => {
          const img = new Image();
          img.src = href;
          await img.decode();
          const c = document.createElement('canvas');
          c.width = img.naturalWidth;
          c.height = img.naturalHeight;
          const ctx = c.getContext('2d');
          ctx.drawImage(img, 0, 0);
          const data = ctx.getImageData(0, 0, c.width, c.height).data;
          let n = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n += 1;
          return n;
        }""",
        href,
    )


def type_search(app: App, words: str) -> list[str]:
    """Search the palette by keyboard; return the icon results shown."""
    return search_palette(app, words, RESULTS)


@pytest.fixture(autouse=True)
def _fresh(editor_app: App) -> Any:
    """Each test starts from an empty document and must log no error."""
    with clean_palette_test(editor_app):
        yield


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("server", "network/server"),
        ("lambda", "aws/aws-lambda"),
        ("s3", "aws/aws-s3"),
        ("azure", "azure/azure"),
        ("kubernetes", "kubernetes/kubernetes"),
        ("router", "network/router"),
        ("firewall", "network/firewall"),
        ("laptop", "network/laptop"),
        ("user", "network/user"),
    ],
)
def test_search_finds_icons_in_every_library(
    editor_app: App, words: str, expected: str
) -> None:
    shown = type_search(editor_app, words)
    assert expected in shown
    # The thumbnail is drawn once the entry is on screen.
    editor_app.page.wait_for_selector(
        f'[data-role=icon-results] [data-shape="{expected}"][data-thumb]'
    )


def test_search_matches_word_starts_and_ranks_the_word_first(
    editor_app: App,
) -> None:
    """ "class" finds the UML class and no brand whose word only starts with it
    (elm-classic, emacs-classic: found by substring before); "clas", still
    being typed, offers them; "user" shows icons named user before users."""
    app = editor_app
    assert "uml-class" in search_palette(app, "class")
    icons = search_palette(app, "class", RESULTS)
    assert "logos/elm-classic" not in icons and "logos/emacs-classic" not in icons
    typing = type_search(app, "clas")
    assert {"logos/elm-classic", "logos/emacs-classic"} <= set(typing)
    users = type_search(app, "user")
    assert users.index("network/user") < users.index("network/users")
    assert [] == type_search(app, "ypescript")  # inside a word: no match
    assert "logos/typescript" in type_search(app, "typescr")


def test_a_search_of_several_words_shows_entries_matching_most_of_them(
    editor_app: App,
) -> None:
    """ "s3 bucket": no entry has both words (found nothing before); the S3
    icons lead, named by one of them, and a click adds one. Where
    a shape has every word ("uml class zzz" keeps the class: zzz is no word),
    shapes missing words stay hidden in their sections."""
    app = editor_app
    shown = type_search(app, "s3 bucket")
    assert shown[0] == "aws/aws-s3", shown[:5]
    assert "gcp/gcp-cloud-storage" in shown  # tagged bucket, after
    assert app.page.get_by_text("No shape matches.").is_hidden()
    app.page.screenshot(path="/tmp/polish-s3-bucket.png")
    app.page.click('[data-role=icon-results] [data-shape="aws/aws-s3"]')
    settle(app)
    props = elements(app)[0]["props"]
    assert ("aws", "aws-s3") == (props["library"], props["icon"])
    kinds = search_palette(app, "uml class zzz")
    assert "uml-class" in kinds
    assert kinds == search_palette(app, "uml class")
    # A shape matching one word of two shows when none matches both.
    assert "uml-class" in search_palette(app, "class zzz")


def test_an_icon_in_two_libraries_or_under_two_names_shows_once(
    editor_app: App,
) -> None:
    """AWS S3 is in the AWS library and among the brand logos; the database
    drum is Network's Database, AWS Generic Database, Azure SQL Database, GCP
    Cloud SQL and K8s Volume: each shows once, under its best name."""
    app = editor_app
    s3 = type_search(app, "s3")
    assert "aws/aws-s3" in s3 and "logos/aws-s3" not in s3
    app.page.wait_for_selector(
        '[data-role=icon-results] [data-shape="aws/aws-s3"][data-thumb]'
    )
    app.page.screenshot(path="/tmp/polish-s3-once.png")
    db = type_search(app, "database")
    assert "network/database" in db
    twins = {
        "aws/aws-generic-database",
        "azure/azure-sql-database",
        "gcp/gcp-cloud-sql",
    }
    assert not twins & set(db)
    assert type_search(app, "azure sql")[0] == "azure/azure-sql-database"
    # The heading counts what is shown, twins left out.
    shown = type_search(app, "aws")
    heading = app.page.text_content("[data-role=icon-results] h3")
    assert heading is not None and f"({len(shown)})" in heading, (heading, len(shown))


def test_the_outline_names_an_unlabelled_icon_by_its_title(editor_app: App) -> None:
    """Found as "Icon (no label)" before: which of hundreds of icons?"""
    app = editor_app
    type_search(app, "s3")
    app.page.click('[data-role=icon-results] [data-shape="aws/aws-s3"]')
    settle(app)
    # The palette labels it "S3" (tests/browser/test_icon_labels.py): the
    # label removed by hand, then selected again.
    icon_at = centre_of(app, ELEMENTS)
    app.page.mouse.dblclick(*icon_at)
    app.page.wait_for_selector("[data-role=text-editor]:not([hidden])")
    app.page.keyboard.press(f"{PRIMARY}+a")
    app.page.keyboard.press("Backspace")
    app.page.mouse.click(*screen(app, 700, 600))
    settle(app)
    assert [""] == [e.get("text", "") for e in elements(app)]
    app.page.mouse.click(*icon_at)
    settle(app)
    option = app.page.locator("[data-role=outline] [role=option]")
    expect(option).to_have_count(1)
    expect(option.locator(".outline-label")).to_have_text("AWS S3")
    assert option.get_attribute("aria-label") == "Icon 'AWS S3'"
    expect(app.page.locator("[data-role=announce]")).to_have_text(
        "Icon 'AWS S3' selected"
    )
    app.page.screenshot(path="/tmp/polish-outline-icon.png")
    # The automation hook's New empties it (it kept the old shapes).
    editor_helpers.action(app, "new")
    expect(option).to_have_count(0)
    expect(app.page.locator("[data-role=outline]")).to_have_text(
        "No shapes on this page."
    )


def test_click_adds_the_icon_into_the_document_and_undo_removes_it(
    editor_app: App,
) -> None:
    app = editor_app
    type_search(app, "lambda")
    app.page.click('[data-role=icon-results] [data-shape="aws/aws-lambda"]')
    settle(app)
    els = elements(app)
    assert ["icon"] == [e["kind"] for e in els]
    props = els[0]["props"]
    assert ("aws", "aws-lambda") == (props["library"], props["icon"])
    svg = base64.b64decode(props["src"].split(",", 1)[1]).decode()
    assert (
        svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
        and "<script" not in svg
    )
    # Drawn on the canvas from the document's own copy (its bitmap, web/icon-raster.js).
    image = wait_icons_drawn(app)[0]
    assert image["src"] == props["src"]
    assert image["href"].startswith("data:image/png;base64,")
    app.page.keyboard.press(f"{PRIMARY}+z")
    assert [] == elements(app)
    app.page.keyboard.press(f"{PRIMARY}+Shift+z")
    assert ["icon"] == [e["kind"] for e in elements(app)]


def test_drag_an_icon_from_an_opened_library_section(editor_app: App) -> None:
    app = editor_app
    section = "details[data-library=network]"
    app.page.click(f"{section} > summary")
    app.page.wait_for_selector(f"{section}[data-built]")
    entry = f'{section} [data-shape="network/router"]'
    app.page.wait_for_selector(f"{entry}[data-thumb]")
    drag(app, centre_of(app, entry), screen(app, 320, 240), steps=12)
    els = elements(app)
    assert [("icon", "router")] == [(e["kind"], e["props"]["icon"]) for e in els]
    box = els[0]["box"]
    assert box["x"] + box["w"] / 2 == pytest.approx(320, abs=10)
    assert box["y"] + box["h"] / 2 == pytest.approx(240, abs=10)
    app.page.click(f"{section} > summary")  # closed again for the next tests


def test_thumbnails_are_lazy(editor_app: App) -> None:
    """Opening the 2,000-logo library draws only the thumbnails in view."""
    app = editor_app
    section = "details[data-library=logos]"
    app.page.click(f"{section} > summary")
    app.page.wait_for_selector(f"{section}[data-built]", timeout=30_000)
    app.page.wait_for_selector(f"{section} [data-thumb]")
    counts = app.page.eval_on_selector(
        section,
        "s => [s.querySelectorAll('[data-shape]').length, s.querySelectorAll('[data-thumb]').length]",
    )
    assert counts[0] > 2000
    assert 0 < counts[1] < 300
    app.page.click(f"{section} > summary")


def test_palette_is_one_tab_stop_with_arrow_keys(editor_app: App) -> None:
    app = editor_app
    type_search(app, "server")
    tabbable = app.page.eval_on_selector_all(
        "[data-role=palette] button.shape",
        "els => els.filter(e => e.tabIndex === 0).length",
    )
    assert 1 == tabbable
    app.page.keyboard.press("ArrowDown")  # from the search box into the grid
    first = app.page.evaluate("() => document.activeElement.dataset.shape")
    app.page.keyboard.press("ArrowRight")
    second = app.page.evaluate("() => document.activeElement.dataset.shape")
    assert first != second and second
    app.page.keyboard.press("ArrowLeft")
    assert first == app.page.evaluate("() => document.activeElement.dataset.shape")
    app.page.keyboard.press("ArrowRight")
    app.page.keyboard.press("Enter")
    settle(app)
    els = elements(app)
    assert 1 == len(els)
    assert second.endswith("/" + (els[0]["props"].get("icon") or els[0]["kind"]))


def test_more_shapes_turns_libraries_off_for_the_session(editor_app: App) -> None:
    app = editor_app
    assert "aws/aws-lambda" in type_search(app, "lambda")
    app.page.click("[data-role=more-shapes]")
    dialog = "dialog[data-role=more-shapes]"
    app.page.wait_for_selector(dialog)
    app.page.click(f"{dialog} [data-field=aws]")  # uncheck AWS
    app.page.keyboard.press("Enter")
    app.page.wait_for_selector(dialog, state="detached")
    assert app.page.locator("details[data-library=aws]").is_hidden()
    assert not any(s.startswith("aws/") for s in type_search(app, "lambda"))
    app.page.click("[data-role=more-shapes]")
    app.page.click(f"{dialog} [data-field=aws]")
    app.page.click(f"{dialog} [data-choice=apply]")
    app.page.wait_for_selector(dialog, state="detached")
    assert "aws/aws-lambda" in type_search(app, "lambda")


def test_icon_packages_are_pinned_and_their_licences_served(site: Any) -> None:
    """Each icon package is pinned in web/package.json and listed, with its
    licence, in the notices file the site serves; the icon files are same-origin."""
    import json
    import urllib.request
    from pathlib import Path

    pinned = json.loads(
        (Path(__file__).resolve().parents[2] / "web" / "package.json").read_text()
    )
    with urllib.request.urlopen(site.url + "THIRD-PARTY-NOTICES.txt") as response:
        notices = response.read().decode()
    for package, licence in (
        ("@tabler/icons", "MIT"),
        ("@iconify-json/logos", "CC0-1.0"),
    ):
        version = pinned["dependencies"][package]
        assert f"{package} {version} — licence {licence}" in notices
    assert "Permission is hereby granted, free of charge" in notices  # the MIT text


def test_a_drawio_network_diagram_opens_with_its_icons(
    editor_app: App, tmp_path: Any
) -> None:
    """In the page too, draw.io stencils become the wheel's library icons, and an
    icon stencil without one a labelled placeholder; the notice counts it."""
    app = editor_app
    cells = (
        '<mxCell id="r" value="Edge" vertex="1" parent="1" style="shape=mxgraph.cisco.routers.router;">'
        '<mxGeometry x="40" y="40" width="60" height="60" as="geometry"/></mxCell>'
        '<mxCell id="l" value="" vertex="1" parent="1" style="shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.lambda;">'
        '<mxGeometry x="200" y="40" width="60" height="60" as="geometry"/></mxCell>'
        '<mxCell id="q" value="" vertex="1" parent="1" style="shape=mxgraph.aws4.braket;">'
        '<mxGeometry x="360" y="40" width="60" height="60" as="geometry"/></mxCell>'
    )
    path = tmp_path / "net.drawio"
    path.write_text(
        '<mxfile><diagram id="d" name="P"><mxGraphModel><root><mxCell id="0"/>'
        f'<mxCell id="1" parent="0"/>{cells}</root></mxGraphModel></diagram></mxfile>'
    )
    app.page.set_input_files("input[type=file][data-role=open]", str(path))
    app.page.wait_for_function(
        "() => document.querySelectorAll('#canvas [data-role=content] > g[data-id]').length === 3"
    )
    settle(app)
    els = {e.get("text", ""): e for e in elements(app)}
    assert "router" == els["Edge"]["props"]["icon"]
    assert "aws-lambda" == els[""]["props"]["icon"]
    assert "src" not in els["Braket"]["props"]
    images = wait_icons_drawn(app)
    assert ["data:image/svg+xml;base64,"] * 2 == [i["src"][:26] for i in images]
    assert [
        els["Edge"]["props"]["src"],
        els[""]["props"]["src"],
    ] == [i["src"] for i in images]
    notice = app.page.locator(
        "[data-role=import-notice], [data-role=status]"
    ).all_inner_texts()
    assert any("1 shape(s) have no Linework equivalent" in t for t in notice), notice


def test_icons_on_the_canvas_show_bitmaps_of_the_documents_svg(editor_app: App) -> None:
    """Each icon paints a bitmap made from its own SVG (the document's copy stays
    on the <image> as data-src); the same icon twice shares one bitmap; a moved
    icon is redrawn from its bitmap at once."""
    app = editor_app
    for words, shape in (
        ("lambda", "aws/aws-lambda"),
        ("router", "network/router"),
        ("lambda", "aws/aws-lambda"),
    ):
        type_search(app, words)
        app.page.click(f'[data-role=icon-results] [data-shape="{shape}"]')
        settle(app)
    els = {e["id"]: e for e in elements(app)}
    images = wait_icons_drawn(app)
    assert 3 == len(images)
    for image in images:
        assert image["src"] == els[image["id"]]["props"]["src"]
        assert image["href"].startswith("data:image/png;base64,")
        assert inked_pixels(app, image["href"]) > 100  # the icon is drawn, not blank
    lambdas = [i for i in images if els[i["id"]]["props"]["icon"] == "aws-lambda"]
    assert 2 == len(lambdas) and lambdas[0]["href"] == lambdas[1]["href"]
    assert images[0]["href"] != images[1]["href"]
    # Drag the router: the redrawn node shows the bitmap straight away.
    router = next(i["id"] for i in images if i["href"] != lambdas[0]["href"])
    start = centre_of(app, f'{ELEMENTS}[data-id="{router}"] image')
    drag(app, start, (start[0] + 80, start[1] + 60), steps=6)
    settle(app)
    moved = app.page.evaluate(ICON_IMAGES_JS)
    assert [router] == [
        i["id"]
        for i in moved
        if i["id"] == router and i["href"] and i["href"].startswith("data:image/png")
    ]
    box = by_id(app)[router]["box"]
    assert box["x"] != els[router]["box"]["x"]


def test_an_icon_deep_in_a_lazily_built_section_inserts_by_keyboard_and_mouse(
    editor_app: App,
) -> None:
    """A section is built in pages drawn only near the view: arrow keys walk
    down across pages, the entry reached draws its thumbnail, Enter adds it;
    scrolled to with the wheel, a far entry adds by click."""
    app = editor_app
    section = "details[data-library=logos]"
    app.page.click(f"{section} > summary")
    app.page.wait_for_selector(f"{section}[data-built]", timeout=60_000)
    pages = app.page.eval_on_selector_all(f"{section} .icon-page", "ps => ps.length")
    assert pages > 10
    first = f"{section} button.shape >> nth=0"
    app.page.locator(first).focus()
    for _ in range(20):  # 20 rows of 4: past the first page of 64 entries
        app.page.keyboard.press("ArrowDown")
    focused = app.page.evaluate(
        "() => [document.activeElement.dataset.index, document.activeElement.dataset.shape]"
    )
    assert "80" == focused[0]
    app.page.wait_for_selector(f'{section} [data-shape="{focused[1]}"][data-thumb]')
    thumb = app.page.get_attribute(f'{section} [data-shape="{focused[1]}"] img', "src")
    assert thumb is not None and thumb.startswith("data:image/png;base64,")
    assert inked_pixels(app, thumb) > 50
    app.page.keyboard.press("Enter")
    settle(app)
    assert [focused[1].split("/", 1)[1]] == [e["props"]["icon"] for e in elements(app)]
    # The wheel scrolls far down the palette; an entry there adds by click.
    palette = centre_of(app, "[data-role=palette]")
    app.page.mouse.move(*palette)
    for _ in range(30):
        app.page.mouse.wheel(0, 600)
    # The wheel scrolls smoothly: wait until the palette stands still.
    app.page.wait_for_function(
        """() => new Promise((resolve) => {
          const p = document.querySelector('[data-role=palette]');
          const at = p.scrollTop;
          setTimeout(() => resolve(at > 0 && p.scrollTop === at), 300);
        })""",
        polling=100,
    )
    far = app.page.evaluate(
        """(sel) => {
          const p = document.querySelector('[data-role=palette]').getBoundingClientRect();
          const b = [...document.querySelectorAll(sel + ' button.shape')].find((e) => {
            const r = e.getBoundingClientRect();
            return r.top > p.top + 40 && r.bottom < p.bottom - 40;
          });
          return b ? [b.dataset.shape, Number(b.dataset.index)] : null;
        }""",
        section,
    )
    assert far is not None and far[1] > 300, far
    entry = f'{section} [data-shape="{far[0]}"]'
    app.page.wait_for_selector(f"{entry}[data-thumb]")
    app.page.mouse.click(*centre_of(app, entry))
    settle(app)
    assert far[0].split("/", 1)[1] == elements(app)[-1]["props"]["icon"]
    app.page.click(f"{section} > summary")
