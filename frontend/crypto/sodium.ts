// The few libsodium primitives Keyhole uses, with the parameters Ente fixed (docs/protocol.md §1-2).
// libsodium.js is loaded on first use through a dynamic import, so its ~535 KB stay out of the main chunk
// and pages that never decrypt never download it.
//
// Every failure surfaces as a CryptoError with a fixed message: libsodium's own messages are generic, but
// wrapping them guarantees no caller ever formats key bytes or plaintext into an error or a log line.

type Sodium = (typeof import('libsodium-wrappers-sumo'))['default'];

export { CryptoError } from './crypto-error';
import { CryptoError } from './crypto-error';

export {
  asBase64,
  asBase64UrlPadded,
  fromBase64,
  fromBase64UrlPadded,
  toBase64,
  toBase64UrlPadded,
  type Base64,
  type Base64UrlPadded,
} from './base64';

const KEY_BYTES = 32;
const LOGIN_KEY_BYTES = 16;
const LOGIN_SUBKEY_ID = 1;
const LOGIN_CONTEXT = 'loginctx';

let loading: Promise<Sodium> | undefined;

/** Loads libsodium once; concurrent callers share the same promise. A failed load may be retried. */
export function loadSodium(): Promise<Sodium> {
  loading ??= import('libsodium-wrappers-sumo')
    .then(async (module) => {
      await module.default.ready;
      return module.default;
    })
    .catch((cause: unknown) => {
      loading = undefined;
      throw new CryptoError('could not load libsodium', { cause });
    });
  return loading;
}

/** Argon2id v1.3 over the UTF-8 bytes of the password (what Ente's clients hash), giving a 32-byte key. */
export async function argon2id(password: string, salt: Uint8Array, opsLimit: number, memLimit: number): Promise<Uint8Array> {
  const sodium = await loadSodium();
  const passwordBytes = new TextEncoder().encode(password);
  try {
    return guard('key derivation failed', () =>
      sodium.crypto_pwhash(KEY_BYTES, passwordBytes, salt, opsLimit, memLimit, sodium.crypto_pwhash_ALG_ARGON2ID13),
    );
  } finally {
    sodium.memzero(passwordBytes);
  }
}

/** The SRP password: the first 16 bytes of crypto_kdf subkey 1 in context "loginctx" of the KEK. */
export async function loginKey(kek: Uint8Array): Promise<Uint8Array> {
  const sodium = await loadSodium();
  const subkey = guard('login key derivation failed', () =>
    sodium.crypto_kdf_derive_from_key(KEY_BYTES, LOGIN_SUBKEY_ID, LOGIN_CONTEXT, kek),
  );
  const key = subkey.slice(0, LOGIN_KEY_BYTES);
  sodium.memzero(subkey);
  return key;
}

/** XSalsa20-Poly1305 ("box" in Ente's terms): opens a key wrapped under another key. */
export async function secretboxOpen(ciphertext: Uint8Array, nonce: Uint8Array, key: Uint8Array): Promise<Uint8Array> {
  const sodium = await loadSodium();
  return guard('secretbox could not be opened (wrong key or damaged data)', () =>
    sodium.crypto_secretbox_open_easy(ciphertext, nonce, key),
  );
}

/** Seals with a fresh random nonce unless one is given (tests pin it to compare with the vectors). */
export async function secretbox(
  plaintext: Uint8Array,
  key: Uint8Array,
  nonce?: Uint8Array,
): Promise<{ ciphertext: Uint8Array; nonce: Uint8Array }> {
  const sodium = await loadSodium();
  const usedNonce = nonce ?? sodium.randombytes_buf(sodium.crypto_secretbox_NONCEBYTES);
  const ciphertext = guard('secretbox failed', () => sodium.crypto_secretbox_easy(plaintext, usedNonce, key));
  return { ciphertext, nonce: usedNonce };
}

/**
 * Opens a one-chunk XChaCha20-Poly1305 secretstream ("blob"), as every authenticator entity is. Ente's
 * mobile app has written the single chunk with TAG_MESSAGE as well as TAG_FINAL, so both are accepted;
 * PUSH and REKEY never occur in a one-chunk blob and are refused.
 */
export async function secretstreamDecrypt(ciphertext: Uint8Array, header: Uint8Array, key: Uint8Array): Promise<Uint8Array> {
  const sodium = await loadSodium();
  const failed = 'secretstream could not be opened (wrong key or damaged data)';
  const pulled = guard(failed, () => {
    const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(header, key);
    return sodium.crypto_secretstream_xchacha20poly1305_pull(state, ciphertext, null);
  });
  if (pulled === false) throw new CryptoError(failed);
  if (
    pulled.tag !== sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL &&
    pulled.tag !== sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
  ) {
    throw new CryptoError('secretstream chunk has an unexpected tag');
  }
  return pulled.message;
}

/** Writes a one-chunk secretstream with TAG_FINAL, the form Ente's clients produce today. */
export async function secretstreamEncrypt(
  plaintext: Uint8Array,
  key: Uint8Array,
): Promise<{ ciphertext: Uint8Array; header: Uint8Array }> {
  const sodium = await loadSodium();
  return guard('secretstream failed', () => {
    const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
    const ciphertext = sodium.crypto_secretstream_xchacha20poly1305_push(
      state,
      plaintext,
      null,
      sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL,
    );
    return { ciphertext, header };
  });
}

/** crypto_box_seal_open: how the auth token, sealed by the server to the account's X25519 key, is read. */
export async function sealedBoxOpen(ciphertext: Uint8Array, publicKey: Uint8Array, secretKey: Uint8Array): Promise<Uint8Array> {
  const sodium = await loadSodium();
  return guard('sealed box could not be opened (wrong key pair or damaged data)', () =>
    sodium.crypto_box_seal_open(ciphertext, publicKey, secretKey),
  );
}

/** A new X25519 key pair (crypto_box_keypair): the account key pair a new account seals its token to. */
export async function boxKeyPair(): Promise<{ publicKey: Uint8Array; privateKey: Uint8Array }> {
  const sodium = await loadSodium();
  const { publicKey, privateKey } = guard('key pair generation failed', () => sodium.crypto_box_keypair());
  return { publicKey, privateKey };
}

export async function randomBytes(length: number): Promise<Uint8Array> {
  const sodium = await loadSodium();
  return sodium.randombytes_buf(length);
}

/** Overwrites key material the caller no longer needs. */
export async function wipe(bytes: Uint8Array): Promise<void> {
  (await loadSodium()).memzero(bytes);
}

// The cause is dropped on purpose: it is libsodium's message, and keeping the error object free of
// anything the library attached is the simplest way to be sure no input ever rides along.
function guard<T>(message: string, operation: () => T): T {
  try {
    return operation();
  } catch {
    throw new CryptoError(message);
  }
}
