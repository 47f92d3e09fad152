"""Mermaid trees (graph TD / LR) import as tidy trees; other graphs stay layered."""

from __future__ import annotations

import pytest

from linework.formats import mermaid
from linework.model import Attached, Connector, Document, Shape


def _shapes(doc: Document) -> dict[str, Shape]:
    return {r.text: r for r in doc.records.values() if isinstance(r, Shape)}


ORG = """graph TD
  CEO --> CTO
  CEO --> CFO
  CEO --> COO
  CTO --> Dev
  CTO --> QA
  COO --> Ops
"""


def test_a_top_down_tree_is_a_tidy_tree() -> None:
    doc = mermaid.read_text(ORG).doc
    s = _shapes(doc)

    assert s["CTO"].box.y == s["CFO"].box.y == s["COO"].box.y > s["CEO"].box.bottom
    assert s["CTO"].box.x < s["CFO"].box.x < s["COO"].box.x
    # The parent is centred over its first and last child.
    middle = (s["CTO"].box.center.x + s["COO"].box.center.x) / 2
    assert s["CEO"].box.center.x == pytest.approx(middle, abs=0.01)
    assert s["Dev"].box.y > s["CTO"].box.bottom
    conns = [r for r in doc.records.values() if isinstance(r, Connector)]
    assert len(conns) == 6
    for c in conns:
        assert isinstance(c.source, Attached) and c.source.port == "s"
        assert isinstance(c.target, Attached) and c.target.port == "n"
        assert c.waypoints == ()


def test_a_left_right_tree_grows_to_the_right() -> None:
    doc = mermaid.read_text(ORG.replace("graph TD", "graph LR")).doc
    s = _shapes(doc)

    assert s["CTO"].box.x == s["CFO"].box.x > s["CEO"].box.right
    assert s["CTO"].box.y < s["CFO"].box.y < s["COO"].box.y


def test_a_graph_that_is_no_tree_keeps_the_layered_layout() -> None:
    """Two parents (a diamond) route through the layered layout (waypoints, ports)."""
    text = "graph TD\n A --> B\n A --> C\n B --> D\n C --> D\n"
    doc = mermaid.read_text(text).doc
    s = _shapes(doc)

    assert s["D"].box.y > s["B"].box.bottom
    assert len([r for r in doc.records.values() if isinstance(r, Connector)]) == 4
