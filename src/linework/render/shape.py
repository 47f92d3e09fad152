"""Shape records → SVG fragments: the kind's drawing, the style, the label."""

from __future__ import annotations

from dataclasses import replace

from linework import memo
from linework.formats import pictures
from linework.geometry import Box, Vec, fmt, rotate_about
from linework.links import safe_link
from linework.model import DEFAULT_STYLE, Shape, Style, frozen_map
from linework.model.capacity import MAX_ELEMENTS
from linework.model.rich import RichText, rich_for
from linework.render.paint import dasharray
from linework.render.richtext import RichLayout, layout_rich, rich_nodes
from linework.render.rows import has_rows, header_nodes, row_nodes
from linework.render.text import layout_in, padded, text_nodes
from linework.shapes import flip_of, kind_of, label_box
from linework.shapes.container import CONTAINER_KIND_NAMES, header_side
from linework.svg import AttrValue, SvgNode, node
from linework.text import TextLayout


def shape_node(shape: Shape, *, hidden: bool = False) -> SvgNode:
    """Return ``<g data-id data-kind>`` drawing one shape, rotated about its centre."""
    kind = kind_of(shape.kind)
    st = shape.style
    if "src" in shape.props:
        shape = _safe_picture(shape)
    body_attrs = _body_attrs(st)
    fh, fv = flip_of(shape)
    if fh or fv:  # mirrored about the box centre (draw.io's flipH/flipV)
        c = shape.box.center
        sx, sy = (-1 if fh else 1), (-1 if fv else 1)
        tx, ty = (2 * c.x if fh else 0.0), (2 * c.y if fv else 0.0)
        mirror = f"matrix({sx} 0 0 {sy} {fmt(tx)} {fmt(ty)})"
        body_attrs = (*body_attrs, ("transform", mirror))
    body = SvgNode("g", body_attrs, tuple(kind.body(shape)))
    children: list[SvgNode] = [body]
    if has_rows(shape):  # a class or table: its header, then each row
        children.extend(header_nodes(shape))
        children.extend(row_nodes(shape))
    elif shape.text:
        text_style = readable_text_style(shape)
        rich = rich_for(shape.text, shape.rich)
        label = _band_label(shape) or (
            rich_nodes(_rich_layout(shape, rich), text_style)
            if rich is not None
            else text_nodes(label_layout(shape), text_style)
        )
        link = safe_link(shape.link) if shape.link else None
        if link and label:
            children.append(
                node("a", *label, href=link, target="_blank", rel="noopener noreferrer")
            )
        else:
            children.extend(label)
    transform = None
    if shape.rotation_deg % 360:
        c = shape.box.center
        transform = f"rotate({fmt(shape.rotation_deg)} {fmt(c.x)} {fmt(c.y)})"
    # What node() would build from these keywords, None values left out.
    attrs: list[tuple[str, AttrValue]] = [
        ("data-id", shape.id),
        ("data-kind", shape.kind),
    ]
    if transform is not None:
        attrs.append(("transform", transform))
    if st.opacity < 1:
        attrs.append(("opacity", st.opacity))
    if hidden:
        attrs.append(("display", "none"))
    return SvgNode("g", tuple(attrs), tuple(children))


#: Light text for dark fills (the default font colour is dark).
LIGHT_TEXT = "#ffffff"


def _luminance(colour: str) -> float | None:
    """Return the relative luminance (WCAG) of ``#rgb``/``#rrggbb``, else None."""
    c = colour.strip()
    if len(c) == 4 and c[0] == "#":
        c = "#" + "".join(ch * 2 for ch in c[1:])
    if len(c) != 7 or c[0] != "#":
        return None
    try:
        rgb = [int(c[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    except ValueError:
        return None
    lin = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def prefers_light_text(fill: str) -> bool:
    """Return whether white text contrasts more with ``fill`` than the default.

    >>> prefers_light_text("#1f2933"), prefers_light_text("#ffffff")
    (True, False)
    """
    # A pure function of the colour's text, and documents use few fills.
    hit = _LIGHT_FILLS.get(fill)
    if hit is None:
        hit = memo.keep(_LIGHT_FILLS, fill, _prefers_light_text(fill))
    return hit


_LIGHT_FILLS: dict[str, bool] = {}


def _prefers_light_text(fill: str) -> bool:
    lum = _luminance(fill)
    dark = _luminance(DEFAULT_STYLE.font_color)
    if lum is None or dark is None:
        return False
    # WCAG contrast ratios of the fill against white and the default colour.
    return 1.05 / (lum + 0.05) > (lum + 0.05) / (dark + 0.05)


def readable_text_style(shape: Shape) -> Style:
    """Return the style the label is drawn with: readable on the shape's fill.

    The one place the rule lives, for every kind: a label inside its shape
    whose font colour the user never set (the default) turns white on a dark
    fill. The fill is the kind's ``surface_fill`` where it has one (a dark
    mockup paints its own surface), else the style's. A colour the user set
    is always kept.
    """
    st = shape.style
    if st.font_color != DEFAULT_STYLE.font_color or st.label_position != "inside":
        return st
    surface = getattr(kind_of(shape.kind), "surface_fill", None)
    fill = surface(shape) if callable(surface) else st.fill
    if not isinstance(fill, str) or fill == "none":
        return st
    if not prefers_light_text(fill):
        return st
    return _light(st)


_LIGHT: dict[int, tuple[Style, Style]] = {}


def _light(st: Style) -> Style:
    """Return ``st`` with white text (memoized per record, like the body attrs)."""
    hit = _LIGHT.get(id(st))
    if hit is not None and hit[0] is st:
        return hit[1]
    return memo.keep(_LIGHT, id(st), (st, replace(st, font_color=LIGHT_TEXT)))[1]


def _band_label(shape: Shape) -> list[SvgNode] | None:
    """Return the title of a lane whose header runs down its left side, turned.

    The title reads bottom to top along the band, as draw.io draws a
    ``horizontal=0`` swimlane: laid out in the band's box turned a quarter,
    then turned back about the band's centre.
    """
    if shape.kind not in CONTAINER_KIND_NAMES or header_side(shape) != "left":
        return None
    band = kind_of(shape.kind).label_box(shape)
    c = band.center
    turned = Box(c.x - band.h / 2, c.y - band.w / 2, band.h, band.w)
    layout = layout_in(shape.text, turned, shape.style, wrap=shape.style.wrap)
    nodes = text_nodes(layout, readable_text_style(shape))
    return [node("g", *nodes, transform=f"rotate(-90 {fmt(c.x)} {fmt(c.y)})")]


def _safe_picture(shape: Shape) -> Shape:
    """Return the shape with its picture as the renderer may draw it.

    Raster data URIs pass as they are; an SVG is rebuilt from allowed parts
    (memoized); anything else is dropped, so the kind draws its placeholder.
    """
    src = shape.props.get("src")
    safe = pictures.safe_src(src) if isinstance(src, str) else None
    if safe == src:
        return shape
    return replace(shape, props=frozen_map({**shape.props, "src": safe or ""}))


def label_layout(shape: Shape) -> TextLayout:
    """Lay out a shape's label in its label box.

    A label inside wraps to its box unless ``style.wrap`` is off; one outside
    (above, below or beside) does not, since nothing bounds it there and icons
    are often narrower than their names. Unwrapped lines break only where the
    text does, as in draw.io, and may overflow the box.
    """
    st = shape.style
    wrap = st.wrap and st.label_position == "inside"
    rich = rich_for(shape.text, shape.rich)
    if rich is not None:
        return _rich_layout(shape, rich).plain
    # Words wrap whole: one is split only if it is wider than the shape itself.
    return layout_in(shape.text, label_box(shape), st, wrap=wrap, room=shape.box.w)


def _rich_layout(shape: Shape, rich: RichText) -> RichLayout:
    """Lay out a rich label in the shape's (padded) label box, as plain text is."""
    st = shape.style
    wrap = st.wrap and st.label_position == "inside"
    box = padded(label_box(shape), st)
    return layout_rich(rich, box, st, wrap=wrap, room=shape.box.w)


def label_leaves_shape(shape: Shape) -> bool:
    """Return whether the shape's label may be drawn outside its outline.

    True for a label placed outside (above, below or beside the shape) and
    for one that does not wrap (``style.wrap`` off), which may overflow it;
    such text is part of what the user sees of the shape, so exports and hit
    testing count it.
    """
    st = shape.style
    return bool(shape.text) and (st.label_position != "inside" or not st.wrap)


def label_text_box(shape: Shape) -> Box | None:
    """Return the box the label's laid-out text covers (unrotated), or None.

    Only for labels that may leave the shape (see :func:`label_leaves_shape`):
    the widest line across, the first line's ascent to the last line's
    descent down. This is where text actually is, not the whole label box.
    """
    if not label_leaves_shape(shape):
        return None
    layout = label_layout(shape)
    if not layout.lines:
        return None
    size = shape.style.font_size
    shift = {"start": 0.0, "middle": 0.5, "end": 1.0}[layout.anchor]
    left = min(line.x - shift * line.width for line in layout.lines)
    right = max(line.x + (1 - shift) * line.width for line in layout.lines)
    top = layout.lines[0].y - size
    bottom = layout.lines[-1].y + 0.3 * size
    return Box(left, top, right - left, bottom - top)


#: Label bounds by shape record (compared with ``is``): opening a page asks for
#: every shape's twice (the drawing's box, then what the view shows), and
#: laying out the text is most of either.
_LABEL_BOUNDS: dict[int, tuple[Shape, Box | None]] = {}


def label_text_bounds(shape: Shape) -> Box | None:
    """Return the page box of a label that may leave its shape, or None.

    Bounds of a shape are its outline; a label above, below or beside it lies
    outside that, so exports widen their view box by this to keep it whole
    (and the editor's hit index, so the label can be clicked).
    """
    hit = _LABEL_BOUNDS.get(id(shape))
    if hit is not None and hit[0] is shape:
        return hit[1]
    return memo.keep(
        _LABEL_BOUNDS, id(shape), (shape, _label_text_bounds(shape)), MAX_ELEMENTS
    )[1]


def _label_text_bounds(shape: Shape) -> Box | None:
    box = label_text_box(shape)
    if box is None:
        return None
    if not shape.rotation_deg % 360:
        return box
    corners = (
        Vec(box.x, box.y),
        Vec(box.right, box.y),
        Vec(box.right, box.bottom),
        Vec(box.x, box.bottom),
    )
    c = shape.box.center
    return Box.around([rotate_about(p, c, shape.rotation_deg) for p in corners])


# The body group's attributes depend on the style alone, and shapes share a few
# style records, so they are memoized by record identity (compared with ``is``).
_BODY_ATTRS: dict[int, tuple[Style, tuple[tuple[str, AttrValue], ...]]] = {}


def _body_attrs(st: Style) -> tuple[tuple[str, AttrValue], ...]:
    hit = _BODY_ATTRS.get(id(st))
    if hit is not None and hit[0] is st:
        return hit[1]
    attrs = node(
        "g",
        fill=st.fill,
        stroke=st.stroke,
        stroke_width=st.stroke_width if st.stroke != "none" else None,
        stroke_dasharray=dasharray(st.dash, st.stroke_width),
        stroke_linejoin="round",
        filter="url(#lw-shadow)" if st.shadow else None,
    ).attrs
    return memo.keep(_BODY_ATTRS, id(st), (st, attrs))[1]
