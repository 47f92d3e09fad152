"""Write dist/: the static site ``python3 build.py`` builds (docs/architecture.md §7).

index.html, content-hashed JS/CSS with Subresource Integrity, the pinned
Pyodide runtime files that are needed (not the whole npm package), a
pyodide-lock file that lists the linework wheel and micropip, the memory
snapshot, the Arimo fonts, the icon sets, _headers and an SBOM. Nothing is
loaded from another origin. The new tree replaces dist/ in one rename.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Mapping, Sequence
from html import escape as html_escape
from pathlib import Path
from typing import Any

from devtools import snapshot
from devtools.assets import (
    FONT_FACES,
    FONT_SUBSETS,
    PYODIDE_FILES,
    build_icon_libraries,
    favicon_ico,
    font_css,
    hash_modules,
    npm_ci,
    static_imports,
)
from devtools.common import (
    ARIMO_NPM,
    CACHE,
    DIST,
    NODE_MODULES,
    PYODIDE_NPM,
    ROOT,
    TOOLS,
    WEB,
    BuildError,
    hashed_name,
    log,
    project_version,
    sha256_hex,
    sri,
    tool,
)
from devtools.headers import (
    ERROR_ENDPOINT,
    IMMUTABLE_PREFIXES,
    cache_control,
    meta_content_security_policy,
    security_headers,
    site_options,
)
from devtools.lockfile import lock_entries, npm_lock
from devtools.sbom import sbom, wheel_component
from devtools.wheels import build_wheel, fetch_micropip, py_compile_wheel

# Where the worker finds the Pyodide memory snapshot (devtools/snapshot.py).
SNAPSHOT_DIR = "pyodide/snapshots/"
# The npm packages whose files dist/ serves (the SBOM lists these, and only
# these: build tools such as the JS linter never reach the site).
ICON_SETS = ("@tabler/icons", "@iconify-json/logos")
# The label families beside Arimo (tools/web_fonts.py: Tinos, Cousine, Caveat).
LABEL_FONTS = tuple(f"@fontsource/{f.folder}" for f in tool("web_fonts").FAMILIES)
# resvg's wasm build: draws icon bitmaps in a worker (web/icon-worker.js).
RESVG = "@resvg/resvg-wasm"
RESVG_FILES = ("index.mjs", "index_bg.wasm")
SERVED_PACKAGES = ("pyodide", "@fontsource/arimo", *LABEL_FONTS, *ICON_SETS, RESVG)


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
    files: dict[str, bytes] = {}
    runtime_dir, runtime_hash = _runtime(files, pyodide_version)
    # Icon libraries (tools/icon_libraries.py); the mapped icons go into the
    # source tree first, so the wheel built next carries them.
    icon_files, icon_catalog = build_icon_libraries()
    files.update(icon_files)
    # The label families beside Arimo (tools/web_fonts.py), and their notices.
    web_fonts = tool("web_fonts")
    family_files, family_css = web_fonts.build_fonts(NODE_MODULES)
    files.update(family_files)
    _add_notice(files, web_fonts.notices(NODE_MODULES))
    resvg_dir = _resvg(files)
    lock_path, lock_packages, wheel_parts, snapshot_record = _packages(
        files, runtime_hash
    )
    font_names, css = _styles(files, family_css)
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
        "resvgUrl": f"../{resvg_dir}",
    }
    sources, modules = _modules(files, config)
    files["index.html"] = _index_html(css, font_names, sources, modules, options)
    files["favicon.svg"] = (WEB / "favicon.svg").read_bytes()
    files["favicon.ico"] = favicon_ico()
    twins = snapshot.precompress(files, CACHE)
    files["_headers"] = _headers_file(options, twins)
    manifest = {
        "version": version,
        "pyodide": pyodide_version,
        "runtime": runtime_dir,
        "lock": lock_path,
        "wheels": {k: v["file_name"] for k, v in lock_packages.items()},
        "entry": "assets/" + modules["main.js"][0],
        "site": options,
        "snapshot": snapshot_record,
        "precompressed": twins,
    }
    files["manifest.json"] = json.dumps(manifest, indent=1).encode()
    bom = sbom(version, wheel_parts, served_files(files, runtime_dir))
    files["sbom.json"] = (json.dumps(bom, indent=1) + "\n").encode()
    _replace_dist(files)
    total = sum(len(d) for d in files.values())
    took = time.monotonic() - started
    log(f"wrote dist/ ({len(files)} files, {total / 1e6:.1f} MB) in {took:.1f} s")
    return DIST


def _runtime(files: dict[str, bytes], pyodide_version: str) -> tuple[str, str]:
    """Add the Pyodide runtime, in a folder named after its version and hash.

    Returns:
        (the folder, the runtime files' hash).
    """
    return _versioned_folder(
        files, "pyodide", pyodide_version, PYODIDE_NPM, PYODIDE_FILES
    )


def _versioned_folder(
    files: dict[str, bytes],
    prefix: str,
    version: str,
    package: Path,
    names: Sequence[str],
) -> tuple[str, str]:
    """Add ``names`` of an npm ``package``, unchanged, under
    ``prefix/<version>-<hash>/`` (the hash of their hashes, in that order).

    Returns:
        (the folder, the files' hash).
    """
    data = {name: (package / name).read_bytes() for name in names}
    digest = sha256_hex(b"".join(sha256_hex(data[n]).encode() for n in names))
    folder = f"{prefix}/{version}-{digest[:12]}/"
    for name, content in data.items():
        files[folder + name] = content
    return folder, digest


def _add_notice(files: dict[str, bytes], text: str) -> None:
    """Append ``text`` to THIRD-PARTY-NOTICES.txt."""
    files["THIRD-PARTY-NOTICES.txt"] = (
        files.get("THIRD-PARTY-NOTICES.txt", b"") + text.encode()
    )


def _resvg(files: dict[str, bytes]) -> str:
    """Add resvg's wasm build, unchanged, in a folder named after its version
    and hash, with its notice (MPL-2.0: where its source is); return the folder."""
    package = NODE_MODULES / RESVG
    meta = json.loads((package / "package.json").read_text())
    folder, _ = _versioned_folder(files, "resvg", meta["version"], package, RESVG_FILES)
    notice = "\n".join(
        (
            "",
            "=" * 72,
            f"{RESVG} {meta['version']} — licence {meta['license']}",
            "",
            "Served unchanged (index.mjs, index_bg.wasm) to draw icon bitmaps in a",
            "worker. It is covered by the Mozilla Public License 2.0",
            "(https://mozilla.org/MPL/2.0/). Its source code is available at",
            "https://github.com/yisibl/resvg-js (the wasm build of resvg,",
            "https://github.com/linebender/resvg).",
            "",
        )
    )
    _add_notice(files, notice)
    return folder


def _packages(
    files: dict[str, bytes], runtime_hash: str
) -> tuple[str, dict[str, Any], list[dict[str, Any]], dict[str, Any] | None]:
    """Add the wheels (in folders named by their hash), their lock and the snapshot.

    Returns:
        (the lock's path, its packages, the wheels' SBOM components, the
        snapshot's manifest record or None).
    """
    with tempfile.TemporaryDirectory() as tmp:
        wheel = py_compile_wheel(build_wheel(Path(tmp)))
        wheels = {"linework": wheel, "micropip": fetch_micropip()}
        served: dict[str, tuple[Path, str]] = {}
        for key, path in wheels.items():
            data = path.read_bytes()
            rel = f"{sha256_hex(data)[:16]}/{path.name}"
            files["packages/" + rel] = data
            served[key] = (path, rel)
        lock_packages = lock_entries(served)
        wheel_parts = [wheel_component(k, p) for k, p in wheels.items()]
        # The worker boots from a memory snapshot of the core (issue 13).
        made = snapshot.make(wheel, PYODIDE_NPM, runtime_hash, CACHE / "snapshot", log)
    record = None
    if made is not None:
        snapshot_path = SNAPSHOT_DIR + hashed_name("linework.bin", made[0])
        files[snapshot_path] = made[0]
        record = {"file": snapshot_path, **made[1]}
    lock = {"info": npm_lock()["info"], "packages": lock_packages}
    lock_bytes = json.dumps(lock, indent=1, sort_keys=True).encode()
    lock_path = "packages/" + hashed_name("pyodide-lock.json", lock_bytes)
    files[lock_path] = lock_bytes
    return lock_path, lock_packages, wheel_parts, record


Hashed = dict[str, tuple[str, bytes]]


def _styles(
    files: dict[str, bytes], family_css: str = ""
) -> tuple[dict[str, str], Hashed]:
    """Add the Arimo fonts and the stylesheets (fonts.css ends with family_css).

    Returns:
        (npm font file name -> hashed name, CSS name -> (hashed name, bytes)).
    """
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
    css = {name: (hashed_name(name, data), data) for name, data in css_sources.items()}
    for hashed, data in css.values():
        files["assets/" + hashed] = data
    return font_names, css


def _modules(
    files: dict[str, bytes], config: Mapping[str, Any]
) -> tuple[dict[str, str], Hashed]:
    """Add web/'s modules, config.js and first-paint.js, content-hashed.

    Returns:
        (path under web/ -> source, path -> (hashed name, bytes)).
    """
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
    return sources, modules


def _tag(kind: str, name: str, data: bytes) -> str:
    """Return a stylesheet, modulepreload or entry script tag with its SRI."""
    integrity = f'integrity="{sri(data)}"'
    if kind == "script":
        # blocking=render: the first paint waits for the page's script, which
        # draws the chrome from the build's data (first-paint.js).
        return (
            f'<script type="module" src="assets/{name}" {integrity}'
            ' blocking="render"></script>'
        )
    return f'<link rel="{kind}" href="assets/{name}" {integrity}>'


def _index_html(
    css: Hashed,
    font_names: Mapping[str, str],
    sources: Mapping[str, str],
    modules: Hashed,
    options: Mapping[str, Any],
) -> bytes:
    """Return index.html from the template: CSP, styles, preloads, entry script."""
    head = [_tag("stylesheet", *css[n]) for n in ("fonts.css", "app.css")]
    # The chrome's two faces load at once, so they are in the first paint.
    head += [
        f'<link rel="preload" href="assets/{font_names[name]}" as="font"'
        ' type="font/woff2" crossorigin>'
        for name in ("arimo-latin-400-normal.woff2", "arimo-latin-700-normal.woff2")
    ]
    head += [
        _tag("modulepreload", *modules[n]) for n in static_imports("main.js", sources)
    ]
    # web/boot.js starts the core's worker on its own, before main.js's
    # modules have loaded (main.js imports the same module instance).
    boot_hashed, boot_data = modules["boot.js"]
    head.insert(
        0,
        f'<script type="module" src="assets/{boot_hashed}"'
        f' integrity="{sri(boot_data)}" async></script>',
    )
    head.append(_tag("script", *modules["main.js"]))
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
        f'{charset}\n    <meta http-equiv="Content-Security-Policy" content="{csp}">',
        1,
    )
    return html.replace("{{version}}", project_version()).encode()


def _headers_file(options: Mapping[str, Any], twins: Sequence[str]) -> bytes:
    """Return dist/_headers for static hosts that read one (same as ``serve``)."""
    lines = ["/*"] + [
        f"  {k}: {v}"
        for k, v in security_headers(
            options["frameAncestors"], options["connectSrc"]
        ).items()
    ]
    lines += ["  Cache-Control: no-cache"]
    for prefix in IMMUTABLE_PREFIXES:
        lines += [f"{prefix}*", f"  Cache-Control: {cache_control(prefix)}"]
    lines += [
        "# Precompressed: a file with name.gz beside it (the list is in",
        "# manifest.json) is served as that twin with Content-Encoding: gzip",
        "# when Accept-Encoding allows; build.py serve does so.",
    ]
    for prefix in sorted({"/" + t.split("/")[0] + "/*" for t in twins}):
        lines += [prefix, "  Vary: Accept-Encoding"]
    return ("\n".join(lines) + "\n").encode()


def served_files(files: Mapping[str, bytes], runtime_dir: str) -> dict[str, list[str]]:
    """Return, for each npm package dist/ serves files of, the dist/ paths."""
    served: dict[str, list[str]] = {name: [] for name in SERVED_PACKAGES}
    for rel in files:
        if rel.startswith(runtime_dir):
            served["pyodide"].append(rel)
        elif rel.startswith("assets/arimo-"):
            served["@fontsource/arimo"].append(rel)
        elif rel.startswith("icons/"):
            # A library file may hold icons of either set.
            for name in ICON_SETS:
                served[name].append(rel)
    fonts = [rel for rel in files if rel.startswith("assets/")]
    for package, paths in tool("web_fonts").served_by_package(fonts).items():
        served[package].extend(paths)
    return served


def _replace_dist(files: Mapping[str, bytes]) -> None:
    """Write the files into a new folder, then swap it for dist/ in one rename."""
    out = Path(tempfile.mkdtemp(prefix="dist.", dir=ROOT))
    try:
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
        WEB / "package-lock.json",
    ]
    inputs += [p for p in WEB.iterdir() if p.is_file()]
    inputs += list(WEB.glob("editor/*"))
    inputs += [p for p in TOOLS.iterdir() if p.is_file()]
    inputs += [p for p in (TOOLS / "devtools").iterdir() if p.is_file()]
    inputs += [
        p
        for p in (ROOT / "src").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    ]
    return all(p.stat().st_mtime <= built for p in inputs if p.exists())


def built_options() -> dict[str, Any] | None:
    """Return the site options dist/ was built with, or None."""
    try:
        manifest = json.loads((DIST / "manifest.json").read_text())
    except (OSError, ValueError):
        return None
    site = manifest.get("site")
    return site if isinstance(site, dict) else None
