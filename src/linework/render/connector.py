"""Connector → SVG: a hit path, the line, its arrowheads and its labels.

The fragment is one ``<g data-id=… data-kind="connector">`` that needs no CSS
and no shared ``<defs>``: the editor swaps it in and out of the DOM alone.
"""

from __future__ import annotations

from typing import Final

from linework.geometry import Box, Vec
from linework.model import Connector, ConnectorLabel, Document, Page, Style
from linework.model.rich import rich_for
from linework.render.arrowheads import arrowhead, arrowhead_svg, inset
from linework.render.ids import prefixed
from linework.render.paint import dasharray, family_of
from linework.render.richtext import RichLayout, layout_rich, rich_nodes
from linework.render.text import text_nodes
from linework.routing import Route, path_data, point_at, route, trimmed
from linework.svg import AttrValue, SvgNode, attrs_text, esc_attr, node, serialize
from linework.text import TextLayout, layout_text

#: The invisible stroke that makes a thin line easy to hit with a pointer.
HIT_WIDTH: Final = 12.0
#: Room between a label's text and the edge of its background.
LABEL_PADDING: Final = 2.0
_WHITE: Final = "#ffffff"


def connector_svg(
    doc: Document, connector: Connector, *, hidden: bool = False, id_prefix: str = ""
) -> str:
    """Return the SVG text of one connector (a canvas fragment).

    Args:
        doc: The document, for the end shapes and the page background.
        connector: The connector to draw.
        hidden: Draw it with ``display="none"`` (its layer is hidden).
        id_prefix: Prefix ids and local references as ``ids.prefixed`` does
            to a node tree (a render sharing a page with others).

    Returns:
        ``<g data-id data-kind="connector">`` holding, in paint order, the hit
        path, the visible path, the arrowheads and the labels. The frame and
        the two paths are written here (each connector of a big page passes
        through, and building nodes to serialize costs more than the text);
        everything goes through the serializer's escaping and number format.
    """
    style = connector.style
    w = max(style.stroke_width, 0.0)
    r = route(doc, connector)
    start, end, hit_attrs, line_attrs, attrs = _style_parts(style)
    line = trimmed(r, start, end)
    # Opacity on the group, so line and heads fade as one (no darker overlap).
    group: tuple[tuple[str, AttrValue], ...] = (
        ("data-id", connector.id),
        ("data-kind", "connector"),
    )
    if not style.opacity >= 1.0:  # NaN too, as node() would keep it
        group += (("opacity", max(style.opacity, 0.0)),)
    if hidden:
        group += (("display", "none"),)
    if id_prefix:  # the path data ("d") holds numbers only: nothing to prefix
        group = _prefixed(group, id_prefix)
        hit_attrs = attrs_text(_prefixed(attrs[0], id_prefix))
        line_attrs = attrs_text(_prefixed(attrs[1], id_prefix))
    parts = [
        "<g",
        attrs_text(group),
        '><path d="',
        esc_attr(path_data(r)),
        '"',
        hit_attrs,
        '/><path d="',
        esc_attr(path_data(line)),
        '"',
        line_attrs,
        "/>",
    ]
    if id_prefix:
        heads = (
            *arrowhead(
                style.start_arrow,
                r.points[0],
                r.start_dir,
                w,
                color=style.stroke,
                size=style.start_arrow_size,
            ),
            *arrowhead(
                style.end_arrow,
                r.points[-1],
                r.end_dir,
                w,
                color=style.stroke,
                size=style.end_arrow_size,
            ),
        )
        parts.extend([serialize(prefixed(n, id_prefix)) for n in heads])
    else:  # the heads' text, written without nodes where it is common
        parts.append(
            arrowhead_svg(
                style.start_arrow,
                r.points[0],
                r.start_dir,
                w,
                color=style.stroke,
                size=style.start_arrow_size,
            )
        )
        parts.append(
            arrowhead_svg(
                style.end_arrow,
                r.points[-1],
                r.end_dir,
                w,
                color=style.stroke,
                size=style.end_arrow_size,
            )
        )
    if connector.labels:
        background = _background(doc, connector)
        for i, label in enumerate(connector.labels):
            nodes = _label(r, label, i, style, background)
            parts.extend([serialize(prefixed(n, id_prefix)) for n in nodes])
    parts.append("</g>")
    return "".join(parts)


_Attrs = tuple[tuple[str, AttrValue], ...]
# What a connector's drawing takes from its style alone: how far the line
# stops short of each head, and the hit path's and the visible path's
# attributes after ``d`` (as text, and as pairs for a prefixed render).
# Connectors share a few style records, so memoized by record identity (the
# stored record is compared with ``is``, so a recycled id() cannot alias).
_StyleParts = tuple[float, float, str, str, tuple[_Attrs, _Attrs]]
_STYLE_PARTS: dict[int, tuple[Style, _StyleParts]] = {}


def _prefixed(attrs: _Attrs, prefix: str) -> _Attrs:
    return prefixed(SvgNode("g", attrs), prefix).attrs


def _style_parts(style: Style) -> _StyleParts:
    hit = _STYLE_PARTS.get(id(style))
    if hit is not None and hit[0] is style:
        return hit[1]
    w = max(style.stroke_width, 0.0)
    hit_attrs = node(
        "path",
        fill="none",
        stroke="#000000",
        stroke_opacity=0,
        stroke_width=max(HIT_WIDTH, w + 8.0),
        data_hit="connector",
    ).attrs
    line_attrs = node(
        "path",
        fill="none",
        stroke=style.stroke,
        stroke_width=w,
        stroke_dasharray=dasharray(style.dash, w),
        stroke_linejoin="round",
    ).attrs
    parts = (
        inset(style.start_arrow, w, style.start_arrow_size),
        inset(style.end_arrow, w, style.end_arrow_size),
        attrs_text(hit_attrs),
        attrs_text(line_attrs),
        (hit_attrs, line_attrs),
    )
    if len(_STYLE_PARTS) >= 4096:
        _STYLE_PARTS.clear()
    _STYLE_PARTS[id(style)] = (style, parts)
    return parts


def label_center(r: Route, label: ConnectorLabel) -> Vec:
    """Return the centre of a label: its point along the route plus its offset."""
    p, _ = point_at(r, label.position)
    return p + label.offset


def label_layout(
    r: Route, label: ConnectorLabel, style: Style
) -> tuple[Vec, TextLayout]:
    """Return a label's centre and its text laid out there (one line per line feed).

    The one measurement of a connector label: the renderer draws it, and the
    editor grabs and edits exactly this box (``label_box``).
    """
    c = label_center(r, label)
    rich = _rich_layout(c, label, style)
    if rich is not None:
        return c, rich.plain
    layout = layout_text(
        label.text,
        width=0.0,
        size_px=style.font_size,
        bold=style.bold,
        italic=style.italic,
        align="center",
        valign="middle",
        box=(c.x, c.y, 0.0, 0.0),
        wrap=False,
        family=family_of(style),
    )
    return c, layout


def _rich_layout(c: Vec, label: ConnectorLabel, style: Style) -> RichLayout | None:
    """Lay out a label's runs centred on ``c``; paragraphs align in its width."""
    rich = rich_for(label.text, label.rich)
    if rich is None:
        return None
    first = layout_rich(rich, Box(c.x, c.y, 0.0, 0.0), style, wrap=False)
    w = first.plain.width
    return layout_rich(rich, Box(c.x - w / 2, c.y, w, 0.0), style, wrap=False)


def label_box(r: Route, label: ConnectorLabel, style: Style) -> Box:
    """Return the box a label's background covers (its text plus padding)."""
    c, layout = label_layout(r, label, style)
    w = layout.width + 2 * LABEL_PADDING
    h = layout.height + 2 * LABEL_PADDING
    return Box(c.x - w / 2, c.y - h / 2, w, h)


def _label(
    r: Route, label: ConnectorLabel, index: int, style: Style, background: str
) -> tuple[SvgNode, ...]:
    """Return a label's text on a background that hides the line behind it."""
    if not label.text:
        return ()
    c, layout = label_layout(r, label, style)
    pad = LABEL_PADDING
    rect = node(
        "rect",
        x=c.x - layout.width / 2 - pad,
        y=c.y - layout.height / 2 - pad,
        width=layout.width + 2 * pad,
        height=layout.height + 2 * pad,
        fill=background,
        stroke="none",
    )
    rich = _rich_layout(c, label, style)
    texts = rich_nodes(rich, style) if rich is not None else text_nodes(layout, style)
    return (node("g", rect, *texts, data_label=str(index)),)


def _background(doc: Document, connector: Connector) -> str:
    """Return the page background (white when the page is transparent)."""
    page = doc.get(connector.page)
    if isinstance(page, Page) and page.background.startswith("#"):
        return page.background
    return _WHITE
