"""A real isometric AWS diagram opened in the editor: no black or blank boxes.

``dd_AWSRobot.xml`` (../shared/corpus, read there) is opened through the Open
file input as a user would. Its AWS 3D connectors used to paint as large black
boxes; they are drawings of the connectors now, its arrowheads (no library
equivalent) are labelled placeholders, and the import notice counts them.
"""

from __future__ import annotations

from pathlib import Path

import editor_helpers
import pytest
from editor_helpers import clean_test, settle
from lw_helpers import App

editor_app = editor_helpers.editor_app  # the module's app (fixture)

ROBOT = (
    Path(__file__).parents[2]
    / ".."
    / "shared"
    / "corpus"
    / "drawio"
    / "dd_AWSRobot.xml"
)
SHAPES = "#canvas [data-role=content] > g[data-id^='shape:']"

pytestmark = pytest.mark.skipif(
    not ROBOT.is_file(), reason="the shared corpus is not present"
)

#: Every drawn element of a shape painted black over more than 20 x 20 px.
BLACK_AREAS_JS = """() => [...document.querySelectorAll(
    "#canvas [data-role=content] > g[data-id^='shape:'] :is(rect, path, polygon, ellipse, circle)")]
  .filter(el => getComputedStyle(el).fill === 'rgb(0, 0, 0)')
  .filter(el => { const b = el.getBBox(); return b.width * b.height > 400; })
  .map(el => el.closest('g[data-id]').dataset.id)"""

#: What a shape's group draws: the placeholder tile's fill and the label text.
SHAPE_JS = """(id) => {
  const g = document.querySelector(`#canvas [data-role=content] g[data-id="${id}"]`);
  return {kind: g.dataset.kind,
          tile: g.querySelector('rect') && g.querySelector('rect').getAttribute('fill'),
          text: g.textContent.trim(),
          image: !!g.querySelector('image')};
}"""


def test_aws_robot_opens_without_black_boxes(editor_app: App) -> None:
    """Opened with the Open button's file input: 74 shapes, none painted black,
    the arrowheads as labelled placeholder tiles, the connectors as pictures,
    and the notice counting the three unmapped shapes."""
    app = editor_app
    with clean_test(app):
        app.page.set_input_files("input[type=file][data-role=open]", str(ROBOT))
        app.page.wait_for_function(
            f'() => document.querySelectorAll("{SHAPES}").length === 74'
        )
        settle(app)
        black = app.page.evaluate(BLACK_AREAS_JS)
        head = app.page.evaluate(SHAPE_JS, "shape:P8NbGl9SuoY1pJ98n0GJ-40")
        band = app.page.evaluate(SHAPE_JS, "shape:P8NbGl9SuoY1pJ98n0GJ-19")
        notice = app.page.locator(
            "[data-role=import-notice], [data-role=status]"
        ).all_inner_texts()

        assert [] == black
        assert {
            "kind": "icon",
            "tile": "#f3f4f6",
            "text": "Arrowhead",
            "image": False,
        } == head
        assert ("icon", True) == (band["kind"], band["image"])
        assert any("3 shape(s) have no Linework equivalent" in t for t in notice), (
            notice
        )
