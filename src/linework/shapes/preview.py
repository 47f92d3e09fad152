"""What a palette preview of a kind with defaults draws: its structure, no words.

A class preview is a few dozen pixels tall: its rows' text would be a smudge,
so the rows stay (empty) and the header and row heights shrink with the box.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from linework.model import DEFAULT_STYLE, frozen_map
from linework.shapes.defaults import kind_defaults
from linework.shapes.registry import kind_of
from linework.shapes.rows import ROW_HEIGHT


def preview_extras(kind_name: str, scale: float) -> dict[str, Any]:
    """Return ``props`` and ``style`` for a preview drawn at ``scale``."""
    kind = kind_of(kind_name)
    _, props, style = kind_defaults(kind)
    if not props and not style:
        return {}
    p = dict(props)
    if isinstance(p.get("rows"), list):
        p["rows"] = [""] * len(p["rows"])
        p["row_height"] = ROW_HEIGHT * scale
        p["header"] = float(getattr(kind, "header", 30.0)) * scale
    for key in ("activations", "dividers"):
        if isinstance(p.get(key), list):
            p[key] = [
                [v * scale for v in a] if isinstance(a, list) else a * scale
                for a in p[key]
            ]
    p.pop("stereotype", None)
    if "head" in p or kind_name == "uml-lifeline":
        p["head"] = 40.0 * scale
    st = {k: v for k, v in style.items() if k != "label_position"}
    return {"props": frozen_map(p), "style": replace(DEFAULT_STYLE, **st)}
