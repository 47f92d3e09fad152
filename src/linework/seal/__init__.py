"""Sealed (encrypted) files: the v1 envelope (docs/architecture.md §4), crypto injected.

This is a bottom layer (stdlib and ``linework.errors`` only) so it loads in a bare
Pyodide. Native callers pass ``linework.seal.native.NativePrimitives`` to
``seal``/``unseal``; the browser bridge uses the two-phase API
(``begin_seal``/``finish_seal``, ``parse_sealed``) and runs PBKDF2 and AES-GCM in
WebCrypto (``web/seal.js``) on the values Python hands it.
"""

from linework.seal.envelope import (
    CIPHER_NAME,
    DEFAULT_ITERATIONS,
    FORMAT,
    KDF_NAME,
    MAX_ITERATIONS,
    MEDIA_TYPE,
    MIN_ITERATIONS,
    NONCE_BYTES,
    SALT_BYTES,
    TAG_BYTES,
    VERSION,
    SealedEnvelope,
    SealPlan,
    begin_seal,
    finish_seal,
    is_sealed,
    normalize_passphrase,
    parse_sealed,
    seal,
    unseal,
)
from linework.seal.primitives import AuthenticationError, Primitives
from linework.seal.strength import strength

__all__ = [
    "CIPHER_NAME",
    "DEFAULT_ITERATIONS",
    "FORMAT",
    "KDF_NAME",
    "MAX_ITERATIONS",
    "MEDIA_TYPE",
    "MIN_ITERATIONS",
    "NONCE_BYTES",
    "SALT_BYTES",
    "TAG_BYTES",
    "VERSION",
    "AuthenticationError",
    "Primitives",
    "SealPlan",
    "SealedEnvelope",
    "begin_seal",
    "finish_seal",
    "is_sealed",
    "normalize_passphrase",
    "parse_sealed",
    "seal",
    "strength",
    "unseal",
]
