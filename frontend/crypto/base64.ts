// The three base64 variants the viewer speaks, kept apart by the type system. The Ente protocol has two:
// key attributes, entities and all other API fields are standard base64 with padding, while the auth
// token is URL-safe base64 *with* padding (Go's base64.URLEncoding). WebAuthn's JSON adds a third:
// URL-safe *without* padding (the spec's "Base64URLString"). Mixing them up gives a value the other side
// never issued, so each variant is a branded string that only its own encoder produces and only its own
// decoder accepts.
//
// Pure code on purpose: decoding a field or converting passkey options must not wait for the 535 KB
// libsodium module.

declare const variant: unique symbol;

/** Standard alphabet (+ /) with '=' padding. */
export type Base64 = string & { readonly [variant]: 'standard' };

/** URL-safe alphabet (- _) with '=' padding: the X-Auth-Token form. */
export type Base64UrlPadded = string & { readonly [variant]: 'url-safe-padded' };

/** URL-safe alphabet (- _), no '=' padding: WebAuthn's encoding of binary values. */
export type Base64Url = string & { readonly [variant]: 'url-safe-unpadded' };

const STANDARD = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const URL_SAFE_PADDED = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2}==|[A-Za-z0-9_-]{3}=)?$/;
const URL_SAFE_UNPADDED = /^[A-Za-z0-9_-]*$/;

/** Checks a wire value and marks it as standard base64. The message never echoes the value: it may be a key. */
export function asBase64(value: string): Base64 {
  if (!STANDARD.test(value)) throw new TypeError('not standard padded base64');
  return value as Base64;
}

export function asBase64UrlPadded(value: string): Base64UrlPadded {
  if (!URL_SAFE_PADDED.test(value)) throw new TypeError('not URL-safe padded base64');
  return value as Base64UrlPadded;
}

export function toBase64(bytes: Uint8Array): Base64 {
  return btoa(toBinaryString(bytes)) as Base64;
}

export function fromBase64(value: Base64): Uint8Array {
  return fromBinaryString(atob(asBase64(value)));
}

export function toBase64UrlPadded(bytes: Uint8Array): Base64UrlPadded {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_') as Base64UrlPadded;
}

export function fromBase64UrlPadded(value: Base64UrlPadded): Uint8Array {
  return fromBinaryString(atob(asBase64UrlPadded(value).replace(/-/g, '+').replace(/_/g, '/')));
}

/** Checks a wire value; the message never echoes it. A length of 1 mod 4 cannot come from any bytes. */
export function asBase64Url(value: string): Base64Url {
  if (!URL_SAFE_UNPADDED.test(value) || value.length % 4 === 1) throw new TypeError('not unpadded base64url');
  return value as Base64Url;
}

export function toBase64Url(bytes: ArrayBuffer | ArrayBufferView): Base64Url {
  return btoa(toBinaryString(bytesOf(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '') as Base64Url;
}

/** A fresh ArrayBuffer-backed array: WebAuthn accepts it as a BufferSource. */
export function fromBase64Url(value: string): Uint8Array<ArrayBuffer> {
  const standard = asBase64Url(value).replace(/-/g, '+').replace(/_/g, '/');
  return fromBinaryString(atob(standard + '='.repeat((4 - (standard.length % 4)) % 4)));
}

/** The bytes of an ArrayBuffer or of any view on one (WebAuthn hands out both). */
export function bytesOf(source: ArrayBuffer | ArrayBufferView): Uint8Array {
  if (source instanceof Uint8Array) return source;
  if (ArrayBuffer.isView(source)) return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  return new Uint8Array(source);
}

// btoa/atob speak "binary strings" (one char per byte). Chunks keep the argument list of
// String.fromCharCode well below engine limits for large entities.
function toBinaryString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return out;
}

function fromBinaryString(binary: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
