"""Icon data the build generates, made on demand for the tests that need it.

build.py makes the icon libraries from the pinned npm packages in
web/node_modules (tools/icon_libraries.py, through
devtools.assets.build_icon_libraries): dist/'s icon files and index, and the
wheel's mapped icons (src/linework/icons/data/mapped.json, not in git). A
fresh checkout has none of it, so a bare ``pytest`` would see imports draw
mapped stencils as placeholders. Tests call the same generator instead; only
when web/node_modules lacks the packages do they skip, saying why (pytest's
``-ra`` prints the reason).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = ROOT / "web" / "node_modules"
#: What tools/icon_libraries.py reads (its PACKAGES).
PACKAGES = (
    NODE_MODULES / "@tabler" / "icons",
    NODE_MODULES / "@iconify-json" / "logos",
)
NO_PACKAGES = (
    "the icon data is generated from the npm icon packages, and web/node_modules"
    " lacks them: run `npm ci` in web/ (or `python3 build.py`) to test with it"
)


def packages_present() -> bool:
    """Return whether the icon packages the build reads are installed."""
    return all(p.is_dir() for p in PACKAGES)


@cache
def _built() -> tuple[dict[str, bytes], dict[str, Any]]:
    from devtools.assets import build_icon_libraries
    from linework.icons import bundled, known

    made = build_icon_libraries()  # writes mapped.json and known.bin, as the build does
    bundled._table.cache_clear()  # read again: an earlier test may have seen none
    known.table.cache_clear()
    return made


def ensure_mapped_icons() -> None:
    """Make the wheel's mapped icons if missing (as the build does), or skip."""
    from linework.icons import bundled

    if bundled.has_bundled_icons():
        return
    if not packages_present():
        pytest.skip(NO_PACKAGES)
    _built()
    assert bundled.has_bundled_icons(), "the generator wrote no mapped icons"


def icon_index() -> dict[str, list[list[Any]]]:
    """Return the palette's icon index (library id → [name, title, tags]), or skip."""
    if not packages_present():
        pytest.skip(NO_PACKAGES)
    files, catalog = _built()
    data: dict[str, list[list[Any]]] = json.loads(files[catalog["index"]])
    return data


def ensure_known_icons() -> None:
    """Make the wheel's table of known library icons if missing, or skip."""
    from linework.icons import known

    if known.table():
        return
    if not packages_present():
        pytest.skip(NO_PACKAGES)
    _built()
    assert known.table(), "the generator wrote no known icons"
