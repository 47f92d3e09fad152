"""The supply chain is written down: a pinned build backend and an SBOM of dist/."""

from __future__ import annotations

import json
import re
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest

from devtools.common import CACHE, DIST, PYODIDE_NPM, project_version, sha256_hex
from devtools.sbom import sbom, wheel_component
from devtools.site import SERVED_PACKAGES
from devtools.wheels import MICROPIP_VERSION

ROOT = Path(__file__).resolve().parents[2]


def test_the_build_backend_is_pinned_exactly() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    requires = config["build-system"]["requires"]
    assert [r for r in requires if r.startswith("hatchling")] == requires
    assert re.fullmatch(r"hatchling==\d+\.\d+\.\d+", requires[0])


def _npm_served() -> dict[str, list[str]]:
    """Every npm package the site serves from, with no paths (enough for the bill)."""
    package = json.loads((ROOT / "web" / "package.json").read_text())
    return {name: [] for name in package["dependencies"]}


def _check(bom: dict[str, Any]) -> dict[str, dict[str, Any]]:
    assert "CycloneDX" == bom["bomFormat"] and "1.5" == bom["specVersion"]
    components = {c["name"]: c for c in bom["components"]}
    package = json.loads((ROOT / "web" / "package.json").read_text())
    for name, version in package["dependencies"].items():
        assert version == components[name]["version"], name
    assert MICROPIP_VERSION == components["micropip"]["version"]
    licences = {
        name: c["licenses"][0]["license"]["id"] for name, c in components.items()
    }
    assert {
        "pyodide": "MPL-2.0",
        "@fontsource/arimo": "OFL-1.1",
        "@fontsource/tinos": "OFL-1.1",
        "@fontsource/cousine": "OFL-1.1",
        "@fontsource/caveat": "OFL-1.1",
        "cpython": "PSF-2.0",
        "micropip": "MPL-2.0",
        "linework": "MIT",
        "@tabler/icons": "MIT",
        "@iconify-json/logos": "CC0-1.0",
        "@resvg/resvg-wasm": "MPL-2.0",
    } == licences
    for c in components.values():
        assert c["purl"] and c["bom-ref"]
    return components


@pytest.mark.skipif(
    not (PYODIDE_NPM / "pyodide-lock.json").exists(), reason="npm ci not run"
)
def test_the_sbom_lists_what_is_served(tmp_path: Path) -> None:
    cached = CACHE / f"micropip-{MICROPIP_VERSION}-py3-none-any.whl"
    if not cached.exists():
        pytest.skip("micropip not fetched yet (python3 build.py does)")
    fake = tmp_path / f"linework-{project_version()}-py3-none-any.whl"
    with zipfile.ZipFile(fake, "w") as z:
        z.writestr(
            f"linework-{project_version()}.dist-info/METADATA",
            "Metadata-Version: 2.4\nName: linework\nLicense: MIT\n",
        )
    wheels = [
        wheel_component("linework", fake),
        wheel_component("micropip", cached),
    ]
    bom = sbom(project_version(), wheels, _npm_served())
    components = _check(bom)
    assert (
        sha256_hex(cached.read_bytes())
        == (components["micropip"]["hashes"][0]["content"])
    )
    # Deterministic: the same inputs, the same bill.
    assert bom == sbom(project_version(), wheels, _npm_served())


def test_dist_serves_its_sbom() -> None:
    """dist/sbom.json names every runtime and font file dist/ serves, with hashes."""
    path = DIST / "sbom.json"
    if not path.exists():
        pytest.skip("dist/ not built")
    bom = json.loads(path.read_text())
    components = _check(bom)
    manifest = json.loads((DIST / "manifest.json").read_text())
    assert manifest["version"] == bom["metadata"]["component"]["version"]
    served = {
        name: [p["value"] for p in c.get("properties", [])]
        for name, c in components.items()
    }
    assert any(p.endswith("pyodide.asm.wasm") for p in served["pyodide"])
    for family in ("arimo", "tinos", "cousine", "caveat"):
        assert any(p.endswith(".woff2") for p in served[f"@fontsource/{family}"])
    for paths in served.values():
        for rel in paths:
            assert (DIST / rel).is_file(), rel
    wheel = DIST / "packages" / manifest["wheels"]["linework"]
    assert (
        sha256_hex(wheel.read_bytes())
        == (components["linework"]["hashes"][0]["content"])
    )


def test_build_tools_are_never_served() -> None:
    """web/'s devDependencies (the JS linter, TypeScript) stay out of dist/:
    no SBOM component, no licence notice, no file of theirs."""
    package = json.loads((ROOT / "web" / "package.json").read_text())
    dev = set(package.get("devDependencies", {}))
    assert {"@biomejs/biome", "typescript"} <= dev
    assert not dev & set(SERVED_PACKAGES)
    assert not dev & set(package["dependencies"])
    path = DIST / "sbom.json"
    if not path.exists():
        pytest.skip("dist/ not built")
    bom = json.loads(path.read_text())
    names = {c["name"] for c in bom["components"]}
    assert not any(n == d or n.startswith(d + "-") for n in names for d in dev)
    assert not any(n.startswith("@biomejs/") for n in names)
    built = {p.relative_to(DIST).as_posix() for p in DIST.rglob("*") if p.is_file()}
    assert not [p for p in built if p.endswith((".ts", ".d.ts", "jsconfig.json"))]
    assert not [p for p in built if "biome" in p or "typescript" in p.split("/")[0]]
    notices = (DIST / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    assert not [d for d in dev if f"\n{d} " in notices]
