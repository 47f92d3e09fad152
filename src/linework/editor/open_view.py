"""The view a page opens in: fitted while that stays readable, else its top-left.

draw.io opens a diagram at 100 % at its top-left, Excalidraw scrolls to the
content without zooming: neither shows a huge diagram as an unreadable smudge.
Linework fits a drawing that fits at a readable zoom (never above 100 %), and
opens one that does not at :data:`READABLE_SCALE` with the top-left of its
bounds (plus the usual margin) at the top-left of the canvas. Zoom to fit (the
button, Ctrl+0) still fits everything, down to :data:`MIN_SCALE`.

This is the one source of the opening view: the core computes it from the
canvas size the page sends with ``file-open`` and the drawing's bounds (no
layout needed), paints what it shows first (:func:`linework.editor.painter.
split_by_view`), and the reply carries it (``document.view``), which
web/canvas.js applies as it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from linework.editor.protocol import OpenView
from linework.geometry import Box, Vec, rotate_about
from linework.model import Connector, Element, Free, Page, Shape
from linework.render.label_reach import label_reach
from linework.render.shape import label_leaves_shape, label_text_bounds

#: The browser's fit (web/canvas.js ``fitTo``): the margin kept round the
#: drawing, in px...
FIT_MARGIN_PX: Final = 24.0
#: ...and the zoom range (Fit shows a 5,000-shape page whole at about 6 %).
MIN_SCALE: Final = 0.02
MAX_SCALE: Final = 8.0
#: The largest zoom a page opens at (a small drawing is not blown up).
OPEN_MAX_SCALE: Final = 1.0
#: The smallest zoom a page opens at: 12 px labels are 6 px high, still legible.
READABLE_SCALE: Final = 0.5


@dataclass(frozen=True, slots=True)
class Canvas:
    """The canvas a page opens on, in CSS px, as the page measured it.

    ``whole``: open fitted whole (at most at 100 %, down to 2 %), as the
    viewer shows a diagram, instead of never below a readable zoom.
    """

    width: float
    height: float
    whole: bool = False


@dataclass(frozen=True, slots=True)
class View:
    """Zoom and pan: a page point p shows at ``p * scale + (x, y)`` canvas px."""

    scale: float
    x: float
    y: float

    def shows(self, width: float, height: float, slack_px: float = 0.0) -> Box:
        """Return the page area a ``width`` × ``height`` px canvas shows,
        grown by ``slack_px`` screen pixels on every side."""
        s = self.scale
        slack = slack_px / s
        return Box(
            -self.x / s - slack,
            -self.y / s - slack,
            width / s + 2 * slack,
            height / s + 2 * slack,
        )

    def to_json(self) -> OpenView:
        """Return ``{scale, x, y}`` (the page's ``linework.view()`` shape)."""
        return {"scale": self.scale, "x": self.x, "y": self.y}


def fitted(drawing: Box, width: float, height: float, floor: float = MIN_SCALE) -> View:
    """Return the view of ``drawing`` on a ``width`` × ``height`` px canvas.

    Centred and fitted within the margin, at most at :data:`OPEN_MAX_SCALE`; when that
    would be below ``floor``, at ``floor`` with the drawing's top-left corner
    at the margin instead. The same arithmetic as web/canvas.js ``fitTo``.
    """
    m = FIT_MARGIN_PX
    if drawing.w <= 0 or drawing.h <= 0 or width <= 0 or height <= 0:
        return View(1.0, m, m)
    scale = min(
        OPEN_MAX_SCALE, (width - 2 * m) / drawing.w, (height - 2 * m) / drawing.h
    )
    scale = min(MAX_SCALE, max(MIN_SCALE, scale))
    if scale < floor:
        return View(floor, m - drawing.x * floor, m - drawing.y * floor)
    return View(
        scale,
        (width - drawing.w * scale) / 2 - drawing.x * scale,
        (height - drawing.h * scale) / 2 - drawing.y * scale,
    )


def opening_view(drawing: Box, canvas: Canvas) -> View:
    """Return the view a page opens in on ``canvas`` (see the module's docstring)."""
    w, h = canvas.width, canvas.height
    return fitted(drawing, w, h, floor=MIN_SCALE if canvas.whole else READABLE_SCALE)


#: How far past its listed points a free connector may draw (heads, stroke).
_POINT_REACH: Final = 12.0


def drawing_bounds(page: Page, elements: Iterable[Element]) -> Box:
    """Return the drawing's box: the page box grown to hold every element.

    Shapes count with their box (every kind's outline lies inside it; a
    rotated one with its turned corners) and a label that may leave them;
    connectors with their free ends and waypoints (attached ends lie on
    shapes already counted). Nothing is outlined or routed: a route's detour
    past every shape is not counted.

    Laying out a label is the costly part, and most labels (an icon's name
    below it) lie well inside the drawing: a label is laid out only when its
    cheap reach (:func:`linework.render.label_reach.label_reach`) or its
    shape's box is not well inside the rest. The result is the very box
    laying out every label gives, to the last bit: a shape left out lies
    more than a pixel inside an edge some counted element holds.
    """
    x0, y0, x1, y1 = 0.0, 0.0, max(0.0, page.width), max(0.0, page.height)
    labelled: list[tuple[Shape, Box, tuple[float, float, float, float] | None]] = []
    for el in elements:
        if isinstance(el, Shape):
            b = el.box if not el.rotation_deg % 360 else _turned_box(el)
            if label_leaves_shape(el):
                labelled.append((el, b, label_reach(el)))
                continue
            x0, y0 = min(x0, b.x), min(y0, b.y)
            x1, y1 = max(x1, b.x + b.w), max(y1, b.y + b.h)
        elif isinstance(el, Connector):
            r = _POINT_REACH
            for p in el.waypoints:
                x0, y0 = min(x0, p.x - r), min(y0, p.y - r)
                x1, y1 = max(x1, p.x + r), max(y1, p.y + r)
            for end in (el.source, el.target):
                if isinstance(end, Free):
                    p = end.point
                    x0, y0 = min(x0, p.x - r), min(y0, p.y - r)
                    x1, y1 = max(x1, p.x + r), max(y1, p.y + r)
    if not labelled:
        return Box(x0, y0, x1 - x0, y1 - y0)
    # What the counted elements and every labelled shape's box hold: each
    # edge of it is held by a counted element or by a box whose label is
    # laid out below, so it lies within rounding of the result's.
    e0, f0, e1, f1 = x0, y0, x1, y1
    for _, b, _ in labelled:
        e0, f0 = min(e0, b.x), min(f0, b.y)
        e1, f1 = max(e1, b.x + b.w), max(f1, b.y + b.h)
    e0, f0, e1, f1 = e0 + _INSIDE, f0 + _INSIDE, e1 - _INSIDE, f1 - _INSIDE
    for el, b, reach in labelled:
        if (
            reach is not None
            and e0 < reach[0]
            and f0 < reach[1]
            and reach[2] < e1
            and reach[3] < f1
            and e0 < b.x
            and f0 < b.y
            and b.x + b.w < e1
            and b.y + b.h < f1
        ):
            continue
        label = label_text_bounds(el)
        if label is not None:
            b = b.union(label)
        x0, y0 = min(x0, b.x), min(y0, b.y)
        x1, y1 = max(x1, b.x + b.w), max(y1, b.y + b.h)
    return Box(x0, y0, x1 - x0, y1 - y0)


#: How far inside the drawing's edges (page units) a shape and its label's
#: reach must lie for the label not to be laid out: far more than rounding.
_INSIDE: Final = 1.0


def _turned_box(shape: Shape) -> Box:
    """Return the box round a turned shape's corners."""
    b = shape.box
    c = b.center
    corners = (
        rotate_about(Vec(x, y), c, shape.rotation_deg)
        for x in (b.x, b.x + b.w)
        for y in (b.y, b.y + b.h)
    )
    return Box.around(list(corners))
