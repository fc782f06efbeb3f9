import libsodium from 'libsodium-wrappers-sumo';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CryptoError, toBase64 } from '../crypto/sodium';
import { HttpError } from '../api/http';
import { fromBase64Url, toBase64Url } from '../crypto/base64';
import { unwrapMasterKey, wrapMasterKey } from './prf-key';
import { registerPasskey } from './register';
import { passSecondFactor } from './second-factor';
import { signInWithPasskey } from './sign-in';
import { FakeAuthenticator, FakeServer } from './test-fakes';
import { PasskeyCannotUnlock, unlockWithPasskey } from './unlock';

const prfSalt = toBase64Url(new Uint8Array(32).fill(7));
const salt = fromBase64Url(prfSalt);
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const registrationOptions = {
  challenge: 'AQID',
  rpId: 'localhost',
  rpName: 'Keyhole',
  userHandle: 'CQk',
  userName: 'a@example.test',
  excludeCredentialIds: [],
  prfSalt,
};

/** What a browser-made registration would have stored for this authenticator. */
async function wrappedFor(authenticator: FakeAuthenticator, masterKey: Uint8Array) {
  return wrapMasterKey(masterKey, authenticator.prfOutput(salt), salt);
}

function noSecretIn(server: FakeServer, ...secrets: Uint8Array[]) {
  for (const secret of secrets) {
    for (const encoded of [toBase64(secret), toBase64Url(secret), hex(secret)]) {
      expect(server.calls.map((call) => call.path + call.rawBody).join('\n')).not.toContain(encoded);
    }
  }
}

describe('passkey flows against the HTTP contract', () => {
  beforeAll(() => libsodium.ready);
  afterEach(() => vi.unstubAllGlobals());

  it('signs in with a PRF passkey and opens the master key without sending the PRF output anywhere', async () => {
    const authenticator = new FakeAuthenticator({ prf: true });
    authenticator.install();
    const masterKey = crypto.getRandomValues(new Uint8Array(32));
    const server = new FakeServer()
      .on('POST', '/web/passkeys/sign-in/options', { challenge: toBase64Url(new Uint8Array([1])), rpId: 'localhost', prfSalt })
      .on('POST', '/web/passkeys/sign-in', {
        sessionKey: 'c2s=',
        next: '/codes?q=git',
        csrfToken: 'fresh',
        prf: await wrappedFor(authenticator, masterKey),
      });
    server.install();

    const signedIn = await signInWithPasskey();

    expect(hex(signedIn.masterKey!)).toBe(hex(masterKey));
    expect(signedIn.session).toEqual({ sessionKey: 'c2s=', next: '/codes?q=git', csrfToken: 'fresh' });
    const [request] = authenticator.requests;
    expect(request.options.publicKey).toMatchObject({ rpId: 'localhost', userVerification: 'required' });
    expect((request.options.publicKey as PublicKeyCredentialRequestOptions).allowCredentials).toBeUndefined();
    expect(server.sent('POST', '/web/passkeys/sign-in')[0].body).toMatchObject({ credential: { id: authenticator.id } });
    noSecretIn(server, authenticator.prfOutput(salt), masterKey);
  });

  it('signs in without the master key when the passkey has no wrapped key or gives a PRF output that does not open it', async () => {
    const authenticator = new FakeAuthenticator({ prf: true });
    authenticator.install();
    const other = new FakeAuthenticator({ prf: true });
    const server = new FakeServer().on('POST', '/web/passkeys/sign-in/options', { challenge: 'AQ', rpId: 'localhost', prfSalt });
    server.on('POST', '/web/passkeys/sign-in', { sessionKey: 'c2s=', next: '/codes', prf: null }).install();
    expect((await signInWithPasskey()).masterKey).toBeUndefined();

    const wrongKey = await wrappedFor(other, crypto.getRandomValues(new Uint8Array(32)));
    server.on('POST', '/web/passkeys/sign-in', { sessionKey: 'c2s=', next: '/codes', prf: wrongKey });
    const signedIn = await signInWithPasskey();
    expect(signedIn.masterKey).toBeUndefined();
    expect(signedIn.session.next).toBe('/codes');
  });

  it('passes on a refused passkey as the server said it', async () => {
    new FakeAuthenticator({ prf: false }).install();
    new FakeServer()
      .on('POST', '/web/passkeys/sign-in/options', { challenge: 'AQ', rpId: 'localhost', prfSalt })
      .on('POST', '/web/passkeys/sign-in', () => ({ status: 401, json: { code: 'PASSKEY_REJECTED', message: 'no' } }))
      .install();
    await expect(signInWithPasskey()).rejects.toMatchObject({ status: 401, code: 'PASSKEY_REJECTED' });
  });

  it('registers a PRF passkey: one extra assertion on the new credential evaluates PRF, and the wrapped key opens with it', async () => {
    const authenticator = new FakeAuthenticator({ prf: true });
    authenticator.install();
    const masterKey = crypto.getRandomValues(new Uint8Array(32));
    const server = new FakeServer()
      .on('POST', '/web/passkeys/registration/options', registrationOptions)
      .on('POST', '/web/passkeys/registration', (body: unknown) => ({
        status: 201,
        json: {
          id: (body as { credential: { id: string } }).credential.id,
          name: 'Laptop',
          createdAt: 1,
          lastUsedAt: null,
          unlocksVault: false,
        },
      }))
      .on('PUT', `/web/passkeys/${authenticator.id}/prf-key`, () => ({ status: 204 }));
    server.install();

    const registered = await registerPasskey('Laptop', masterKey);

    expect(registered.withoutUnlock).toBeUndefined();
    expect(registered.passkey.unlocksVault).toBe(true);
    expect(server.sent('POST', '/web/passkeys/registration')[0].body).toMatchObject({
      name: 'Laptop',
      credential: { id: authenticator.id },
    });
    const prfCheck = authenticator.requests[1].options.publicKey as PublicKeyCredentialRequestOptions;
    expect(authenticator.requests.map((r) => r.kind)).toEqual(['create', 'get']);
    expect(prfCheck.allowCredentials?.map((c) => toBase64Url(c.id))).toEqual([authenticator.id]);
    const stored = server.sent('PUT', `/web/passkeys/${authenticator.id}/prf-key`)[0].body as Parameters<
      typeof unwrapMasterKey
    >[0];
    expect(stored.salt).toBe(toBase64(salt));
    expect(hex(await unwrapMasterKey(stored, authenticator.prfOutput(salt), salt))).toBe(hex(masterKey));
    noSecretIn(server, authenticator.prfOutput(salt), masterKey);
  });

  it('registers a passkey without PRF as one that signs in only, storing no wrapped key', async () => {
    const authenticator = new FakeAuthenticator({ prf: false });
    authenticator.install();
    const server = new FakeServer()
      .on('POST', '/web/passkeys/registration/options', registrationOptions)
      .on('POST', '/web/passkeys/registration', {
        id: authenticator.id,
        name: 'Key',
        createdAt: 1,
        lastUsedAt: null,
        unlocksVault: false,
      });
    server.install();

    const registered = await registerPasskey('Key', crypto.getRandomValues(new Uint8Array(32)));

    expect(registered.withoutUnlock).toBe('no-prf');
    expect(authenticator.requests.map((r) => r.kind)).toEqual(['create']);
    expect(server.calls.filter((call) => call.method === 'PUT')).toEqual([]);
  });

  it('unlocks with a PRF passkey of the signed-in account, and explains when it cannot', async () => {
    const authenticator = new FakeAuthenticator({ prf: true });
    authenticator.install();
    const masterKey = crypto.getRandomValues(new Uint8Array(32));
    const server = new FakeServer()
      .on('POST', '/web/passkeys/unlock/options', {
        challenge: 'AQ',
        rpId: 'localhost',
        prfSalt,
        allowCredentialIds: [authenticator.id],
      })
      .on('POST', '/web/passkeys/unlock', { prf: await wrappedFor(authenticator, masterKey) });
    server.install();

    expect(hex(await unlockWithPasskey())).toBe(hex(masterKey));
    const request = authenticator.requests[0].options.publicKey as PublicKeyCredentialRequestOptions;
    expect(request.allowCredentials?.map((c) => toBase64Url(c.id))).toEqual([authenticator.id]);
    noSecretIn(server, authenticator.prfOutput(salt), masterKey);

    server.on('POST', '/web/passkeys/unlock', () => ({ status: 409, json: { code: 'NO_PRF_KEY', message: 'no' } }));
    await expect(unlockWithPasskey()).rejects.toEqual(new HttpError(409, 'NO_PRF_KEY'));

    server.on('POST', '/web/passkeys/unlock', { prf: await wrappedFor(new FakeAuthenticator({ prf: true }), masterKey) });
    await expect(unlockWithPasskey()).rejects.toBeInstanceOf(CryptoError);

    server.on('POST', '/web/passkeys/unlock/options', { challenge: 'AQ', rpId: 'localhost', prfSalt, allowCredentialIds: [] });
    await expect(unlockWithPasskey()).rejects.toMatchObject({ reason: 'none-unlocks' });
    expect(authenticator.requests).toHaveLength(3);
  });

  it('refuses to unlock with an authenticator that gives no PRF output', async () => {
    new FakeAuthenticator({ prf: false }).install();
    new FakeServer()
      .on('POST', '/web/passkeys/unlock/options', { challenge: 'AQ', rpId: 'localhost', prfSalt, allowCredentialIds: ['AQ'] })
      .install();
    await expect(unlockWithPasskey()).rejects.toBeInstanceOf(PasskeyCannotUnlock);
  });

  it('passes the second factor: begin, an assertion limited to the account passkeys, finish with both session ids', async () => {
    const authenticator = new FakeAuthenticator({ prf: true });
    authenticator.install();
    const passed = { id: 42, keyAttributes: { kekSalt: 'x' }, encryptedToken: 'dG9rZW4=' };
    const server = new FakeServer()
      .on('POST', '/users/two-factor/passkeys/begin', {
        ceremonySessionID: 'ceremony-1',
        options: {
          publicKey: {
            challenge: 'AQID',
            rpId: 'localhost',
            timeout: 300000,
            userVerification: 'required',
            allowCredentials: [{ type: 'public-key', id: authenticator.id }],
          },
        },
      })
      .on('POST', '/users/two-factor/passkeys/finish', passed);
    server.install();

    expect(await passSecondFactor('pk-session')).toEqual(passed);

    expect(server.sent('POST', '/users/two-factor/passkeys/begin')[0].path).toBe(
      '/users/two-factor/passkeys/begin?sessionID=pk-session',
    );
    const finish = server.sent('POST', '/users/two-factor/passkeys/finish')[0];
    expect(finish.path).toBe('/users/two-factor/passkeys/finish?ceremonySessionID=ceremony-1&sessionID=pk-session');
    expect(finish.body).toMatchObject({ id: authenticator.id, type: 'public-key' });
    const request = authenticator.requests[0].options.publicKey as PublicKeyCredentialRequestOptions;
    expect(request.allowCredentials?.map((c) => toBase64Url(c.id))).toEqual([authenticator.id]);
    expect(request.extensions).toBeUndefined();
  });
});
