"""The icons the wheel carries for imports (``data/mapped.json``, generated).

build.py writes the file from the pinned npm icon packages before it builds
the wheel (tools/icon_libraries.py); a checkout or wheel built without npm has
none, and imports then draw mapped stencils as labelled placeholders.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class BundledIcon:
    """One library icon: its key (``library/icon``), title, size and sanitized SVG."""

    key: str
    title: str
    w: float
    h: float
    svg: str

    @property
    def library(self) -> str:
        """The library id (``aws``)."""
        return self.key.partition("/")[0]

    @property
    def icon(self) -> str:
        """The icon's name within its library (``aws-lambda``)."""
        return self.key.partition("/")[2]


def svg_data_uri(svg: str) -> str:
    """Return the base64 data URI an icon shape carries for sanitized SVG text.

    >>> svg_data_uri("<svg/>")
    'data:image/svg+xml;base64,PHN2Zy8+'
    """
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


@cache
def _table() -> dict[str, Any]:
    try:
        text = resources.files("linework.icons").joinpath("data/mapped.json")
        data = json.loads(text.read_text(encoding="utf-8"))
    except (FileNotFoundError, OSError, ValueError):
        return {}
    icons = data.get("icons") if isinstance(data, dict) else None
    return icons if isinstance(icons, dict) else {}


def bundled_icon(key: str) -> BundledIcon | None:
    """Return the carried icon for ``library/icon``, or None when not carried."""
    row = _table().get(key)
    if not isinstance(row, dict):
        return None
    return BundledIcon(key, str(row["t"]), float(row["w"]), float(row["h"]), row["s"])


def first_bundled_icons(count: int) -> list[BundledIcon]:
    """Return up to ``count`` carried icons, in key order (none without npm)."""
    keys = sorted(_table())[:count]
    return [icon for key in keys if (icon := bundled_icon(key)) is not None]


def spread_bundled_icons(count: int) -> list[BundledIcon]:
    """Return up to ``count`` carried icons, taken from each library in turn
    (in key order), so that every library is among them (none without npm)."""
    by_library: dict[str, list[str]] = {}
    for key in sorted(_table()):
        by_library.setdefault(key.partition("/")[0], []).append(key)
    queues = list(by_library.values())
    keys: list[str] = []
    for i in range(max(map(len, queues), default=0)):
        keys.extend(q[i] for q in queues if i < len(q))
    return [icon for key in keys[:count] if (icon := bundled_icon(key)) is not None]


def has_bundled_icons() -> bool:
    """Return whether this installation carries the mapped icons."""
    return bool(_table())
