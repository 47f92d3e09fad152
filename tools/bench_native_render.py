"""Native render of big diagrams (DESIGN.md §10): printed figures, not tests.

Runs ``linework render`` (the CLI, in a fresh process each time) on generated
documents of the editor benchmark's kind (a grid of shapes, each joined to a
neighbour) with 9,000 and 90,000 elements, and prints wall and CPU time, the
time per element (it must not grow with the size) and the target: 90,000
elements in at most 5 s. A second process per size does the verb's steps one
by one and prints where the CPU time goes: start-up (interpreter and
imports), decode, route (every connector), render (the SVG text; routes are
memoized by then), write. ``tests/unit/render/test_scaling.py`` checks the
work per element by counting, without a clock.

Modules are byte-compiled once, as an installed wheel's are, even where
``PYTHONDONTWRITEBYTECODE`` is set: recompiling every module on every run is
not what a user's ``linework`` does.

Run by ``python3 build.py bench`` (or alone: ``.venv/bin/python
tools/bench_native_render.py [--elements 9000,90000] [--runs 1]``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_ELEMENTS = 90_000
TARGET_SECONDS = 5.0
PHASES = ("start-up", "decode", "route", "render", "write")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def render_once(path: Path, out: Path) -> tuple[float, float]:
    """Return (wall s, CPU s) of one ``linework render`` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "linework.cli", "render", str(path), "-o", str(out)],
        check=True,
        env=_env(),
    )
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def phases(path: Path, out: Path) -> dict[str, float]:
    """Return the CPU seconds of each step, measured in a fresh process."""
    done = subprocess.run(
        [sys.executable, __file__, "--phases-of", str(path), str(out)],
        check=True,
        env=_env(),
        capture_output=True,
        text=True,
    )
    times: dict[str, float] = json.loads(done.stdout)
    return times


def _phases_here(path: str, out: str) -> None:
    """Do what ``linework render`` does, step by step; print CPU s per step."""
    clock = time.process_time
    import gc

    from linework.cli.io import open_input, write_output
    from linework.gcpause import paused_gc
    from linework.model import Connector
    from linework.render import export_svg
    from linework.routing import route

    marks = [clock()]  # the interpreter's start-up and the imports
    with paused_gc():
        doc = open_input(path).doc
        marks.append(clock())
        page = doc.pages()[0].id
        for el in doc.elements(page):
            if isinstance(el, Connector):
                route(doc, el)
        marks.append(clock())
        svg = export_svg(doc, page)
        marks.append(clock())
        write_output(out, svg.encode("utf-8"))
        marks.append(clock())
        gc.freeze()  # as the verb does
    steps = {"start-up": marks[0]}
    for name, a, b in zip(PHASES[1:], marks[:-1], marks[1:], strict=True):
        steps[name] = b - a
    print(json.dumps(steps))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--elements", default="9000,90000")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--phases-of", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phases_of:
        _phases_here(*args.phases_of)
        return 0
    print(
        f"Native render (linework render, one process per run; target"
        f" {TARGET_ELEMENTS:,} elements <= {TARGET_SECONDS:g} s)"
    )
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_browser_editor import diagram

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.svg"
        for total in [int(s) for s in args.elements.split(",") if s]:
            path = Path(tmp) / f"grid-{total}.linework"
            path.write_text(json.dumps(diagram(total // 2)))
            render_once(path, out)  # byte-compiles, warms the file cache
            runs = [render_once(path, out) for _ in range(args.runs)]
            wall = statistics.median(w for w, _ in runs)
            cpu = statistics.median(c for _, c in runs)
            size = out.stat().st_size
            verdict = ""
            if total == TARGET_ELEMENTS:
                ok = max(wall, cpu) <= TARGET_SECONDS
                verdict = (
                    f"  [target {TARGET_SECONDS:g} s: {'met' if ok else 'MISSED'}]"
                )
            print(
                f"  {total:>6} elements: {wall:6.2f} s wall, {cpu:6.2f} s CPU,"
                f" {cpu / total * 1e6:5.0f} µs CPU per element,"
                f" SVG {size / 1e6:.1f} MB{verdict}"
            )
            steps = phases(path, out)
            print(
                "          CPU by step: "
                + ", ".join(f"{k} {steps[k]:.2f} s" for k in PHASES)
            )
    load = os.getloadavg()
    print(f"  (load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; 2 cores shared)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
