"""A shape's fragment written as text: the renderer's hot path.

:func:`~linework.render.shape.shape_node` builds the node tree (the workbench
and tests read it); rendering a page only needs its text, so the common case
(a kind's body and a plain label) is written here directly, around the parts
that depend on a style alone, memoized per style record. The bytes are the
ones ``serialize(shape_node(...))`` gives: every shape that uses anything
else (a mirror, rows, rich text, a turned band title, a link) takes that
path itself; a picture's source is made safe first, as there.
"""

from __future__ import annotations

from collections.abc import Mapping

from linework import memo
from linework.geometry import fmt
from linework.model import EMPTY, Shape, Style, text_paddings
from linework.model.rich import rich_for
from linework.render.paint import family_of
from linework.render.rows import has_rows
from linework.render.shape import (
    _band_label,
    _body_attrs,
    _safe_picture,
    readable_text_style,
    shape_node,
)
from linework.render.text import _fonts, padded_xywh
from linework.shapes import flip_of, kind_of, label_box
from linework.shapes.container import CONTAINER_KIND_NAMES
from linework.shapes.uml import ROW_KIND_NAMES
from linework.svg import AttrValue, attrs_text, esc_attr, esc_text, serialize
from linework.text.layout import (
    ANCHORS,
    Anchor,
    VAlign,
    break_lines,
    font_setup,
    line_origin,
)


def shape_svg(shape: Shape, *, hidden: bool = False) -> str:
    """Return ``serialize(shape_node(shape, hidden=hidden))``, written directly."""
    kind = shape.kind
    if (
        (shape.props is not EMPTY and any(flip_of(shape)))
        or shape.link
        or (kind in ROW_KIND_NAMES and has_rows(shape))
    ):
        return serialize(shape_node(shape, hidden=hidden))
    if shape.props is not EMPTY and "src" in shape.props:
        # A picture or an icon: the source made safe, as shape_node does first.
        shape = _safe_picture(shape)
    label = ""
    if shape.text:
        if (
            shape.rich is not None and rich_for(shape.text, shape.rich) is not None
        ) or (kind in CONTAINER_KIND_NAMES and _band_label(shape)):
            return serialize(shape_node(shape, hidden=hidden))
        label = _label_text(shape)
    st = shape.style
    # attrs_text of (data-id, data-kind, ...): both are strings.
    head = f'<g data-id="{esc_attr(shape.id)}" data-kind="{esc_attr(shape.kind)}"'
    if shape.rotation_deg % 360 or st.opacity < 1 or hidden:
        attrs: list[tuple[str, AttrValue]] = []
        if shape.rotation_deg % 360:
            c = shape.box.center
            attrs.append(
                (
                    "transform",
                    f"rotate({fmt(shape.rotation_deg)} {fmt(c.x)} {fmt(c.y)})",
                )
            )
        if st.opacity < 1:
            attrs.append(("opacity", st.opacity))
        if hidden:
            attrs.append(("display", "none"))
        head += attrs_text(tuple(attrs))
    body = kind_of(shape.kind).body(shape)
    parts = [head, ">", _body_open(st)]
    if body:
        parts.append(">")
        parts.extend([serialize(n) for n in body])
        parts.append("</g>")
    else:
        parts.append("/>")
    parts.append(label)
    parts.append("</g>")
    return "".join(parts)


def _label_text(shape: Shape) -> str:
    """Return what ``text_nodes(label_layout(shape), ...)`` serializes to.

    The layout's own steps (:func:`~linework.text.layout.break_lines`,
    :func:`~linework.text.layout.line_origin`) with what depends on the style
    alone taken from its plan, and no line records: the same numbers, written.
    """
    st = shape.style
    plan = _PLANS.get(id(st))
    if plan is None or plan[0] is not st:
        plan = _plan(st)
    _, wrap, size, advances, units_per_em, step, baseline, anchor, valign, pads = plan
    x, y, w, h = padded_xywh(label_box(shape), pads)
    broken = break_lines(
        shape.text, w, size, wrap, shape.box.w, advances, units_per_em, h, step
    )
    x, first = line_origin(
        float(x),
        float(y),
        float(w),
        float(h),
        len(broken) * step,
        anchor,
        valign,
        baseline,
    )
    at = fmt(x)
    spans = [
        f'<tspan x="{at}" y="{fmt(first + i * step)}">{esc_text(line)}</tspan>'
        for i, (line, _) in enumerate(broken)
        if line
    ]
    if not spans:
        return ""
    return _text_open(anchor, readable_text_style(shape)) + "".join(spans) + "</text>"


Plan = tuple[
    Style,
    bool,
    float,
    Mapping[str, int],
    int,
    float,
    float,
    Anchor,
    VAlign,
    tuple[float, float, float, float],
]


def _plan(st: Style) -> Plan:
    """Return what a plain label's layout takes from its style record."""
    advances, units_per_em, step, baseline = font_setup(
        st.font_size, st.bold, st.italic, family_of(st)
    )
    plan: Plan = (
        st,
        st.wrap and st.label_position == "inside",
        st.font_size,
        advances,
        units_per_em,
        step,
        baseline,
        ANCHORS[st.align],
        st.valign,
        text_paddings(st),
    )
    return memo.keep(_PLANS, id(st), plan)


# Text that depends on a style record alone, by identity (records are
# immutable; the stored record is compared with ``is``, so a recycled id()
# cannot alias). Documents use few styles.
_BODY_OPEN: dict[int, tuple[Style, str]] = {}
_TEXT_OPEN: dict[tuple[int, str], tuple[Style, str]] = {}
_PLANS: dict[int, Plan] = {}


def _body_open(st: Style) -> str:
    hit = _BODY_OPEN.get(id(st))
    if hit is not None and hit[0] is st:
        return hit[1]
    return memo.keep(_BODY_OPEN, id(st), (st, "<g" + attrs_text(_body_attrs(st))))[1]


def _text_open(anchor: str, st: Style) -> str:
    key = (id(st), anchor)
    hit = _TEXT_OPEN.get(key)
    if hit is not None and hit[0] is st:
        return hit[1]
    attrs = (("text-anchor", anchor), *_fonts(st), ("xml:space", "preserve"))
    return memo.keep(_TEXT_OPEN, key, (st, "<text" + attrs_text(attrs) + ">"))[1]
