"""draw.io import: ``.drawio``/``.xml``/``.dio``, ``.drawio.svg`` and ``.drawio.png``.

A draw.io file is an ``<mxfile>`` of ``<diagram>`` pages, each an ``<mxGraphModel>``
(or the same XML compressed: base64 of raw deflate of the URL-encoded text). Its
cells are flat and name their parent: the root cell's children are layers, and
the geometry of a cell inside a group or container is relative to that parent.
See ``shared/FORMATS.md`` for the facts this module relies on.

Hostile files are expected. XML goes through ``xmlsafe`` (no DTDs or entities,
depth checked by a linear scan first), decompression is capped, parent chains are
walked iteratively with cycles and missing ids broken, numbers are clamped, links
other than http(s)/mailto are dropped and HTML labels become plain text.

Ids are derived from draw.io ids (``shape:<cell id>``), so they are deterministic
and a file exported by ``drawio.export`` reads back with the same ids.

Modules: ``names`` (draw.io's vocabulary), ``cells`` (mxCell records and the
report), ``styles`` (style values, shared with the export), ``page`` and
``elements`` (one page's cells to records), ``charts`` (embedded Mermaid),
``fit`` (page size), ``reader`` (containers and ``read``) and ``export``.
"""

from linework.formats.drawio.names import (
    EXTRA_SHAPE_KEY,
    KIND_HINT_KEY,
    KIND_HINTS,
    MAX_COORD,
    MAX_INFLATED,
    MEDIA_TYPE,
    PAGE_MARGIN,
    PORT_ANCHORS,
    SHAPE_KINDS,
)
from linework.formats.drawio.reader import decompress, read
from linework.formats.drawio.styles import (
    arrowhead,
    colour,
    is_safe_shape_name,
    label_position,
    style_image,
    wraps,
)

__all__ = [
    "EXTRA_SHAPE_KEY",
    "KIND_HINTS",
    "KIND_HINT_KEY",
    "MAX_COORD",
    "MAX_INFLATED",
    "MEDIA_TYPE",
    "PAGE_MARGIN",
    "PORT_ANCHORS",
    "SHAPE_KINDS",
    "arrowhead",
    "colour",
    "decompress",
    "is_safe_shape_name",
    "label_position",
    "read",
    "style_image",
    "wraps",
]
