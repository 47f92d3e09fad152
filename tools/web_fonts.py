"""The label font families beside Arimo: files, @font-face rules and notices.

Each family comes from its pinned ``@fontsource/<name>`` npm package
(web/package.json) and is served from dist/assets/ like Arimo, so the CSP
(``font-src 'self'``) and the offline promise hold. Their layout metrics are
``src/linework/text/metrics/<name>.json`` (``tools/gen_metrics.py``), made
from the same package versions. tools/devtools/site.py calls :func:`build_fonts`.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Family:
    """One shipped family: its npm folder, CSS name and the faces it has."""

    folder: str
    name: str
    what: str
    faces: tuple[tuple[str, str], ...]  # (weight, style)


SUBSETS = ("latin", "latin-ext")
FAMILIES = (
    Family(
        "tinos",
        "Tinos",
        "serif, metric-compatible with Times New Roman",
        (("400", "normal"), ("400", "italic"), ("700", "normal"), ("700", "italic")),
    ),
    Family(
        "cousine",
        "Cousine",
        "monospace, metric-compatible with Courier New",
        (("400", "normal"), ("400", "italic"), ("700", "normal"), ("700", "italic")),
    ),
    # Caveat has no italic: the browser slants the upright face.
    Family("caveat", "Caveat", "hand-drawn", (("400", "normal"), ("700", "normal"))),
)


def _hashed(name: str, data: bytes) -> str:
    stem, dot, ext = name.rpartition(".")
    return f"{stem}-{hashlib.sha256(data).hexdigest()[:12]}{dot}{ext}"


def build_fonts(node_modules: Path) -> tuple[dict[str, bytes], str]:
    """Return (dist/ files by path under assets/, the @font-face CSS)."""
    files: dict[str, bytes] = {}
    rules: list[str] = []
    for fam in FAMILIES:
        pkg = node_modules / "@fontsource" / fam.folder
        rules.append(f"/* {fam.name} (SIL OFL 1.1), from @fontsource/{fam.folder} */")
        for weight, style in fam.faces:
            css_name = f"{weight}{'-italic' if style == 'italic' else ''}.css"
            css = (pkg / css_name).read_text()
            for subset in SUBSETS:
                face = f"{fam.folder}-{subset}-{weight}-{style}"
                data = (pkg / "files" / f"{face}.woff2").read_bytes()
                served = _hashed(f"{face}.woff2", data)
                files[f"assets/{served}"] = data
                block = re.search(
                    rf"/\* {re.escape(face)} \*/\s*@font-face\s*{{(.*?)}}", css, re.S
                )
                ranges = (
                    re.search(r"unicode-range:\s*([^;]+);", block.group(1))
                    if block
                    else None
                )
                lines = [
                    "@font-face {",
                    f"  font-family: {fam.name};",
                    f"  font-style: {style};",
                    f"  font-weight: {weight};",
                    "  font-display: swap;",
                    f"  src: url({served}) format('woff2');",
                ]
                if ranges:
                    lines.append(f"  unicode-range: {ranges.group(1).strip()};")
                lines.append("}")
                rules.append("\n".join(lines))
    return files, "\n".join(rules) + "\n"


def served_by_package(paths: list[str]) -> Mapping[str, list[str]]:
    """Return, per npm package, the dist/ paths of its font files (for the SBOM)."""
    out: dict[str, list[str]] = {f"@fontsource/{f.folder}": [] for f in FAMILIES}
    for path in paths:
        name = path.rpartition("/")[2]
        for fam in FAMILIES:
            if name.startswith(f"{fam.folder}-"):
                out[f"@fontsource/{fam.folder}"].append(path)
    return out


def notices(node_modules: Path) -> str:
    """Return the fonts' part of THIRD-PARTY-NOTICES.txt (Arimo included)."""
    parts = [
        "",
        "Linework serves these font families unchanged (the woff2 files of",
        "their npm packages) for diagram labels:",
        "",
    ]
    folders = [("arimo", "sans-serif, metric-compatible with Arial")]
    folders += [(f.folder, f.what) for f in FAMILIES]
    for folder, what in folders:
        pkg = node_modules / "@fontsource" / folder
        meta = json.loads((pkg / "package.json").read_text())
        parts += [
            "=" * 72,
            f"@fontsource/{folder} {meta['version']} — licence {meta.get('license')}"
            f" ({what})",
        ]
        for lf in sorted(pkg.glob("LICEN[CS]E*")):
            parts += ["", lf.read_text().strip()]
        parts.append("")
    return "\n".join(parts) + "\n"
