import { afterEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import { fromBase64Url, toBase64Url } from '../crypto/base64';
import { FakeAuthenticator } from './test-fakes';
import {
  createCredential,
  creationOptions,
  getCredential,
  PasskeyAlreadyRegistered,
  PasskeyCancelled,
  PasskeyUnavailable,
  requestOptions,
  webAuthnAvailable,
} from './webauthn';

const b64u = (...bytes: number[]) => toBase64Url(new Uint8Array(bytes));
const registration = {
  challenge: b64u(1, 2, 3),
  rpId: 'localhost',
  rpName: 'Keyhole',
  userHandle: b64u(9, 9),
  userName: 'alice@example.test',
  excludeCredentialIds: [b64u(7)],
  prfSalt: b64u(5, 5, 5),
};

describe('WebAuthn options from the server JSON', () => {
  it('asks for a discoverable, user-verified credential with PRF on the given salt', () => {
    const options = creationOptions(registration);
    expect([...new Uint8Array(options.challenge as ArrayBuffer)]).toEqual([1, 2, 3]);
    expect(options.rp).toEqual({ id: 'localhost', name: 'Keyhole' });
    expect([...new Uint8Array(options.user.id as ArrayBuffer)]).toEqual([9, 9]);
    expect(options.user.name).toBe('alice@example.test');
    expect(options.authenticatorSelection).toMatchObject({ residentKey: 'required', userVerification: 'required' });
    expect(options.pubKeyCredParams.map((p) => p.alg)).toEqual([-7, -8, -257]);
    expect(options.excludeCredentials?.map((c) => toBase64Url(c.id))).toEqual([b64u(7)]);
    expect(toBase64Url(options.extensions!.prf!.eval!.first)).toBe(b64u(5, 5, 5));
  });

  it('builds an assertion request with user verification, the credential list only when given, PRF only when asked', () => {
    const discoverable = requestOptions({ challenge: b64u(1), rpId: 'localhost', prfSalt: b64u(2) });
    expect(discoverable.allowCredentials).toBeUndefined();
    expect(discoverable.userVerification).toBe('required');
    expect(toBase64Url(discoverable.extensions!.prf!.eval!.first)).toBe(b64u(2));

    const listed = requestOptions({
      challenge: b64u(1),
      rpId: 'localhost',
      allowCredentialIds: [b64u(3), b64u(4)],
      timeout: 1000,
    });
    expect(listed.allowCredentials?.map((c) => toBase64Url(c.id))).toEqual([b64u(3), b64u(4)]);
    expect(listed.extensions).toBeUndefined();
    expect(listed.timeout).toBe(1000);
  });
});

describe('WebAuthn ceremonies', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reports no WebAuthn where there is none, and refuses a ceremony there', async () => {
    expect(webAuthnAvailable()).toBe(false);
    await expect(getCredential(requestOptions({ challenge: b64u(1), rpId: 'localhost' }))).rejects.toBeInstanceOf(
      PasskeyUnavailable,
    );
  });

  it('hands the PRF output to the caller but never puts it into the credential JSON', async () => {
    const authenticator = new FakeAuthenticator({ prf: true });
    authenticator.install();
    const salt = fromBase64Url(b64u(5, 5, 5));

    const asserted = await getCredential(requestOptions({ challenge: b64u(1), rpId: 'localhost', prfSalt: b64u(5, 5, 5) }));

    expect(toBase64Url(asserted.prfOutput!)).toBe(toBase64Url(authenticator.prfOutput(salt)));
    expect(asserted.credentialId).toBe(authenticator.id);
    expect(asserted.credential.id).toBe(authenticator.id);
    expect(asserted.credential.clientExtensionResults).toEqual({});
    expect(JSON.stringify(asserted.credential)).not.toContain(toBase64Url(authenticator.prfOutput(salt)));
  });

  it('reports PRF support from create() even when the output comes only with an assertion', async () => {
    new FakeAuthenticator({ prf: true }).install();
    const created = await createCredential(creationOptions(registration));
    expect(created.prfEnabled).toBe(true);
    expect(created.prfOutput).toBeUndefined();
    expect(created.credential.clientExtensionResults).toEqual({});
  });

  it('tells a cancelled request and an already registered authenticator apart from other failures', async () => {
    const authenticator = new FakeAuthenticator({ prf: false });
    authenticator.install();
    const request = () => getCredential(requestOptions({ challenge: b64u(1), rpId: 'localhost' }));

    authenticator.failWith = 'NotAllowedError';
    await expect(request()).rejects.toBeInstanceOf(PasskeyCancelled);
    authenticator.failWith = 'AbortError';
    await expect(request()).rejects.toBeInstanceOf(PasskeyCancelled);
    authenticator.failWith = 'InvalidStateError';
    await expect(createCredential(creationOptions(registration))).rejects.toBeInstanceOf(PasskeyAlreadyRegistered);
    authenticator.failWith = 'SecurityError';
    await expect(request()).rejects.toThrow(/SecurityError/);
  });
});
