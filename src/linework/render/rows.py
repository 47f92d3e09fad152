"""The text of shapes with rows: a classifier's stereotype and name, then its rows.

Each row is laid out on its own in its row box, left-aligned, with the shape's
font (not bold: the header's bold is the name's). An ER row's key marker goes
in the key column. Text is data: every string is escaped by the serializer.
"""

from __future__ import annotations

from dataclasses import replace

from linework.geometry import Box
from linework.model import Shape, Style
from linework.render.text import layout_in, text_nodes
from linework.shapes import kind_of, rows
from linework.shapes.er import EntityKind, key_width
from linework.shapes.uml import ROW_KIND_NAMES, CompartmentKind
from linework.svg import SvgNode


def has_rows(shape: Shape) -> bool:
    """Return whether the shape's kind draws rows (class, interface, entity …)."""
    return shape.kind in ROW_KIND_NAMES and isinstance(
        kind_of(shape.kind), CompartmentKind
    )


def row_style(st: Style) -> Style:
    """Return the style a row's text is set in: left-aligned, regular weight."""
    return replace(
        st,
        bold=False,
        italic=False,
        align="left",
        valign="middle",
        text_padding_top=0.0,
        text_padding_bottom=0.0,
        text_padding_left=6.0,
        text_padding_right=6.0,
    )


def header_nodes(shape: Shape) -> list[SvgNode]:
    """Return the stereotype line (smaller) and the name (italic when abstract)."""
    kind = kind_of(shape.kind)
    assert isinstance(kind, CompartmentKind)
    box = kind.label_box(shape)
    st = shape.style
    out: list[SvgNode] = []
    stereo = rows.stereotype(shape)
    if stereo:
        top = Box(box.x, box.y + 2, box.w, rows.STEREOTYPE_DEPTH)
        small = replace(
            st, bold=False, italic=False, font_size=max(6.0, st.font_size * 0.85)
        )
        layout = layout_in(f"«{stereo}»", top, small, wrap=False)
        out.extend(text_nodes(layout, small))
        box = Box(box.x, top.bottom - 2, box.w, max(0.0, box.bottom - top.bottom + 2))
    if shape.text:
        name_st = (
            replace(st, italic=True) if shape.props.get("abstract") is True else st
        )
        out.extend(
            text_nodes(layout_in(shape.text, box, name_st, wrap=st.wrap), name_st)
        )
    return out


def row_nodes(shape: Shape) -> list[SvgNode]:
    """Return the text of every row, clipped to its row box by the layout."""
    kind = kind_of(shape.kind)
    assert isinstance(kind, CompartmentKind)
    st = row_style(shape.style)
    key_st = replace(st, bold=True, text_padding_left=4.0, text_padding_right=2.0)
    kw = key_width(shape) if isinstance(kind, EntityKind) else 0.0
    out: list[SvgNode] = []
    least = rows.row_height(shape) * 0.6  # a row the box cuts short is not drawn
    for text, box in zip(rows.rows_of(shape), kind.row_boxes(shape), strict=False):
        if box.h < least:
            continue
        if kw:
            key, text = rows.split_key(text)
            if key:
                kb = Box(box.x, box.y, kw, box.h)
                out.extend(text_nodes(layout_in(key, kb, key_st, wrap=False), key_st))
            box = Box(box.x + kw, box.y, max(0.0, box.w - kw), box.h)
        if text:
            out.extend(text_nodes(layout_in(text, box, st, wrap=False), st))
    return out


def row_text_box(shape: Shape, index: int) -> Box | None:
    """Return where row ``index``'s editable text sits (the whole row), or None."""
    kind = kind_of(shape.kind)
    if not isinstance(kind, CompartmentKind):
        return None
    boxes = kind.row_boxes(shape)
    return boxes[index] if 0 <= index < len(boxes) else None
