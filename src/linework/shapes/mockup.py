"""Mockup (wireframe) kinds: browser window, phone, form controls, tabs, table.

Each widget is a box-shaped kind whose ``body`` draws the widget's chrome on top
of the style's fill and stroke; the label sits where the widget shows its text
(a button's face, a checkbox's caption, a browser's content area). Per-kind data
lives in ``props`` (all optional, documented in docs/file-format.md):

- ``theme``: ``"dark"`` paints the widget's surfaces dark (the light look is the
  style's own fill); :func:`surface_fill` tells the renderer which fill the
  label sits on, so an unset font colour turns light there.
- ``checked`` (checkbox, radio, toggle): bool.
- ``value`` (slider): 0..1, where the handle sits.
- ``tabs``, ``active`` (tabs): how many tabs, which one is in front.
- ``rows``, ``columns`` (table): the grid; the first row is the header; (image
  placeholder) draw.io's icon grid of crossed boxes instead of one picture.

Decorations use the group's stroke unless they paint an explicit colour, so a
mockup restyled by the user keeps its look consistent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from linework.geometry import Box, Vec
from linework.model import Shape
from linework.shapes.kind import BoxKind, box_rect, diagonals, lines_node, polyline_d
from linework.shapes.table import table_kinds
from linework.svg import SvgNode, node

#: The dark theme's surface and its lines (the light theme uses the style).
DARK_FILL: Final = "#1f2933"
DARK_LINE: Final = "#52606d"
#: The accent of "on" controls (checked toggle, slider's filled track).
ACCENT: Final = "#2563eb"
#: A faint surface (browser bar, table header) in the light theme.
LIGHT_TINT: Final = "#e4e7eb"
_MAX_GRID: Final = 50


def is_dark(shape: Shape) -> bool:
    """Return whether the shape asks for the dark theme."""
    return shape.props.get("theme") == "dark"


def _int_prop(shape: Shape, name: str, default: int, lo: int, hi: int) -> int:
    raw = shape.props.get(name, default)
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        return default
    return max(lo, min(hi, int(raw)))


#: Decoration lines on a dark surface (the style's stroke would vanish there).
DARK_DETAIL: Final = "#cbd2d9"


def _lines(shape: Shape, *runs: Sequence[Vec], themed: bool = True) -> SvgNode:
    """Return decoration lines, light on a dark surface, else the style's stroke."""
    if themed and is_dark(shape):
        return node("path", d=polyline_d(*runs), fill="none", stroke=DARK_DETAIL)
    return lines_node(*runs)


def _checked(shape: Shape) -> bool:
    return shape.props.get("checked") is True


def _rect(b: Box, r: float = 0.0, /, **attrs: Any) -> SvgNode:
    rr = r if r > 0 else None
    return box_rect(b, rx=rr, ry=rr, **attrs)


def _circle(c: Vec, r: float, /, **attrs: Any) -> SvgNode:
    return node("circle", cx=c.x, cy=c.y, r=r, **attrs)


@dataclass(frozen=True, slots=True, kw_only=True)
class MockupKind(BoxKind):
    """A widget drawn over its box; ``theme: dark`` may darken its surfaces."""

    #: Whether ``theme: dark`` changes the look (else the prop is ignored).
    themed: bool = True

    def surface_fill(self, shape: Shape) -> str:
        """Return the fill the label is drawn on (for the readable-text rule)."""
        if self.themed and is_dark(shape):
            return DARK_FILL
        return shape.style.fill

    def _surface(self, shape: Shape) -> dict[str, str | float | None]:
        """Attributes of a themed surface: dark paints over the style's fill."""
        if self.themed and is_dark(shape):
            return {"fill": DARK_FILL, "stroke": DARK_LINE}
        return {}

    def _tint(self, shape: Shape) -> str:
        return "#323f4b" if self.themed and is_dark(shape) else LIGHT_TINT


@dataclass(frozen=True, slots=True, kw_only=True)
class _BandKind(MockupKind):
    """A mock-up with a band across its top (a title bar, a tab strip).

    The band is ``band`` high but never more than half the shape; the label
    sits in the area under it.
    """

    band: float = 40.0

    def _band(self, shape: Shape) -> float:
        return min(self.band, shape.box.h / 2)

    def label_box(self, shape: Shape) -> Box:
        """Return the area under the band."""
        b, d = shape.box, self._band(shape)
        return Box(b.x, b.y + d, b.w, max(b.h - d, 0.0))


@dataclass(frozen=True, slots=True, kw_only=True)
class BrowserKind(_BandKind):
    """A browser window: title bar with three dots and an address bar."""

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the frame, the bar, its dots and the address field."""
        b, d = shape.box, self._band(shape)
        surface = self._surface(shape)
        tint = self._tint(shape)
        dots = tuple(
            _circle(Vec(b.x + 14 + 14 * i, b.y + d / 2), min(4.0, d / 6), fill=c)
            for i, c in enumerate(("#ef4444", "#f59e0b", "#22c55e"))
        )
        left = b.x + 60
        field = Box(left, b.y + d * 0.22, max(b.w - (left - b.x) - 12, 0.0), d * 0.56)
        return (
            _rect(b, 4.0, **surface),
            _rect(Box(b.x, b.y, b.w, d), 4.0, fill=tint),
            _lines(shape, [Vec(b.x, b.y + d), Vec(b.right, b.y + d)]),
            *dots,
            _rect(field, d * 0.28, fill=DARK_FILL if is_dark(shape) else "#ffffff"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class PhoneKind(MockupKind):
    """A phone frame: rounded body, screen, speaker slot and home indicator."""

    def _screen(self, shape: Shape) -> Box:
        b = shape.box
        side, top, bottom = b.w * 0.06, b.h * 0.1, b.h * 0.09
        return Box(b.x + side, b.y + top, b.w - 2 * side, b.h - top - bottom)

    def label_box(self, shape: Shape) -> Box:
        """Return the screen."""
        return self._screen(shape)

    def surface_fill(self, shape: Shape) -> str:
        """The screen is white in the light theme, dark in the dark one."""
        return DARK_FILL if is_dark(shape) else "#ffffff"

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the case (style fill), the screen, speaker and home bar."""
        b = shape.box
        s = self._screen(shape)
        r = min(b.w, b.h) * 0.12
        mid = b.x + b.w / 2
        speaker_y = b.y + (s.y - b.y) / 2
        home_y = s.bottom + (b.bottom - s.bottom) / 2
        screen_fill = DARK_FILL if is_dark(shape) else "#ffffff"
        return (
            _rect(b, r),
            _rect(s, 2.0, fill=screen_fill),
            _lines(
                shape,
                [Vec(mid - b.w * 0.12, speaker_y), Vec(mid + b.w * 0.12, speaker_y)],
                themed=False,
            ),
            _lines(
                shape,
                [Vec(mid - b.w * 0.15, home_y), Vec(mid + b.w * 0.15, home_y)],
                themed=False,
            ),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class ButtonKind(MockupKind):
    """A push button: a rounded face with its caption."""

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the rounded face."""
        b = shape.box
        return (_rect(b, min(6.0, b.h / 2), **self._surface(shape)),)


@dataclass(frozen=True, slots=True, kw_only=True)
class InputKind(MockupKind):
    """A one-line text field: a box with a caret after the placeholder's start."""

    def label_box(self, shape: Shape) -> Box:
        """Return the field less a small inset on the left."""
        b = shape.box
        return Box(b.x + 4, b.y, max(b.w - 8, 0.0), b.h)

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the field and the caret."""
        b = shape.box
        x = b.x + 8
        return (
            _rect(b, 3.0, **self._surface(shape)),
            _lines(shape, [Vec(x, b.y + b.h * 0.25), Vec(x, b.bottom - b.h * 0.25)]),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class DropdownKind(MockupKind):
    """A drop-down list: a field, a divider and a chevron on the right."""

    def _button(self, shape: Shape) -> float:
        return min(shape.box.h, shape.box.w / 3)

    def label_box(self, shape: Shape) -> Box:
        """Return the field left of the chevron button."""
        b = shape.box
        return Box(b.x, b.y, max(b.w - self._button(shape), 0.0), b.h)

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the field, the divider and the chevron."""
        b = shape.box
        w = self._button(shape)
        x = b.right - w
        c = Vec(x + w / 2, b.y + b.h / 2)
        k = min(w, b.h) * 0.15
        return (
            _rect(b, 3.0, **self._surface(shape)),
            _lines(
                shape,
                [Vec(x, b.y), Vec(x, b.bottom)],
                [
                    Vec(c.x - k, c.y - k / 2),
                    Vec(c.x, c.y + k / 2),
                    Vec(c.x + k, c.y - k / 2),
                ],
            ),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckKind(MockupKind):
    """A checkbox or radio button: the mark on the left, the caption beside it."""

    round: bool = False

    def _mark(self, shape: Shape) -> Box:
        b = shape.box
        s = min(16.0, b.h, b.w)
        return Box(b.x, b.y + (b.h - s) / 2, s, s)

    def label_box(self, shape: Shape) -> Box:
        """Return the caption area right of the mark."""
        b, m = shape.box, self._mark(shape)
        return Box(m.right + 2, b.y, max(b.right - m.right - 2, 0.0), b.h)

    def surface_fill(self, shape: Shape) -> str:
        """The caption sits on the page, not on the mark: the style's fill."""
        return shape.style.fill

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return an invisible hit area, the mark and its tick or dot."""
        b, m = shape.box, self._mark(shape)
        area = _rect(b, fill="#ffffff", fill_opacity=0.0, stroke="none")
        surface = self._surface(shape)
        if self.round:
            c = m.center
            out: list[SvgNode] = [area, _circle(c, m.w / 2, **surface)]
            if _checked(shape):
                out.append(_circle(c, m.w / 4, fill=ACCENT, stroke="none"))
            return tuple(out)
        out = [area, _rect(m, 2.0, **surface)]
        if _checked(shape):
            out.append(
                node(
                    "path",
                    d=_tick(m),
                    fill="none",
                    stroke=ACCENT,
                    stroke_width=2.0,
                )
            )
        return tuple(out)


def _tick(m: Box) -> str:
    return polyline_d(
        [
            Vec(m.x + m.w * 0.2, m.y + m.h * 0.5),
            Vec(m.x + m.w * 0.42, m.y + m.h * 0.72),
            Vec(m.x + m.w * 0.8, m.y + m.h * 0.28),
        ]
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class ToggleKind(MockupKind):
    """An on/off switch: a pill with its knob right (on, accent) or left (off)."""

    def surface_fill(self, shape: Shape) -> str:
        """The caption (if any) sits on the track."""
        if _checked(shape):
            return ACCENT
        return MockupKind.surface_fill(self, shape)

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the track and the knob."""
        b = shape.box
        r = b.h / 2
        on = _checked(shape)
        track = _rect(b, r, fill=ACCENT) if on else _rect(b, r, **self._surface(shape))
        pad = max(b.h * 0.12, 1.0)
        kr = max(r - pad, 1.0)
        cx = b.right - pad - kr if on else b.x + pad + kr
        return (track, _circle(Vec(cx, b.y + r), kr, fill="#ffffff"))


@dataclass(frozen=True, slots=True, kw_only=True)
class SliderKind(MockupKind):
    """A slider: a track, its filled part up to ``value`` and a round handle."""

    themed: bool = False

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return an invisible hit area, the track, the filled part and the handle."""
        b = shape.box
        raw = shape.props.get("value", 0.5)
        value = (
            float(raw)
            if isinstance(raw, int | float) and not isinstance(raw, bool)
            else 0.5
        )
        value = max(0.0, min(1.0, value))
        r = min(b.h / 2, 9.0)
        y = b.y + b.h / 2
        x0, x1 = b.x + r, b.right - r
        at = x0 + (x1 - x0) * value
        return (
            _rect(b, fill="#ffffff", fill_opacity=0.0, stroke="none"),
            _rect(Box(x0, y - 2, max(x1 - x0, 0.0), 4), 2.0, fill=LIGHT_TINT),
            _rect(
                Box(x0, y - 2, max(at - x0, 0.0), 4), 2.0, fill=ACCENT, stroke="none"
            ),
            _circle(Vec(at, y), r),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class TabsKind(_BandKind):
    """A tab bar over a panel: ``tabs`` tabs, ``active`` in front."""

    band: float = 32.0

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the panel, the tabs behind and the active tab joined to it."""
        b, d = shape.box, self._band(shape)
        n = _int_prop(shape, "tabs", 3, 1, 12)
        active = _int_prop(shape, "active", 0, 0, n - 1)
        w = min(120.0, b.w / n)
        surface = self._surface(shape)
        panel = _rect(Box(b.x, b.y + d, b.w, max(b.h - d, 0.0)), **surface)
        out: list[SvgNode] = [panel]
        for i in range(n):
            tab = Box(b.x + i * w, b.y, w, d)
            if i == active:
                continue
            out.append(_rect(tab, fill=self._tint(shape)))
        front = Box(b.x + active * w, b.y, w, d + 1)
        out.append(_rect(front, **surface))
        out.append(
            _lines(
                shape,
                [
                    Vec(front.x, b.y + d),
                    Vec(front.x, b.y),
                    Vec(front.right, b.y),
                    Vec(front.right, b.y + d),
                ],
            )
        )
        return tuple(out)


@dataclass(frozen=True, slots=True, kw_only=True)
class TableKind(MockupKind):
    """A data grid: ``rows`` by ``columns`` cells, the first row a header."""

    def _rows(self, shape: Shape) -> int:
        return _int_prop(shape, "rows", 4, 1, _MAX_GRID)

    def label_box(self, shape: Shape) -> Box:
        """Return the header row (the table's title)."""
        b = shape.box
        return Box(b.x, b.y, b.w, b.h / self._rows(shape))

    def surface_fill(self, shape: Shape) -> str:
        """The title sits on the header's tint."""
        return "#323f4b" if is_dark(shape) else LIGHT_TINT

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the grid, the header tinted."""
        b = shape.box
        rows = self._rows(shape)
        cols = _int_prop(shape, "columns", 3, 1, _MAX_GRID)
        rh, cw = b.h / rows, b.w / cols
        runs = [
            [Vec(b.x, b.y + i * rh), Vec(b.right, b.y + i * rh)] for i in range(1, rows)
        ]
        runs += [
            [
                Vec(b.x + j * cw, b.y + (rh if rows > 1 else 0)),
                Vec(b.x + j * cw, b.bottom),
            ]
            for j in range(1, cols)
        ]
        out = [
            _rect(b, **self._surface(shape)),
            _rect(Box(b.x, b.y, b.w, rh), fill=self._tint(shape)),
        ]
        if runs:
            out.append(_lines(shape, *runs))
        return tuple(out)


@dataclass(frozen=True, slots=True, kw_only=True)
class ImagePlaceholderKind(MockupKind):
    """Where a picture goes: a crossed box with a small landscape; with
    ``columns`` or ``rows`` set, draw.io's icon grid: that many crossed boxes,
    half a box apart."""

    themed: bool = False

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the box, its diagonals and a sun (or the grid of boxes)."""
        if "columns" in shape.props or "rows" in shape.props:
            return _icon_grid(shape)
        b = shape.box
        s = min(b.w, b.h)
        sun = Vec(b.x + b.w * 0.5, b.y + b.h * 0.2)
        return (
            _rect(b),
            _lines(shape, *diagonals(b), themed=False),
            _circle(sun, s * 0.07, fill="#f59e0b", stroke="none"),
        )


def _icon_grid(shape: Shape) -> tuple[SvgNode, ...]:
    """Return draw.io's icon grid (``mxgraph.mockup.graphics.iconGrid``):
    columns x rows crossed boxes filling the box, with gaps of half a box."""
    b = shape.box
    cols = _int_prop(shape, "columns", 1, 1, _MAX_GRID)
    rows = _int_prop(shape, "rows", 1, 1, _MAX_GRID)
    w, h = b.w / (cols + (cols - 1) * 0.5), b.h / (rows + (rows - 1) * 0.5)
    cells = [
        Box(b.x + i * 1.5 * w, b.y + j * 1.5 * h, w, h)
        for j in range(rows)
        for i in range(cols)
    ]
    crosses = [run for cell in cells for run in diagonals(cell)]
    return (*(_rect(cell) for cell in cells), lines_node(*crosses))


@dataclass(frozen=True, slots=True, kw_only=True)
class NavbarKind(MockupKind):
    """A navigation bar: a logo mark, the title and menu entries on the right."""

    def label_box(self, shape: Shape) -> Box:
        """Return the area right of the logo and left of the menu."""
        b = shape.box
        logo = min(b.h, b.w * 0.2)
        return Box(b.x + logo, b.y, max(b.w * 0.6 - logo, b.w * 0.2), b.h)

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the bar, the logo and three menu entries and a menu button."""
        b = shape.box
        c = Vec(b.x + b.h / 2, b.y + b.h / 2)
        entries = []
        w = b.w * 0.07
        for i in range(3):
            x = b.right - b.h - (3 - i) * (w + 12)
            entries.append([Vec(x, c.y), Vec(x + w, c.y)])
        m = b.right - b.h / 2
        k = b.h * 0.18
        burger = [
            [Vec(m - k, c.y + d), Vec(m + k, c.y + d)] for d in (-k * 0.8, 0.0, k * 0.8)
        ]
        return (
            _rect(b, **self._surface(shape)),
            _circle(c, b.h * 0.25, fill=ACCENT, stroke="none"),
            _lines(shape, *entries, *burger),
        )


#: The mockup kinds, in palette order (rows of kinds.json).
MOCKUP_KINDS: Final = table_kinds(
    BrowserKind,
    PhoneKind,
    NavbarKind,
    ButtonKind,
    InputKind,
    DropdownKind,
    CheckKind,
    ToggleKind,
    SliderKind,
    TabsKind,
    TableKind,
    ImagePlaceholderKind,
)
