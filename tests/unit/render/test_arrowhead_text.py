"""An arrowhead written as text is what its nodes serialize to, for every head."""

from __future__ import annotations

import math

import pytest

from linework.geometry import Vec
from linework.model import ARROWHEADS
from linework.render.arrowheads import arrowhead, arrowhead_svg
from linework.svg import serialize

DIRECTIONS = (Vec(1, 0), Vec(0, -1), Vec(-3, 0), Vec(0, 2), Vec(1, 1), Vec(0, 0))


@pytest.mark.parametrize("name", [*sorted(ARROWHEADS), "from-a-newer-file"])
def test_every_head_writes_what_its_nodes_serialize_to(name: str) -> None:
    for d in DIRECTIONS:
        for w in (1.5, 0.0, -2.0, 4.25):
            for size in (None, 20.0, 0.1, math.nan):
                for color in ("#1f2933", "red", 'x"<&>'):
                    tip = Vec(103.25, -7.5)
                    want = "".join(
                        serialize(n)
                        for n in arrowhead(name, tip, d, w, color=color, size=size)
                    )
                    got = arrowhead_svg(name, tip, d, w, color=color, size=size)
                    assert got == want, (name, d, w, size, color)


def test_a_new_colour_gets_its_own_text() -> None:
    a = arrowhead_svg("classic", Vec(0, 0), Vec(1, 0), 1.5, color="#ff0000")
    b = arrowhead_svg("classic", Vec(0, 0), Vec(1, 0), 1.5, color="#00ff00")
    assert 'fill="#ff0000"' in a and 'fill="#00ff00"' in b
    assert arrowhead_svg("none", Vec(0, 0), Vec(1, 0), 1.5) == ""
