"""Connector labels as things the pointer can grab: where each one is drawn,
which one is under a point, and where along a path a point falls.

Label boxes come from ``render.connector.label_box``, the measurement the
renderer draws with, so what the user sees is what a double-click or a drag picks.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from linework.geometry import Box, Vec
from linework.model import Connector
from linework.render.connector import label_box
from linework.routing import Route, polyline


@dataclass(frozen=True, slots=True)
class LabelHit:
    """A connector label under the pointer: the connector and the label's index."""

    conn: str
    index: int
    box: Box


def label_boxes(c: Connector, r: Route) -> list[tuple[int, Box]]:
    """Return the drawn box of each non-empty label of ``c`` on route ``r``."""
    out: list[tuple[int, Box]] = []
    for i, label in enumerate(c.labels):
        if label.text:  # the renderer draws nothing for an empty one either
            out.append((i, label_box(r, label, c.style)))
    return out


def position_near(r: Route, p: Vec) -> float:
    """Return the fraction (0..1) of the path's length nearest to ``p``.

    Measured on the drawn polyline, the same one ``point_at`` walks, so a
    label moved to the returned position lands under the pointer.
    """
    pts = polyline(r)
    if len(pts) < 2:
        return 0.5
    total = 0.0
    best_d = float("inf")
    best_at = 0.0
    for a, b in pairwise(pts):
        ab = b - a
        n2 = ab.x * ab.x + ab.y * ab.y
        k = 0.0 if n2 == 0.0 else ((p.x - a.x) * ab.x + (p.y - a.y) * ab.y) / n2
        k = min(1.0, max(0.0, k))
        q = Vec(a.x + ab.x * k, a.y + ab.y * k)
        seg = n2**0.5
        d = q.distance(p)
        if d < best_d:
            best_d, best_at = d, total + seg * k
        total += seg
    return 0.5 if total == 0.0 else best_at / total
