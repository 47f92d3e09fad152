"""Imports of big and hostile files, natively: printed figures, not tests.

- Mermaid: a 300-node branching flowchart (598 edges), parsed and laid out;
- Gliffy: a stage with more objects than ``limits.MAX_ELEMENTS``, refused
  with LW-E0105 once the walk reaches the cap.

The tests check the results and that the work is bounded by counting
(``tests/unit/formats/test_mermaid.py::test_300_node_chart_imports_with_bounded_work``,
``tests/unit/formats/test_hostile_json.py::test_too_many_gliffy_objects_are_refused``);
the times live here. Target: the Mermaid chart within a few seconds natively.
The refusal's time is mostly parsing the JSON; the walk stops at the cap.

Run by ``python3 build.py bench`` (or alone: ``.venv/bin/python
tools/bench_imports.py [--runs 3]``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable

from linework.errors import LineworkError
from linework.formats import gliffy, limits, mermaid


def mermaid_chart(n: int = 300) -> bytes:
    """Return a flowchart of ``n`` nodes, each with two outgoing edges."""
    lines = ["flowchart TD"]
    lines += [f"    n{i} --> n{i + 1} & n{(i * 7 + 3) % n}" for i in range(n - 1)]
    return "\n".join(lines).encode()


def gliffy_over_cap() -> bytes:
    """Return a .gliffy stage with 1,000 objects more than the cap."""
    body = {
        "contentType": "application/gliffy+json",
        "version": "1.3",
        "stage": {"objects": [{}] * (limits.MAX_ELEMENTS + 1000)},
    }
    return json.dumps(body).encode()


def refuse_gliffy(data: bytes) -> None:
    """Read the over-cap stage; it must be refused with LW-E0105."""
    try:
        gliffy.read(data)
    except LineworkError as e:
        if e.code != "LW-E0105":
            raise
        return
    raise SystemExit("the over-cap Gliffy stage was not refused")


def median_s(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """Return the median and the best wall time of ``runs`` calls, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def main() -> None:
    """Print one line per case: median and best of the runs."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    chart = mermaid_chart()
    stage = gliffy_over_cap()
    cases: list[tuple[str, Callable[[], object]]] = [
        ("mermaid 300 nodes, 598 edges: import", lambda: mermaid.read(chart)),
        (
            f"gliffy {limits.MAX_ELEMENTS + 1000:,} objects: refused (LW-E0105)",
            lambda: refuse_gliffy(stage),
        ),
    ]
    print(f"imports (native, {args.runs} runs):")
    for name, fn in cases:
        median, best = median_s(fn, args.runs)
        print(
            f"  {name:<48} median {median * 1000:8.0f} ms   best {best * 1000:8.0f} ms"
        )


if __name__ == "__main__":
    main()
