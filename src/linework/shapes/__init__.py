"""Shape kinds: each kind's outline, ports, label box and SVG body, and a registry.

Kinds answer in unrotated page coordinates; ``linework.shapes.geometry`` adds
the shape's rotation for hit-testing, connector clipping and bounds.
"""

from linework.shapes.geometry import (
    axis_exit,
    boundary_point,
    bounds,
    contains,
    flip_of,
    label_box,
    moved,
    nearest_port,
    outline_page,
    port_page,
    ports_page,
    to_page,
)
from linework.shapes.image import is_safe_image_src
from linework.shapes.kind import LIBRARIES, KindBase, Library, ShapeKind
from linework.shapes.registry import DEFAULT_KINDS, FALLBACK_KIND, KINDS, kind_of
from linework.shapes.star import star_points

__all__ = [
    "DEFAULT_KINDS",
    "FALLBACK_KIND",
    "KINDS",
    "LIBRARIES",
    "KindBase",
    "Library",
    "ShapeKind",
    "axis_exit",
    "boundary_point",
    "bounds",
    "contains",
    "flip_of",
    "is_safe_image_src",
    "kind_of",
    "label_box",
    "moved",
    "nearest_port",
    "outline_page",
    "port_page",
    "ports_page",
    "star_points",
    "to_page",
]
