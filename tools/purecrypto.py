"""Pure-Python PBKDF2-HMAC-SHA256 and AES-256-GCM, for tests on Pyodide only.

Pyodide has no OpenSSL, so neither ``cryptography`` nor
``hashlib.pbkdf2_hmac`` exists there; in the browser the app uses WebCrypto.
To run the seal envelope's tests on the Pyodide interpreter anyway,
``tools/pyodide_inside.py`` injects :func:`install` as a stand-in
``cryptography`` with exactly the API ``linework.seal.native`` uses. Slow and
not hardened against timing attacks: never use it for real data.
``tests/unit/seal/test_purecrypto.py`` checks it against ``cryptography``.
"""

from __future__ import annotations

import hashlib
import hmac
import sys
import types
from typing import Any

_R = 0xE1 << 120  # GCM's reduction polynomial, in its reflected bit order


def _sbox() -> list[int]:
    """Return the AES S-box, computed (multiplicative inverse, affine map)."""
    box = [0] * 256
    p = q = 1
    while True:
        p = (p ^ (p << 1) ^ (0x1B if p & 0x80 else 0)) & 0xFF  # p * 3
        q ^= q << 1  # q / 3
        q ^= q << 2
        q ^= q << 4
        q &= 0xFF
        if q & 0x80:
            q ^= 0x09
        x = q
        for shift in (1, 2, 3, 4):
            x ^= ((q << shift) | (q >> (8 - shift))) & 0xFF
        box[p] = x ^ 0x63
        if p == 1:
            break
    box[0] = 0x63
    return box


SBOX = _sbox()


def _xtime(a: int) -> int:
    return ((a << 1) ^ 0x1B) & 0xFF if a & 0x80 else a << 1


def expand_key(key: bytes) -> list[list[int]]:
    """Return the 15 round keys (16 bytes each) of an AES-256 key."""
    if len(key) != 32:
        raise ValueError("AES-256 needs a 32-byte key")
    words = [list(key[i : i + 4]) for i in range(0, 32, 4)]
    rcon = 1
    for i in range(8, 60):
        t = list(words[i - 1])
        if i % 8 == 0:
            t = [SBOX[b] for b in t[1:] + t[:1]]
            t[0] ^= rcon
            rcon = _xtime(rcon)
        elif i % 8 == 4:
            t = [SBOX[b] for b in t]
        words.append([a ^ b for a, b in zip(words[i - 8], t, strict=True)])
    return [[b for w in words[r * 4 : r * 4 + 4] for b in w] for r in range(15)]


def encrypt_block(round_keys: list[list[int]], block: bytes) -> bytes:
    """Encrypt one 16-byte block with AES (FIPS 197), column-major state."""
    s = [b ^ k for b, k in zip(block, round_keys[0], strict=True)]
    for r in range(1, 15):
        s = [SBOX[b] for b in s]
        s = [s[(i + 4 * (i % 4)) % 16] for i in range(16)]  # ShiftRows
        if r < 14:
            mixed = []
            for c in range(4):
                a = s[4 * c : 4 * c + 4]
                total = a[0] ^ a[1] ^ a[2] ^ a[3]
                mixed += [
                    a[i] ^ total ^ _xtime(a[i] ^ a[(i + 1) % 4]) for i in range(4)
                ]
            s = mixed
        s = [b ^ k for b, k in zip(s, round_keys[r], strict=True)]
    return bytes(s)


def _gmul(x: int, y: int) -> int:
    """Multiply in GF(2^128) as GCM defines it (bit 0 is the most significant)."""
    z, v = 0, y
    for i in range(127, -1, -1):
        if (x >> i) & 1:
            z ^= v
        v = (v >> 1) ^ _R if v & 1 else v >> 1
    return z


def _ghash(h: int, aad: bytes, data: bytes) -> int:
    x = 0
    for part in (aad, data):
        for i in range(0, len(part), 16):
            x = _gmul(x ^ int.from_bytes(part[i : i + 16].ljust(16, b"\0")), h)
    lengths = (len(aad) * 8).to_bytes(8) + (len(data) * 8).to_bytes(8)
    return _gmul(x ^ int.from_bytes(lengths), h)


def _ctr(round_keys: list[list[int]], j0: bytes, data: bytes) -> bytes:
    out = bytearray()
    counter = int.from_bytes(j0[12:])
    for i in range(0, len(data), 16):
        counter = (counter + 1) & 0xFFFFFFFF
        stream = encrypt_block(round_keys, j0[:12] + counter.to_bytes(4))
        out += bytes(a ^ b for a, b in zip(data[i : i + 16], stream, strict=False))
    return bytes(out)


class InvalidTag(Exception):
    """The tag does not match: wrong key, or changed data."""


class AESGCM:
    """AES-256-GCM with a 96-bit nonce and a 16-byte tag (NIST SP 800-38D)."""

    def __init__(self, key: bytes) -> None:
        self._keys = expand_key(key)
        self._h = int.from_bytes(encrypt_block(self._keys, bytes(16)))

    def _tag(self, nonce: bytes, data: bytes, aad: bytes) -> bytes:
        j0 = nonce + b"\0\0\0\1"
        mask = int.from_bytes(encrypt_block(self._keys, j0))
        return (_ghash(self._h, aad, data) ^ mask).to_bytes(16)

    def encrypt(self, nonce: bytes, data: bytes, aad: bytes | None) -> bytes:
        """Return the ciphertext followed by its tag."""
        if len(nonce) != 12:
            raise ValueError("this stand-in takes 96-bit nonces only")
        ciphertext = _ctr(self._keys, nonce + b"\0\0\0\1", data)
        return ciphertext + self._tag(nonce, ciphertext, aad or b"")

    def decrypt(self, nonce: bytes, data: bytes, aad: bytes | None) -> bytes:
        """Return the plaintext; raise InvalidTag if the tag does not match."""
        if len(nonce) != 12 or len(data) < 16:
            raise InvalidTag
        ciphertext, tag = data[:-16], data[-16:]
        if not hmac.compare_digest(tag, self._tag(nonce, ciphertext, aad or b"")):
            raise InvalidTag
        return _ctr(self._keys, nonce + b"\0\0\0\1", ciphertext)


def pbkdf2_sha256(password: bytes, salt: bytes, iterations: int, length: int) -> bytes:
    """Return PBKDF2-HMAC-SHA256 (RFC 8018) of ``password``."""
    key = hashlib.sha256(password).digest() if len(password) > 64 else password
    key = key.ljust(64, b"\0")
    inner = hashlib.sha256(bytes(k ^ 0x36 for k in key))
    outer = hashlib.sha256(bytes(k ^ 0x5C for k in key))

    def prf(data: bytes) -> bytes:
        i, o = inner.copy(), outer.copy()
        i.update(data)
        o.update(i.digest())
        return o.digest()

    out = b""
    for index in range(1, -(-length // 32) + 1):
        u = prf(salt + index.to_bytes(4))
        acc = int.from_bytes(u)
        for _ in range(iterations - 1):
            u = prf(u)
            acc ^= int.from_bytes(u)
        out += acc.to_bytes(32)
    return out[:length]


class SHA256:
    """The hash name ``PBKDF2HMAC`` takes (only SHA-256 is offered)."""


class PBKDF2HMAC:
    """``cryptography``'s PBKDF2HMAC, for SHA-256."""

    def __init__(
        self, algorithm: Any, length: int, salt: bytes, iterations: int
    ) -> None:
        if not isinstance(algorithm, SHA256):
            raise ValueError("this stand-in offers SHA-256 only")
        self._args = (salt, iterations, length)

    def derive(self, key_material: bytes) -> bytes:
        """Return the derived key."""
        salt, iterations, length = self._args
        return pbkdf2_sha256(key_material, salt, iterations, length)


def pbkdf2_hmac(
    hash_name: str,
    password: bytes,
    salt: bytes,
    iterations: int,
    dklen: int | None = None,
) -> bytes:
    """``hashlib.pbkdf2_hmac`` for SHA-256 (Pyodide's hashlib lacks it: no OpenSSL)."""
    if hash_name.lower() != "sha256":
        raise ValueError("this stand-in offers SHA-256 only")
    return pbkdf2_sha256(password, salt, iterations, dklen or 32)


def install() -> None:
    """Register this module as the parts of ``cryptography`` linework.seal uses,
    and as ``hashlib.pbkdf2_hmac`` where hashlib has none."""
    if not hasattr(hashlib, "pbkdf2_hmac"):
        hashlib.pbkdf2_hmac = pbkdf2_hmac  # type: ignore[assignment,unused-ignore]
    names: dict[str, dict[str, object]] = {
        "cryptography": {},
        "cryptography.exceptions": {"InvalidTag": InvalidTag},
        "cryptography.hazmat": {},
        "cryptography.hazmat.primitives": {},
        "cryptography.hazmat.primitives.hashes": {"SHA256": SHA256},
        "cryptography.hazmat.primitives.ciphers": {},
        "cryptography.hazmat.primitives.ciphers.aead": {"AESGCM": AESGCM},
        "cryptography.hazmat.primitives.kdf": {},
        "cryptography.hazmat.primitives.kdf.pbkdf2": {"PBKDF2HMAC": PBKDF2HMAC},
    }
    for name, attrs in names.items():
        module = types.ModuleType(name, "pure-Python stand-in (tools/purecrypto.py)")
        module.__path__ = []  # a package, so submodules import
        module.__dict__.update(attrs)
        sys.modules[name] = module
        parent, _, child = name.rpartition(".")
        if parent:
            setattr(sys.modules[parent], child, module)
