"""Rows and compartments: the data of a UML class or an ER table, and where it sits.

A shape with rows keeps them as plain data in its props (file format 1.2):

- ``rows``: a list of strings, every row top to bottom (attributes, then
  operations; an ER table's columns).
- ``compartments``: a list of row counts, one per compartment below the header
  (``[2, 1]``: two attributes, one operation). Missing or not adding up, the
  rows fall into one compartment (plus empty ones up to the kind's count).

The header (the shape's own ``text``) is ``props["header"]`` deep (page units,
default the kind's), every row ``props["row_height"]`` (default 26). The last
compartment takes whatever height the box has beyond what its rows need, so a
resized box never clips a row and adding a row grows the box
(:func:`needed_height`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Final

from linework.geometry import Box, Vec
from linework.model import Shape

#: Default height of one row.
ROW_HEIGHT: Final = 26.0
#: An empty compartment still shows as a thin band.
EMPTY_HEIGHT: Final = 10.0
#: Extra header depth when a stereotype line («interface») sits above the name.
STEREOTYPE_DEPTH: Final = 16.0
#: Most rows a shape keeps (an import may bring more; the rest is dropped).
MAX_ROWS: Final = 500
#: Port names of rows: ``row<i>-w`` and ``row<i>-e`` (left and right edge).
ROW_PORT: Final = re.compile(r"row(\d+)-([we])")
#: An ER row's leading key marker ("PK", "FK", "PK,FK1", "UK"), drawn in its own column.
_KEY: Final = re.compile(
    r"((?:PK|FK|UK|AK|IX)\d*(?:\s*,\s*(?:PK|FK|UK|AK|IX)\d*)*)\s+(.*)", re.S
)


def rows_of(shape: Shape) -> list[str]:
    """Return the shape's rows (strings only; anything else is skipped)."""
    raw = shape.props.get("rows")
    if not isinstance(raw, list | tuple):
        return []
    return [r for r in raw if isinstance(r, str)][:MAX_ROWS]


def compartments_of(shape: Shape, count: int = 1) -> list[int]:
    """Return the row count of each compartment.

    Without a list that adds up to the number of rows, every row goes to the
    first compartment, followed by empty ones up to ``count``.
    """
    n = len(rows_of(shape))
    raw = shape.props.get("compartments")
    counts: list[int] = []
    if isinstance(raw, list | tuple) and all(
        isinstance(k, int) and not isinstance(k, bool) and k >= 0 for k in raw
    ):
        counts = [int(k) for k in raw]
    if counts and sum(counts) == n and len(counts) <= 50:
        return counts  # as the data says (an imported class may have one)
    counts = [n]
    while len(counts) < count:
        counts.append(0)
    return counts


def _number(shape: Shape, key: str, default: float) -> float:
    raw = shape.props.get(key)
    if isinstance(raw, int | float) and not isinstance(raw, bool) and 0 <= raw <= 1e4:
        return float(raw)
    return default


def stereotype(shape: Shape) -> str:
    """Return the stereotype's words (without guillemets), or ""."""
    raw = shape.props.get("stereotype")
    return raw.strip().strip("«»<>").strip() if isinstance(raw, str) else ""


def header_depth(shape: Shape, default: float) -> float:
    """Return the header's depth: the name (and stereotype), bounded by the box."""
    d = _number(
        shape, "header", default + (STEREOTYPE_DEPTH if stereotype(shape) else 0)
    )
    return min(d, shape.box.h)


def row_height(shape: Shape) -> float:
    """Return the height of one row."""
    return max(4.0, _number(shape, "row_height", ROW_HEIGHT))


def needed_height(shape: Shape, header: float, count: int = 1) -> float:
    """Return the height the header and every row need (adding a row grows to it)."""
    rh = row_height(shape)
    return header_depth(shape, header) + sum(
        max(k * rh, EMPTY_HEIGHT) for k in compartments_of(shape, count)
    )


def compartment_boxes(shape: Shape, header: float, count: int = 1) -> list[Box]:
    """Return each compartment's box, top to bottom; the last one stretches."""
    b = shape.box
    rh = row_height(shape)
    y = b.y + header_depth(shape, header)
    counts = compartments_of(shape, count)
    out: list[Box] = []
    for i, k in enumerate(counts):
        h = max(k * rh, EMPTY_HEIGHT)
        if i == len(counts) - 1:
            h = max(h, b.bottom - y)
        h = max(0.0, min(h, b.bottom - y))
        out.append(Box(b.x, y, b.w, h))
        y += h
    return out


def row_boxes(shape: Shape, header: float, count: int = 1) -> list[Box]:
    """Return every row's box, in row order (clipped to the shape's box)."""
    rh = row_height(shape)
    out: list[Box] = []
    for comp, k in zip(
        compartment_boxes(shape, header, count),
        compartments_of(shape, count),
        strict=True,
    ):
        for j in range(k):
            y = min(comp.y + j * rh, shape.box.bottom)
            out.append(Box(comp.x, y, comp.w, max(0.0, min(rh, shape.box.bottom - y))))
    return out


def row_ports(shape: Shape, header: float, count: int = 1) -> dict[str, Vec]:
    """Return a port on the left and right edge of every row (``row<i>-w``/``-e``)."""
    out: dict[str, Vec] = {}
    for i, r in enumerate(row_boxes(shape, header, count)):
        if r.h <= 0:
            continue
        cy = r.y + r.h / 2
        out[f"row{i}-w"] = Vec(r.x, cy)
        out[f"row{i}-e"] = Vec(r.right, cy)
    return out


def row_at(shape: Shape, p: Vec, header: float, count: int = 1) -> int | None:
    """Return the index of the row under ``p`` (unrotated page point), if any."""
    for i, r in enumerate(row_boxes(shape, header, count)):
        if r.h > 0 and r.x <= p.x <= r.right and r.y <= p.y < r.bottom:
            return i
    return None


def split_key(row: str) -> tuple[str, str]:
    """Return an ER row's key marker and the rest: ``("PK", "id: int")``.

    >>> split_key("PK,FK1 order_id"), split_key("name")
    (('PK,FK1', 'order_id'), ('', 'name'))
    """
    m = _KEY.fullmatch(row)
    return (m.group(1).replace(" ", ""), m.group(2)) if m else ("", row)


def with_rows(
    props: Any, rows: Sequence[str], compartments: Sequence[int]
) -> dict[str, Any]:
    """Return ``props`` with new rows and compartment counts (plain lists)."""
    return {**dict(props), "rows": list(rows), "compartments": list(compartments)}
