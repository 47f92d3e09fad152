"""The Pyodide half of the core's test run (tools/pyodide_pytest.mjs runs this file).

Unpacks the pure wheels mounted at /wheels, puts src/ first on sys.path and
runs pytest in /repo. Tests that need what only a native interpreter has are
skipped by name, with the reason, and counted: subprocesses (the gates, the
wheel build, the CLI run as a program, Node), OpenSSL, native wheels and
Playwright. Everything else must pass as it does natively. The seal tests run
with a pure-Python stand-in for ``cryptography`` injected
(``tools/purecrypto.py``, also ``hashlib.pbkdf2_hmac``), since Pyodide has
no OpenSSL; tests that need
``resvg`` or ``fontTools`` skip themselves.
"""

from __future__ import annotations

import glob
import os
import sys
import zipfile
from typing import Any

#: Test id prefixes that cannot run on Pyodide, and why.
NATIVE_ONLY: dict[str, str] = {
    "tests/browser/": "needs Chromium (Playwright)",
    "tests/pyodide/": "runs this suite on Pyodide (Node subprocess)",
    "tests/unit/test_quality_gates.py": "runs ruff, mypy, lint-imports (subprocess)",
    "tests/unit/test_without_playwright.py": "runs a child pytest (subprocess)",
    "tests/unit/test_build_script.py": "runs build.py (subprocess)",
    "tests/unit/test_packaging.py::test_the_wheel_carries": "builds the wheel (pip)",
    "tests/unit/seal/test_pyodide.py": "drives Pyodide from Node (subprocess)",
    "tests/unit/seal/test_webcrypto.py": "runs web/seal.js in Node (subprocess)",
    "tests/unit/seal/test_native.py::test_seal_tree_imports_without": "subprocess",
    "tests/unit/seal/test_purecrypto.py": "checks the stand-in against cryptography",
    "tests/unit/formats/test_hostile_json.py::test_too_many_gliffy_objects": (
        "asserts a 10 s budget set for native speed"
    ),
    "tests/unit/formats/test_mermaid.py::test_300_node_chart_imports_in_bounded": (
        "asserts a 15 s budget set for native speed (19 s on Pyodide under load)"
    ),
}

SITE = "/tmp/site-packages"


class NativeOnly:
    """A pytest plugin: skip the tests named in NATIVE_ONLY, counting them."""

    def __init__(self) -> None:
        self.skipped = 0

    def pytest_collection_modifyitems(self, config: Any, items: list[Any]) -> None:
        import pytest

        for item in items:
            for prefix, reason in NATIVE_ONLY.items():
                if item.nodeid.startswith(prefix):
                    item.add_marker(pytest.mark.skip(reason=f"native only: {reason}"))
                    self.skipped += 1
                    break

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        terminalreporter.write_line(
            f"pyodide: {self.skipped} native-only test(s) skipped by name "
            "(tools/pyodide_inside.py NATIVE_ONLY)"
        )


def main(args: list[str]) -> int:
    """Install the wheels, run pytest with ``args`` in /repo, return its exit code."""
    os.makedirs(SITE, exist_ok=True)
    for wheel in sorted(glob.glob("/wheels/*.whl")):
        with zipfile.ZipFile(wheel) as z:
            z.extractall(SITE)
    sys.path[:0] = ["/repo/src", SITE]
    sys.dont_write_bytecode = True  # no 3.14 .pyc files in the working tree
    os.environ["HYPOTHESIS_STORAGE_DIRECTORY"] = "/tmp/hypothesis"
    os.chdir("/repo")
    sys.path.insert(0, "/repo/tools")
    import purecrypto

    purecrypto.install()
    print(f"pyodide: Python {sys.version.split()[0]} on {sys.platform}")
    import pytest

    return int(pytest.main(["-p", "no:cacheprovider", *args], plugins=[NativeOnly()]))
