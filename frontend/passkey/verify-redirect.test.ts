import { describe, expect, it } from 'vitest';
import { fromBase64Url } from '../crypto/base64';
import { appRedirect } from './verify-redirect';

describe('the redirect back to the app after /passkeys/verify', () => {
  const response = { id: 7, keyAttributes: { kekSalt: 'a+b/' }, encryptedToken: 'dG9r' };

  it('goes back to an Ente app with the session id and the finish response as base64url JSON', () => {
    const url = appRedirect('enteauth://passkey', 'abc-123', response)!;
    expect(url.startsWith('enteauth://passkey?passkeySessionID=abc-123&response=')).toBe(true);
    const encoded = url.split('&response=')[1];
    expect(JSON.parse(new TextDecoder().decode(fromBase64Url(encoded)))).toEqual(response);
    expect(appRedirect('ente-cli://done?x=1', 's', response)).toMatch(/^ente-cli:\/\/done\?x=1&passkeySessionID=s&response=/);
  });

  it('follows no redirect to the web or to an unknown scheme', () => {
    expect(appRedirect('https://evil.example/collect', 's', response)).toBeUndefined();
    expect(appRedirect('javascript:alert(1)', 's', response)).toBeUndefined();
    expect(appRedirect(null, 's', response)).toBeUndefined();
  });
});
