"""Org chart: the person card.

A rounded card with a round picture frame on the left and the label beside it:
the label's first line is the person's name, the next lines their role (one
text, so both edit in place like any label). ``props["src"]`` is an
optional picture (a base64 data URI, as an image's ``src``; anything else is
ignored and the frame shows a silhouette). ``props["theme"] = "dark"`` paints
the card dark (the label then turns light unless its colour was set).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from linework.geometry import Box
from linework.model import Shape
from linework.shapes.image import is_safe_image_src
from linework.shapes.kind import box_rect
from linework.shapes.mockup import (
    DARK_FILL,
    DARK_LINE,
    LIGHT_TINT,
    MockupKind,
    is_dark,
)
from linework.shapes.rect import RoundedBox
from linework.shapes.table import table_kinds
from linework.svg import SvgNode, node, path_d

_RADIUS: Final = 8.0


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonCardKind(RoundedBox, MockupKind):
    """A person card: picture frame left, name and role right."""

    def _radius(self, shape: Shape) -> float:
        return min(_RADIUS, shape.box.w / 2, shape.box.h / 2)

    def _frame(self, shape: Shape) -> Box:
        b = shape.box
        d = max(min(b.h - 16.0, b.w * 0.4), 0.0)
        return Box(b.x + 10.0, b.y + (b.h - d) / 2, d, d)

    def label_box(self, shape: Shape) -> Box:
        """Return the area right of the picture frame."""
        b, f = shape.box, self._frame(shape)
        left = f.right + 4.0
        return Box(left, b.y, max(b.right - left, 0.0), b.h)

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the card, the frame and the picture (or a silhouette)."""
        b, f = shape.box, self._frame(shape)
        r = self._radius(shape)
        dark = is_dark(shape)
        surface = {"fill": DARK_FILL, "stroke": DARK_LINE} if dark else {}
        card = box_rect(b, rx=r, ry=r, **surface)
        c, rr = f.center, f.w / 2
        frame_fill = "#323f4b" if dark else LIGHT_TINT
        out: list[SvgNode] = [
            card,
            node("circle", cx=c.x, cy=c.y, r=rr, fill=frame_fill),
        ]
        # The renderer hands kinds a ``src`` already made safe (SVG rebuilt).
        safe = shape.props.get("src")
        if isinstance(safe, str) and is_safe_image_src(safe) and rr > 0:
            out.append(
                node(
                    "image",
                    x=f.x,
                    y=f.y,
                    width=f.w,
                    height=f.h,
                    href=safe,
                    preserveAspectRatio="xMidYMid slice",
                )
            )
            out.append(node("circle", cx=c.x, cy=c.y, r=rr, fill="none"))
        elif rr > 0:
            # A head and shoulders, in the frame's lines.
            line = "#cbd2d9" if dark else None
            head = node(
                "circle",
                cx=c.x,
                cy=c.y - rr * 0.22,
                r=rr * 0.3,
                fill="none",
                stroke=line,
            )
            sh = rr * 0.62
            shoulders = node(
                "path",
                d=path_d(
                    [
                        ("M", (c.x - sh, c.y + rr * 0.62)),
                        ("Q", (c.x, c.y - rr * 0.05, c.x + sh, c.y + rr * 0.62)),
                    ]
                ),
                fill="none",
                stroke=line,
            )
            out += [head, shoulders]
        return tuple(out)


#: The org chart kinds, in palette order (rows of kinds.json).
ORGCHART_KINDS: Final = table_kinds(PersonCardKind)
