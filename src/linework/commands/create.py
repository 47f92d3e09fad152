"""Commands that create elements: shapes, free text and connectors."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from linework.commands._base import CommandError, ZCounter, layer_of, shape, snap
from linework.geometry import Box, Vec
from linework.model import (
    DEFAULT_STYLE,
    ROUTINGS,
    Attached,
    Connector,
    ConnectorLabel,
    Document,
    End,
    IdSource,
    Patch,
    Routing,
    Shape,
    Style,
    Transaction,
    frozen_map,
)
from linework.shapes import KINDS, ShapeKind, kind_of
from linework.shapes.defaults import kind_defaults

#: How free text looks: no fill and no border, just the label.
TEXT_STYLE = replace(DEFAULT_STYLE, fill="none", stroke="none")


def _target_layer(doc: Document, page_id: str, layer_id: str) -> str:
    layer = layer_of(doc, layer_id)
    if layer.page != page_id:
        raise CommandError(f"layer {layer_id!r} is not on page {page_id!r}")
    return layer.id


def add_shape(
    doc: Document,
    ids: IdSource,
    *,
    page: str,
    layer: str,
    kind: str,
    center: Vec | None = None,
    box: Box | None = None,
    text: str = "",
    style: Style = DEFAULT_STYLE,
    grid: float | None = None,
    kinds: Mapping[str, ShapeKind] = KINDS,
    props: Mapping[str, Any] | None = None,
) -> Patch:
    """Add one shape on top of its layer.

    Args:
        doc: The document.
        ids: Where the new id comes from.
        page: The page to add to.
        layer: The layer (of that page) to add to.
        kind: The kind's name; unknown names are kept (drawn as rectangles).
        center: Centre of a shape of the kind's default size.
        box: An explicit box instead (wins over ``center``).
        text: The label (empty: the kind's ``default_text``, if it has one
            and no ``props`` are given).
        style: The style (the default: the kind's ``default_style``, if any).
        grid: Snap the top-left corner to this grid when given.
        kinds: The kinds registry (for the default size).
        props: Per-kind data (an image's ``src``; an icon's SVG and origin).

    Returns:
        The patch adding the shape (its only added record).
    """
    layer = _target_layer(doc, page, layer)
    # A kind may say what a fresh shape starts with (a class: name and rows; a
    # mockup button: "Button"; a form control: a caption read from the left).
    start_text, start_props, start_style = kind_defaults(kind_of(kind, kinds))
    if not props and start_props:
        props = start_props
    if not text and start_text:
        text = start_text
    if style is DEFAULT_STYLE and start_style:
        style = replace(style, **start_style)
    if box is None:
        w, h = kind_of(kind, kinds).default_size
        c = center if center is not None else Vec(w / 2, h / 2)
        box = Box(c.x - w / 2, c.y - h / 2, w, h)
    box = Box(snap(box.x, grid), snap(box.y, grid), max(box.w, 1.0), max(box.h, 1.0))
    tx = Transaction(doc)
    tx.put(
        Shape(
            id=ids.new("shape"),
            page=page,
            layer=layer,
            z=ZCounter(doc, page).above(layer),
            kind=kind,
            box=box,
            style=style,
            text=text,
            props=frozen_map(dict(props or {})),
        )
    )
    return tx.patch()


def add_text(
    doc: Document,
    ids: IdSource,
    *,
    page: str,
    layer: str,
    center: Vec,
    text: str = "",
    grid: float | None = None,
    kinds: Mapping[str, ShapeKind] = KINDS,
) -> Patch:
    """Add a free text (the ``text`` kind, no fill or border) centred on ``center``."""
    return add_shape(
        doc,
        ids,
        page=page,
        layer=layer,
        kind="text",
        center=center,
        text=text,
        style=TEXT_STYLE,
        grid=grid,
        kinds=kinds,
    )


def check_end(doc: Document, page: str, end: End) -> None:
    """Refuse an end attached to a shape that is not on ``page``.

    Raises:
        CommandError: naming the problem.
    """
    if isinstance(end, Attached):
        s = shape(doc, end.shape)
        if s is None or s.page != page:
            raise CommandError(f"no shape {end.shape!r} on page {page!r}")


def connect(
    doc: Document,
    ids: IdSource,
    *,
    page: str,
    layer: str,
    source: End,
    target: End,
    routing: Routing = "orthogonal",
    waypoints: tuple[Vec, ...] = (),
    style: Style = DEFAULT_STYLE,
    text: str = "",
) -> Patch:
    """Add a connector between two ends (each attached to a shape or free).

    Raises:
        CommandError: if an attached end names no shape of the page, or the
            routing is unknown.
    """
    layer = _target_layer(doc, page, layer)
    if routing not in ROUTINGS:
        raise CommandError(f"unknown routing {routing!r}")
    check_end(doc, page, source)
    check_end(doc, page, target)
    tx = Transaction(doc)
    tx.put(
        Connector(
            id=ids.new("conn"),
            page=page,
            layer=layer,
            z=ZCounter(doc, page).above(layer),
            source=source,
            target=target,
            routing=routing,
            waypoints=waypoints,
            style=style,
            labels=(ConnectorLabel(text=text),) if text else (),
        )
    )
    return tx.patch()
