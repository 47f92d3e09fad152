"""Pause Python's cyclic garbage collector around a burst of allocation.

Opening or rendering a big diagram builds hundreds of thousands of objects
(records, points, SVG nodes) that live on, and each one counts towards the
next collection: the collector then walks the growing heap again and again,
about a fifth of the time of an open. Those objects hold no reference cycles
(frozen records and tuples, freed by reference counting), so nothing is lost
by collecting once afterwards instead.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run the block with the cyclic collector off (as it was before, after)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
