"""The site's static inputs: npm packages, fonts, the favicon and JS modules.

JS modules get content-hashed names with their imports rewritten to match,
so every file under assets/ can be cached forever.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import shutil
from collections.abc import Mapping
from typing import Any

from devtools.common import (
    ARIMO_NPM,
    NODE_MODULES,
    PYODIDE_NPM,
    ROOT,
    WEB,
    BuildError,
    hashed_name,
    run,
    sha256_hex,
    tool,
)

# The runtime files loadPyodide fetches; the rest of the npm package stays out.
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
)
FONT_SUBSETS = ("latin", "latin-ext")
FONT_FACES = (
    ("400", "normal"),
    ("400", "italic"),
    ("700", "normal"),
    ("700", "italic"),
)
MAPPED_ICONS = ROOT / "src" / "linework" / "icons" / "data" / "mapped.json"
#: The known library icons' digests (carried by the wheel) and what they were made from.
KNOWN_ICONS = MAPPED_ICONS.with_name("known.bin")
KNOWN_STAMP = MAPPED_ICONS.with_name("known.stamp")


def npm_ci() -> None:
    """Install web/node_modules from the lockfile, unless it already matches."""
    lock = WEB / "package-lock.json"
    stamp = NODE_MODULES / ".linework-lock-sha256"
    want = sha256_hex(lock.read_bytes())
    have_files = all((PYODIDE_NPM / f).exists() for f in PYODIDE_FILES)
    if have_files and stamp.exists() and stamp.read_text().strip() == want:
        return
    npm = shutil.which("npm")
    if npm is None:
        raise BuildError("npm not found: install Node.js and npm (https://nodejs.org)")
    run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=WEB)
    stamp.write_text(want + "\n")


# --------------------------------------------------------------------------- JS


_LOCAL_IMPORT = re.compile(
    r"""(["'])((?:\./|\.\./)(?:[a-z0-9][a-z0-9-]*/)*[a-z0-9][a-z0-9-]*\.js)\1"""
)


def module_path(importer: str, spec: str) -> str:
    """Return the web/-relative path of the module ``importer`` imports as ``spec``."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(importer), spec))


def hash_modules(sources: Mapping[str, str]) -> dict[str, tuple[str, bytes]]:
    """Give each JS module a content-hashed name and point its imports at them.

    A module's hash covers its rewritten imports, so modules are done leaves first.

    Args:
        sources: path under web/ -> source text (relative imports as
            ``"./name.js"``, ``"./folder/name.js"`` or ``"../name.js"``).

    Returns:
        file name -> (hashed file name, rewritten bytes).
    """
    deps = {
        name: {module_path(name, spec) for _, spec in _LOCAL_IMPORT.findall(text)}
        for name, text in sources.items()
    }
    done: dict[str, tuple[str, bytes]] = {}
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in done:
            return
        if name in visiting:
            raise BuildError(f"import cycle through web/{name}")
        if name not in sources:
            raise BuildError(f"web/ imports missing module {name}")
        visiting.add(name)
        for dep in sorted(deps[name]):
            visit(dep)
        text = _LOCAL_IMPORT.sub(
            lambda m: (
                f"{m.group(1)}./{done[module_path(name, m.group(2))][0]}{m.group(1)}"
            ),
            sources[name],
        )
        data = text.encode()
        # Every module lands flat in assets/: web/editor/ops.js → editor-ops.<hash>.js
        done[name] = (hashed_name(name.replace("/", "-"), data), data)
        visiting.discard(name)

    for name in sorted(sources):
        visit(name)
    return done


def static_imports(name: str, sources: Mapping[str, str]) -> list[str]:
    """Return the modules ``name`` imports statically, transitively, in load order."""
    pattern = re.compile(
        r"""^\s*(?:import|export)\b[^;]*?from\s+["']((?:\./|\.\./)[a-z0-9/-]+\.js)["']""",
        re.M,
    )
    order: list[str] = []

    def walk(n: str) -> None:
        for spec in pattern.findall(sources[n]):
            dep = module_path(n, spec)
            if dep not in order:
                walk(dep)
                order.append(dep)

    walk(name)
    return order


def font_css(files: Mapping[str, str]) -> str:
    """Return @font-face rules for the shipped Arimo faces.

    Args:
        files: npm font file name -> hashed file name in assets/.
    """
    rules = []
    for weight, style in FONT_FACES:
        css_name = f"{weight}{'-italic' if style == 'italic' else ''}.css"
        css = (ARIMO_NPM / css_name).read_text()
        for subset in FONT_SUBSETS:
            face = f"arimo-{subset}-{weight}-{style}"
            block = re.search(
                rf"/\* {re.escape(face)} \*/\s*@font-face\s*{{(.*?)}}", css, re.S
            )
            if block is None:
                raise BuildError(f"no @font-face for {face} in {css_name}")
            ranges = re.search(r"unicode-range:\s*([^;]+);", block.group(1))
            lines = [
                "@font-face {",
                "  font-family: Arimo;",
                f"  font-style: {style};",
                f"  font-weight: {weight};",
                "  font-display: swap;",
                f"  src: url({files[face + '.woff2']}) format('woff2');",
            ]
            if ranges:
                lines.append(f"  unicode-range: {ranges.group(1).strip()};")
            lines.append("}")
            rules.append("\n".join(lines))
    return (
        "/* Arimo (SIL OFL 1.1), from @fontsource/arimo */\n" + "\n".join(rules) + "\n"
    )


def favicon_ico(svg_colour: tuple[int, int, int] = (37, 99, 235)) -> bytes:
    """Return a 16x16 ICO (one embedded PNG) for browsers that ask for /favicon.ico."""
    import struct
    import zlib

    size = 16
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            inside = 2 <= x <= 13 and 2 <= y <= 13
            diagonal = abs(x - y) <= 1 and 3 <= x <= 12
            colour = (
                (255, 255, 255, 255)
                if diagonal
                else (*svg_colour, 255)
                if inside
                else (0, 0, 0, 0)
            )
            row += bytes(colour)
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data))
        )

    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )
    header = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(png), 6 + 16)
    return header + entry + png


def build_icon_libraries() -> tuple[dict[str, bytes], dict[str, Any]]:
    """Return dist/'s icon files and the catalog; write the wheel's mapped icons."""
    files, catalog, mapped = tool("icon_libraries").build_icons(NODE_MODULES)
    MAPPED_ICONS.parent.mkdir(parents=True, exist_ok=True)
    if not MAPPED_ICONS.exists() or MAPPED_ICONS.read_bytes() != mapped:
        MAPPED_ICONS.write_bytes(mapped)
    _write_known_icons(files)
    return files, catalog


def _write_known_icons(files: dict[str, bytes]) -> None:
    """Write the wheel's table of known library icons (linework.icons.known).

    Checking every icon takes two sanitizer runs each (seconds natively), so
    the table is made again only when the library SVGs (or the sanitizer) changed.
    """
    libraries = tool("icon_libraries")
    svgs = libraries.library_svgs(files)
    key = hashlib.sha256()
    for svg in svgs:
        key.update(svg.encode() + b"\0")
    for module in (
        "formats/pictures.py",
        "formats/xmlsafe.py",
        "icons/bundled.py",
        "icons/known.py",
    ):
        key.update((ROOT / "src" / "linework" / module).read_bytes())
    stamp = key.hexdigest()
    if (
        KNOWN_ICONS.exists()
        and KNOWN_STAMP.exists()
        and KNOWN_STAMP.read_text() == stamp
    ):
        return
    table, _ = libraries.known_icons(svgs)
    KNOWN_ICONS.write_bytes(table)
    KNOWN_STAMP.write_text(stamp)
