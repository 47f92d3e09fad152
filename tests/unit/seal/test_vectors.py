"""Known-answer tests: tests/vectors/seal_v1.json against the native implementation."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from typing import Any

import pytest

from linework.seal import normalize_passphrase, parse_sealed, seal, unseal
from linework.seal.native import NativePrimitives

from .fakes import FixedRandom
from .vectors import VECTORS_PATH, build_vectors, dump

VECTORS: list[dict[str, Any]] = json.loads(VECTORS_PATH.read_text("utf-8"))["vectors"]


def test_file_is_reproducible() -> None:
    """The stored vectors are exactly what the code computes today."""
    assert dump(build_vectors()) == VECTORS_PATH.read_text("utf-8")


def test_vectors_cover_the_spec() -> None:
    """The set includes NFC and NFD spellings of 'é' and the default iterations."""
    by_name = {v["name"]: v for v in VECTORS}
    nfc, nfd = by_name["nfc-passphrase"], by_name["nfd-passphrase"]

    assert unicodedata.is_normalized("NFC", nfc["passphrase"])
    assert not unicodedata.is_normalized("NFC", nfd["passphrase"])
    assert nfc["sealed"] == nfd["sealed"]
    assert any(v["iterations"] == 600_000 for v in VECTORS)
    assert all(v["iterations"] >= 100_000 for v in VECTORS)


@pytest.mark.parametrize("v", VECTORS, ids=[v["name"] for v in VECTORS])
def test_seal_gives_the_exact_bytes(v: dict[str, Any]) -> None:
    """``seal`` with the vector's salt and nonce as its randomness writes ``sealed``."""
    prims = FixedRandom(
        chunks=[bytes.fromhex(v["salt_hex"]), bytes.fromhex(v["nonce_hex"])]
    )
    data = seal(
        bytes.fromhex(v["plaintext_hex"]),
        v["passphrase"],
        prims,
        iterations=v["iterations"],
    )

    assert data == v["sealed"].encode("ascii")


@pytest.mark.parametrize("v", VECTORS, ids=[v["name"] for v in VECTORS])
def test_unseal_and_parse(v: dict[str, Any]) -> None:
    """The sealed bytes parse to the vector's fields and unseal to its plaintext."""
    data = v["sealed"].encode("ascii")
    env = parse_sealed(data)

    assert (env.salt.hex(), env.nonce.hex(), env.iterations) == (
        v["salt_hex"],
        v["nonce_hex"],
        v["iterations"],
    )
    assert (env.aad.hex(), env.ciphertext.hex()) == (v["aad_hex"], v["ciphertext_hex"])
    assert unseal(data, v["passphrase"], NativePrimitives()).hex() == v["plaintext_hex"]


@pytest.mark.parametrize("v", VECTORS, ids=[v["name"] for v in VECTORS])
def test_key_by_a_second_implementation(v: dict[str, Any]) -> None:
    """hashlib's PBKDF2 agrees with the stored key (independent of ``cryptography``)."""
    secret = normalize_passphrase(v["passphrase"])
    key = hashlib.pbkdf2_hmac(
        "sha256", secret, bytes.fromhex(v["salt_hex"]), v["iterations"], 32
    )

    assert secret.hex() == v["passphrase_utf8_hex"]
    assert key.hex() == v["key_hex"]
