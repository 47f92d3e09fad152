"""Pictures in the browser, with the real mouse and keyboard.

Inserted from the toolbar's picture button (its file input is the automation
hook ``input[type=file][data-role="insert-image"]``), dropped on the canvas,
pasted from the clipboard, or offered when Open… is given a plain picture.
Undo and redo take them back and forth; a hostile SVG inserts inert (no
script runs, nothing is fetched, the canvas holds only an ``<image>``); and
storage stays empty with only same-origin requests (must-show 4).
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import editor_helpers
import pytest
from editor_helpers import PRIMARY, clean_test, elements, screen, settle, ui
from lw_helpers import App

from picture_samples import HOSTILE_SVG, png

editor_app = editor_helpers.editor_app  # the module's app (fixture)

PICTURES = "#canvas [data-role=content] > g[data-kind=image]"
#: The hostile SVG plus a script that would mark the page if it ever ran.
PWN_SVG = HOSTILE_SVG.replace(
    "<script>alert(2)</script>",
    "<script>window.parent.__pwned = 1; window.__pwned = 1</script>"
    '<image href="https://evil.example/beacon.png" width="1" height="1"/>',
).replace('onload="alert(1)"', 'onload="window.__pwned = 2"')


@pytest.fixture(autouse=True)
def _fresh(editor_app: App) -> Any:
    with clean_test(editor_app):
        yield


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def pictures(app: App) -> list[dict[str, Any]]:
    return [e for e in elements(app) if e.get("kind") == "image"]


def wait_pictures(app: App, n: int) -> list[dict[str, Any]]:
    for _ in range(100):
        found = pictures(app)
        if len(found) == n:
            return found
        app.page.wait_for_timeout(50)
    assert n == len(pictures(app))
    return []


def insert_with_button(app: App, path: Path) -> None:
    """Click the toolbar's picture button and choose the file."""
    with app.page.expect_file_chooser() as chooser:
        app.page.click("[data-action=insert-image]")
    chooser.value.set_files(str(path))


def test_insert_png_from_the_toolbar_then_undo_and_redo(
    editor_app: App, tmp_path: Path
) -> None:
    app = editor_app
    data = png(60, 40)

    insert_with_button(app, write(tmp_path, "chart.png", data))

    (pic,) = wait_pictures(app, 1)
    assert (60, 40) == (pic["box"]["w"], pic["box"]["h"])
    assert (
        pic["props"]["src"]
        == "data:image/png;base64," + base64.b64encode(data).decode()
    )
    href = app.page.get_attribute(f"{PICTURES} image", "href")
    assert href == pic["props"]["src"]
    assert [pic["id"]] == ui(app)["selection"]

    app.page.focus("#canvas")
    app.page.keyboard.press(f"{PRIMARY}+z")
    settle(app)
    assert 0 == app.page.locator(PICTURES).count()
    app.page.keyboard.press(f"{PRIMARY}+Shift+z")
    settle(app)
    assert 1 == app.page.locator(PICTURES).count()
    assert [pic] == pictures(app)


def test_hostile_svg_inserts_inert(editor_app: App, tmp_path: Path) -> None:
    app = editor_app
    seen = len(app.requests)

    app.page.set_input_files(
        "input[type=file][data-role=insert-image]",
        str(write(tmp_path, "hostile.svg", PWN_SVG.encode())),
    )

    (pic,) = wait_pictures(app, 1)
    src = pic["props"]["src"]
    inner = base64.b64decode(src.split(",", 1)[1]).decode()
    for bad in ("script", "onload", "evil", "foreignObject", "javascript"):
        assert bad not in inner, bad
    app.page.wait_for_timeout(300)  # time for anything that would run or load
    canvas = app.page.inner_html("#canvas [data-role=content]")
    assert "<svg" not in canvas and "<script" not in canvas
    assert 1 == app.page.locator(f"{PICTURES} image").count()
    # Drawn: the page keeps the sanitized picture's href on the <image>.
    assert src == app.page.get_attribute(f"{PICTURES} image", "href")
    assert app.page.evaluate("() => window.__pwned ?? null") is None
    assert not [u for u in app.requests[seen:] if "evil" in u]


def test_open_of_a_plain_picture_offers_to_insert_it(
    editor_app: App, tmp_path: Path
) -> None:
    app = editor_app
    path = write(tmp_path, "photo.png", png(30, 20))

    app.page.set_input_files("input[type=file][data-role=open]", str(path))
    app.page.wait_for_selector("dialog[open][data-role=confirm-insert-picture]")
    app.page.keyboard.press("Enter")

    (pic,) = wait_pictures(app, 1)
    assert (30, 20) == (pic["box"]["w"], pic["box"]["h"])
    assert "Untitled" == app.page.text_content("[data-role=title]")


def test_a_picture_dropped_on_the_canvas_lands_where_it_is_dropped(
    editor_app: App,
) -> None:
    app = editor_app
    x, y = screen(app, 300, 200)

    # A file drop cannot be made with the mouse alone: the drop event carries
    # a DataTransfer with the file, at the pointer's screen position.
    app.page.evaluate(
        """([b64, x, y]) => {
          const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
          const data = new DataTransfer();
          data.items.add(new File([bytes], "dropped.png", { type: "image/png" }));
          const target = document.elementFromPoint(x, y);
          for (const type of ["dragenter", "dragover", "drop"]) {
            target.dispatchEvent(new DragEvent(type, { dataTransfer: data, clientX: x, clientY: y,
              bubbles: true, cancelable: true }));
          }
        }""",
        [base64.b64encode(png(40, 20)).decode(), x, y],
    )

    (pic,) = wait_pictures(app, 1)
    box = pic["box"]
    assert (box["x"] + box["w"] / 2, box["y"] + box["h"] / 2) == pytest.approx(
        (300, 200), abs=10
    )
    assert app.page.locator("[data-role=drop-hint]").is_hidden()


def test_an_image_pasted_from_the_clipboard_is_inserted(editor_app: App) -> None:
    app = editor_app
    app.page.evaluate(
        """async (b64) => {
          const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
          const blob = new Blob([bytes], { type: "image/png" });
          await navigator.clipboard.write([new ClipboardItem({ "image/png": blob })]);
        }""",
        base64.b64encode(png(24, 12)).decode(),
    )
    app.page.focus("#canvas")

    app.page.keyboard.press(f"{PRIMARY}+v")

    (pic,) = wait_pictures(app, 1)
    assert (24, 12) == (pic["box"]["w"], pic["box"]["h"])


def test_a_refused_picture_says_why_with_its_code(
    editor_app: App, tmp_path: Path
) -> None:
    app = editor_app
    app.page.set_input_files(
        "input[type=file][data-role=insert-image]",
        str(write(tmp_path, "broken.svg", b"<svg><g></svg>")),
    )
    app.page.wait_for_selector("[data-role=error-dialog][open]")
    assert "LW-E0209" == app.page.text_content("[data-role=error-code]")
    app.page.click("[data-action=dismiss]")
    assert [] == pictures(app)


def test_zero_storage_and_same_origin_requests_after_inserting(
    editor_app: App, tmp_path: Path
) -> None:
    app = editor_app
    seen = len(app.requests)
    insert_with_button(app, write(tmp_path, "a.png", png(10, 10)))
    wait_pictures(app, 1)
    app.page.set_input_files(
        "input[type=file][data-role=insert-image]",
        str(write(tmp_path, "b.svg", PWN_SVG.encode())),
    )
    wait_pictures(app, 2)
    app.page.wait_for_timeout(300)

    origin = urlsplit(app.url).netloc
    foreign = [
        u
        for u in app.requests[seen:]
        if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != origin
    ]
    assert [] == foreign
    store = app.storage()
    assert store == {
        "localStorage": 0,
        "sessionStorage": 0,
        "cookie": "",
        "indexedDB": [],
        "caches": [],
        "opfs": [],
    }
