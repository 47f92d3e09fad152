"""Small .linework documents for tests, natively and in the browser."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any


def document(pages: int = 1, text: str = "Hello") -> dict[str, Any]:
    """Return a small .linework document: two shapes and a connector per page."""
    out = []
    for n in range(1, pages + 1):
        layer = f"layer:{n}"
        out.append(
            {
                "id": f"page:{n}",
                "name": f"Page {n}",
                "layers": [{"id": layer, "name": "Layer"}],
                "elements": [
                    {
                        "type": "shape",
                        "id": f"shape:{n}a",
                        "layer": layer,
                        "kind": "rectangle",
                        "box": {"x": 40, "y": 40, "w": 160, "h": 80},
                        "text": f"{text} {n}",
                        "style": {"fill": "#dbeafe", "stroke": "#1d4ed8"},
                    },
                    {
                        "type": "shape",
                        "id": f"shape:{n}b",
                        "layer": layer,
                        "kind": "ellipse",
                        "box": {"x": 320, "y": 200 + 20 * n, "w": 120, "h": 90},
                        "text": "Ünïcødé & <b>",
                    },
                    {
                        "type": "connector",
                        "id": f"conn:{n}",
                        "layer": layer,
                        "source": {"shape": f"shape:{n}a"},
                        "target": {"shape": f"shape:{n}b"},
                        "labels": [{"text": "to", "position": 0.5}],
                    },
                ],
            }
        )
    return {"format": "linework", "version": 1, "pages": out, "meta": {}}


def one_page(
    elements: list[dict[str, Any]],
    width: float,
    height: float,
    *,
    name: str = "P",
    layer: str = "L",
) -> dict[str, Any]:
    """Return a .linework document of one page (id p1, one layer l1)."""
    page = {
        "id": "p1",
        "name": name,
        "width": width,
        "height": height,
        "layers": [{"id": "l1", "name": layer}],
        "elements": elements,
    }
    return {"format": "linework", "version": 1, "pages": [page], "meta": {}}


def grid(
    n: int,
    cols: int,
    target: Callable[[int], int | None],
    *,
    name: str,
    dx: float = 160.0,
    dy: float = 110.0,
) -> dict[str, Any]:
    """Return a page of ``n`` labelled rectangles in rows of ``cols`` (the
    editor benchmark's cells), shape i joined to ``target(i)`` if any."""
    els: list[dict[str, Any]] = [
        {
            "type": "shape",
            "id": f"s{i}",
            "layer": "l1",
            "kind": "rectangle",
            "box": {
                "x": (i % cols) * dx + 20,
                "y": (i // cols) * dy + 20,
                "w": 100,
                "h": 60,
            },
            "text": f"Shape {i}",
        }
        for i in range(n)
    ]
    for i in range(n):
        j = target(i)
        if j is not None:
            els.append(
                {
                    "type": "connector",
                    "id": f"c{i}",
                    "layer": "l1",
                    "source": {"shape": f"s{i}"},
                    "target": {"shape": f"s{j}"},
                }
            )
    rows = (n + cols - 1) // cols
    return one_page(els, cols * dx + 40, rows * dy + 40, name=name, layer="Layer 1")


def file_open(doc: dict[str, Any], name: str) -> dict[str, Any]:
    """Return the bridge's ``file-open`` message for ``doc`` as a file ``name``."""
    data = base64.b64encode(json.dumps(doc).encode()).decode()
    return {"type": "file-open", "name": name, "data": data}
