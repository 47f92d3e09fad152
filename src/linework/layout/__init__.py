"""Layered (Sugiyama-style) auto-layout for graphs that arrive without positions.

Mermaid text names nodes and edges but no coordinates, so the importer places
them itself. The steps are the classic ones, each kept simple, iterative and
deterministic (the same input gives the same bytes natively and in Pyodide):

1. break cycles by reversing the back edges an explicit-stack DFS finds;
2. assign layers by longest path, then pull sources down next to their targets;
3. split long edges with dummy items, one per layer crossed;
4. order each layer with barycenter sweeps (keeping clusters contiguous and
   sibling clusters in one order on every layer), keeping the ordering with the
   fewest crossings, then a few adjacent swaps;
5. place items across the layer with isotonic regression towards the mean of
   their neighbours, settle cluster borders with a longest-path pass over
   separation constraints so no box overlaps another, then line up each long
   edge's dummies where their neighbours leave room;
6. stack the layers, route edges orthogonally through the dummy positions
   (each sideways jog on its own track in the gap) and rotate the whole
   picture for BT, LR and RL.

All work happens in "TB space" (layers stacked downwards, x across a layer);
the final transform maps it to the requested direction.

Modules: ``records`` (what goes in and comes out), ``graph`` (one run's state
and the order of the steps), ``ranks`` (steps 1-3), ``ordering`` (step 4),
``placement`` (steps 5-6), ``output`` (routes and the final transform).
The engine sees only geometry; importers (``linework.formats``) call it.
"""

from linework.layout.graph import layered_layout
from linework.layout.records import (
    DIRECTIONS,
    Direction,
    EdgeRoute,
    Layout,
    LayoutCluster,
    LayoutEdge,
    LayoutNode,
)

__all__ = [
    "DIRECTIONS",
    "Direction",
    "EdgeRoute",
    "Layout",
    "LayoutCluster",
    "LayoutEdge",
    "LayoutNode",
    "layered_layout",
]
