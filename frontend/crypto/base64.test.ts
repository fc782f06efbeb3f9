import { describe, expect, it } from 'vitest';
import {
  asBase64,
  asBase64Url,
  asBase64UrlPadded,
  fromBase64,
  fromBase64Url,
  fromBase64UrlPadded,
  toBase64,
  toBase64Url,
  toBase64UrlPadded,
} from './base64';

// Bytes chosen so that the standard and the URL-safe encodings differ (0xfb 0xff → "+/" vs "-_").
const bytes = new Uint8Array([0xfb, 0xff, 0xbf, 0x00, 0x01]);

describe('base64', () => {
  it('encodes standard base64 with padding', () => {
    expect(toBase64(bytes)).toBe('+/+/AAE=');
  });

  it('encodes URL-safe base64 with padding, as the auth token is', () => {
    expect(toBase64UrlPadded(bytes)).toBe('-_-_AAE=');
  });

  it('decodes what it encodes, in both variants', () => {
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(fromBase64UrlPadded(toBase64UrlPadded(bytes))).toEqual(bytes);
  });

  it('round-trips an empty array and a large one', () => {
    const large = new Uint8Array(70_000).map((_, i) => i * 7);
    expect(fromBase64(toBase64(new Uint8Array()))).toEqual(new Uint8Array());
    expect(fromBase64(toBase64(large))).toEqual(large);
  });

  it('refuses a URL-safe value where standard base64 is expected, and the reverse', () => {
    expect(() => asBase64('-_-_AAE=')).toThrow(TypeError);
    expect(() => asBase64UrlPadded('+/+/AAE=')).toThrow(TypeError);
  });

  it('refuses missing padding, since both protocol variants are padded', () => {
    expect(() => asBase64('+/+/AAE')).toThrow(TypeError);
    expect(() => asBase64UrlPadded('-_-_AAE')).toThrow(TypeError);
  });

  it('does not echo the rejected value in its error, since it may be a key', () => {
    expect(() => asBase64('c2VjcmV0!')).toThrow(expect.objectContaining({ message: expect.not.stringContaining('c2VjcmV0') }));
  });
});

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
