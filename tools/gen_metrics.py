"""Generate ``src/linework/text/metrics/<family>.json`` from the shipped web fonts.

The editor measures text with shipped tables instead of the DOM, so layout is
identical natively and in Pyodide. The browser must draw with the very same
font files, so the tables come from the pinned ``@fontsource/<family>`` npm
packages that the web build serves (web/package.json). Run by hand after
bumping a pin::

    .venv/bin/python tools/gen_metrics.py web/node_modules/@fontsource/arimo
    .venv/bin/python tools/gen_metrics.py web/node_modules/@fontsource/tinos
    .venv/bin/python tools/gen_metrics.py web/node_modules/@fontsource/cousine
    .venv/bin/python tools/gen_metrics.py web/node_modules/@fontsource/caveat

A family without an italic (Caveat) gets its upright advances for the italic
faces: the browser slants the upright glyphs, which keeps their advances.

Needs fontTools (``pip install fonttools``); the ``.woff`` files are read so
that no brotli decoder is required.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

#: family folder -> (family name, pinned version); must match web/package.json.
FAMILIES = {
    "arimo": ("Arimo", "5.3.0"),
    "tinos": ("Tinos", "5.3.0"),
    "cousine": ("Cousine", "5.3.0"),
    "caveat": ("Caveat", "5.3.0"),
}
SUBSETS = ("latin", "latin-ext")
# face name in the table -> fontsource file suffix (weight-style)
FACES = {
    "regular": "400-normal",
    "bold": "700-normal",
    "italic": "400-italic",
    "bold-italic": "700-italic",
}
REPO = Path(__file__).resolve().parents[1]
OUTPUT_DIR = REPO / "src" / "linework" / "text" / "metrics"


def parse_unicode_range(spec: str) -> list[tuple[int, int]]:
    """Parse a CSS ``unicode-range`` list such as ``"U+0000-00FF,U+0131"``."""
    ranges = []
    for part in spec.split(","):
        lo, _, hi = part.strip().removeprefix("U+").partition("-")
        ranges.append((int(lo, 16), int(hi or lo, 16)))
    return ranges


def is_control(cp: int) -> bool:
    """Tell C0/C1 controls apart; they are never drawn, so get no advance."""
    return cp < 0x20 or 0x7F <= cp <= 0x9F


def face_metrics(
    package_dir: Path, suffix: str, ranges: Mapping[str, Any]
) -> dict[str, Any]:
    """Read vertical metrics and per-code-point advances for one face."""
    advances: dict[int, int] = {}
    vertical: tuple[int, int, int, int] | None = None
    folder = package_dir.name
    for subset in SUBSETS:
        path = package_dir / "files" / f"{folder}-{subset}-{suffix}.woff"
        if not path.exists() and suffix.endswith("-italic"):
            # No italic face: the browser slants the upright one.
            path = path.with_name(path.name.replace("-italic", "-normal"))
        font = TTFont(path)
        # Browsers on Linux size the line box from hhea (and Arimo sets
        # USE_TYPO_METRICS with identical OS/2 typo values, so all agree).
        hhea = font["hhea"]
        this = (font["head"].unitsPerEm, hhea.ascent, hhea.descent, hhea.lineGap)
        if vertical is not None and vertical != this:
            raise SystemExit(
                f"{subset}-{suffix}: vertical metrics differ between subsets"
            )
        vertical = this
        hmtx = font["hmtx"]
        # A subset file only serves the code points in its CSS unicode-range,
        # even if its cmap maps more.
        for cp, glyph in font.getBestCmap().items():
            in_range = any(lo <= cp <= hi for lo, hi in ranges[subset])
            if in_range and not is_control(cp):
                width = hmtx[glyph][0]
                if advances.setdefault(cp, width) != width:
                    raise SystemExit(f"U+{cp:04X}: advance differs between subsets")
    assert vertical is not None
    upem, ascender, descender, line_gap = vertical
    return {
        "unitsPerEm": upem,
        "ascender": ascender,
        "descender": descender,
        "lineGap": line_gap,
        "advances": list(runs(advances)),
    }


def runs(advances: Mapping[int, int]) -> Iterator[list[Any]]:
    """Group advances into ``[first_code_point, [advance, ...]]`` runs."""
    run: list[Any] | None = None
    for cp in sorted(advances):
        if run is None or cp != run[0] + len(run[1]):
            if run is not None:
                yield run
            run = [cp, []]
        run[1].append(advances[cp])
    if run is not None:
        yield run


def main(argv: list[str] | None = None) -> int:
    """Write the metrics table; return the process exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "package_dir", type=Path, help="node_modules/@fontsource/<family>"
    )
    parser.add_argument("-o", "--output", type=Path, default=None)
    args = parser.parse_args(argv)
    package_dir: Path = args.package_dir.resolve()
    folder = package_dir.name
    if folder not in FAMILIES:
        raise SystemExit(f"unknown family {folder!r}; known: {', '.join(FAMILIES)}")
    family, expected = FAMILIES[folder]
    package = f"@fontsource/{folder}"
    output: Path = args.output or OUTPUT_DIR / f"{folder}.json"

    version = json.loads((package_dir / "package.json").read_text())["version"]
    if version != expected:
        # The web build serves that version; tables from any other release
        # could silently disagree with what the browser draws.
        raise SystemExit(f"expected {package}@{expected}, found {version}")
    unicode_json = json.loads((package_dir / "unicode.json").read_text())
    ranges = {s: parse_unicode_range(unicode_json[s]) for s in SUBSETS}

    table = {
        "font": family,
        "source": f"{package}@{version}",
        "subsets": list(SUBSETS),
        "faces": {
            name: face_metrics(package_dir, sfx, ranges) for name, sfx in FACES.items()
        },
    }
    text = json.dumps(table, sort_keys=True, separators=(",", ":")) + "\n"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    print(f"wrote {output} ({len(text)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
