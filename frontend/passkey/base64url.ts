// WebAuthn's JSON encoding of binary values: URL-safe base64 without padding (the "Base64URLString" of
// the WebAuthn spec). Pure code, like crypto/base64.ts: converting options must not wait for libsodium.

declare const variant: unique symbol;

/** URL-safe alphabet (- _), no '=' padding. */
export type Base64Url = string & { readonly [variant]: 'url-safe-unpadded' };

const URL_SAFE_UNPADDED = /^[A-Za-z0-9_-]*$/;

/** Checks a wire value; the message never echoes it. A length of 1 mod 4 cannot come from any bytes. */
export function asBase64Url(value: string): Base64Url {
  if (!URL_SAFE_UNPADDED.test(value) || value.length % 4 === 1) throw new TypeError('not unpadded base64url');
  return value as Base64Url;
}

export function toBase64Url(bytes: ArrayBuffer | ArrayBufferView): Base64Url {
  const view = bytesOf(bytes);
  let binary = '';
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') as Base64Url;
}

export function fromBase64Url(value: string): Uint8Array<ArrayBuffer> {
  const standard = asBase64Url(value).replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(standard + '='.repeat((4 - (standard.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The bytes of an ArrayBuffer or of any view on one (WebAuthn hands out both). */
export function bytesOf(source: ArrayBuffer | ArrayBufferView): Uint8Array {
  if (source instanceof Uint8Array) return source;
  if (ArrayBuffer.isView(source)) return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  return new Uint8Array(source);
}
