import { describe, expect, it } from 'vitest';
import { fromBase64Url } from '../crypto/base64';
import { appRedirect, redirectRefusal } from './verify-redirect';

describe('the redirect back to the app after /passkeys/verify', () => {
  const response = { id: 7, keyAttributes: { kekSalt: 'a+b/' }, encryptedToken: 'dG9r' };
  const allowed = ['http://localhost:3003', 'https://auth.example.org'];

  it('goes back to an Ente app with the session id and the finish response as base64url JSON', () => {
    const url = appRedirect('enteauth://passkey', 'abc-123', response, [])!;
    expect(url.startsWith('enteauth://passkey?passkeySessionID=abc-123&response=')).toBe(true);
    const encoded = url.split('&response=')[1];
    expect(JSON.parse(new TextDecoder().decode(fromBase64Url(encoded)))).toEqual(response);
    expect(appRedirect('ente-cli://done?x=1', 's', response, [])).toMatch(/^ente-cli:\/\/done\?x=1&passkeySessionID=s&response=/);
  });

  it("goes back to a listed web app's /passkeys/finish as Ente's accounts app does", () => {
    const url = new URL(appRedirect('https://auth.example.org/passkeys/finish', 'abc-123', response, allowed)!);
    expect(url.origin + url.pathname).toBe('https://auth.example.org/passkeys/finish');
    expect(url.searchParams.get('passkeySessionID')).toBe('abc-123');
    const encoded = url.searchParams.get('response')!;
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(JSON.parse(new TextDecoder().decode(fromBase64Url(encoded)))).toEqual(response);
    expect(appRedirect('http://LOCALHOST:3003/passkeys/finish', 's', response, allowed)).toMatch(
      /^http:\/\/localhost:3003\/passkeys\/finish\?passkeySessionID=s&response=/,
    );
    expect(redirectRefusal('http://localhost:3003/passkeys/finish', allowed)).toBeUndefined();
  });

  it('follows no redirect to an unlisted site or an unknown scheme, and says why', () => {
    expect(appRedirect('https://evil.example/collect', 's', response, allowed)).toBeUndefined();
    expect(appRedirect('http://localhost:3004/passkeys/finish', 's', response, allowed)).toBeUndefined();
    expect(appRedirect('https://user@auth.example.org/passkeys/finish', 's', response, allowed)).toBeUndefined();
    expect(appRedirect('javascript:alert(1)', 's', response, allowed)).toBeUndefined();
    expect(appRedirect(null, 's', response, allowed)).toBeUndefined();
    expect(redirectRefusal('https://evil.example/collect', allowed)).toContain('https://evil.example');
    expect(redirectRefusal('javascript:alert(1)', allowed)).toContain('does not send sign-ins');
    expect(redirectRefusal(null, allowed)).toBeUndefined();
  });
});
