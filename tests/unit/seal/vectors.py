"""Build the known-answer vectors of tests/vectors/seal_v1.json.

The file was generated once with the ``cryptography`` implementation:
``python -m tests.unit.seal.vectors`` (from the repository root) rewrites it;
``test_vectors`` checks that the code still produces it byte for byte, and the
WebCrypto test checks ``web/seal.js`` against it.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

from linework.seal import begin_seal, finish_seal, normalize_passphrase
from linework.seal.native import NativePrimitives

VECTORS_PATH = Path(__file__).parents[2] / "vectors" / "seal_v1.json"

_DOC = (
    '{"format":"linework","pages":[{"elements":[{"box":{"h":60,"w":120,"x":40,'
    '"y":40},"id":"shape:1","kind":"rectangle","layer":"layer:1","text":"%s",'
    '"type":"shape"}],"id":"page:1","layers":[{"id":"layer:1"}]}],"version":1}'
)
_CAFE = "Déjà vu, café crème"  # written in NFC below; the NFD twin must match

# (name, passphrase, salt, nonce, iterations, plaintext)
_CASES: list[tuple[str, str, bytes, bytes, int, bytes]] = [
    (
        "ascii-passphrase",
        "correct horse battery staple",
        bytes(range(16)),
        bytes(range(100, 112)),
        100_000,
        (_DOC % "Hello").encode(),
    ),
    (
        "nfc-passphrase",
        unicodedata.normalize("NFC", _CAFE),
        bytes.fromhex("f0e1d2c3b4a5968778695a4b3c2d1e0f"),
        bytes.fromhex("0badc0ffee0ddf00dcafe123"),
        100_000,
        (_DOC % "Café ✓ 図").encode(),
    ),
    (
        "nfd-passphrase",
        unicodedata.normalize("NFD", _CAFE),
        bytes.fromhex("f0e1d2c3b4a5968778695a4b3c2d1e0f"),
        bytes.fromhex("0badc0ffee0ddf00dcafe123"),
        100_000,
        (_DOC % "Café ✓ 図").encode(),
    ),
    (
        "empty-plaintext-default-iterations",
        "x",
        bytes(16),
        bytes(12),
        600_000,
        b"",
    ),
]


def build_vectors() -> dict[str, Any]:
    """Return the vector file's content, computed with ``cryptography``."""
    native = NativePrimitives()
    vectors = []
    for name, passphrase, salt, nonce, iterations, plaintext in _CASES:
        secret = normalize_passphrase(passphrase)
        plan = begin_seal(salt, nonce, iterations)
        key = native.derive_key(secret, salt, iterations)
        ciphertext = native.encrypt(key, nonce, plaintext, plan.aad)
        vectors.append(
            {
                "name": name,
                "passphrase": passphrase,
                "passphrase_utf8_hex": secret.hex(),
                "salt_hex": salt.hex(),
                "nonce_hex": nonce.hex(),
                "iterations": iterations,
                "plaintext_hex": plaintext.hex(),
                "aad_hex": plan.aad.hex(),
                "key_hex": key.hex(),
                "ciphertext_hex": ciphertext.hex(),
                "sealed": finish_seal(plan, ciphertext).decode("ascii"),
            }
        )
    return {
        "description": (
            "Known-answer vectors for the Linework sealed file v1 (docs/architecture.md §4). "
            "passphrase is as typed; passphrase_utf8_hex is its NFC UTF-8 form, "
            "the PBKDF2-HMAC-SHA256 input. key_hex is the derived AES-256 key; "
            "ciphertext_hex is AES-256-GCM output with its 16-byte tag; aad_hex is "
            "the canonical header JSON; sealed is the exact file content."
        ),
        "vectors": vectors,
    }


def dump(content: dict[str, Any]) -> str:
    """Return the vector file text (stable, ASCII)."""
    # ASCII escapes keep the NFD vector NFD even if an editor normalises the file.
    return json.dumps(content, indent=2, ensure_ascii=True) + "\n"


if __name__ == "__main__":
    VECTORS_PATH.write_text(dump(build_vectors()), encoding="utf-8")
    print(f"wrote {VECTORS_PATH}")
