"""Native render of big diagrams (DESIGN.md §10): printed figures, not tests.

Runs ``linework render`` (the CLI, in a fresh process each time) on generated
documents of the editor benchmark's kind (a grid of shapes, each joined to a
neighbour) with 9,000 and 90,000 elements, and prints wall and CPU time and
the time per element: per-element cost must not grow with the size (target:
90,000 elements in at most 5 s). ``tests/unit/render/test_scaling.py`` checks
the work per element by counting, without a clock.

Run by ``python3 build.py bench`` (or alone: ``.venv/bin/python
tools/bench_native_render.py [--elements 9000,90000] [--runs 1]``).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_browser_editor import diagram


def render_once(path: Path, out: Path) -> tuple[float, float]:
    """Return (wall s, CPU s) of one ``linework render`` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "linework.cli", "render", str(path), "-o", str(out)],
        check=True,
    )
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--elements", default="9000,90000")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args(argv)
    print("Native render (linework render, one process per run; target 90,000 <= 5 s)")
    with tempfile.TemporaryDirectory() as tmp:
        for total in [int(s) for s in args.elements.split(",") if s]:
            path = Path(tmp) / f"grid-{total}.linework"
            path.write_text(json.dumps(diagram(total // 2)))
            runs = [render_once(path, Path(tmp) / "out.svg") for _ in range(args.runs)]
            wall = statistics.median(w for w, _ in runs)
            cpu = statistics.median(c for _, c in runs)
            size = (Path(tmp) / "out.svg").stat().st_size
            print(
                f"  {total:>6} elements: {wall:6.1f} s wall, {cpu:6.1f} s CPU,"
                f" {cpu / total * 1e6:5.0f} µs CPU per element, SVG {size / 1e6:.1f} MB"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
