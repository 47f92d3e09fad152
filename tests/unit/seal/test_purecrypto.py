"""tools/purecrypto.py, the stand-in the Pyodide run injects, agrees with cryptography."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "tools"))
import purecrypto

aead = pytest.importorskip("cryptography.hazmat.primitives.ciphers.aead")


def test_aes_256_known_answer() -> None:
    """FIPS 197, appendix C.3."""
    keys = purecrypto.expand_key(bytes(range(32)))
    block = bytes.fromhex("00112233445566778899aabbccddeeff")
    assert (
        "8ea2b7ca516745bfeafc49904b496089"
        == purecrypto.encrypt_block(keys, block).hex()
    )


@settings(max_examples=25)
@given(
    key=st.binary(min_size=32, max_size=32),
    nonce=st.binary(min_size=12, max_size=12),
    data=st.binary(max_size=200),
    aad=st.binary(max_size=70),
)
def test_aes_gcm_matches_cryptography(
    key: bytes, nonce: bytes, data: bytes, aad: bytes
) -> None:
    sealed = aead.AESGCM(key).encrypt(nonce, data, aad)
    assert sealed == purecrypto.AESGCM(key).encrypt(nonce, data, aad)
    assert data == purecrypto.AESGCM(key).decrypt(nonce, sealed, aad)
    tampered = bytes([sealed[0] ^ 1]) + sealed[1:]
    with pytest.raises(purecrypto.InvalidTag):
        purecrypto.AESGCM(key).decrypt(nonce, tampered, aad)


@pytest.mark.parametrize("password", [b"", b"pw", "Ünïcödé".encode(), b"x" * 100])
def test_pbkdf2_matches_hashlib(password: bytes) -> None:
    salt = bytes(range(16))
    expected = hashlib.pbkdf2_hmac("sha256", password, salt, 1000, 32)
    assert expected == purecrypto.pbkdf2_sha256(password, salt, 1000, 32)


def test_the_hashlib_stand_in_matches_hashlib() -> None:
    salt = b"salt" * 4
    expected = hashlib.pbkdf2_hmac("sha256", b"pw", salt, 10, 32)
    assert expected == purecrypto.pbkdf2_hmac("sha256", b"pw", salt, 10, 32)
