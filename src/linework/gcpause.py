"""Pause Python's cyclic garbage collector around a burst of allocation.

Opening or rendering a big diagram builds hundreds of thousands of objects
(records, points, SVG nodes) that live on, and each one counts towards the
next collection: the collector then walks the growing heap again and again,
about a fifth of the time of an open. Those objects hold no reference cycles
(frozen records and tuples, freed by reference counting), so nothing is lost
by collecting once afterwards instead.

That one collection still walks everything the burst made (the young
generation holds all of it), inside the open the user waits for: about a
tenth of an open under Pyodide. ``freeze=True`` sets those objects aside
(``gc.freeze``) instead, and :func:`thaw`, called once the result is on its
way (the bridge calls it on the next message), hands them back to the
collector as old objects, so nothing is kept from it for long.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_frozen = False


@contextmanager
def paused_gc(*, freeze: bool = False) -> Iterator[None]:
    """Run the block with the cyclic collector off (as it was before, after).

    ``freeze``: on the way out, set everything alive aside from the collector
    until :func:`thaw` (errors too: a failed open thaws the same way).
    """
    global _frozen
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
            _frozen = True
        if was_enabled:
            gc.enable()


def thaw() -> None:
    """Hand what :func:`paused_gc` set aside back to the collector."""
    global _frozen
    if _frozen:
        _frozen = False
        gc.unfreeze()
