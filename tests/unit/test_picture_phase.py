"""Sanitizing SVG pictures and icons is timed as its own phase of an open
(``bench.phases``: ``pictures``, part of ``render``), once per distinct SVG: the
benchmark of 1,000 different icons explains its open figure with it."""

from __future__ import annotations

import base64
import json

from linework.bridge.api import Api
from linework.formats import pictures
from sample_docs import file_open, one_page


def _icon(i: int, svg: str) -> dict[str, object]:
    src = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    return {
        "type": "shape",
        "id": f"i{i}",
        "layer": "l1",
        "kind": "icon",
        "box": {"x": 10.0 + 80 * i, "y": 10.0, "w": 64.0, "h": 64.0},
        "props": {"src": src},
    }


def _open(api: Api, elements: list[dict[str, object]]) -> dict[str, float]:
    message = file_open(one_page(elements, 800.0, 200.0), "i.linework")
    assert json.loads(api.handle(json.dumps(message)))["ok"] is True
    got = api.dispatch(json.dumps({"type": "bench.phases"}))
    return dict(got["phases"])


def test_an_open_times_the_sanitizing_of_its_pictures_once_per_svg() -> None:
    pictures.safe_src.cache_clear()
    svgs = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle r="{r}"/></svg>'
        for r in (3, 5, 7)
    ]
    # Three different icons, one of them twice.
    els = [_icon(i, svg) for i, svg in enumerate([*svgs, svgs[0]])]
    api = Api()
    recorded = _open(api, els)
    assert {"decode", "render", "pictures"} <= set(recorded)
    assert 0 <= recorded["pictures"] <= recorded["render"]
    assert 3 == pictures.safe_src.cache_info().misses
    # Opened again in the session: every SVG is known, none is sanitized again.
    again = _open(api, els)
    assert "pictures" not in again
    assert 3 == pictures.safe_src.cache_info().misses
