// @ts-check
// WebCrypto primitives for sealed files (docs/architecture.md §4), with the contract of
// linework.seal.primitives.Primitives. The envelope is Python's: the bridge hands
// over the NFC/UTF-8 passphrase bytes, salt, nonce, iterations and aad, and
// gets back key material and ciphertext. Works in pages, workers and Node 20.

const subtle = globalThis.crypto.subtle;

/** PBKDF2-HMAC-SHA256 → a non-extractable AES-256-GCM CryptoKey. */
export async function deriveKey(passUtf8, salt, iterations) {
  const base = await subtle.importKey("raw", passUtf8, "PBKDF2", false, ["deriveKey"]);
  return deriveFrom(base, salt, iterations);
}

/** The same from a passphrase already imported as a PBKDF2 key (kept for re-sealing). */
export function deriveFrom(base, salt, iterations) {
  return subtle.deriveKey(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations },
    base,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}

/** AES-256-GCM: ciphertext with its 16-byte tag appended. */
export async function encrypt(key, nonce, data, aad) {
  const params = { name: "AES-GCM", iv: nonce, additionalData: aad, tagLength: 128 };
  return new Uint8Array(await subtle.encrypt(params, key, data));
}

/** The plaintext; rejects with an OperationError when the tag does not match
 * (wrong passphrase or changed file: GCM cannot tell them apart → LW-E0300). */
export async function decrypt(key, nonce, data, aad) {
  const params = { name: "AES-GCM", iv: nonce, additionalData: aad, tagLength: 128 };
  return new Uint8Array(await subtle.decrypt(params, key, data));
}

/** n bytes from crypto.getRandomValues (fresh salt and nonce for every seal). */
export function randomBytes(n) {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i += 65536) {
    globalThis.crypto.getRandomValues(out.subarray(i, Math.min(n, i + 65536)));
  }
  return out;
}
