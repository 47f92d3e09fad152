"""Icons on the canvas are painted from bitmaps (web/icon-raster.js), drawn by
the raster worker (web/icon-worker.js, resvg): bitmaps follow the zoom (redrawn
sharper after zooming in, never blank meanwhile), and the icons in view are
drawn before the others. Real files opened through the file input, real clicks
on the zoom buttons; assertions read the painted canvas. Without the worker,
test_icon_raster_fallback.py.
"""

from __future__ import annotations

import base64
import json
import math
from pathlib import Path
from typing import Any

import editor_helpers
import pytest
from editor_helpers import clean_test, settle
from lw_helpers import App

import sample_docs

editor_app = editor_helpers.editor_app  # the module's app (fixture)

ICON_IMAGES = "#canvas [data-role=content] g[data-kind=icon] image"

#: Records, from before an open, every SVG the page decodes as an image and
#: every bitmap an icon <image> is given (in order), and whether any icon
#: <image> ever lost its picture.
RECORD_JS = """() => {
  const r = { svgs: 0, atlases: 0, order: [], blanked: 0 };
  window.__raster = r;
  const desc = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src');
  if (!window.__srcWrapped) {
    window.__srcWrapped = true;
    Object.defineProperty(HTMLImageElement.prototype, 'src', {
      ...desc,
      set(value) {
        const rec = window.__raster;
        if (rec && String(value).startsWith('data:image/svg+xml;base64,')) {
          rec.svgs += 1;
          if (atob(String(value).slice(26)).includes('<g transform="translate(')) rec.atlases += 1;
        }
        desc.set.call(this, value);
      },
    });
  }
  new MutationObserver((list) => {
    for (const m of list) {
      const el = m.target;
      if (el.localName !== 'image' || !el.closest('g[data-kind=icon]')) continue;
      const id = el.closest('g[data-id]').dataset.id;
      const href = el.getAttribute('href');
      if (href === null && m.oldValue !== null) window.__raster.blanked += 1;
      if (href && href.startsWith('data:image/png')) window.__raster.order.push(id);
    }
  }).observe(document.querySelector('#canvas'),
    { subtree: true, attributes: true, attributeFilter: ['href'], attributeOldValue: true });
}"""

#: Each distinct icon bitmap on the canvas against the icon's SVG drawn alone
#: into a canvas of the same size: mean difference per channel (0-255), the
#: bitmap's size and how many pixels it inks.
COMPARE_JS = """async (selector) => {
  const seen = new Set();
  const out = [];
  for (const im of document.querySelectorAll(selector)) {
    const src = im.getAttribute('data-src');
    const href = im.getAttribute('href');
    if (seen.has(href)) continue;
    seen.add(href);
    const a = new Image(); a.src = href; await a.decode();
    const b = new Image(); b.src = src; await b.decode();
    const w = a.naturalWidth, h = a.naturalHeight;
    const draw = (img, fit) => {
      const c = document.createElement('canvas'); c.width = w; c.height = h;
      const ctx = c.getContext('2d');
      if (fit) {
        const iw = img.naturalWidth || w, ih = img.naturalHeight || h, s = Math.min(w / iw, h / ih);
        ctx.drawImage(img, (w - iw * s) / 2, (h - ih * s) / 2, iw * s, ih * s);
      } else ctx.drawImage(img, 0, 0);
      return ctx.getImageData(0, 0, w, h).data;
    };
    const d1 = draw(a, false), d2 = draw(b, true);
    let diff = 0, ink = 0;
    for (let i = 0; i < d1.length; i++) diff += Math.abs(d1[i] - d2[i]);
    for (let i = 3; i < d1.length; i += 4) ink += d1[i] > 0;
    out.push({ id: im.closest('g[data-id]').dataset.id, diff: diff / d1.length, w, h, ink });
  }
  return out;
}"""

#: The bitmap size (longer side, px) of one icon's <image>.
BITMAP_PX_JS = """async (id) => {
  const im = document.querySelector(`#canvas g[data-id="${id}"] image`);
  const img = new Image(); img.src = im.getAttribute('href'); await img.decode();
  return Math.max(img.naturalWidth, img.naturalHeight);
}"""


def library_icons(dist: Path, count: int, skip: int = 0) -> list[dict[str, Any]]:
    """Return ``count`` different icons of the built libraries, taken in turn from
    each (generic icons without ids next to logos with gradients and ids), after
    the first ``skip``: each test draws icons the session has not drawn yet."""
    per_library = []
    for path in sorted((dist / "icons").glob("*.json")):
        if not path.name.startswith("index-"):
            data = json.loads(path.read_text())
            per_library.append([{"library": data["id"], **i} for i in data["icons"]])
    picked: list[dict[str, Any]] = []
    seen: set[str] = set()
    for i in range(max(len(lib) for lib in per_library)):
        for lib in per_library:
            if i < len(lib) and lib[i]["s"] not in seen and len(picked) < count + skip:
                seen.add(lib[i]["s"])
                picked.append(lib[i])
    return picked[skip:]


def icon_file(
    tmp_path: Path,
    icons: list[dict[str, Any]],
    cols: int,
    step: float,
    size: float = 64,
) -> Path:
    """Write a .linework page of the icons in a grid, ``step`` units apart."""
    els = []
    for i, icon in enumerate(icons):
        src = (
            "data:image/svg+xml;base64," + base64.b64encode(icon["s"].encode()).decode()
        )
        els.append(
            {
                "type": "shape",
                "id": f"i{i}",
                "layer": "l1",
                "kind": "icon",
                "box": {
                    "x": (i % cols) * step + 20,
                    "y": (i // cols) * step + 20,
                    "w": size,
                    "h": size,
                },
                "style": {"fill": "none", "stroke": "none"},
                "props": {"src": src, "library": icon["library"], "icon": icon["n"]},
            }
        )
    rows = math.ceil(len(icons) / cols)
    doc = sample_docs.one_page(
        els, cols * step + 40, rows * step + 40, name="Icons", layer="Layer 1"
    )
    path = tmp_path / "icons.linework"
    path.write_text(json.dumps(doc))
    return path


def wait_drawn(app: App) -> None:
    app.page.wait_for_function(
        f"() => document.querySelectorAll('{ICON_IMAGES}').length > 0"
        f" && !document.querySelector('{ICON_IMAGES}:not([href])')",
        timeout=120_000,
    )


def view_scale(app: App) -> float:
    transform = app.page.get_attribute("[data-role=viewport]", "transform") or ""
    return float(transform.removeprefix("matrix(").split()[0])


def expected_px(side: float, scale: float, dpr: float = 1.0, headroom: int = 1) -> int:
    """The size the icon is shown at (twice that when the browser decodes it:
    ``headroom=2``), as a power of two in 32..512."""
    px = 32
    while px < side * scale * headroom * dpr and px < 512:
        px *= 2
    return px


@pytest.fixture
def app(editor_app: App) -> Any:
    with clean_test(editor_app):
        editor_app.page.evaluate(RECORD_JS)
        yield editor_app


def test_icons_are_drawn_off_the_main_thread_as_chromium_draws_them(
    app: App, build_module: Any, tmp_path: Path
) -> None:
    """48 different icons (generic ones and logos with gradients and ids) are
    drawn by the raster worker (web/icon-worker.js): the page decodes none of
    their SVG itself, and each bitmap is the icon as Chromium draws its SVG, at
    its size on screen (rounded up to a power of two)."""
    icons = library_icons(build_module.DIST, 48)
    app.open_file(icon_file(tmp_path, icons, cols=8, step=100))
    wait_drawn(app)
    record = app.page.evaluate("() => window.__raster")
    assert 0 == record["svgs"], record
    compared = app.page.evaluate(COMPARE_JS, ICON_IMAGES)
    assert 48 == len(compared)
    px = expected_px(64, view_scale(app))
    for c in compared:
        # The same picture: resvg and Chromium antialias alike; a wide logo's
        # bitmap is whole pixels high where Chromium places it a fraction off.
        assert c["diff"] < 8.0, c
        assert c["ink"] > 0, c  # not blank
        assert px == max(c["w"], c["h"]), (c, px)
    diffs = sorted(c["diff"] for c in compared)
    assert diffs[len(diffs) // 2] < 1.5, diffs


def test_zooming_in_redraws_icons_sharper_without_blanking_them(
    app: App, build_module: Any, tmp_path: Path
) -> None:
    icons = library_icons(build_module.DIST, 6, skip=48)
    app.open_file(icon_file(tmp_path, icons, cols=3, step=100, size=48))
    wait_drawn(app)
    scale = view_scale(app)
    before = app.page.evaluate(BITMAP_PX_JS, "i0")
    assert expected_px(48, scale) == before
    for _ in range(4):
        app.page.click('[data-action="zoom-in"]')
    settle(app)
    zoomed = view_scale(app)
    want = expected_px(48, zoomed)
    assert want > before, (scale, zoomed)
    # Every icon in view gets a bitmap big enough for the new zoom.
    app.page.wait_for_function(
        """async ([selector, want]) => {
          const rect = document.querySelector('#canvas').getBoundingClientRect();
          for (const im of document.querySelectorAll(selector)) {
            const r = im.getBoundingClientRect();
            if (r.right < rect.left || r.left > rect.right || r.bottom < rect.top || r.top > rect.bottom) continue;
            const img = new Image(); img.src = im.getAttribute('href'); await img.decode();
            if (Math.max(img.naturalWidth, img.naturalHeight) < want) return false;
          }
          return true;
        }""",
        arg=[ICON_IMAGES, want],
        timeout=30_000,
    )
    # The smaller bitmap showed meanwhile: no icon was ever without a picture.
    assert 0 == app.page.evaluate("() => window.__raster.blanked")


def test_an_icon_shown_bigger_than_any_bitmap_is_drawn_from_its_svg(
    app: App, build_module: Any, tmp_path: Path
) -> None:
    """Zoomed in until an icon is wider on screen than the biggest bitmap (512
    px), it shows its SVG itself (sharp at any size), not a stretched bitmap;
    every zoom-in click steps the zoom by a visible amount."""
    icons = library_icons(build_module.DIST, 1, skip=200)
    app.open_file(icon_file(tmp_path, icons, cols=1, step=400, size=300))
    wait_drawn(app)
    href = app.page.get_attribute(ICON_IMAGES, "href") or ""
    assert href.startswith("data:image/png"), href[:40]
    shown = app.page.text_content("[data-role=zoom]")
    for _ in range(6):
        app.page.click('[data-action="zoom-in"]')
        now = app.page.text_content("[data-role=zoom]")
        assert now != shown, now
        shown = now
    settle(app)
    assert 300 * view_scale(app) > 512
    app.page.wait_for_function(
        f"() => document.querySelector('{ICON_IMAGES}').getAttribute('href')"
        f" === document.querySelector('{ICON_IMAGES}').getAttribute('data-src')",
        timeout=10_000,
    )
    assert 0 == app.page.evaluate("() => window.__raster.blanked")


def test_icons_in_view_are_drawn_before_the_others(
    app: App, build_module: Any, tmp_path: Path
) -> None:
    """A page wider than the view at the smallest zoom: the icons the opening
    view shows get their bitmaps before any icon outside it."""
    icons = library_icons(build_module.DIST, 120, skip=60)
    app.open_file(icon_file(tmp_path, icons, cols=40, step=1200))
    wait_drawn(app)
    order: list[str] = app.page.evaluate("() => window.__raster.order")
    visible: list[str] = app.page.evaluate(
        """(selector) => {
          const rect = document.querySelector('#canvas').getBoundingClientRect();
          return [...document.querySelectorAll(selector)].filter((im) => {
            const r = im.getBoundingClientRect();
            return r.right >= rect.left && r.left <= rect.right && r.bottom >= rect.top && r.top <= rect.bottom;
          }).map((im) => im.closest('g[data-id]').dataset.id);
        }""",
        ICON_IMAGES,
    )
    first: dict[str, int] = {}
    for n, id_ in enumerate(order):
        first.setdefault(id_, n)
    assert 120 == len(first)
    assert 0 < len(visible) < 120
    shown = set(visible)
    last_in_view = max(first[i] for i in visible)
    first_outside = min(n for i, n in first.items() if i not in shown)
    assert last_in_view < first_outside
