"""draw.io fidelity: how close our picture of a draw.io file is to draw.io's own.

For each file in ../shared/corpus that carries draw.io's rendering (an editable
``.drawio.svg``/``.dio.svg`` or ``.drawio.png``/``.dio.png``: the picture with
the diagram inside), rasterize draw.io's picture and ours (the file imported,
its first page exported as SVG) in headless Chromium, crop each to its ink,
scale both crops to draw.io's crop's size (at most 600 px wide), soften them
(a third of the size, averaged) and compare their ink: the similarity is
sum(min) / sum(max) of the two ink maps (a weighted Jaccard index, 100 % for
the same picture). Ours is drawn at draw.io's picture's scale (its PNGs are
often at 2x: the scale that makes our ink as wide as draw.io's) before the
final crop, so line widths compare. Prints a score per file and the mean. A figure, not a test.

Chromium rasterizes both so draw.io's HTML labels (``foreignObject``) draw as
draw.io meant them; fonts fall back the same way on both sides.

Usage: ``.venv/bin/python tools/fidelity.py [--corpus DIR] [--save DIR]``
(``--save`` writes each pair of softened crops as PNG to look at).
"""

from __future__ import annotations

import argparse
import base64
import importlib.util
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
RENDERED = (".drawio.svg", ".dio.svg", ".drawio.png", ".dio.png")

_COMPARE_JS = """
async ({theirs, ours, width}) => {
  const load = (src) => new Promise((ok, fail) => {
    const im = new Image();
    im.onload = () => ok(im);
    im.onerror = () => fail(new Error("cannot load a picture"));
    im.src = src;
  });
  const [a, b] = await Promise.all([load(theirs), load(ours)]);
  const CAP = 2400;
  function raster(img, scale) {
    let w = (img.naturalWidth || 800) * scale, h = (img.naturalHeight || 600) * scale;
    const k = Math.min(1, CAP / Math.max(w, h));
    w = Math.max(1, Math.round(w * k)); h = Math.max(1, Math.round(h * k));
    const c = document.createElement("canvas");
    c.width = w; c.height = h;
    const x = c.getContext("2d");
    x.fillStyle = "#ffffff"; x.fillRect(0, 0, w, h);
    x.drawImage(img, 0, 0, w, h);
    return c;
  }
  function ink(canvas) {
    const {width: w, height: h} = canvas;
    const d = canvas.getContext("2d").getImageData(0, 0, w, h).data;
    const out = new Float32Array(w * h);
    for (let i = 0; i < w * h; i++) {
      out[i] = 1 - (0.299 * d[4 * i] + 0.587 * d[4 * i + 1] + 0.114 * d[4 * i + 2]) / 255;
    }
    return out;
  }
  function crop(canvas) {
    const {width: w, height: h} = canvas, v = ink(canvas);
    let x0 = w, y0 = h, x1 = -1, y1 = -1;
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      if (v[y * w + x] > 0.06) {
        if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
      }
    }
    if (x1 < 0) return {x: 0, y: 0, w, h};
    return {x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1};
  }
  // Ours at draw.io's scale (its PNGs are often at 2x), so lines match: the
  // scale that makes our ink as wide as draw.io's, then cropped again.
  const ca = raster(a, 1), ra = crop(ca);
  const first = crop(raster(b, 1));
  const scale = Math.min(8, Math.max(0.125, ra.w / Math.max(1, first.w)));
  const cb = raster(b, scale), rb = crop(cb);
  const W = Math.max(8, Math.min(width, ra.w)), H = Math.max(8, Math.round(W * ra.h / ra.w));
  function fit(src, r, w, h) {
    const c = document.createElement("canvas");
    c.width = w; c.height = h;
    const x = c.getContext("2d");
    x.imageSmoothingEnabled = true; x.imageSmoothingQuality = "high";
    x.fillStyle = "#ffffff"; x.fillRect(0, 0, w, h);
    x.drawImage(src, r.x, r.y, r.w, r.h, 0, 0, w, h);
    return c;
  }
  const w3 = Math.max(4, Math.round(W / 3)), h3 = Math.max(4, Math.round(H / 3));
  const fa = fit(fit(ca, ra, W, H), {x: 0, y: 0, w: W, h: H}, w3, h3);
  const fb = fit(fit(cb, rb, W, H), {x: 0, y: 0, w: W, h: H}, w3, h3);
  const ia = ink(fa), ib = ink(fb);
  let lo = 0, hi = 0;
  for (let i = 0; i < ia.length; i++) {
    lo += Math.min(ia[i], ib[i]); hi += Math.max(ia[i], ib[i]);
  }
  return {
    score: hi > 0 ? lo / hi : 1,
    theirs: [ra.w, ra.h], ours: [rb.w, rb.h],
    png: [fa.toDataURL("image/png"), fb.toDataURL("image/png")],
  };
}
"""


def _load_build() -> Any:
    spec = importlib.util.spec_from_file_location("linework_build", ROOT / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpus_files(corpus: Path) -> list[Path]:
    """Return the corpus files that carry draw.io's own picture, sorted."""
    return sorted(
        p for p in corpus.rglob("*") if p.is_file() and p.name.endswith(RENDERED)
    )


def data_url(path: Path) -> str:
    """Return draw.io's picture of ``path`` as a data URL."""
    mime = "image/svg+xml" if path.suffix == ".svg" else "image/png"
    return f"data:{mime};base64," + base64.b64encode(path.read_bytes()).decode()


def our_svg(path: Path) -> str:
    """Return our SVG of the file's first page (as the editor exports it)."""
    from linework.formats.imports import read_any
    from linework.render import export_svg

    doc = read_any(path.read_bytes()).doc
    return export_svg(doc, doc.pages()[0].id)


def main(argv: list[str]) -> int:
    """Print the similarity per file and overall."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--save", type=Path, default=None)
    ap.add_argument("--width", type=int, default=600)
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    files = corpus_files(args.corpus)
    if not files:
        print(f"no draw.io pictures under {args.corpus}")
        return 1
    chromium = _load_build().find_chromium()
    scores: list[float] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page()
        page.set_content("<!doctype html><title>fidelity</title>")
        for path in files:
            name = path.relative_to(args.corpus)
            try:
                ours = our_svg(path)
            except Exception as exc:  # a file we cannot open scores 0
                print(f"{name!s:44s}   0.0 %  (not opened: {exc})")
                scores.append(0.0)
                continue
            theirs = data_url(path)
            mine = (
                "data:image/svg+xml;base64," + base64.b64encode(ours.encode()).decode()
            )
            out = page.evaluate(
                _COMPARE_JS, {"theirs": theirs, "ours": mine, "width": args.width}
            )
            score = float(out["score"])
            scores.append(score)
            tw, th = out["theirs"]
            ow, oh = out["ours"]
            print(
                f"{name!s:44s} {100 * score:5.1f} %"
                f"  (draw.io {tw}x{th} px, ours {ow}x{oh} px)"
            )
            if args.save is not None:
                args.save.mkdir(parents=True, exist_ok=True)
                stem = path.name.replace(".", "_")
                for tag, url in zip(("drawio", "ours"), out["png"], strict=True):
                    raw = base64.b64decode(url.split(",", 1)[1])
                    (args.save / f"{stem}-{tag}.png").write_bytes(raw)
        browser.close()
    mean = sum(scores) / len(scores)
    print(f"overall (mean of {len(scores)} files){'':13s} {100 * mean:5.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
