"""Time sealing and unsealing a 5,000-element document in the browser (issue 5, figure 4).

Usage: ``python tools/bench_browser_seal.py [--elements N] [--repeat N]`` (run by
``python3 build.py bench``; needs dist/ built and Chromium).

It drives the real page: opens the document, then "Save encrypted…" with a
passphrase (the two-phase protocol: Python envelope, WebCrypto PBKDF2 600,000
rounds + AES-256-GCM) and opens the sealed download again. The page measures
itself (``performance.measure`` in web/files.js):

* ``linework-seal``: seal-begin, PBKDF2, AES-GCM, seal-finish (the bytes to save);
* ``linework-unseal``: PBKDF2 and AES-GCM decryption of a parsed envelope;
* ``linework-unseal-open``: that plus opening the plaintext in the editor;
* ``linework-unseal-parse``: the envelope checks before the passphrase is asked;
* ``linework-open``: opening the plain document, for comparison.

The native figures of ``tools/bench_seal.py`` follow, for comparison.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PASSPHRASE = "bench: plum tractor velvet orbit canyon whisk"
NO_FS_ACCESS = "delete window.showSaveFilePicker; delete window.showOpenFilePicker;"


def _load(name: str, path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _measure(page: Any, name: str) -> float:
    return float(
        page.evaluate(
            "(n) => { const m = performance.getEntriesByName(n, 'measure');"
            " return m[m.length - 1].duration; }",
            name,
        )
    )


def _passphrase(page: Any, role: str) -> None:
    dialog = f"dialog[open][data-role={role}]"
    page.wait_for_selector(dialog, timeout=60_000)
    page.fill(f"{dialog} input[data-field=passphrase]", PASSPHRASE)
    if role == "seal":
        page.fill(f"{dialog} input[data-field=repeat]", PASSPHRASE)
    page.press(f"{dialog} input[data-field=passphrase]", "Enter")


def main() -> int:
    """Print browser seal/unseal medians, then the native ones."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--elements", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    build = _load("linework_build", ROOT / "build.py")
    native_bench = _load("bench_seal", ROOT / "tools" / "bench_seal.py")
    data: bytes = native_bench.build_document(args.elements)
    figures: dict[str, list[float]] = {
        k: []
        for k in (
            "linework-seal",
            "linework-unseal",
            "linework-unseal-open",
            "linework-unseal-parse",
            "linework-open",
        )
    }
    with (
        tempfile.TemporaryDirectory() as tmp,
        build.serving(build.DIST) as server,
        sync_playwright() as p,
    ):
        source = Path(tmp) / "bench.linework"
        source.write_bytes(data)
        browser = p.chromium.launch(
            executable_path=build.find_chromium(),
            args=["--no-sandbox", "--disable-gpu"],
        )
        version = browser.version
        context = browser.new_context(accept_downloads=True)
        context.add_init_script(NO_FS_ACCESS)
        page = context.new_page()
        page.goto(server.url)
        page.wait_for_selector("body[data-ready]", state="attached", timeout=120_000)
        page.set_input_files("input[type=file][data-role=open]", str(source))
        page.wait_for_selector("[data-role=title]:has-text('bench')", timeout=120_000)
        figures["linework-open"].append(_measure(page, "linework-open"))
        sealed = Path(tmp) / "sealed.linework"
        for _ in range(args.repeat):
            with page.expect_download(timeout=120_000) as info:
                page.click("button[data-action=save-sealed]")
                _passphrase(page, "seal")
            info.value.save_as(sealed)
            figures["linework-seal"].append(_measure(page, "linework-seal"))
        size = sealed.stat().st_size
        for i in range(args.repeat):
            name = Path(tmp) / f"sealed-{i}.linework"
            name.write_bytes(sealed.read_bytes())
            page.set_input_files("input[type=file][data-role=open]", str(name))
            _passphrase(page, "passphrase")
            page.wait_for_selector(
                f"[data-role=title]:has-text('sealed-{i}')", timeout=120_000
            )
            for key in (
                "linework-unseal",
                "linework-unseal-open",
                "linework-unseal-parse",
            ):
                figures[key].append(_measure(page, key))
        browser.close()

    med = {k: statistics.median(v) for k, v in figures.items()}
    print(
        f"Sealed files, Chromium {version}: {args.elements:,} elements, "
        f"{len(data) / 1e6:.2f} MB of .linework JSON, sealed {size / 1e6:.2f} MB"
    )
    print(f"seal   (browser, median of {args.repeat}): {med['linework-seal']:8.1f} ms")
    print(
        f"unseal (browser, median of {args.repeat}): {med['linework-unseal']:8.1f} ms"
        "  (PBKDF2 + AES-GCM)"
    )
    print(f"  + open in the editor:            {med['linework-unseal-open']:8.1f} ms")
    print(f"  envelope checks (before asking): {med['linework-unseal-parse']:8.1f} ms")
    print(f"open the same document unsealed:   {med['linework-open']:8.1f} ms")
    sys.stdout.flush()
    native = [
        sys.executable,
        str(ROOT / "tools" / "bench_seal.py"),
        "--elements",
        str(args.elements),
        "--repeat",
        str(args.repeat),
    ]
    return subprocess.run(native, cwd=ROOT, check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main())
