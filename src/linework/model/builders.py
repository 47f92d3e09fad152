"""Records built field by field, for readers that make thousands of them.

A frozen dataclass's generated ``__init__`` sets each field through
``object.__setattr__`` (to get past its own frozen ``__setattr__``), which
makes a 15-field shape cost several times what its slot stores do; opening a
big file builds one record per element. These write the very same slots
through the slot descriptors, giving records equal to (and indistinguishable
from) the constructor's, every field given in declaration order.
``tests/unit/model/test_builders.py`` checks they stay in step with the
records' fields.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import Any, Final

from linework.geometry import Box, Vec
from linework.model.records import (
    Attached,
    Connector,
    ConnectorLabel,
    End,
    JsonObject,
    Routing,
    Shape,
)
from linework.model.rich import RichText
from linework.model.style import Style

_Setter = Callable[[object, Any], None]


def _setters(cls: type) -> tuple[_Setter, ...]:
    return tuple(cls.__dict__[f.name].__set__ for f in fields(cls))


(
    _S_ID,
    _S_PAGE,
    _S_LAYER,
    _S_PARENT,
    _S_Z,
    _S_KIND,
    _S_BOX,
    _S_ROTATION,
    _S_STYLE,
    _S_TEXT,
    _S_RICH,
    _S_LINK,
    _S_PROPS,
    _S_LOCKED,
    _S_EXTRA,
) = _setters(Shape)
(
    _C_ID,
    _C_PAGE,
    _C_LAYER,
    _C_PARENT,
    _C_Z,
    _C_SOURCE,
    _C_TARGET,
    _C_WAYPOINTS,
    _C_ROUTING,
    _C_STYLE,
    _C_LABELS,
    _C_LOCKED,
    _C_EXTRA,
) = _setters(Connector)
_A_SHAPE, _A_PORT, _A_ANCHOR = _setters(Attached)
_new: Final = object.__new__


def new_shape(
    id: str,
    page: str,
    layer: str,
    parent: str | None,
    z: int,
    kind: str,
    box: Box,
    rotation_deg: float,
    style: Style,
    text: str,
    rich: RichText | None,
    link: str,
    props: JsonObject,
    locked: bool,
    extra: JsonObject,
) -> Shape:
    """Return ``Shape(id=id, page=page, ...)``: every field, in order."""
    s: Shape = _new(Shape)
    _S_ID(s, id)
    _S_PAGE(s, page)
    _S_LAYER(s, layer)
    _S_PARENT(s, parent)
    _S_Z(s, z)
    _S_KIND(s, kind)
    _S_BOX(s, box)
    _S_ROTATION(s, rotation_deg)
    _S_STYLE(s, style)
    _S_TEXT(s, text)
    _S_RICH(s, rich)
    _S_LINK(s, link)
    _S_PROPS(s, props)
    _S_LOCKED(s, locked)
    _S_EXTRA(s, extra)
    return s


def new_connector(
    id: str,
    page: str,
    layer: str,
    parent: str | None,
    z: int,
    source: End,
    target: End,
    waypoints: tuple[Vec, ...],
    routing: Routing,
    style: Style,
    labels: tuple[ConnectorLabel, ...],
    locked: bool,
    extra: JsonObject,
) -> Connector:
    """Return ``Connector(id=id, page=page, ...)``: every field, in order."""
    c: Connector = _new(Connector)
    _C_ID(c, id)
    _C_PAGE(c, page)
    _C_LAYER(c, layer)
    _C_PARENT(c, parent)
    _C_Z(c, z)
    _C_SOURCE(c, source)
    _C_TARGET(c, target)
    _C_WAYPOINTS(c, waypoints)
    _C_ROUTING(c, routing)
    _C_STYLE(c, style)
    _C_LABELS(c, labels)
    _C_LOCKED(c, locked)
    _C_EXTRA(c, extra)
    return c


def attached_to(shape: str) -> Attached:
    """Return ``Attached(shape=shape)`` (no port, no anchor)."""
    a: Attached = _new(Attached)
    _A_SHAPE(a, shape)
    _A_PORT(a, None)
    _A_ANCHOR(a, None)
    return a
