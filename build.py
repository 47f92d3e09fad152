#!/usr/bin/env python3
"""Build, serve, test and benchmark the Linework web app.

Standard library only, so ``python3 build.py`` runs on a bare Python 3.11+.

    python3 build.py [build]           write dist/: the static site
    python3 build.py serve [--port N]  build if needed, serve dist/ on 127.0.0.1
    python3 build.py test [ARGS...]    venv, dist, Chromium, then the whole pytest
    python3 build.py bench             start-up next to a bare Pyodide, site size

The site (docs/architecture.md §7): index.html, content-hashed JS/CSS with Subresource
Integrity, the pinned Pyodide runtime files that are needed (not the whole npm
package), a pyodide-lock file written here that lists the linework wheel and
micropip, and the Arimo fonts. Nothing is loaded from another origin.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import gzip
import hashlib
import http.server
import importlib.util
import json
import os
import posixpath
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import zipfile
from collections import Counter, deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from html import escape as html_escape
from pathlib import Path
from types import ModuleType
from typing import Any


def _hand_over_to_pypa_build() -> None:
    """Run PyPA's ``build`` when this script was reached as ``python -m build``.

    Python puts the current directory first on sys.path, so ``python -m build``
    run in the repository finds this file before PyPA's package of the same
    name. This script is ``python3 build.py``; ``python -m build`` stays PyPA's.
    """
    import importlib.util
    import runpy

    here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != here]
    if importlib.util.find_spec("build") is None:
        sys.exit(
            "python -m build: PyPA's build is not installed (pip install build).\n"
            "This repository's own script is run as: python3 build.py [command]"
        )
    runpy.run_module("build", run_name="__main__", alter_sys=True)
    sys.exit(0)


if __name__ == "__main__" and __spec__ is not None and __spec__.name == "build":
    _hand_over_to_pypa_build()

ROOT = Path(__file__).resolve().parent
WEB = ROOT / "web"
DIST = ROOT / "dist"
CACHE = ROOT / "build" / "cache"
VENV = ROOT / ".venv"
NODE_MODULES = WEB / "node_modules"
PYODIDE_NPM = NODE_MODULES / "pyodide"
ARIMO_NPM = NODE_MODULES / "@fontsource" / "arimo"

# The runtime files loadPyodide fetches; the rest of the npm package stays out.
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
)
MICROPIP_VERSION = "0.11.1"
# The PyPI wheel (Pyodide's lock lists its own build, with another hash).
MICROPIP_SHA256 = "768de165adb8e66906039d8fec4127a57f522dfdf8e6fbff877a4616941ecfd3"
FONT_SUBSETS = ("latin", "latin-ext")
FONT_FACES = (
    ("400", "normal"),
    ("400", "italic"),
    ("700", "normal"),
    ("700", "italic"),
)

# The Trusted Types policies the page creates: SVG from the renderer
# (web/safe-svg.js) and the worker's script URL (web/main.js).
TRUSTED_TYPES_POLICIES = ("linework-svg", "linework-worker")
ERROR_ENDPOINT = "/api/error"
ERROR_CONTEXTS = frozenset(
    {"boot", "import", "export", "save", "open", "edit", "embed"}
)
# Paths under these prefixes carry a content hash in their name: cache forever.
IMMUTABLE_PREFIXES = ("/assets/", "/pyodide/", "/packages/", "/icons/")
# Where the worker finds the Pyodide memory snapshot (tools/snapshot.py).
SNAPSHOT_DIR = "pyodide/snapshots/"

# Features the app does not use. Only names Chromium knows: an unknown one is
# logged as a console error on every load.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "gamepad",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "sync-xhr",
        "usb",
        "xr-spatial-tracking",
    )
)

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".wasm": "application/wasm",
    ".zip": "application/zip",
    ".whl": "application/zip",
    ".woff2": "font/woff2",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
    ".png": "image/png",
    ".txt": "text/plain; charset=utf-8",
}


def log(message: str) -> None:
    """Print a progress line of the build to stderr."""
    print(f"build.py: {message}", file=sys.stderr, flush=True)


class BuildError(Exception):
    """A build step failed; the message says what to do."""


# --------------------------------------------------------------------------- headers


DEFAULT_FRAME_ANCESTORS = "'self'"


def content_security_policy(
    frame_ancestors: str = DEFAULT_FRAME_ANCESTORS, connect_src: str = "'self'"
) -> str:
    """Return the site's CSP (docs/architecture.md §7): same origin, wasm, no eval.

    Args:
        frame_ancestors: who may frame the app (``'self'`` by default; embedding
            sites add their origins, see :func:`site_options`).
        connect_src: where the page may connect: ``'self'`` plus the error
            endpoint's origin when it lives elsewhere.
    """
    return "; ".join(
        (
            "default-src 'none'",
            "script-src 'self' 'wasm-unsafe-eval'",
            f"connect-src {connect_src}",
            "worker-src 'self'",
            "img-src 'self' data: blob:",
            "style-src 'self'",
            "font-src 'self'",
            "manifest-src 'self'",
            "base-uri 'none'",
            "object-src 'none'",
            "form-action 'none'",
            f"frame-ancestors {frame_ancestors}",
            "require-trusted-types-for 'script'",
            f"trusted-types {' '.join(TRUSTED_TYPES_POLICIES)}",
        )
    )


def meta_content_security_policy(connect_src: str = "'self'") -> str:
    """Return the CSP for index.html's ``<meta>``: the header's, minus frame-ancestors.

    A static host that drops dist/_headers (GitHub Pages, S3, a plain nginx)
    still gets the same-origin policy and Trusted Types from the page itself;
    browsers ignore frame-ancestors in a ``<meta>`` (web/framing.js covers framing).
    """
    return "; ".join(
        directive
        for directive in content_security_policy(connect_src=connect_src).split("; ")
        if not directive.startswith("frame-ancestors ")
    )


def security_headers(
    frame_ancestors: str = DEFAULT_FRAME_ANCESTORS, connect_src: str = "'self'"
) -> dict[str, str]:
    """Return the headers every response of the site carries."""
    return {
        "Content-Security-Policy": content_security_policy(
            frame_ancestors, connect_src
        ),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": PERMISSIONS_POLICY,
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
    }


_ORIGIN = re.compile(
    r"https?://[a-z0-9.-]+(:[0-9]{1,5})?|https?://\[[0-9a-f:.]+\](:[0-9]{1,5})?"
)
_CSP_SOURCE = re.compile(r"'self'|'none'|\*?[A-Za-z0-9.:/*\[\]-]+")


def parse_origins(text: str | Sequence[str]) -> list[str]:
    """Return the embedding origins given as one string (spaces or commas) or a list.

    Each must be exactly ``scheme://host[:port]`` (http or https, lower case, no
    path or slash at the end), as ``event.origin`` reports it.
    """
    items = text.replace(",", " ").split() if isinstance(text, str) else list(text)
    for origin in items:
        if not _ORIGIN.fullmatch(origin):
            raise BuildError(
                f"embed origin {origin!r} is not exactly scheme://host[:port]"
                " (http or https, lower case, nothing after the port)"
            )
    return items


def site_options(
    *,
    error_endpoint: str | None = ERROR_ENDPOINT[1:],
    report_errors: bool = True,
    frame_ancestors: str | None = None,
    embed_origins: str | Sequence[str] = (),
) -> dict[str, Any]:
    """Check the build's options and derive the headers they need.

    Args:
        error_endpoint: where error codes go: a path on this site (``api/error``,
            ``/api/error``), an http(s) URL, or None / ``"none"`` for no reports.
        report_errors: False builds the page with reports off.
        frame_ancestors: CSP sources allowed to frame the app; by default
            ``'self'`` and the embed origins.
        embed_origins: the parent origins an ``?embed=1&origin=`` URL may name;
            empty means only origins the served ``frame-ancestors`` header names
            (the page reads it back, web/framing.js): served without headers,
            such a build refuses embedding (docs/embedding.md).

    Returns:
        ``{"errorEndpoint", "reportErrors", "allowedOrigins", "frameAncestors",
        "connectSrc"}``: the first three go to the page's config module, the
        last two into the CSP.
    """
    origins = parse_origins(embed_origins)
    endpoint = None if error_endpoint in (None, "", "none") else error_endpoint
    connect = ["'self'"]
    if endpoint is not None:
        parts = urllib.parse.urlsplit(endpoint)
        if parts.scheme:
            origin = f"{parts.scheme}://{parts.netloc}"
            if not _ORIGIN.fullmatch(origin) or parts.query or parts.fragment:
                raise BuildError(f"error endpoint {endpoint!r} is not an http(s) URL")
            connect.append(origin)
        elif parts.netloc or parts.query or parts.fragment or "\\" in endpoint:
            raise BuildError(f"error endpoint {endpoint!r} is not a path or URL")
    ancestors = frame_ancestors
    if ancestors is None:
        ancestors = " ".join([DEFAULT_FRAME_ANCESTORS, *origins])
    if not ancestors.split() or not all(
        _CSP_SOURCE.fullmatch(src) for src in ancestors.split()
    ):
        raise BuildError(f"frame-ancestors {ancestors!r} is not a list of CSP sources")
    return {
        "errorEndpoint": endpoint if report_errors else None,
        "reportErrors": bool(report_errors and endpoint is not None),
        "allowedOrigins": origins,
        "frameAncestors": ancestors,
        "connectSrc": " ".join(connect),
    }


def cache_control(path: str) -> str:
    """Return Cache-Control for a URL path: immutable when hashed, else revalidate."""
    if path.startswith(IMMUTABLE_PREFIXES):
        return "public, max-age=31536000, immutable"
    return "no-cache"


# ------------------------------------------------------------------ small helpers


def sha256_hex(data: bytes) -> str:
    """Return the hex SHA-256 of data."""
    return hashlib.sha256(data).hexdigest()


def sri(data: bytes) -> str:
    """Return a Subresource Integrity value (sha384) for data."""
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def hashed_name(name: str, data: bytes) -> str:
    """Return ``stem.<hash>.ext`` for a file name and its content."""
    stem, dot, ext = name.partition(".")
    return f"{stem}.{sha256_hex(data)[:12]}{dot}{ext}"


def run(cmd: list[str], **kwargs: Any) -> None:
    """Run a command, echoing it; raise BuildError when it fails."""
    log("$ " + " ".join(cmd))
    try:
        subprocess.run(cmd, check=True, **kwargs)
    except FileNotFoundError as exc:
        raise BuildError(f"{cmd[0]} not found: {exc}") from exc
    except subprocess.CalledProcessError as exc:
        raise BuildError(f"command failed ({exc.returncode}): {' '.join(cmd)}") from exc


def project_version() -> str:
    """Return the version from pyproject.toml."""
    import tomllib

    with (ROOT / "pyproject.toml").open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def venv_python() -> Path:
    """Return the path of the project venv's interpreter."""
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def tool(name: str) -> ModuleType:
    """Import tools/<name>.py (build code that lives outside this file)."""
    module_name = f"linework_tools_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(
        module_name, ROOT / "tools" / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


# --------------------------------------------------------------------------- npm


def npm_ci() -> None:
    """Install web/node_modules from the lockfile, unless it already matches."""
    lock = WEB / "package-lock.json"
    stamp = NODE_MODULES / ".linework-lock-sha256"
    want = sha256_hex(lock.read_bytes())
    have_files = all((PYODIDE_NPM / f).exists() for f in PYODIDE_FILES)
    if have_files and stamp.exists() and stamp.read_text().strip() == want:
        return
    npm = shutil.which("npm")
    if npm is None:
        raise BuildError("npm not found: install Node.js and npm (https://nodejs.org)")
    run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=WEB)
    stamp.write_text(want + "\n")


# --------------------------------------------------------------------------- wheels


def build_wheel(out_dir: Path) -> Path:
    """Build the linework wheel into out_dir with pip and return its path."""
    python = venv_python() if venv_python().exists() else Path(sys.executable)
    has_hatchling = (
        subprocess.run(
            [str(python), "-c", "import hatchling"], capture_output=True, check=False
        ).returncode
        == 0
    )
    cmd = [
        str(python),
        "-m",
        "pip",
        "wheel",
        "--quiet",
        "--no-deps",
        "-w",
        str(out_dir),
    ]
    if has_hatchling:
        cmd.append("--no-build-isolation")
    run([*cmd, str(ROOT)])
    wheels = sorted(out_dir.glob("linework-*.whl"))
    if len(wheels) != 1:
        raise BuildError(f"expected one linework wheel, found {wheels}")
    return wheels[0]


# Run by Node at build time: Pyodide's own CPython 3.14 byte-compiles the
# wheel's modules, so the browser does not compile them on every start.
_PY_COMPILE_MJS = """
const { loadPyodide } = await import(process.argv[2]);
const py = await loadPyodide({ indexURL: process.argv[3] });
py.FS.mkdirTree("/build");
py.FS.mount(py.FS.filesystems.NODEFS, { root: process.argv[4] }, "/build");
const failed = py.runPython(`
import pathlib, py_compile
failed = []
for path in sorted(pathlib.Path("/build").rglob("*.py")):
    try:
        py_compile.compile(
            str(path), cfile=str(path.with_suffix(".pyc")), doraise=True,
            dfile=str(path.relative_to("/build")),
            invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
        )
        path.unlink()
    except py_compile.PyCompileError as error:
        failed.append(str(error))
chr(10).join(failed)
`);
if (failed) {
  console.error(failed);
  process.exit(1);
}
"""


def py_compile_wheel(wheel: Path) -> Path:
    """Replace a pure wheel's modules by CPython 3.14 bytecode, as Pyodide does.

    Sourceless ``.pyc`` files import without compiling in the browser (the
    deferred imports of the renderer and codecs drop from ~350 ms to a few
    ms); tracebacks keep file names and line numbers. The wheel grows from
    ~0.26 MB to ~0.6 MB. Returns the same path; on any failure the wheel is
    left as it was (imports are then compiled in the browser).
    """
    node = shutil.which("node")
    if node is None:
        log("node not found: shipping the wheel without bytecode")
        return wheel
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        with zipfile.ZipFile(wheel) as z:
            z.extractall(tree)
        script = Path(tmp) / "py-compile.mjs"
        script.write_text(_PY_COMPILE_MJS)
        cmd = [
            node,
            str(script),
            (PYODIDE_NPM / "pyodide.mjs").as_uri(),
            str(PYODIDE_NPM) + "/",
            str(tree),
        ]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            log(f"byte-compiling failed, shipping sources only: {done.stderr[-500:]}")
            return wheel
        write_wheel(tree, wheel)
    return wheel


def write_wheel(tree: Path, wheel: Path) -> None:
    """Zip an unpacked wheel again, with a RECORD that lists every file."""
    files = sorted(
        p for p in tree.rglob("*") if p.is_file() and not p.name.endswith("RECORD")
    )
    record_path = next(tree.glob("*.dist-info")) / "RECORD"
    lines = []
    for path in files:
        data = path.read_bytes()
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
        lines.append(
            f"{path.relative_to(tree).as_posix()},sha256={digest.decode()},{len(data)}"
        )
    lines.append(f"{record_path.relative_to(tree).as_posix()},,")
    record_path.write_text("\n".join(lines) + "\n")
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as z:
        for path in [*files, record_path]:
            info = zipfile.ZipInfo(
                path.relative_to(tree).as_posix(), (2020, 2, 2, 0, 0, 0)
            )
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, path.read_bytes())


def fetch_micropip() -> Path:
    """Return micropip's pure wheel from the cache, downloading it with pip once.

    The npm package lists micropip in its lock but does not contain the wheel.
    pip checks the pinned hash.
    """
    name = f"micropip-{MICROPIP_VERSION}-py3-none-any.whl"
    target = CACHE / name
    if not target.exists() or sha256_hex(target.read_bytes()) != MICROPIP_SHA256:
        CACHE.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            req = Path(tmp) / "requirements.txt"
            req.write_text(
                f"micropip=={MICROPIP_VERSION} --hash=sha256:{MICROPIP_SHA256}\n"
            )
            run(
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "download",
                    "--quiet",
                    "--no-deps",
                    "--only-binary=:all:",
                    "--python-version=3.14",  # Pyodide's, not this Python's
                    "--require-hashes",
                    "-d",
                    tmp,
                    "-r",
                    str(req),
                ]
            )
            shutil.move(str(Path(tmp) / name), target)
    if sha256_hex(target.read_bytes()) != MICROPIP_SHA256:
        raise BuildError("the micropip wheel does not match its pinned hash")
    return target


def npm_lock() -> dict[str, Any]:
    """Return the pyodide-lock.json of the npm package."""
    return json.loads((PYODIDE_NPM / "pyodide-lock.json").read_text())  # type: ignore[no-any-return]


def wheel_metadata(wheel: Path) -> tuple[str, str, list[str]]:
    """Return (name, version, top-level import names) of a pure wheel."""
    name, version = wheel.name.split("-")[:2]
    with zipfile.ZipFile(wheel) as z:
        tops = sorted(
            {
                n.split("/")[0].removesuffix(".py")
                for n in z.namelist()
                if not n.split("/")[0].endswith((".dist-info", ".data"))
            }
        )
    return name.lower(), version, tops


def lock_entry(wheel: Path, file_name: str) -> dict[str, Any]:
    """Return the pyodide-lock entry for a pure-Python wheel."""
    name, version, imports = wheel_metadata(wheel)
    return {
        "name": name,
        "version": version,
        "file_name": file_name,
        "install_dir": "site",
        "sha256": sha256_hex(wheel.read_bytes()),
        "package_type": "package",
        "imports": imports,
        "depends": [],
        "unvendored_tests": False,
    }


def _licence_of_wheel(wheel: Path) -> str:
    """Return a wheel's SPDX licence: License-Expression, else a known classifier."""
    with zipfile.ZipFile(wheel) as z:
        meta = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
        text = z.read(meta).decode("utf-8", "replace")
    known = {"Mozilla Public License 2.0 (MPL 2.0)": "MPL-2.0", "MIT License": "MIT"}
    found = "NOASSERTION"
    for line in text.splitlines():
        key, _, value = line.partition(":")
        value = value.strip()
        if key == "License-Expression":
            return value
        if key == "License" and re.fullmatch(r"[A-Za-z0-9.+-]+", value):
            found = value  # pyproject's license = {text = "MIT"}
        if key == "Classifier" and value.startswith("License ::"):
            found = known.get(value.rsplit("::", 1)[1].strip(), found)
    return found


def wheel_component(name: str, wheel: Path) -> dict[str, Any]:
    """Return the SBOM component of a served wheel (read before it is deleted)."""
    wheel_version = wheel.name.split("-")[1]
    return {
        "type": "library",
        "bom-ref": f"pkg:pypi/{name}@{wheel_version}",
        "name": name,
        "version": wheel_version,
        "purl": f"pkg:pypi/{name}@{wheel_version}",
        "licenses": [{"license": {"id": _licence_of_wheel(wheel)}}],
        "hashes": [{"alg": "SHA-256", "content": sha256_hex(wheel.read_bytes())}],
    }


def sbom(
    version: str,
    wheels: Sequence[Mapping[str, Any]],
    served: Mapping[str, Sequence[str]],
) -> dict[str, Any]:
    """Return a CycloneDX 1.5 bill of materials of what dist/ serves.

    The npm packages come from web/package-lock.json (version, licence,
    integrity), the wheels from their metadata and bytes, and CPython from
    the Pyodide lock. No time stamp, so the same inputs give the same file.

    Args:
        version: Linework's version.
        wheels: the served wheels' components (:func:`wheel_component`).
        served: for each npm package folder under node_modules, the dist/
            paths its files were copied to.
    """
    lock = json.loads((WEB / "package-lock.json").read_text())["packages"]
    components: list[dict[str, Any]] = []
    for folder, paths in served.items():
        entry = lock[f"node_modules/{folder}"]
        alg, _, digest = entry["integrity"].partition("-")
        components.append(
            {
                "type": "library" if folder == "pyodide" else "data",
                "bom-ref": f"pkg:npm/{folder}@{entry['version']}",
                "name": folder,
                "version": entry["version"],
                "purl": f"pkg:npm/{folder.replace('@', '%40')}@{entry['version']}",
                "licenses": [{"license": {"id": entry["license"]}}],
                "hashes": [
                    {
                        "alg": alg.upper().replace("SHA", "SHA-"),
                        "content": base64.b64decode(digest).hex(),
                    }
                ],
                "properties": [
                    {"name": "linework:served", "value": path} for path in paths
                ],
            }
        )
    python = npm_lock()["info"]["python"]
    components.append(
        {
            "type": "library",
            "bom-ref": f"pkg:generic/cpython@{python}",
            "name": "cpython",
            "version": python,
            "purl": f"pkg:generic/cpython@{python}",
            "licenses": [{"license": {"id": "PSF-2.0"}}],
            "description": "Built into Pyodide's runtime (pyodide.asm.wasm and "
            "python_stdlib.zip)",
        }
    )
    components.extend(wheels)
    return {
        "bomFormat": "CycloneDX",
        "specVersion": "1.5",
        "version": 1,
        "metadata": {
            "component": {
                "type": "application",
                "bom-ref": f"pkg:pypi/linework@{version}",
                "name": "linework-web",
                "version": version,
                "licenses": [{"license": {"id": "MIT"}}],
            },
            "tools": {"components": [{"type": "application", "name": "build.py"}]},
        },
        "components": components,
    }


# --------------------------------------------------------------------------- JS / CSS


# A relative import: "./name.js", "./folder/name.js" or "../name.js".
_LOCAL_IMPORT = re.compile(
    r"""(["'])((?:\./|\.\./)(?:[a-z0-9][a-z0-9-]*/)*[a-z0-9][a-z0-9-]*\.js)\1"""
)


def module_path(importer: str, spec: str) -> str:
    """Return the web/-relative path of the module ``importer`` imports as ``spec``."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(importer), spec))


def hash_modules(sources: Mapping[str, str]) -> dict[str, tuple[str, bytes]]:
    """Give each JS module a content-hashed name and point its imports at them.

    A module's hash covers its rewritten imports, so modules are done leaves first.

    Args:
        sources: path under web/ -> source text (relative imports as
            ``"./name.js"``, ``"./folder/name.js"`` or ``"../name.js"``).

    Returns:
        file name -> (hashed file name, rewritten bytes).
    """
    deps = {
        name: {module_path(name, spec) for _, spec in _LOCAL_IMPORT.findall(text)}
        for name, text in sources.items()
    }
    done: dict[str, tuple[str, bytes]] = {}
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in done:
            return
        if name in visiting:
            raise BuildError(f"import cycle through web/{name}")
        if name not in sources:
            raise BuildError(f"web/ imports missing module {name}")
        visiting.add(name)
        for dep in sorted(deps[name]):
            visit(dep)
        text = _LOCAL_IMPORT.sub(
            lambda m: (
                f"{m.group(1)}./{done[module_path(name, m.group(2))][0]}{m.group(1)}"
            ),
            sources[name],
        )
        data = text.encode()
        # Every module lands flat in assets/: web/editor/ops.js → editor-ops.<hash>.js
        done[name] = (hashed_name(name.replace("/", "-"), data), data)
        visiting.discard(name)

    for name in sorted(sources):
        visit(name)
    return done


def static_imports(name: str, sources: Mapping[str, str]) -> list[str]:
    """Return the modules ``name`` imports statically, transitively, in load order."""
    pattern = re.compile(
        r"""^\s*(?:import|export)\b[^;]*?from\s+["']((?:\./|\.\./)[a-z0-9/-]+\.js)["']""",
        re.M,
    )
    order: list[str] = []

    def walk(n: str) -> None:
        for spec in pattern.findall(sources[n]):
            dep = module_path(n, spec)
            if dep not in order:
                walk(dep)
                order.append(dep)

    walk(name)
    return order


def font_css(files: Mapping[str, str]) -> str:
    """Return @font-face rules for the shipped Arimo faces.

    Args:
        files: npm font file name -> hashed file name in assets/.
    """
    rules = []
    for weight, style in FONT_FACES:
        css_name = f"{weight}{'-italic' if style == 'italic' else ''}.css"
        css = (ARIMO_NPM / css_name).read_text()
        for subset in FONT_SUBSETS:
            face = f"arimo-{subset}-{weight}-{style}"
            block = re.search(
                rf"/\* {re.escape(face)} \*/\s*@font-face\s*{{(.*?)}}", css, re.S
            )
            if block is None:
                raise BuildError(f"no @font-face for {face} in {css_name}")
            ranges = re.search(r"unicode-range:\s*([^;]+);", block.group(1))
            lines = [
                "@font-face {",
                "  font-family: Arimo;",
                f"  font-style: {style};",
                f"  font-weight: {weight};",
                "  font-display: swap;",
                f"  src: url({files[face + '.woff2']}) format('woff2');",
            ]
            if ranges:
                lines.append(f"  unicode-range: {ranges.group(1).strip()};")
            lines.append("}")
            rules.append("\n".join(lines))
    return (
        "/* Arimo (SIL OFL 1.1), from @fontsource/arimo */\n" + "\n".join(rules) + "\n"
    )


def favicon_ico(svg_colour: tuple[int, int, int] = (37, 99, 235)) -> bytes:
    """Return a 16x16 ICO (one embedded PNG) for browsers that ask for /favicon.ico."""
    import struct
    import zlib

    size = 16
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            inside = 2 <= x <= 13 and 2 <= y <= 13
            diagonal = abs(x - y) <= 1 and 3 <= x <= 12
            colour = (
                (255, 255, 255, 255)
                if diagonal
                else (*svg_colour, 255)
                if inside
                else (0, 0, 0, 0)
            )
            row += bytes(colour)
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data))
        )

    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )
    header = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(png), 6 + 16)
    return header + entry + png


# --------------------------------------------------------------------------- build


MAPPED_ICONS = ROOT / "src" / "linework" / "icons" / "data" / "mapped.json"


def build_icon_libraries() -> tuple[dict[str, bytes], dict[str, Any]]:
    """Return dist/'s icon files and the catalog; write the wheel's mapped icons."""
    files, catalog, mapped = tool("icon_libraries").build_icons(NODE_MODULES)
    MAPPED_ICONS.parent.mkdir(parents=True, exist_ok=True)
    if not MAPPED_ICONS.exists() or MAPPED_ICONS.read_bytes() != mapped:
        MAPPED_ICONS.write_bytes(mapped)
    return files, catalog


def build(
    *,
    error_endpoint: str | None = ERROR_ENDPOINT[1:],
    frame_ancestors: str | None = None,
    report_errors: bool = True,
    embed_origins: str | Sequence[str] = (),
) -> Path:
    """Write dist/ and return its path.

    Args:
        error_endpoint: URL the page posts anonymous error codes to, or None to
            build with reporting turned off (docs/architecture.md §6).
        frame_ancestors: written into dist/_headers for static hosts.
        report_errors: False turns the error beacon off in the page.
        embed_origins: parent origins allowed in embed URLs (see site_options).
    """
    options = site_options(
        error_endpoint=error_endpoint,
        report_errors=report_errors,
        frame_ancestors=frame_ancestors,
        embed_origins=embed_origins,
    )
    started = time.monotonic()
    npm_ci()
    version = project_version()
    pyodide_version = json.loads((PYODIDE_NPM / "package.json").read_text())["version"]
    out = Path(tempfile.mkdtemp(prefix="dist.", dir=ROOT))
    try:
        files: dict[str, bytes] = {}

        # Pyodide runtime: one folder named after the version and the files' hash.
        runtime = {name: (PYODIDE_NPM / name).read_bytes() for name in PYODIDE_FILES}
        runtime_hash = sha256_hex(
            b"".join(sha256_hex(runtime[n]).encode() for n in PYODIDE_FILES)
        )
        runtime_dir = f"pyodide/{pyodide_version}-{runtime_hash[:12]}/"
        for name, data in runtime.items():
            files[runtime_dir + name] = data

        # Icon libraries (tools/icon_libraries.py); the mapped icons go into
        # the source tree first, so the wheel built next carries them.
        icon_files, icon_catalog = build_icon_libraries()
        files.update(icon_files)
        # The label families beside Arimo (tools/web_fonts.py), and their notices.
        web_fonts = tool("web_fonts")
        family_files, family_css = web_fonts.build_fonts(NODE_MODULES)
        files.update(family_files)
        files["THIRD-PARTY-NOTICES.txt"] = (
            files.get("THIRD-PARTY-NOTICES.txt", b"")
            + web_fonts.notices(NODE_MODULES).encode()
        )

        # Wheels in folders named by their hash, and a lock listing them.
        with tempfile.TemporaryDirectory() as tmp:
            wheel = py_compile_wheel(build_wheel(Path(tmp)))
            wheels = {"linework": wheel, "micropip": fetch_micropip()}
            lock_packages = {}
            for key, path in wheels.items():
                data = path.read_bytes()
                rel = f"{sha256_hex(data)[:16]}/{path.name}"
                files["packages/" + rel] = data
                lock_packages[key] = lock_entry(path, rel)
            wheel_parts = [wheel_component(k, p) for k, p in wheels.items()]
            # The worker boots from a memory snapshot of the core (issue 13).
            made = tool("snapshot").make(
                wheel, PYODIDE_NPM, runtime_hash, CACHE / "snapshot", log
            )
        snapshot_record = None
        if made is not None:
            snapshot_path = SNAPSHOT_DIR + hashed_name("linework.bin", made[0])
            files[snapshot_path] = made[0]
            snapshot_record = {"file": snapshot_path, **made[1]}
        base_lock = npm_lock()
        lock = {"info": base_lock["info"], "packages": lock_packages}
        lock_bytes = json.dumps(lock, indent=1, sort_keys=True).encode()
        lock_path = "packages/" + hashed_name("pyodide-lock.json", lock_bytes)
        files[lock_path] = lock_bytes

        # Fonts and their CSS.
        font_names: dict[str, str] = {}
        for weight, style in FONT_FACES:
            for subset in FONT_SUBSETS:
                name = f"arimo-{subset}-{weight}-{style}.woff2"
                data = (ARIMO_NPM / "files" / name).read_bytes()
                font_names[name] = hashed_name(name, data)
                files["assets/" + font_names[name]] = data
        css_sources = {
            "fonts.css": (font_css(font_names) + family_css).encode(),
            "app.css": (WEB / "app.css").read_bytes(),
        }
        css = {
            name: (hashed_name(name, data), data) for name, data in css_sources.items()
        }
        for hashed, data in css.values():
            files["assets/" + hashed] = data

        # JS modules, with a generated config module the page and worker read.
        config = {
            "version": version,
            "pyodideVersion": pyodide_version,
            "runtimeUrl": f"../{runtime_dir}",
            "lockFileUrl": f"../{lock_path}",
            "corePackage": "linework",
            "snapshotUrl": snapshot_record and f"../{snapshot_record['file']}",
            "errorEndpoint": options["errorEndpoint"],
            "reportErrors": options["reportErrors"],
            "allowedOrigins": options["allowedOrigins"],
            "icons": icon_catalog,
        }
        sources = {
            p.relative_to(WEB).as_posix(): p.read_text()
            for p in sorted([*WEB.glob("*.js"), *WEB.glob("editor/*.js")])
        }
        sources["config.js"] = (
            "// Generated by build.py: where the runtime lives, relative to here.\n"
            f"export default Object.freeze({json.dumps(config, indent=2)});\n"
        )
        # The core's first replies, so the first paint is the final layout.
        first_paint = tool("first_paint")
        sources["first-paint.js"] = first_paint.module_source(
            first_paint.generate(ROOT / "src")
        )
        modules = hash_modules(sources)
        for hashed, data in modules.values():
            files["assets/" + hashed] = data

        # index.html from the template: stylesheets, module preloads, entry script.
        def tag(kind: str, name: str, data: bytes) -> str:
            integrity = f'integrity="{sri(data)}"'
            if kind == "script":
                # blocking=render: the first paint waits for the page's script,
                # which draws the chrome from the build's data (first-paint.js).
                return (
                    f'<script type="module" src="assets/{name}" {integrity}'
                    ' blocking="render"></script>'
                )
            return f'<link rel="{kind}" href="assets/{name}" {integrity}>'

        head = [tag("stylesheet", *css[n]) for n in ("fonts.css", "app.css")]
        # The chrome's two faces load at once, so they are in the first paint.
        head += [
            f'<link rel="preload" href="assets/{font_names[name]}" as="font"'
            ' type="font/woff2" crossorigin>'
            for name in ("arimo-latin-400-normal.woff2", "arimo-latin-700-normal.woff2")
        ]
        head += [
            tag("modulepreload", *modules[n])
            for n in static_imports("main.js", sources)
        ]
        main_hashed, main_data = modules["main.js"]
        # web/boot.js starts the core's worker on its own, before main.js's
        # modules have loaded (main.js imports the same module instance).
        boot_hashed, boot_data = modules["boot.js"]
        head.insert(
            0,
            f'<script type="module" src="assets/{boot_hashed}"'
            f' integrity="{sri(boot_data)}" async></script>',
        )
        head.append(tag("script", main_hashed, main_data))
        template = (ROOT / "index.html").read_text()
        if "<!-- build:head -->" not in template:
            raise BuildError("index.html lacks the <!-- build:head --> marker")
        html = template.replace("<!-- build:head -->", "\n    ".join(head))
        charset = '<meta charset="utf-8">'
        if charset not in html:
            raise BuildError('index.html lacks <meta charset="utf-8">')
        csp = html_escape(meta_content_security_policy(options["connectSrc"]))
        html = html.replace(
            charset,
            f'{charset}\n    <meta http-equiv="Content-Security-Policy"'
            f' content="{csp}">',
            1,
        )
        html = html.replace("{{version}}", version)
        files["index.html"] = html.encode()
        files["favicon.svg"] = (WEB / "favicon.svg").read_bytes()
        files["favicon.ico"] = favicon_ico()

        # Headers for static hosts that read a _headers file (same as `serve`).
        header_lines = ["/*"] + [
            f"  {k}: {v}"
            for k, v in security_headers(
                options["frameAncestors"], options["connectSrc"]
            ).items()
        ]
        header_lines += ["  Cache-Control: no-cache"]
        for prefix in IMMUTABLE_PREFIXES:
            header_lines += [f"{prefix}*", f"  Cache-Control: {cache_control(prefix)}"]
        twins = tool("snapshot").precompress(files, CACHE)
        header_lines += [
            "# Precompressed: a file with name.gz beside it (the list is in",
            "# manifest.json) is served as that twin with Content-Encoding: gzip",
            "# when Accept-Encoding allows; build.py serve does so.",
        ]
        for prefix in sorted({"/" + t.split("/")[0] + "/*" for t in twins}):
            header_lines += [prefix, "  Vary: Accept-Encoding"]
        files["_headers"] = ("\n".join(header_lines) + "\n").encode()

        manifest = {
            "version": version,
            "pyodide": pyodide_version,
            "runtime": runtime_dir,
            "lock": lock_path,
            "wheels": {k: v["file_name"] for k, v in lock_packages.items()},
            "entry": "assets/" + main_hashed,
            "site": options,
            "snapshot": snapshot_record,
            "precompressed": twins,
        }
        files["manifest.json"] = json.dumps(manifest, indent=1).encode()
        icon_sets = ("@tabler/icons", "@iconify-json/logos")
        served: dict[str, list[str]] = {
            "pyodide": [],
            "@fontsource/arimo": [],
            **{name: [] for name in icon_sets},
        }
        served.update(web_fonts.served_by_package(list(family_files)))
        for rel in files:
            if rel.startswith(runtime_dir):
                served["pyodide"].append(rel)
            elif rel.startswith("assets/arimo-"):
                served["@fontsource/arimo"].append(rel)
            elif rel.startswith("icons/"):
                # A library file may hold icons of either set.
                for name in icon_sets:
                    served[name].append(rel)
        bom = sbom(version, wheel_parts, served)
        files["sbom.json"] = (json.dumps(bom, indent=1) + "\n").encode()

        for rel, data in files.items():
            target = out / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        old = ROOT / f".dist-old-{os.getpid()}"
        if DIST.exists():
            DIST.rename(old)
        out.rename(DIST)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(out, ignore_errors=True)
        raise
    total = sum(len(d) for d in files.values())
    took = time.monotonic() - started
    log(f"wrote dist/ ({len(files)} files, {total / 1e6:.1f} MB) in {took:.1f} s")
    return DIST


def dist_is_fresh() -> bool:
    """Return True when dist/ is newer than every input of the build."""
    manifest = DIST / "manifest.json"
    if not manifest.exists():
        return False
    built = manifest.stat().st_mtime
    inputs = [
        ROOT / "index.html",
        ROOT / "pyproject.toml",
        ROOT / "build.py",
        ROOT / "tools" / "icon_libraries.py",
        WEB / "package-lock.json",
    ]
    inputs += [p for p in WEB.iterdir() if p.is_file()]
    inputs += list(WEB.glob("editor/*"))
    inputs += [p for p in (ROOT / "tools").iterdir() if p.is_file()]
    inputs += [
        p
        for p in (ROOT / "src").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    ]
    return all(p.stat().st_mtime <= built for p in inputs if p.exists())


# --------------------------------------------------------------------------- server


def registered_codes(
    source: Path = ROOT / "src" / "linework" / "errors.py",
) -> frozenset[str]:
    """Return the error codes registered in the core (read from its source).

    build.py stays standard-library only and importable without the package,
    so it reads ``ErrorCode("LW-Ennnn", ...)`` entries rather than importing.
    """
    text = source.read_text(encoding="utf-8")
    return frozenset(re.findall(r'ErrorCode\(\s*"(LW-E[0-9]{4})"', text, re.ASCII))


class ErrorCounter:
    """The reference error endpoint's whole memory: how often each code was seen.

    Only registered codes are counted, so the counter never has more keys than
    the registry: a stranger cannot grow it with made-up codes.
    """

    _CODE = re.compile(r"LW-E[0-9]{4}", re.ASCII)
    _VERSION = re.compile(r"[0-9A-Za-z.+-]{1,32}", re.ASCII)

    def __init__(self, codes: frozenset[str] | None = None) -> None:
        self._lock = threading.Lock()
        self.codes = registered_codes() if codes is None else codes
        self.counts: Counter[str] = Counter()

    def accept(self, body: bytes) -> bool:
        """Count a report that is exactly ``{code, version, context}``; else refuse."""
        if len(body) > MAX_REPORT_BYTES:
            return False
        try:
            report = json.loads(body)
        except ValueError:
            return False
        if not isinstance(report, dict) or set(report) != {
            "code",
            "version",
            "context",
        }:
            return False
        code, version, context = report["code"], report["version"], report["context"]
        if not (
            isinstance(code, str)
            and isinstance(version, str)
            and isinstance(context, str)
            and self._CODE.fullmatch(code)
            and code in self.codes
            and self._VERSION.fullmatch(version)
            and context in ERROR_CONTEXTS
        ):
            return False
        with self._lock:
            self.counts[code] += 1
        return True


# The reference server's bounds: a report's size, how long an idle connection
# may hold a thread, how many connections are served at once, and the recent
# request paths kept for tests (cut short, in a ring).
MAX_REPORT_BYTES = 512
MAX_CONNECTIONS = 128
MAX_KEPT_REQUESTS = 256
MAX_KEPT_PATH = 200


class SiteServer(http.server.ThreadingHTTPServer):
    """Serves dist/ with the site's headers; tests import this through build.py.

    It keeps no client address and prints nothing about a client: a failing
    request is closed silently (``handle_error``), and its memory is bounded
    (a ring of recent paths, a counter keyed by registered codes only, at most
    ``MAX_CONNECTIONS`` connections at once).
    """

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = MAX_CONNECTIONS

    def __init__(
        self,
        root: Path,
        port: int = 0,
        *,
        frame_ancestors: str = DEFAULT_FRAME_ANCESTORS,
        connect_src: str = "'self'",
        extra: Mapping[str, bytes] | None = None,
        quiet: bool = True,
    ) -> None:
        self.root = root.resolve()
        self.headers_all = security_headers(frame_ancestors, connect_src)
        self.extra = dict(extra or {})
        self.errors = ErrorCounter()
        self.quiet = quiet
        self.requests: deque[str] = deque(maxlen=MAX_KEPT_REQUESTS)
        self._slots = threading.BoundedSemaphore(MAX_CONNECTIONS)
        super().__init__(("127.0.0.1", port), SiteHandler)

    @property
    def url(self) -> str:
        """Return the base URL, with a trailing slash."""
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def remember(self, path: str) -> None:
        """Keep a recent request path, cut short (tests read ``requests``)."""
        self.requests.append(path[:MAX_KEPT_PATH])

    def process_request(self, request: Any, client_address: Any) -> None:
        """Serve in a thread while fewer than MAX_CONNECTIONS are open; else close."""
        if not self._slots.acquire(blocking=False):
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        """Handle one connection, then free its slot."""
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Drop a failed connection without a word: no traceback, no address."""


class SiteHandler(http.server.BaseHTTPRequestHandler):
    """GET/HEAD static files, POST the error endpoint; nothing else.

    Every answer, the ones the standard library writes (400, 414, 431, 501,
    505) included, carries the security headers; any refused request closes
    its connection, so a body it did not read is never taken for the next
    request.
    """

    server: SiteServer
    protocol_version = "HTTP/1.1"
    server_version = "Linework"
    sys_version = ""
    timeout = 30

    def version_string(self) -> str:
        """Name the server without Python's version."""
        return "Linework"

    def handle_one_request(self) -> None:
        """Handle a request; a browser dropping the connection is not an error."""
        self._answered = False
        try:
            super().handle_one_request()
        except (ConnectionError, TimeoutError):
            self.close_connection = True
        except Exception:
            # Whatever went wrong stays here: answer 500 if nothing was sent.
            self.close_connection = True
            with contextlib.suppress(Exception):
                if not getattr(self, "_answered", False):
                    self._error(500, "internal error")

    def log_message(self, format: str, *args: Any) -> None:
        """Log without the client address: the reference server keeps no IPs."""
        if not self.server.quiet:
            sys.stderr.write(f"serve: {format % args}\n")

    def log_error(self, format: str, *args: Any) -> None:
        """Print nothing for refused requests: their text is the client's."""

    def send_error(
        self, code: int, message: str | None = None, explain: str | None = None
    ) -> None:
        """Answer the standard library's refusals with the site's headers."""
        if getattr(self, "request_version", "HTTP/0.9") == "HTTP/0.9":
            self.request_version = "HTTP/1.1"  # answer with a status line anyway
        reason = self.responses.get(code, ("error",))[0].lower()
        self._error(code, reason)

    def _send(
        self, status: int, body: bytes, content_type: str, extra: Mapping[str, str] = {}
    ) -> None:
        self._answered = True
        self.send_response(status)
        for key, value in self.server.headers_all.items():
            self.send_header(key, value)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in extra.items():
            self.send_header(key, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, text: str) -> None:
        """Refuse: a short plain answer, and the connection closes after it."""
        self.close_connection = True
        self._send(
            status,
            (text + "\n").encode(),
            "text/plain; charset=utf-8",
            {"Cache-Control": "no-store"},
        )

    def do_HEAD(self) -> None:
        """Answer like GET without a body."""
        self.do_GET()

    def _body_unread(self) -> bool:
        """Return whether the request announced a body (GET/HEAD never read it)."""
        return self.headers.get("Content-Length", "0").strip() not in (
            "",
            "0",
        ) or bool(self.headers.get("Transfer-Encoding"))

    def do_GET(self) -> None:
        """Serve a file of dist/ (or an extra in-memory route)."""
        path = urllib.parse.urlsplit(self.path).path
        self.server.remember(path)
        if self._body_unread():
            # Its body would be read as the next request: close after answering.
            self.close_connection = True
        if path == ERROR_ENDPOINT:
            counts = dict(sorted(self.server.errors.counts.items()))
            self._send(
                200,
                json.dumps(counts).encode(),
                "application/json",
                {"Cache-Control": "no-store"},
            )
            return
        if path in self.server.extra:
            ext = os.path.splitext(path)[1]
            self._send(
                200,
                self.server.extra[path],
                CONTENT_TYPES.get(ext, "application/octet-stream"),
                {"Cache-Control": "no-store"},
            )
            return
        rel = urllib.parse.unquote(path).lstrip("/") or "index.html"
        parts = rel.split("/")
        if any(p in ("", ".", "..") or p.startswith(".") or "\0" in p for p in parts):
            self._error(404, "not found")
            return
        target = self.server.root.joinpath(*parts)
        try:
            is_file = target.is_file()
        except (OSError, ValueError):  # a name too long for the file system
            is_file = False
        if not is_file:
            self._error(404, "not found")
            return
        content_type = CONTENT_TYPES.get(target.suffix, "application/octet-stream")
        headers = {"Cache-Control": cache_control(path)}
        twin = target.with_name(target.name + ".gz")
        if twin.is_file():  # precompressed by the build
            headers["Vary"] = "Accept-Encoding"
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                target, headers["Content-Encoding"] = twin, "gzip"
        stat = target.stat()
        headers["ETag"] = etag = f'"{stat.st_size:x}-{stat.st_mtime_ns:x}"'
        if self.headers.get("If-None-Match") == etag:
            self._answered = True
            self.send_response(304)
            for key, value in {**self.server.headers_all, **headers}.items():
                self.send_header(key, value)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self._send(200, target.read_bytes(), content_type, headers)

    def do_POST(self) -> None:
        """Count a valid anonymous error report (docs/architecture.md §6), only that."""
        path = urllib.parse.urlsplit(self.path).path
        self.server.remember(path)
        if path != ERROR_ENDPOINT:
            self._error(405, "method not allowed")
            return
        raw_length = self.headers.get("Content-Length", "")
        if self.headers.get("Transfer-Encoding") or not (
            raw_length.isascii() and raw_length.isdigit()
        ):
            self._error(400, "bad report")
            return
        length = int(raw_length)
        if not 0 < length <= MAX_REPORT_BYTES:
            self._error(400, "bad report")
            return
        body = self.rfile.read(length)
        if len(body) != length or not self.server.errors.accept(body):
            self._error(400, "bad report")
            return
        self._answered = True
        self.send_response(204)
        for key, value in self.server.headers_all.items():
            self.send_header(key, value)
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _not_allowed(self) -> None:
        self._error(405, "method not allowed")

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _not_allowed


@contextlib.contextmanager
def serving(root: Path = DIST, **kwargs: Any) -> Iterator[SiteServer]:
    """Serve root in a background thread for the duration of the block."""
    server = SiteServer(root, **kwargs)
    thread = threading.Thread(
        target=server.serve_forever, name="linework-serve", daemon=True
    )
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# --------------------------------------------------------------------------- chromium


def find_chromium() -> str | None:
    """Return a Chromium/Chrome executable: $CHROMIUM, the system's, else None."""
    env = os.environ.get("CHROMIUM")
    if env:
        return env
    candidates = ["/usr/bin/chromium"]
    candidates += [
        found
        for name in (
            "chromium",
            "chromium-browser",
            "google-chrome",
            "google-chrome-stable",
        )
        if (found := shutil.which(name))
    ]
    return next((c for c in candidates if os.access(c, os.X_OK)), None)


def ensure_venv() -> Path:
    """Create .venv with ``pip install -e .[dev]`` when missing or out of date."""
    python = venv_python()
    if not python.exists():
        run([sys.executable, "-m", "venv", str(VENV)])
    stamp = VENV / ".linework-dev-sha256"
    want = sha256_hex((ROOT / "pyproject.toml").read_bytes())
    installed = subprocess.run(
        [str(python), "-c", "import linework, pytest, playwright"],
        capture_output=True,
        check=False,
    )
    if (
        installed.returncode != 0
        or not stamp.exists()
        or stamp.read_text().strip() != want
    ):
        run([str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
        run([str(python), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[dev]"])
        stamp.write_text(want + "\n")
    return python


def test_env(chromium: str | None) -> dict[str, str]:
    """Return the environment for pytest: where Chromium is and that dist/ is built."""
    env = dict(os.environ)
    env["LINEWORK_DIST_BUILT"] = "1"
    env["LINEWORK_REQUIRE_BROWSER"] = "1"
    # npm ci has run, so the font-metrics generator test can check its table.
    env.setdefault("LINEWORK_ARIMO_DIR", str(ARIMO_NPM))
    if chromium:
        env["CHROMIUM"] = chromium
    return env


# --------------------------------------------------------------------------- commands


def _build_options(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "error_endpoint": args.error_endpoint,
        "report_errors": not args.no_error_reports,
        "frame_ancestors": args.frame_ancestors,
        "embed_origins": args.embed_origins,
    }


def cmd_build(args: argparse.Namespace) -> int:
    """Build dist/."""
    build(**_build_options(args))
    return 0


def built_options() -> dict[str, Any] | None:
    """Return the site options dist/ was built with, or None."""
    try:
        manifest = json.loads((DIST / "manifest.json").read_text())
    except (OSError, ValueError):
        return None
    site = manifest.get("site")
    return site if isinstance(site, dict) else None


def cmd_serve(args: argparse.Namespace) -> int:
    """Build if needed (or built with other options), then serve dist/ until stopped."""
    kwargs = _build_options(args)
    options = site_options(**kwargs)
    if args.rebuild or not dist_is_fresh() or built_options() != options:
        build(**kwargs)
    try:
        server = SiteServer(
            DIST,
            args.port,
            frame_ancestors=options["frameAncestors"],
            connect_src=options["connectSrc"],
            quiet=not args.verbose,
        )
    except OSError as exc:
        raise BuildError(
            f"cannot serve on port {args.port} ({exc}); try --port N"
        ) from exc
    print(f"Linework is at {server.url}  (Ctrl+C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def cmd_test(args: argparse.Namespace) -> int:
    """Set up the venv, build dist/, find Chromium and run the whole pytest suite."""
    python = ensure_venv()
    build()
    chromium = find_chromium()
    if chromium is None:
        log("no system Chromium/Chrome found; trying Playwright's own browser")
        subprocess.run(
            [str(python), "-m", "playwright", "install", "chromium"], check=False
        )
    else:
        log(f"using Chromium at {chromium}")
    cmd = [str(python), "-m", "pytest", *args.pytest_args]
    log("$ " + " ".join(cmd))
    env = test_env(chromium)
    code = subprocess.run(cmd, cwd=ROOT, env=env, check=False).returncode
    if code == 5:  # pytest: no tests were collected
        log("pytest collected no tests: that is a failure")
        return 1
    return code


def cmd_bench(args: argparse.Namespace) -> int:
    """Print cold/warm start next to a bare Pyodide boot, and the site's size."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        python = ensure_venv()
        return subprocess.run(
            [str(python), __file__, "bench", *sys.argv[2:]], check=False
        ).returncode
    if args.rebuild or not dist_is_fresh():
        build()
    manifest = json.loads((DIST / "manifest.json").read_text())
    startup = tool("bench_startup")  # tools/bench_startup.py
    extra = startup.extra_routes(manifest)
    chromium = find_chromium()
    with serving(DIST, extra=extra) as server, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        version = browser.version
        results = startup.measure(browser, server.url, args.runs, args.plain_boot)
        browser.close()
    startup.report(results, args.runs, version)
    total = gz = count = 0
    for path in sorted(DIST.rglob("*")):
        if path.is_file() and path.suffix != ".gz":  # twins are not more site
            data = path.read_bytes()
            total += len(data)
            gz += len(gzip.compress(data, 6))
            count += 1
    print(f"site: {count} files, {total / 1e6:.2f} MB total, {gz / 1e6:.2f} MB gzipped")
    if args.seal:
        # Sealed files: seal and unseal 5,000 elements in the page and natively.
        sys.stdout.flush()
        script = [sys.executable, str(ROOT / "tools" / "bench_browser_seal.py")]
        if subprocess.run(script, cwd=ROOT, check=False).returncode:
            return 1
    if args.json:
        print(json.dumps(results))
    if args.editor:
        # The editor's figures: open + paint, drag, select-all move, memory.
        sys.stdout.flush()
        script = [sys.executable, str(ROOT / "tools" / "bench_browser_editor.py")]
        if subprocess.run(script, cwd=ROOT, check=False).returncode:
            return 1
    if args.icons:
        # Icons: 1,000 icons open + paint; the palette opening every library.
        sys.stdout.flush()
        script = [sys.executable, str(ROOT / "tools" / "bench_browser_icons.py")]
        if subprocess.run(script, cwd=ROOT, check=False).returncode:
            return 1
    if args.native:
        # `linework render` of 9,000 and 90,000 elements (a figure, not a test).
        sys.stdout.flush()
        script = [sys.executable, str(ROOT / "tools" / "bench_native_render.py")]
        return subprocess.run(script, cwd=ROOT, check=False).returncode
    return 0


def free_port() -> int:
    """Return a TCP port that is free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run a subcommand."""
    parser = argparse.ArgumentParser(
        prog="build.py", description=__doc__.split("\n\n")[0]
    )
    sub = parser.add_subparsers(dest="command")
    p_build = sub.add_parser("build", help="write dist/ (default)")
    p_serve = sub.add_parser(
        "serve", help="build if needed and serve dist/ on 127.0.0.1"
    )
    for p in (p_build, p_serve):
        p.add_argument(
            "--no-error-reports",
            "--no-error-reporting",
            dest="no_error_reports",
            action="store_true",
            help="build the page with the error beacon off",
        )
        p.add_argument(
            "--error-endpoint",
            default=ERROR_ENDPOINT[1:],
            help="where error codes go: a path here, an http(s) URL, or none"
            f" (default {ERROR_ENDPOINT[1:]})",
        )
        p.add_argument(
            "--frame-ancestors",
            default=None,
            help="CSP frame-ancestors sources (default: 'self' and --embed-origins)",
        )
        p.add_argument(
            "--embed-origins",
            default="",
            help="parent origins allowed in embed URLs, e.g."
            " 'https://a.example https://b.example' (default: any that may frame)",
        )
    p_serve.add_argument("--port", type=int, default=8000)
    p_serve.add_argument(
        "--rebuild", action="store_true", help="build even if dist/ looks fresh"
    )
    p_serve.add_argument(
        "--verbose", action="store_true", help="log requests (never client addresses)"
    )
    p_test = sub.add_parser(
        "test", help="venv + dist + Chromium, then the whole pytest suite"
    )
    p_test.add_argument("pytest_args", nargs="*", help="passed on to pytest")
    p_bench = sub.add_parser("bench", help="print start-up figures and the site's size")
    p_bench.add_argument("--runs", type=int, default=5)
    p_bench.add_argument("--rebuild", action="store_true")
    p_bench.add_argument("--json", action="store_true", help="also print raw timings")
    p_bench.add_argument(
        "--plain-boot",
        action="store_true",
        help="also time Linework with its snapshot withheld (the fallback boot)",
    )
    p_bench.add_argument(
        "--no-seal",
        dest="seal",
        action="store_false",
        help="skip the sealed-file section (tools/bench_browser_seal.py)",
    )
    p_bench.add_argument(
        "--no-editor",
        dest="editor",
        action="store_false",
        help="skip the editor section (tools/bench_browser_editor.py)",
    )
    p_bench.add_argument(
        "--no-icons",
        dest="icons",
        action="store_false",
        help="skip the icons section (tools/bench_browser_icons.py)",
    )
    p_bench.add_argument(
        "--no-native",
        dest="native",
        action="store_false",
        help="skip the native render of 90,000 elements (tools/bench_native_render.py)",
    )
    args, unknown = parser.parse_known_args(argv)
    if args.command == "test":
        # Everything after `test` goes to pytest, options included.
        raw = list(sys.argv[1:] if argv is None else argv)
        args.pytest_args = raw[raw.index("test") + 1 :]
    elif unknown:
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    commands: dict[str | None, Callable[[argparse.Namespace], int]] = {
        None: cmd_build,
        "build": cmd_build,
        "serve": cmd_serve,
        "test": cmd_test,
        "bench": cmd_bench,
    }
    if args.command is None:
        args.no_error_reports, args.error_endpoint = False, ERROR_ENDPOINT[1:]
        args.frame_ancestors, args.embed_origins = None, ""
    try:
        return commands[args.command](args)
    except BuildError as exc:
        log(f"error: {exc}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
