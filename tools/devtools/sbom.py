"""The CycloneDX bill of materials of what dist/ serves (dist/sbom.json)."""

from __future__ import annotations

import base64
import json
import re
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from devtools.common import WEB, sha256_hex
from devtools.lockfile import npm_lock


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
    components.extend(dict(w) for w in wheels)
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
