"""How big a document may be.

One bound shared by the file readers, which refuse a file with more elements
(linework.formats.limits, LW-E0105), and by the caches sized to hold a whole
document (linework.shapes.geometry's outlines and bounds): a cache smaller
than the largest document would be emptied on every pass over it.
"""

from __future__ import annotations

from typing import Final

#: The most elements (shapes, connectors, groups) a document may hold.
MAX_ELEMENTS: Final = 100_000
