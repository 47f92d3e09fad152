"""Icons on the canvas without the raster worker (web/icon-raster.js): when
resvg's wasm will not load, every icon is still drawn, by Chromium. Icons that
can share one SVG document are decoded together and cut apart, and those in
view come first. The app is booted with resvg's wasm served broken.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import test_icon_raster
from editor_helpers import boot_editor
from lw_helpers import App
from test_icon_raster import (
    COMPARE_JS,
    ICON_IMAGES,
    expected_px,
    icon_file,
    library_icons,
    view_scale,
    wait_drawn,
)
from test_icon_raster import (
    test_icons_in_view_are_drawn_before_the_others as in_view_first,
)

#: That module's per-test fixture (RECORD_JS installed), on this module's app.
app = test_icon_raster.app


@pytest.fixture(scope="module")
def editor_app(browser: Any, site: Any) -> Iterator[App]:
    """Boot the app once for the module, resvg's wasm answered with junk."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.route(
        "**/resvg/**/index_bg.wasm",
        lambda route: route.fulfill(
            status=200, content_type="application/wasm", body=b"not wasm"
        ),
    )
    yield boot_editor(context, site.url)
    context.close()


def test_icons_decoded_together_look_as_each_drawn_alone(
    app: App, build_module: Any, tmp_path: Path
) -> None:
    """48 different icons (generic ones and logos with gradients and ids) are
    decoded in a few shared SVG documents, and each bitmap cut from them is the
    icon as it looks decoded alone, at twice its size on screen."""
    icons = library_icons(build_module.DIST, 48)
    app.open_file(icon_file(tmp_path, icons, cols=8, step=100))
    wait_drawn(app)
    record = app.page.evaluate("() => window.__raster")
    assert 1 <= record["atlases"] and record["svgs"] < 48 // 2, record
    compared = app.page.evaluate(COMPARE_JS, ICON_IMAGES)
    assert 48 == len(compared)
    px = expected_px(64, view_scale(app), headroom=2)
    for c in compared:
        assert c["diff"] < 2.0, c  # the same picture (antialiasing aside)
        assert c["ink"] > 0, c  # not blank
        assert px == max(c["w"], c["h"]), (c, px)


def test_icons_in_view_are_drawn_before_the_others(
    app: App, build_module: Any, tmp_path: Path
) -> None:
    """As with the worker (test_icon_raster.py): the opening view's icons first."""
    in_view_first(app, build_module, tmp_path)
