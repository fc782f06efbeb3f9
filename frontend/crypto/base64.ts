// The two base64 variants of the Ente protocol, kept apart by the type system: key attributes, entities
// and all other API fields are standard base64 with padding, while the auth token is URL-safe base64
// *with* padding (Go's base64.URLEncoding). Mixing them up gives a token the server never issued, so
// each variant is a branded string that only its own encoder produces and only its own decoder accepts.
//
// Pure code on purpose: decoding a field must not wait for the 535 KB libsodium module.

declare const variant: unique symbol;

/** Standard alphabet (+ /) with '=' padding. */
export type Base64 = string & { readonly [variant]: 'standard' };

/** URL-safe alphabet (- _) with '=' padding: the X-Auth-Token form. */
export type Base64UrlPadded = string & { readonly [variant]: 'url-safe-padded' };

const STANDARD = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const URL_SAFE_PADDED = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2}==|[A-Za-z0-9_-]{3}=)?$/;

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

// btoa/atob speak "binary strings" (one char per byte). Chunks keep the argument list of
// String.fromCharCode well below engine limits for large entities.
function toBinaryString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return out;
}

function fromBinaryString(binary: string): Uint8Array {
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
