"""Small .linework documents for tests, natively and in the browser."""

from __future__ import annotations

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
