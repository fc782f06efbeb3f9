import { describe, expect, it } from 'vitest';
import { asBase64Url, fromBase64Url, toBase64Url } from './base64url';

describe('WebAuthn base64url', () => {
  it('encodes without padding in the URL-safe alphabet, and decodes back', () => {
    const bytes = new Uint8Array([0xfb, 0xff, 0xbf, 0x00, 0x01]);
    expect(toBase64Url(bytes)).toBe('-_-_AAE');
    expect([...fromBase64Url('-_-_AAE')]).toEqual([...bytes]);
  });

  it('round-trips every length from 0 to 40 bytes', () => {
    for (let n = 0; n <= 40; n++) {
      const bytes = crypto.getRandomValues(new Uint8Array(n));
      expect([...fromBase64Url(toBase64Url(bytes))]).toEqual([...bytes]);
    }
  });

  it('reads ArrayBuffers and views on part of a buffer', () => {
    const buffer = new Uint8Array([1, 2, 3, 4, 5]).buffer;
    expect(toBase64Url(buffer)).toBe(toBase64Url(new Uint8Array([1, 2, 3, 4, 5])));
    expect(toBase64Url(new DataView(buffer, 1, 2))).toBe(toBase64Url(new Uint8Array([2, 3])));
  });

  it('refuses padding, the standard alphabet and impossible lengths without echoing the value', () => {
    for (const bad of ['AAE=', 'ab+/', 'abcde', 'a b']) {
      expect(() => asBase64Url(bad)).toThrow(/^not unpadded base64url$/);
    }
  });
});
