"""ER kinds: an entity table whose rows are its attributes.

Rows are plain data (``props["rows"]``, see ``linework.shapes.rows``); a row
starting with a key marker (``PK``, ``FK``, ``PK,FK1``, ``UK``) shows it in a
key column. Every row has a port at each end (``row<i>-w``/``row<i>-e``), so
a relationship attaches to the attribute it is about.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from linework.geometry import Box, Vec
from linework.model import Shape
from linework.shapes import rows
from linework.shapes.kind import box_rect, lines_node
from linework.shapes.table import table_kinds
from linework.shapes.uml import ROW_KIND_NAMES, CompartmentKind
from linework.svg import SvgNode, node
from linework.text import text_width

#: Narrowest key column (fits "PK").
KEY_MIN_W: Final = 34.0


def key_width(shape: Shape) -> float:
    """Return the key column's width, 0 when no row has a key marker."""
    widest = 0.0
    size = shape.style.font_size
    for r in rows.rows_of(shape):
        key, _ = rows.split_key(r)
        if key:
            widest = max(widest, text_width(key, size, bold=True))
    if widest == 0.0:
        return 0.0
    return min(max(KEY_MIN_W, widest + 12.0), shape.box.w / 2)


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityKind(CompartmentKind):
    """A table: the entity's name in a tinted header, one row per attribute."""

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the table, its header tint and line, and the key column's edge."""
        b = shape.box
        head = rows.header_depth(shape, self.header)
        out: list[SvgNode] = [
            box_rect(b),
            node(
                "rect",
                x=b.x,
                y=b.y,
                width=b.w,
                height=head,
                fill="#000000",
                fill_opacity=0.06,
                stroke="none",
            ),
        ]
        runs = [
            [Vec(b.x, c.y), Vec(b.right, c.y)]
            for c in rows.compartment_boxes(shape, self.header, 1)
        ]
        kw = key_width(shape)
        if kw:
            runs.append([Vec(b.x + kw, b.y + head), Vec(b.x + kw, b.bottom)])
        out.append(lines_node(*runs))
        return tuple(out)

    def key_box(self, shape: Shape, row: Box) -> Box:
        """Return the key column's part of a row box."""
        return Box(row.x, row.y, key_width(shape), row.h)


#: The ER kinds in palette order (rows of kinds.json).
ER_KINDS: Final = table_kinds(EntityKind)
ROW_KIND_NAMES.update(k.name for k in ER_KINDS)
