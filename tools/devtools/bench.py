"""``build.py bench``: start-up next to a bare Pyodide boot, the site's size, and
the sections that tools/bench_*.py print (sealing, editor, icons, native render).

Figures, never pass/fail: performance targets live here, not in timed tests.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from dataclasses import dataclass

from devtools.common import DIST, TOOLS, tool
from devtools.server import serving
from devtools.site import build, dist_is_fresh
from devtools.testing import CHROMIUM_ARGS, find_chromium


@dataclass(frozen=True)
class BenchOptions:
    """What ``build.py bench`` measures (its command-line flags)."""

    runs: int = 5
    rebuild: bool = False
    json: bool = False
    plain_boot: bool = False
    seal: bool = True
    editor: bool = True
    icons: bool = True
    native: bool = True


# The sections after start-up: (flag, script under tools/), in print order.
SECTIONS = (
    # Sealed files: seal and unseal 5,000 elements in the page and natively.
    ("seal", "bench_browser_seal.py"),
    # The editor's figures: open + paint, drag, select-all move, memory.
    ("editor", "bench_browser_editor.py"),
    # Icons: 1,000 icons open + paint; the palette opening every library.
    ("icons", "bench_browser_icons.py"),
    # `linework render` of 9,000 and 90,000 elements (a figure, not a test).
    ("native", "bench_native_render.py"),
)


def site_size() -> str:
    """Return the line that sums dist/'s files, raw and gzipped."""
    total = gz = count = 0
    for path in sorted(DIST.rglob("*")):
        if path.is_file() and path.suffix != ".gz":  # twins are not more site
            data = path.read_bytes()
            total += len(data)
            gz += len(gzip.compress(data, 6))
            count += 1
    return f"site: {count} files, {total / 1e6:.2f} MB total, {gz / 1e6:.2f} MB gzipped"


def run_bench(options: BenchOptions) -> int:
    """Print the start-up figures and the site's size, then each section's."""
    from playwright.sync_api import sync_playwright

    if options.rebuild or not dist_is_fresh():
        build()
    manifest = json.loads((DIST / "manifest.json").read_text())
    startup = tool("bench_startup")  # tools/bench_startup.py
    extra = startup.extra_routes(manifest)
    with serving(DIST, extra=extra) as server, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=find_chromium(), args=list(CHROMIUM_ARGS)
        )
        version = browser.version
        results = startup.measure(browser, server.url, options.runs, options.plain_boot)
        browser.close()
    startup.report(results, options.runs, version)
    print(site_size())
    for flag, script in SECTIONS:
        if flag == "editor" and options.json:
            print(json.dumps(results))  # raw timings, after the sealing section
        if not getattr(options, flag):
            continue
        sys.stdout.flush()
        code = subprocess.run(
            [sys.executable, str(TOOLS / script)], cwd=TOOLS.parent, check=False
        ).returncode
        if code:
            return code if flag == "native" else 1
    return 0
