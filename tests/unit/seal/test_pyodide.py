"""The two-phase protocol for real: ``linework.seal`` in Pyodide, crypto in WebCrypto.

Node loads the pinned ``pyodide`` npm package (CPython 3.14, no OpenSSL), imports
the seal layer from ``src/``, and plays the bridge: Python plans and parses, and
``web/seal.js`` runs PBKDF2 and AES-GCM. Files it seals must open natively and
vice versa, and its envelope bytes must equal the vectors. Skipped without Node
or the npm package (``cd web && npm ci``); takes a few seconds to boot Pyodide.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from linework.seal import seal, unseal
from linework.seal.native import NativePrimitives

from .vectors import VECTORS_PATH

ROOT = Path(__file__).parents[3]
PYODIDE = ROOT / "web" / "node_modules" / "pyodide" / "pyodide.mjs"
NODE = shutil.which("node")
# Exactly the bottom layer: if seal imported anything else, Pyodide would fail.
SOURCES = [
    "linework/__init__.py",
    "linework/errors.py",
    *(
        f"linework/seal/{p.name}"
        for p in sorted((ROOT / "src/linework/seal").glob("*.py"))
    ),
]

pytestmark = pytest.mark.skipif(
    NODE is None or not PYODIDE.exists(),
    reason="needs node and web/node_modules/pyodide",
)

_BRIDGE_PY = r"""
import json
from linework.errors import LineworkError
from linework.seal import (
    begin_seal, finish_seal, is_sealed, normalize_passphrase, parse_sealed, strength,
)

def plan(salt_hex, nonce_hex, iterations, passphrase):
    global PLAN
    PLAN = begin_seal(bytes.fromhex(salt_hex), bytes.fromhex(nonce_hex), iterations)
    return json.dumps({
        "pass": PLAN.passphrase_utf8(passphrase).hex(), "salt": PLAN.salt.hex(),
        "nonce": PLAN.nonce.hex(), "iterations": PLAN.iterations, "aad": PLAN.aad.hex(),
    })

def finish(ct_hex):
    return finish_seal(PLAN, bytes.fromhex(ct_hex)).decode("ascii")

def parse(text, passphrase):
    try:
        env = parse_sealed(text.encode("utf-8"))
    except LineworkError as exc:
        return json.dumps({"code": exc.code})
    return json.dumps({
        "pass": normalize_passphrase(passphrase).hex(), "salt": env.salt.hex(),
        "nonce": env.nonce.hex(), "iterations": env.iterations, "aad": env.aad.hex(),
        "ct": env.ciphertext.hex(), "sealed": is_sealed(text.encode()),
    })

def native_missing():
    import sys
    from linework.seal.native import NativePrimitives
    try:
        NativePrimitives()
    except LineworkError as exc:
        return exc.code + " " + sys.version.split()[0]
    return "no error"
"""

_RUNNER = r"""
import { readFileSync } from "node:fs";
const { pyodide: pyodideUrl, sealJs, files, bridge, vectors, native, plaintextHex } =
  JSON.parse(readFileSync(0, "utf8"));
const { loadPyodide } = await import(pyodideUrl);
const seal = await import(sealJs);
const hex = (b) => Buffer.from(b).toString("hex");
const bytes = (h) => new Uint8Array(Buffer.from(h, "hex"));

const py = await loadPyodide();
for (const [path, text] of Object.entries(files)) {
  const full = `/home/pyodide/lw/${path}`;
  py.FS.mkdirTree(full.slice(0, full.lastIndexOf("/")));
  py.FS.writeFile(full, text);
}
py.runPython(`import sys; sys.path.insert(0, "/home/pyodide/lw")\n${bridge}`);
const call = (name, ...args) => py.globals.get(name)(...args);

const out = { nativeMissing: call("native_missing"), vectors: [] };

// Sealing in the "browser": Python plans, WebCrypto derives and encrypts.
const sealIn = async (saltHex, nonceHex, iterations, passphrase, ptHex) => {
  const p = JSON.parse(call("plan", saltHex, nonceHex, iterations, passphrase));
  const key = await seal.deriveKey(bytes(p.pass), bytes(p.salt), p.iterations);
  const ct = await seal.encrypt(key, bytes(p.nonce), bytes(ptHex), bytes(p.aad));
  return call("finish", hex(ct));
};
for (const v of vectors) {
  out.vectors.push(
    await sealIn(v.salt_hex, v.nonce_hex, v.iterations, v.passphrase, v.plaintext_hex),
  );
}
out.fresh = await sealIn(
  hex(seal.randomBytes(16)), hex(seal.randomBytes(12)), 100000, native.passphrase,
  plaintextHex,
);

// Opening in the "browser": Python parses, WebCrypto decrypts.
const p = JSON.parse(call("parse", native.sealed, native.passphrase));
const key = await seal.deriveKey(bytes(p.pass), bytes(p.salt), p.iterations);
out.opened = hex(await seal.decrypt(key, bytes(p.nonce), bytes(p.ct), bytes(p.aad)));
out.sniffed = p.sealed;
// (not + "00": HMAC zero-pads its key, so a trailing NUL derives the same key)
const wrong = await seal.deriveKey(bytes(p.pass + "21"), bytes(p.salt), p.iterations);
try {
  await seal.decrypt(wrong, bytes(p.nonce), bytes(p.ct), bytes(p.aad));
  out.wrong = "accepted";
} catch (e) {
  out.wrong = e.name;
}
out.truncated = JSON.parse(call("parse", native.sealed.slice(0, 100), "x")).code;
out.version2 = JSON.parse(
  call("parse", native.sealed.replace('"version":1', '"version":2'), "x"),
).code;
process.stdout.write(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    """Run the whole browser-side protocol once in Node + Pyodide."""
    assert NODE is not None
    vectors = json.loads(VECTORS_PATH.read_text("utf-8"))["vectors"]
    passphrase = "Ünïcödé, sealed natively"
    plaintext = b'{"format":"linework","version":1,"pages":[]}'
    sealed = seal(plaintext, passphrase, NativePrimitives(), iterations=100_000)
    payload = {
        "pyodide": PYODIDE.as_uri(),
        "sealJs": (ROOT / "web" / "seal.js").as_uri(),
        "files": {p: (ROOT / "src" / p).read_text("utf-8") for p in SOURCES},
        "bridge": _BRIDGE_PY,
        "vectors": vectors,
        "native": {"sealed": sealed.decode("ascii"), "passphrase": passphrase},
        "plaintextHex": plaintext.hex(),
    }
    proc = subprocess.run(
        [NODE, "--input-type=module", "-e", _RUNNER],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    out: dict[str, Any] = json.loads(proc.stdout)
    out["_vectors"] = vectors
    out["_plaintext"] = plaintext
    out["_passphrase"] = passphrase
    return out


def test_runs_on_python_314_without_cryptography(result: dict[str, Any]) -> None:
    """The seal tree imports in Pyodide; native primitives report what is missing."""
    code, version = result["nativeMissing"].split()

    assert code == "LW-E0305"
    assert version.startswith("3.14")


def test_vectors_byte_for_byte(result: dict[str, Any]) -> None:
    """Pyodide + WebCrypto write exactly the vector files (NFD passphrase included)."""
    assert result["vectors"] == [v["sealed"] for v in result["_vectors"]]


def test_browser_sealed_file_opens_natively(result: dict[str, Any]) -> None:
    """A file sealed with fresh WebCrypto randomness unseals with ``cryptography``."""
    data = result["fresh"].encode("ascii")

    assert (
        unseal(data, result["_passphrase"], NativePrimitives()) == result["_plaintext"]
    )


def test_native_sealed_file_opens_in_browser(result: dict[str, Any]) -> None:
    """A natively sealed file parses in Pyodide and decrypts in WebCrypto."""
    assert bytes.fromhex(result["opened"]) == result["_plaintext"]
    assert result["sniffed"] is True


def test_errors_in_browser(result: dict[str, Any]) -> None:
    """A wrong key is refused by WebCrypto; damage and versions get their codes."""
    assert result["wrong"] == "OperationError"
    assert (result["truncated"], result["version2"]) == ("LW-E0301", "LW-E0302")
