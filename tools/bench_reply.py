"""How big is the core's reply to one pointer move during a drag? (issue 15)

Prints figures; it is not a test. Drives the bridge natively with exactly the
JSON messages the page sends (``file-open`` of the browser editor bench's
diagram, then ``editor`` pointer events) and measures the JSON text
``Api.handle`` returns, which is what the worker posts to the page; Pyodide
runs the same code, so the browser's replies have the same bytes.

Usage: ``python tools/bench_reply.py [--shapes 1000] [--moves 20]``.
"""

from __future__ import annotations

import argparse
import base64
import json
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_browser_editor import COLS, DX, DY, diagram
from linework.bridge import create_api


def drag_replies(shapes: int, moves: int, shape: int) -> list[str]:
    """Return the JSON replies to the pointer moves of a drag of one shape."""
    api = create_api()
    data = json.dumps(diagram(shapes)).encode("utf-8")
    api.handle(
        json.dumps(
            {
                "type": "file-open",
                "name": "bench.linework",
                "data": base64.b64encode(data).decode("ascii"),
            }
        )
    )

    def send(event: dict[str, Any]) -> str:
        return api.handle(json.dumps({"type": "editor", "event": event}))

    # Paint everything first, as the page's idle slices do.
    for _ in range(10_000):
        reply = json.loads(send({"type": "idle"}))
        if reply.get("ui", {}).get("pending", 0) == 0:
            break
    x = (shape % COLS) * DX + 70
    y = (shape // COLS) * DY + 50
    common = {"button": 0, "zoom": 1.0}
    send({"type": "pointermove", "x": x, "y": y, **common})
    send({"type": "pointerdown", "x": x, "y": y, **common})
    out = [
        send({"type": "pointermove", "x": x + 3 * i, "y": y + 1.5 * i, **common})
        for i in range(1, moves + 1)
    ]
    send({"type": "pointerup", "x": x + 3 * moves, "y": y + 1.5 * moves, **common})
    return out


def sizes(replies: list[str]) -> dict[str, float]:
    """Return the median bytes of the replies and of their parts."""

    def part(name: str) -> float:
        return statistics.median(
            len(json.dumps(json.loads(r).get(name), ensure_ascii=False).encode())
            for r in replies
        )

    return {
        "reply": statistics.median(len(r.encode("utf-8")) for r in replies),
        "ui": part("ui"),
        "overlay": part("overlay"),
        "ops": part("ops"),
    }


#: Median bytes per move before protocol v2 (commit 5fc48b2, this script).
BEFORE = {56: 3390, 55: 3840}


def main(argv: list[str] | None = None) -> int:
    """Print the median reply size per pointer move while dragging one shape."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shapes", type=int, default=1000)
    parser.add_argument("--moves", type=int, default=20)
    args = parser.parse_args(argv)
    print("Reply to one pointer move while dragging one shape (median bytes)")
    # A rectangle and a rounded rectangle near the top left of the grid.
    for shape in (56, 55):
        s = sizes(drag_replies(args.shapes, args.moves, shape))
        before = BEFORE[shape]
        print(
            f"  shape s{shape}: {s['reply']:>6.0f} B = {s['reply'] / before:.0%} of"
            f" {before} B before v2 (target <= 50%; ui {s['ui']:.0f} B, overlay"
            f" {s['overlay']:.0f} B, ops {s['ops']:.0f} B)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
