"""Shape queries in page coordinates, rotation included.

Kinds answer unrotated; these helpers apply ``shape.rotation_deg`` (clockwise,
about the box centre, exact at right angles) so the renderer, routing and the
editor agree on where a rotated shape really is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import fields
from typing import Final

from linework.geometry import Box, Vec, rotate_about
from linework.geometry.polygon import distance_to_boundary, farthest_hit, is_inside
from linework.model import Shape
from linework.model.capacity import MAX_ELEMENTS
from linework.shapes import exits
from linework.shapes.kind import ShapeKind
from linework.shapes.registry import KINDS, kind_of


def flip_of(shape: Shape) -> tuple[bool, bool]:
    """Return whether the shape is mirrored left-right and top-bottom.

    The ``flip`` prop (``"h"``, ``"v"`` or ``"hv"``, draw.io's ``flipH`` and
    ``flipV``) mirrors the body, outline and ports about the box centre,
    before the rotation; labels stay readable.
    """
    f = shape.props.get("flip") if shape.props else None
    if not isinstance(f, str) or not f:
        return False, False
    return "h" in f, "v" in f


def _mirror(shape: Shape, p: Vec) -> Vec:
    fh, fv = flip_of(shape)
    if not (fh or fv):
        return p
    c = shape.box.center
    return Vec(2 * c.x - p.x if fh else p.x, 2 * c.y - p.y if fv else p.y)


def to_page(shape: Shape, p: Vec) -> Vec:
    """Return ``p`` (unrotated shape coordinates) flipped and rotated with the shape.

    >>> from dataclasses import replace
    >>> from linework.model import Shape
    >>> s = Shape(id="s", page="p", layer="l", box=Box(0, 0, 4, 2), rotation_deg=90)
    >>> to_page(s, Vec(4, 1))
    Vec(x=2.0, y=3.0)
    >>> to_page(replace(s, rotation_deg=0, props={"flip": "h"}), Vec(4.0, 1.0))
    Vec(x=0.0, y=1.0)
    """
    return rotate_about(_mirror(shape, p), shape.box.center, shape.rotation_deg)


def _to_local(shape: Shape, p: Vec) -> Vec:
    return _mirror(shape, rotate_about(p, shape.box.center, -shape.rotation_deg))


# Outlines are asked for again and again (routing every attached connector, hit
# tests, bounds), so they are memoized by record identity: records are immutable,
# and the stored record is compared with ``is``, so a recycled id() cannot alias.
# Room for the largest document's shapes: smaller, a pass over a big page would
# empty it before the next pass could use it.
_OUTLINES: dict[int, tuple[Shape, Mapping[str, ShapeKind], tuple[Vec, ...]]] = {}
_OUTLINE_CACHE_MAX: Final = MAX_ELEMENTS


def outline_page(
    shape: Shape, *, kinds: Mapping[str, ShapeKind] = KINDS
) -> tuple[Vec, ...]:
    """Return the shape's outline polygon, rotated."""
    hit = _OUTLINES.get(id(shape))
    if hit is not None and hit[0] is shape and hit[1] is kinds:
        return hit[2]
    local = kind_of(shape.kind, kinds).outline(shape)
    if shape.rotation_deg % 360 == 0 and flip_of(shape) == (False, False):
        outline = tuple(local)
    else:
        outline = tuple(to_page(shape, p) for p in local)
    if len(_OUTLINES) >= _OUTLINE_CACHE_MAX:
        _OUTLINES.clear()
    _OUTLINES[id(shape)] = (shape, kinds, outline)
    return outline


def ports_page(
    shape: Shape, *, kinds: Mapping[str, ShapeKind] = KINDS
) -> dict[str, Vec]:
    """Return all ports, rotated, in the kind's order."""
    ports = kind_of(shape.kind, kinds).ports(shape)
    return {name: to_page(shape, p) for name, p in ports.items()}


def port_page(
    shape: Shape, name: str, *, kinds: Mapping[str, ShapeKind] = KINDS
) -> Vec | None:
    """Return the named port, rotated, or ``None`` if the kind has no such port."""
    p = kind_of(shape.kind, kinds).ports(shape).get(name)
    return None if p is None else to_page(shape, p)


def contains(
    shape: Shape,
    p: Vec,
    tolerance: float = 1e-9,
    *,
    kinds: Mapping[str, ShapeKind] = KINDS,
) -> bool:
    """Return whether ``p`` is inside the rotated outline or within ``tolerance`` of it.

    The point is turned back into the shape's frame rather than rotating every
    outline point, which is cheaper and gives the same answer.

    Args:
        shape: The shape, rotation included.
        p: A page point.
        tolerance: Distance from the outline that still counts, in page units
            (the editor passes a few screen pixels divided by the zoom).
        kinds: The registry to look the kind up in.
    """
    local = _to_local(shape, p)
    outline = kind_of(shape.kind, kinds).outline(shape)
    if len(outline) < 3:
        return False
    return (
        is_inside(local, outline) or distance_to_boundary(local, outline) <= tolerance
    )


def boundary_point(
    shape: Shape, toward: Vec, *, kinds: Mapping[str, ShapeKind] = KINDS
) -> Vec:
    """Return where the ray from the centre toward ``toward`` leaves the outline.

    Routing clips floating connector ends with this. On concave kinds the last
    crossing is used, so a connector ends on the silhouette, not in a notch.

    Args:
        shape: The shape, rotation included.
        toward: Any page point; only its direction from the centre matters.
        kinds: The registry to look the kind up in.

    Returns:
        A point on the rotated outline; the "e" port if ``toward`` is the centre.
    """
    kind = kind_of(shape.kind, kinds)
    c = shape.box.center
    d = _to_local(shape, toward) - c
    if d.x == 0 and d.y == 0:
        east = kind.ports(shape).get("e")
        return to_page(shape, east if east is not None else c)
    hit = farthest_hit(c, d.normalized(), kind.outline(shape))
    return to_page(shape, hit if hit is not None else c)


def axis_exit(
    shape: Shape,
    side: str,
    ox: float,
    oy: float,
    eps: float,
    *,
    kinds: Mapping[str, ShapeKind] = KINDS,
) -> Vec | None:
    """Return where the ray from (ox, oy) along ``side``'s outward normal
    leaves the outline: ``farthest_hit(origin, normal, outline_page(shape),
    eps=eps)``, bit for bit.

    The ray starts on the box's centre line across it (``ox`` is the box's
    ``x + w / 2`` for "e" and "w", ``oy`` its ``y + h / 2`` for "n" and "s").
    The common kinds answer without building the outline (see
    :mod:`linework.shapes.exits`).
    """
    hit = exits.axis_exit(shape, side, ox, oy, eps, kinds)
    if hit is not None:
        return hit
    outline = outline_page(shape, kinds=kinds)
    return farthest_hit(Vec(ox, oy), exits.NORMALS[side], outline, eps=eps)


def nearest_port(
    shape: Shape, p: Vec, *, kinds: Mapping[str, ShapeKind] = KINDS
) -> tuple[str, Vec]:
    """Return the name and rotated position of the port closest to ``p``.

    Ties go to the port the kind lists first, so the answer is deterministic.
    """
    ports = ports_page(shape, kinds=kinds)
    if not ports:
        return "", shape.box.center
    name = min(ports, key=lambda k: ports[k].distance(p))
    return name, ports[name]


# Bounds are asked for several times per attached connector end (its own
# obstacle, the facing side, the other end's target), memoized like outlines.
_BOUNDS: dict[int, tuple[Shape, Mapping[str, ShapeKind], Box]] = {}


def bounds(shape: Shape, *, kinds: Mapping[str, ShapeKind] = KINDS) -> Box:
    """Return the axis-aligned bounding box of the rotated outline."""
    hit = _BOUNDS.get(id(shape))
    if hit is not None and hit[0] is shape and hit[1] is kinds:
        return hit[2]
    # The common kinds answer without building the outline (same bounds).
    box = exits.bounds_of(shape, kinds)
    if box is None:
        outline = outline_page(shape, kinds=kinds)
        box = Box.around(outline) if outline else shape.box
    if len(_BOUNDS) >= _OUTLINE_CACHE_MAX:
        _BOUNDS.clear()
    _BOUNDS[id(shape)] = (shape, kinds, box)
    return box


# Shape's slot descriptors: a copy with another box through them costs half
# of ``dataclasses.replace`` (a select-all move copies every shape).
_SLOTS: Final = tuple(
    (desc.__get__, desc.__set__)
    for desc in (Shape.__dict__[f.name] for f in fields(Shape) if f.name != "box")
)
_SET_BOX: Final[Callable[[Shape, Box], None]] = Shape.__dict__["box"].__set__


def _with_box(shape: Shape, box: Box) -> Shape:
    """Return ``replace(shape, box=box)`` (the same record, made faster)."""
    out = object.__new__(Shape)
    for get, put in _SLOTS:
        put(out, get(shape))
    _SET_BOX(out, box)
    return out


def moved(shape: Shape, d: Vec) -> Shape:
    """Return ``shape`` translated by ``d``, its memoized bounds carried along.

    Moving thousands of shapes at once would otherwise recompute every
    outline (arcs and all) the first time anything asks for their bounds;
    a translated copy's bounds are the old ones translated.
    """
    out = _with_box(shape, shape.box.translated(d))
    hit = _BOUNDS.get(id(shape))
    if hit is not None and hit[0] is shape:
        if len(_BOUNDS) >= _OUTLINE_CACHE_MAX:
            _BOUNDS.clear()
        _BOUNDS[id(out)] = (out, hit[1], hit[2].translated(d))
    return out


def label_box(shape: Shape, *, kinds: Mapping[str, ShapeKind] = KINDS) -> Box:
    """Return where the shape's label is laid out (unrotated, before padding).

    The one place that applies ``style.label_position``: ``inside`` gives the
    kind's own label box; ``top``, ``bottom``, ``left`` and ``right`` give a
    box of the shape's size right next to it on that side, as draw.io places
    an outside label (its ``align`` and ``valign`` still place the text in it).

    >>> from linework.model import Shape, Style
    >>> s = Shape(id="s", page="p", layer="l", box=Box(10, 20, 40, 30),
    ...           style=Style(label_position="bottom"))
    >>> label_box(s)
    Box(x=10, y=50, w=40, h=30)
    """
    b = shape.box
    match shape.style.label_position:
        case "top":
            return Box(b.x, b.y - b.h, b.w, b.h)
        case "bottom":
            return Box(b.x, b.y + b.h, b.w, b.h)
        case "left":
            return Box(b.x - b.w, b.y, b.w, b.h)
        case "right":
            return Box(b.x + b.w, b.y, b.w, b.h)
        case _:
            return kind_of(shape.kind, kinds).label_box(shape)
