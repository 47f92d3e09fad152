"""A tiny document builder and route checks shared by the routing tests."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from linework.geometry import Box, Vec
from linework.model import (
    Attached,
    Connector,
    ConnectorLabel,
    Document,
    End,
    Free,
    IdSource,
    Record,
    Routing,
    Shape,
    Style,
)
from linework.model.style import DEFAULT_STYLE


class Builder:
    """Collects shapes and connectors on one page, then makes the document."""

    def __init__(self) -> None:
        self.ids = IdSource()
        base = Document.new(self.ids)
        self.page = base.pages()[0].id
        self.layer = base.layers(self.page)[0].id
        self.records: dict[str, Record] = dict(base.records)

    def shape(
        self,
        x: float,
        y: float,
        w: float = 100.0,
        h: float = 60.0,
        *,
        kind: str = "rectangle",
        rotation_deg: float = 0.0,
    ) -> Shape:
        """Add a shape and return it."""
        s = Shape(
            id=self.ids.new("shape"),
            page=self.page,
            layer=self.layer,
            kind=kind,
            box=Box(x, y, w, h),
            rotation_deg=rotation_deg,
        )
        self.records[s.id] = s
        return s

    def connector(
        self,
        source: End,
        target: End,
        *,
        routing: Routing = "orthogonal",
        waypoints: Sequence[Vec] = (),
        style: Style = DEFAULT_STYLE,
        labels: Sequence[ConnectorLabel] = (),
    ) -> Connector:
        """Add a connector and return it."""
        c = Connector(
            id=self.ids.new("conn"),
            page=self.page,
            layer=self.layer,
            source=source,
            target=target,
            routing=routing,
            waypoints=tuple(waypoints),
            style=style,
            labels=tuple(labels),
        )
        self.records[c.id] = c
        return c

    def doc(self) -> Document:
        """Return the document built so far."""
        return Document(records=dict(self.records))


def at(shape: Shape, port: str | None = None) -> Attached:
    """Return an end attached to ``shape`` (floating without a port)."""
    return Attached(shape=shape.id, port=port)


def free(x: float, y: float) -> Free:
    """Return a free end at (x, y)."""
    return Free(point=Vec(x, y))


def is_axis_aligned(points: Sequence[Vec], tol: float = 1e-6) -> bool:
    """Return whether every segment is horizontal or vertical."""
    return all(
        abs(a.x - b.x) <= tol or abs(a.y - b.y) <= tol for a, b in pairwise(points)
    )


def enters(points: Sequence[Vec], box: Box, tol: float = 1e-6) -> bool:
    """Return whether an axis-aligned polyline passes through the box's interior."""
    for a, b in pairwise(points):
        lo_x, hi_x = min(a.x, b.x), max(a.x, b.x)
        lo_y, hi_y = min(a.y, b.y), max(a.y, b.y)
        if (
            hi_x > box.left + tol
            and lo_x < box.right - tol
            and hi_y > box.top + tol
            and lo_y < box.bottom - tol
        ):
            return True
    return False


def passes_in_order(points: Sequence[Vec], waypoints: Sequence[Vec]) -> bool:
    """Return whether the waypoints appear among the points, in order."""
    i = 0
    for p in points:
        while i < len(waypoints) and p == waypoints[i]:
            i += 1
    return i == len(waypoints)
