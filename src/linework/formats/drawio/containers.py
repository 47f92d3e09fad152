"""draw.io containers ↔ Linework containers (file format 1.1).

In draw.io a container is a vertex whose children are cells (``swimlane``,
``container=1``, or any vertex with vertex children): its children move with
it and their geometry is relative to it. Linework keeps the children as page
shapes that name their container (``extra["container"]``), so import turns a
parent vertex into a container shape and export nests members under their
container's cell again, with relative geometry.

A swimlane becomes the ``swimlane`` kind: its ``startSize`` is the header
band's depth, ``horizontal=0`` puts the band on the left, ``fillColor`` paints
the band and ``swimlaneFillColor`` the body. Linework's titled frame
(``container``) is written as a swimlane with ``lineworkKind=container``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Final, TypeVar

from linework.formats.drawio.cells import Cell
from linework.formats.drawio.names import KIND_HINT_KEY
from linework.formats.drawio.styles import bounded, colour, flag
from linework.model import CONTAINER_KEY, Connector, Group, Shape, frozen_map

#: draw.io's default header depth of a swimlane (mxConstants.DEFAULT_STARTSIZE).
DEFAULT_START_SIZE: Final = 40.0
#: Kinds written as draw.io swimlanes.
LANE_KINDS: Final = ("swimlane", "container")
#: Header depth of each lane kind when ``props.header`` is absent (as the kinds draw).
KIND_HEADER: Final = {"swimlane": 32.0, "container": 28.0}


def is_swimlane(c: Cell) -> bool:
    """Return whether the cell is a draw.io swimlane (or pool, or lane)."""
    return c.style.get("shape") == "swimlane" or "swimlane" in c.names


def is_container_cell(c: Cell, has_children: bool) -> bool:
    """Return whether a vertex holds other cells as a container.

    A swimlane, ``container=1``, or any vertex with children (draw.io moves
    children with their parent whatever its style). draw.io's ``group`` cells
    stay groups.
    """
    if not c.vertex or "group" in c.names:
        return False
    return is_swimlane(c) or flag(c.style, "container") or has_children


def as_container(c: Cell, shape: Shape) -> Shape:
    """Return the shape built from container cell ``c`` as a Linework container."""
    props: dict[str, Any] = dict(shape.props)
    if not is_swimlane(c):
        props["container"] = True
        return replace(shape, props=frozen_map(props))
    st = c.style
    kind = "container" if st.get(KIND_HINT_KEY) == "container" else "swimlane"
    props["header"] = bounded(
        st.get("startSize"), DEFAULT_START_SIZE, 0.0, max(shape.box.w, shape.box.h)
    )
    style = shape.style
    if flag(st, "horizontal", default=True):
        # The title sits in the band, centred across it as draw.io draws it.
        style = replace(style, valign="middle")
    else:
        # The title reads up the band, centred along it (render turns it).
        props["header_side"] = "left"
        style = replace(style, align="center", valign="middle")
    head = colour(st.get("fillColor"), "#ffffff")
    if head != "none":
        props["header_fill"] = head
    return replace(shape, kind=kind, props=frozen_map(props), style=style)


_E = TypeVar("_E", Shape, Connector, Group)


def member(el: _E, container: str | None) -> _E:
    """Return ``el`` naming ``container`` as its container (unchanged if None)."""
    if container is None:
        return el
    return replace(el, extra=frozen_map({**el.extra, CONTAINER_KEY: container}))


def lane_pairs(shape: Shape) -> list[tuple[str, str]] | None:
    """Return the style pairs of a lane kind (after ``swimlane;``), else None.

    ``fillColor`` is the header's, ``swimlaneFillColor`` the body's (the
    shape's fill).
    """
    if shape.kind not in LANE_KINDS:
        return None
    raw = shape.props.get("header")
    header = (
        float(raw)
        if isinstance(raw, int | float) and not isinstance(raw, bool) and raw >= 0
        else KIND_HEADER[shape.kind]
    )
    pairs = [("startSize", _num(header))]
    if shape.props.get("header_side") == "left":
        pairs.append(("horizontal", "0"))
    head = shape.props.get("header_fill")
    pairs.append(("fillColor", colour(head if isinstance(head, str) else None, "none")))
    pairs.append(("swimlaneFillColor", shape.style.fill))
    if shape.kind == "container":
        pairs.append((KIND_HINT_KEY, "container"))
    return pairs


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.3f}".rstrip("0")
