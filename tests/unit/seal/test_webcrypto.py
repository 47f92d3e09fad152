"""web/seal.js (WebCrypto) against the vectors and the Python envelope, under Node.

Node 20 has ``globalThis.crypto.subtle``, the same WebCrypto the browser gives the
module worker, so this checks the browser primitives without a browser.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from linework.seal import begin_seal, finish_seal, normalize_passphrase, parse_sealed
from linework.seal import seal as seal_native
from linework.seal import unseal as unseal_native
from linework.seal.native import NativePrimitives

from .vectors import VECTORS_PATH

NODE = shutil.which("node")
SEAL_JS = Path(__file__).parents[3] / "web" / "seal.js"

pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")

# A tiny RPC: stdin holds {module, tasks}; stdout gets one result per task.
_RUNNER = r"""
import { readFileSync } from "node:fs";
const { module, tasks } = JSON.parse(readFileSync(0, "utf8"));
const seal = await import(module);
const hex = (b) => Buffer.from(b).toString("hex");
const bytes = (h) => new Uint8Array(Buffer.from(h, "hex"));
const out = [];
for (const t of tasks) {
  if (t.op === "random") {
    out.push({ a: hex(seal.randomBytes(t.n)), b: hex(seal.randomBytes(t.n)) });
    continue;
  }
  const pass = t.passphrase !== undefined
    ? new TextEncoder().encode(t.passphrase.normalize("NFC"))
    : bytes(t.passphrase_utf8_hex);
  const key = await seal.deriveKey(pass, bytes(t.salt_hex), t.iterations);
  const aad = bytes(t.aad_hex);
  const r = { passUtf8: hex(pass), extractable: key.extractable };
  if (t.plaintext_hex !== undefined) {
    r.ciphertext = hex(await seal.encrypt(key, bytes(t.nonce_hex), bytes(t.plaintext_hex), aad));
  }
  if (t.ciphertext_hex !== undefined) {
    const ct = bytes(t.ciphertext_hex);
    r.plaintext = hex(await seal.decrypt(key, bytes(t.nonce_hex), ct, aad));
    ct[0] ^= 1;
    try {
      await seal.decrypt(key, bytes(t.nonce_hex), ct, aad);
      r.tampered = "accepted";
    } catch (e) {
      r.tampered = e.name;
    }
  }
  out.push(r);
}
process.stdout.write(JSON.stringify(out));
"""


def run_node(tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Run the tasks through web/seal.js in Node and return its results."""
    assert NODE is not None
    proc = subprocess.run(
        [NODE, "--input-type=module", "-e", _RUNNER],
        input=json.dumps({"module": SEAL_JS.as_uri(), "tasks": tasks}),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    result: list[dict[str, Any]] = json.loads(proc.stdout)
    return result


def test_vectors_in_webcrypto() -> None:
    """WebCrypto reproduces every vector's ciphertext and refuses a flipped byte."""
    vectors = json.loads(VECTORS_PATH.read_text("utf-8"))["vectors"]
    results = run_node(vectors)

    for v, r in zip(vectors, results, strict=True):
        assert r["passUtf8"] == v["passphrase_utf8_hex"], v["name"]
        assert r["ciphertext"] == v["ciphertext_hex"], v["name"]
        assert r["plaintext"] == v["plaintext_hex"], v["name"]
        assert r["tampered"] == "OperationError", v["name"]
        assert r["extractable"] is False


def test_browser_sealed_opens_natively() -> None:
    """Python plans, WebCrypto encrypts, Python finishes: the native side unseals it."""
    passphrase = "Grüße aus dem Browser"
    plaintext = b'{"format":"linework","version":1,"pages":[]}'
    plan = begin_seal(os.urandom(16), os.urandom(12), 100_000)
    task = {
        "passphrase_utf8_hex": plan.passphrase_utf8(passphrase).hex(),
        "salt_hex": plan.salt.hex(),
        "nonce_hex": plan.nonce.hex(),
        "iterations": plan.iterations,
        "aad_hex": plan.aad.hex(),
        "plaintext_hex": plaintext.hex(),
    }
    (r,) = run_node([task])
    data = finish_seal(plan, bytes.fromhex(r["ciphertext"]))

    assert unseal_native(data, passphrase, NativePrimitives()) == plaintext


def test_native_sealed_opens_in_webcrypto() -> None:
    """A file sealed natively parses in Python and decrypts in WebCrypto."""
    passphrase = "naïve café"
    plaintext = b'{"format":"linework","version":1,"pages":[]}'
    env = parse_sealed(
        seal_native(plaintext, passphrase, NativePrimitives(), iterations=100_000)
    )
    task = {
        "passphrase_utf8_hex": normalize_passphrase(passphrase).hex(),
        "salt_hex": env.salt.hex(),
        "nonce_hex": env.nonce.hex(),
        "iterations": env.iterations,
        "aad_hex": env.aad.hex(),
        "ciphertext_hex": env.ciphertext.hex(),
    }
    (r,) = run_node([task])

    assert bytes.fromhex(r["plaintext"]) == plaintext


def test_random_bytes() -> None:
    """randomBytes gives the asked length and fresh values on each call."""
    (r,) = run_node([{"op": "random", "n": 16}])

    assert len(bytes.fromhex(r["a"])) == 16
    assert r["a"] != r["b"]
