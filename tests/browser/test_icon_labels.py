"""Icons from the palette carry their name below them, as draw.io's cloud and
network icons do, by real mouse and keyboard: click-to-insert and a drag onto
the canvas; one undo step; the label is edited like any label; brand logos
come bare. Assertions read the saved document and the canvas SVG.
"""

from __future__ import annotations

from typing import Any

import editor_helpers
import pytest
from editor_helpers import (
    ICON_RESULTS,
    PALETTE_SEARCH,
    PRIMARY,
    centre_of,
    clean_palette_test,
    drag,
    elements,
    screen,
    search_palette,
    settle,
    ui,
)
from lw_helpers import App

editor_app = editor_helpers.editor_app  # the module's app (fixture)

SEARCH = PALETTE_SEARCH
RESULTS = ICON_RESULTS


@pytest.fixture(autouse=True)
def _fresh(editor_app: App) -> Any:
    """Each test starts from an empty document and must log no error."""
    with clean_palette_test(editor_app):
        yield


def label_below_icon(app: App, sid: str) -> tuple[str, bool]:
    """Return the label's text drawn on the canvas for shape ``sid`` and
    whether it lies below the icon's picture (screen boxes)."""
    found: list[Any] = app.page.evaluate(
        """(id) => {
              const g = document.querySelector(`#canvas [data-role=content] g[data-id="${id}"]`);
              const img = g.querySelector('image').getBoundingClientRect();
              const text = g.querySelector('text');
              if (!text) return ['', false];
              const t = text.getBoundingClientRect();
              return [text.textContent, t.top >= img.bottom - 1
                && Math.abs((t.left + t.right) / 2 - (img.left + img.right) / 2) < 4];
            }""",
        sid,
    )
    return str(found[0]), bool(found[1])


def test_click_inserts_an_aws_icon_labelled_below_one_undo_step(
    editor_app: App,
) -> None:
    app = editor_app
    assert "aws/aws-lambda" in search_palette(app, "lambda", RESULTS)
    app.page.click('[data-role=icon-results] [data-shape="aws/aws-lambda"]')
    settle(app)
    els = elements(app)
    assert [("icon", "Lambda", "bottom")] == [
        (e["kind"], e["text"], e["style"]["label_position"]) for e in els
    ]
    assert label_below_icon(app, els[0]["id"]) == ("Lambda", True)
    app.page.screenshot(path="/tmp/polish-icon-label.png")
    # One gesture, one step: a single undo takes the icon and its label away.
    app.page.keyboard.press(f"{PRIMARY}+z")
    assert [] == elements(app)
    assert not ui(app)["can_undo"]


def test_dragged_icon_is_labelled_and_the_label_edits_like_any(
    editor_app: App,
) -> None:
    app = editor_app
    assert "kubernetes/k8s-pod" in search_palette(app, "pod", RESULTS)
    entry = '[data-role=icon-results] [data-shape="kubernetes/k8s-pod"]'
    drag(app, centre_of(app, entry), screen(app, 400, 300), steps=12)
    els = elements(app)
    assert [("icon", "k8s-pod", "Pod")] == [
        (e["kind"], e["props"]["icon"], e["text"]) for e in els
    ]
    box = els[0]["box"]
    assert box["x"] + box["w"] / 2 == pytest.approx(400, abs=10)
    assert box["y"] + box["h"] / 2 == pytest.approx(300, abs=10)
    assert label_below_icon(app, els[0]["id"]) == ("Pod", True)
    # Edited in place as any label: double-click, type, click elsewhere.
    app.page.mouse.dblclick(*screen(app, 400, 300))
    app.page.wait_for_selector("[data-role=text-editor]:not([hidden])")
    app.page.keyboard.press(f"{PRIMARY}+a")
    app.page.keyboard.type("web-7f9c")
    app.page.mouse.click(*screen(app, 700, 600))
    settle(app)
    assert ["web-7f9c"] == [e["text"] for e in elements(app)]
    # Undo: the label first, then the drop, each one step.
    app.page.keyboard.press(f"{PRIMARY}+z")
    assert ["Pod"] == [e["text"] for e in elements(app)]
    app.page.keyboard.press(f"{PRIMARY}+z")
    assert [] == elements(app)


def test_a_brand_logo_comes_without_a_label(editor_app: App) -> None:
    app = editor_app
    found = search_palette(app, "github", RESULTS)
    logo = next(s for s in found if s.startswith("logos/"))
    entry = f'[data-role=icon-results] [data-shape="{logo}"]'
    drag(app, centre_of(app, entry), screen(app, 300, 200), steps=10)
    els = elements(app)
    assert [("icon", "")] == [(e["kind"], e.get("text", "")) for e in els]
    assert label_below_icon(app, els[0]["id"])[0] == ""
