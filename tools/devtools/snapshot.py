"""The Pyodide memory snapshot the browser boots from, and precompressed twins.

The site build (devtools.site) calls :func:`make`: Node runs ``make_snapshot.mjs``
with the pinned runtime from web/node_modules, which unpacks the wheel,
imports and warms the core and writes the snapshot. The worker restores it
instead of starting Python and importing the core (web/worker.js), and boots
the plain way when it is missing or refused.

A snapshot is only valid for the exact wheel and runtime it was made from, so
the cache key (and dist/manifest.json's ``snapshot`` record, checked by a
test) is the wheel's SHA-256, the runtime files' hash and this tool's own
hash. Making one takes ~20 s, so snapshots are kept in build/cache/ by key.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from devtools.common import sha256_hex

HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "make_snapshot.mjs"
# Files the build also writes gzipped beside themselves (name + ".gz"); `serve`
# sends the twin with Content-Encoding when the request accepts gzip.
PRECOMPRESSED = (".wasm", ".mjs", ".js", ".css", ".bin", ".json", ".svg")
PRECOMPRESS_MIN_BYTES = 1024


def tool_hash() -> str:
    """Return the hash of what makes a snapshot (this module and the Node script)."""
    return sha256_hex(SCRIPT.read_bytes() + Path(__file__).read_bytes())[:16]


def key(wheel_sha256: str, runtime_hash: str) -> str:
    """Return the cache key of the snapshot of one wheel on one runtime."""
    return sha256_hex(f"{wheel_sha256}:{runtime_hash}:{tool_hash()}".encode())[:24]


def make(
    wheel: Path, pyodide_npm: Path, runtime_hash: str, cache: Path, log: Any = print
) -> tuple[bytes, dict[str, Any]] | None:
    """Return (snapshot bytes, record) for the wheel, or None without Node.

    The record goes into dist/manifest.json: the wheel's SHA-256, the runtime
    hash and Pyodide version, the tool hash and what the snapshot holds.
    A failure to make one is logged, and the site boots the plain way.
    """
    wheel_sha = sha256_hex(wheel.read_bytes())
    version = json.loads((pyodide_npm / "package.json").read_text())["version"]
    cache_key = key(wheel_sha, runtime_hash)
    target = cache / f"snapshot-{cache_key}.bin"
    info_path = target.with_suffix(".json")
    if os.environ.get("LINEWORK_SNAPSHOT") == "0":
        log("LINEWORK_SNAPSHOT=0: no Pyodide snapshot, the site boots the plain way")
        return None
    if not (target.exists() and info_path.exists()):
        node = shutil.which("node")
        if node is None:
            log("node not found: no Pyodide snapshot, the site boots the plain way")
            return None
        cache.mkdir(parents=True, exist_ok=True)
        for old in cache.glob("snapshot-*"):
            old.unlink()
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "snapshot.bin"
            cmd = [
                node,
                str(SCRIPT),
                (pyodide_npm / "pyodide.mjs").as_uri(),
                str(pyodide_npm) + "/",
                str(wheel),
                str(out),
            ]
            log("making the Pyodide memory snapshot (Node)")
            done = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if done.returncode != 0 or not out.exists():
                log(
                    f"no Pyodide snapshot (the site boots the plain way): {done.stderr[-800:]}"
                )
                return None
            held = json.loads(done.stdout.strip().splitlines()[-1])
            shutil.move(str(out), target)
        info = {
            "wheel_sha256": wheel_sha,
            "runtime_hash": runtime_hash,
            "pyodide": version,
            "tool": tool_hash(),
            "modules": held["modules"],
            "core_version": held["version"],
        }
        info_path.write_text(json.dumps(info, indent=1))
    record: dict[str, Any] = json.loads(info_path.read_text())
    return target.read_bytes(), record


def gzipped(data: bytes, cache: Path) -> bytes:
    """Return data gzipped at level 9, cached by content (big runtime files)."""
    target = cache / "gz" / f"{sha256_hex(data)[:32]}.gz"
    if target.exists():
        return target.read_bytes()
    packed = gzip.compress(data, 9, mtime=0)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(packed)
    return packed


def prune_gzipped(cache: Path, keep: set[bytes]) -> None:
    """Delete cached gzip files of data no longer in the site (``keep``: the data)."""
    wanted = {f"{sha256_hex(data)[:32]}.gz" for data in keep}
    for path in (cache / "gz").glob("*.gz"):
        if path.name not in wanted:
            path.unlink()


def precompress(files: dict[str, bytes], cache: Path) -> list[str]:
    """Add a gzip twin (``name.gz``) beside each big text/wasm file; return them.

    Only where it saves at least a tenth; big files are compressed once and
    kept in ``cache``/gz.
    """
    twins, kept = [], set()
    for rel in sorted(files):
        data = files[rel]
        if not rel.endswith(PRECOMPRESSED) or len(data) < PRECOMPRESS_MIN_BYTES:
            continue
        if len(data) > 256_000:
            packed = gzipped(data, cache)
            kept.add(data)
        else:
            packed = gzip.compress(data, 9, mtime=0)
        if len(packed) <= 0.9 * len(data):
            files[rel + ".gz"] = packed
            twins.append(rel + ".gz")
    prune_gzipped(cache, kept)
    return twins
