"""Snapping a dragged box: smart guides to other shapes, else the grid.

Guides line up the dragged box's left/centre/right (and top/middle/bottom) with
the same lines of the other shapes on the page when they are within a few
screen pixels. The other shapes' lines are collected once per drag and sorted,
so each pointer move costs a few binary searches, not a pass over the page.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from linework.commands import snap
from linework.geometry import Box, Vec

#: How close, in screen pixels, a line must be to pull the box onto it.
GUIDE_PX: Final = 5.0


@dataclass(frozen=True, slots=True)
class Guide:
    """A guide line to draw: vertical at ``x = at`` or horizontal at ``y = at``."""

    vertical: bool
    at: float
    lo: float
    hi: float


class _Lines:
    def __init__(self, entries: list[tuple[float, Box]]) -> None:
        entries.sort(key=lambda e: e[0])
        self.values = [v for v, _ in entries]
        self.boxes = [b for _, b in entries]

    def nearest(self, v: float, tol: float) -> tuple[float, list[Box]] | None:
        """Return the closest line value within ``tol`` and the boxes on it."""
        i = bisect.bisect_left(self.values, v)
        best: float | None = None
        for j in (i - 1, i):
            if 0 <= j < len(self.values):
                d = abs(self.values[j] - v)
                if d <= tol and (best is None or d < abs(best - v)):
                    best = self.values[j]
        if best is None:
            return None
        lo = bisect.bisect_left(self.values, best)
        hi = bisect.bisect_right(self.values, best)
        return best, self.boxes[lo:hi]


class Snapper:
    """Snaps the moving bounds of one drag; built from the other shapes' bounds."""

    def __init__(self, others: Iterable[Box]) -> None:
        xs: list[tuple[float, Box]] = []
        ys: list[tuple[float, Box]] = []
        for b in others:
            xs.extend(((b.x, b), (b.center.x, b), (b.right, b)))
            ys.extend(((b.y, b), (b.center.y, b), (b.bottom, b)))
        self._x = _Lines(xs)
        self._y = _Lines(ys)

    def snap(
        self,
        moving: Box,
        delta: Vec,
        *,
        zoom: float,
        grid: float | None,
        guides: bool,
    ) -> tuple[Vec, list[Guide]]:
        """Return the adjusted delta for ``moving`` and the guides it lines up on.

        Each axis prefers a guide; without one it snaps the box's top-left
        corner to the grid (when ``grid`` is given).
        """
        box = moving.translated(delta)
        tol = GUIDE_PX / zoom
        out: list[Guide] = []
        dx = self._axis(
            self._x if guides else None,
            (box.x, box.center.x, box.right),
            tol,
            grid,
            box.x,
        )
        dy = self._axis(
            self._y if guides else None,
            (box.y, box.center.y, box.bottom),
            tol,
            grid,
            box.y,
        )
        snapped = box.translated(Vec(dx[0], dy[0]))
        if dx[1] is not None:
            at, boxes = dx[1]
            lo = min([snapped.y, *(b.y for b in boxes)])
            hi = max([snapped.bottom, *(b.bottom for b in boxes)])
            out.append(Guide(True, at, lo, hi))
        if dy[1] is not None:
            at, boxes = dy[1]
            lo = min([snapped.x, *(b.x for b in boxes)])
            hi = max([snapped.right, *(b.right for b in boxes)])
            out.append(Guide(False, at, lo, hi))
        return Vec(delta.x + dx[0], delta.y + dy[0]), out

    @staticmethod
    def _axis(
        lines: _Lines | None,
        values: tuple[float, float, float],
        tol: float,
        grid: float | None,
        corner: float,
    ) -> tuple[float, tuple[float, list[Box]] | None]:
        best: tuple[float, tuple[float, list[Box]]] | None = None
        if lines is not None:
            for v in values:
                hit = lines.nearest(v, tol)
                if hit is not None and (best is None or abs(hit[0] - v) < abs(best[0])):
                    best = (hit[0] - v, hit)
        if best is not None:
            return best
        if grid:
            return snap(corner, grid) - corner, None
        return 0.0, None
