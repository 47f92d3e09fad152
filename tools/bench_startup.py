"""Start-up benchmark (issue 13): Linework next to a bare Pyodide boot.

In one run, alternating, each in a fresh browser context: a bare Pyodide
boot of the same runtime files (loadPyodide in a module worker, nothing
else), and Linework; each cold (empty HTTP cache), then warm (a reload in the
same context). Linework's time is navigation to body[data-ready] (the first
page is on screen, performance mark ``linework-page-ready``); the bare boot's
is navigation to loadPyodide resolved. Also the bytes a cold start transfers
(bodies as sent, so precompressed where the server compresses, plus headers)
and how the core started (``snapshot`` or ``plain``).

Called by ``python3 build.py bench`` (build.py's cmd_bench prints the rest).
"""

from __future__ import annotations

import statistics
from typing import Any

TARGETS = {"cold": 0.5, "warm": 0.35}

BARE_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bare Pyodide</title>
<link rel="icon" href="/favicon.svg">
<script type="module" src="/__bench/bare.js"></script></head>
<body><p>bare Pyodide boot</p></body></html>
"""
BARE_JS = """// A bare Pyodide boot in a module worker: the yardstick for start-up.
const url = new URL("/__bench/bare-worker.js", location.href).href;
const policy = trustedTypes.createPolicy("linework-worker", {
  createScriptURL: (u) => u,
});
const worker = new Worker(policy.createScriptURL(url), { type: "module" });
worker.onmessage = () => {
  performance.mark("linework-ready");
  document.body.dataset.ready = "1";
};
"""
BARE_WORKER_JS = """// As in web/worker.js: no Trusted Types report from the probe.
self.importScripts = () => {
  throw new TypeError("module worker");
};
const { loadPyodide } = await import("/{runtime}pyodide.mjs");
await loadPyodide({ indexURL: "/{runtime}", lockFileURL: "/{lock}" });
self.postMessage("ready");
"""

_READY_MS = """() => {
  const mark = (name) => performance.getEntriesByName(name)[0]?.startTime;
  return mark("linework-page-ready") ?? mark("linework-ready");
}"""


def extra_routes(manifest: dict[str, Any]) -> dict[str, bytes]:
    """Return the in-memory routes of the bare page for SiteServer(extra=...)."""
    worker = BARE_WORKER_JS.replace("{runtime}", manifest["runtime"])
    return {
        "/__bench/bare.html": BARE_HTML.encode(),
        "/__bench/bare.js": BARE_JS.encode(),
        "/__bench/bare-worker.js": worker.replace("{lock}", manifest["lock"]).encode(),
    }


def measure(
    browser: Any, base_url: str, runs: int, plain: bool = False
) -> dict[str, dict[str, list[Any]]]:
    """Return the raw figures: per kind, lists of cold/warm ms, cold bytes, ...

    With ``plain`` also Linework with its snapshot withheld (the fallback boot).
    """
    kinds = ("bare", "app", "plain") if plain else ("bare", "app")
    results: dict[str, dict[str, list[Any]]] = {
        kind: {"cold": [], "warm": [], "bytes": [], "requests": [], "chrome": []}
        for kind in kinds
    }
    results["app"]["boot"] = []
    pages = {
        "bare": base_url + "__bench/bare.html",
        "app": base_url,
        "plain": base_url,
    }

    def ready_ms(page: Any) -> float:
        page.wait_for_selector("body[data-ready]", state="attached", timeout=120_000)
        return float(page.evaluate(_READY_MS))

    for i in range(runs):
        order = kinds if i % 2 == 0 else kinds[::-1]
        for kind in order:
            context = browser.new_context()
            if kind == "plain":
                context.route("**/pyodide/snapshots/**", lambda r: r.abort())
            sizes: list[int] = []

            def count(request: Any, sizes: list[int] = sizes) -> None:
                s = request.sizes()
                sizes.append(s["responseBodySize"] + s["responseHeadersSize"])

            context.on("requestfinished", count)
            page = context.new_page()
            page.goto(pages[kind])
            results[kind]["cold"].append(ready_ms(page))
            results[kind]["bytes"].append(sum(sizes))
            results[kind]["requests"].append(len(sizes))
            if kind == "app":
                fcp = page.evaluate(
                    "performance.getEntriesByName('first-contentful-paint')[0]"
                    "?.startTime ?? -1"
                )
                results["app"]["chrome"].append(float(fcp))
                results["app"]["boot"].append(
                    page.get_attribute("body", "data-boot") or "?"
                )
            context.remove_listener("requestfinished", count)
            page.reload()
            results[kind]["warm"].append(ready_ms(page))
            context.close()
    return results


def report(results: dict[str, dict[str, list[Any]]], runs: int, version: str) -> bool:
    """Print the figures; return True when both ratios meet their targets."""
    med = statistics.median
    boots = ", ".join(sorted(set(results["app"]["boot"])))
    print(
        f"Linework start-up, Chromium {version}, median of {runs} runs"
        f" (ms from navigation to body[data-ready]; core booted from: {boots})"
    )
    print(f"{'':12}{'bare Pyodide':>14}{'Linework':>12}{'ratio':>8}   target")
    ok = True
    for phase in ("cold", "warm"):
        bare, app = med(results["bare"][phase]), med(results["app"][phase])
        ratio = app / bare
        met = ratio <= TARGETS[phase]
        ok = ok and met
        print(
            f"{phase + ' start':12}{bare:>14.0f}{app:>12.0f}{ratio:>7.2f}x"
            f"   <= {TARGETS[phase]:.2f}x {'met' if met else 'MISSED'}"
        )
    if "plain" in results:
        plain = [med(results["plain"][phase]) for phase in ("cold", "warm")]
        print(
            f"{'no snapshot':12}{'':>14}{plain[0]:>12.0f}   cold,"
            f" {plain[1]:.0f} warm (the fallback: snapshot withheld)"
        )
    paint = med(results["app"]["chrome"])
    print(f"{'chrome':12}{'':>14}{paint:>12.0f}   (first contentful paint)")
    bare_b, app_b = med(results["bare"]["bytes"]), med(results["app"]["bytes"])
    print(
        f"{'cold bytes':12}{bare_b / 1e6:>11.2f} MB{app_b / 1e6:>9.2f} MB"
        f"{app_b / bare_b:>7.2f}x   (transferred: bodies as sent + headers;"
        f" {med(results['bare']['requests']):.0f} and"
        f" {med(results['app']['requests']):.0f} requests)"
    )
    return ok
