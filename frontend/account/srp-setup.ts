// Registers the SRP verifier of a new password, and proves it with one exchange before the server adopts
// it, as Ente's clients do (web/packages/accounts/services/srp.ts): srp/setup, then srp/complete at
// sign-up or srp/update (with the re-wrapped master key) for a new password. The login key never leaves.
import { asBase64, fromBase64, loginKey, randomBytes, toBase64, wipe, type Base64 } from '../crypto/sodium';
import { sendWithToken } from '../api/http';
import { computeVerifier, createSrpClient } from '../srp/srp-client';
import type { UpdatedKek } from './new-keys';

const SALT_BYTES = 16;

interface Started {
  setupID: string;
  srpB: Base64;
}

/** Sign-up: the account's first verifier. */
export function completeSrp(token: string, kek: Uint8Array): Promise<void> {
  return proveNewVerifier(token, kek, (setupID, srpM1) => ({ path: '/users/srp/complete', body: { setupID, srpM1 } }));
}

/** A new password: the new verifier and the master key under the new KEK; every other device is signed out. */
export function updateSrp(token: string, kek: Uint8Array, updatedKeyAttr: UpdatedKek, logOutOtherDevices = true): Promise<void> {
  return proveNewVerifier(token, kek, (setupID, srpM1) => ({
    path: '/users/srp/update',
    body: { setupID, srpM1, updatedKeyAttr, logOutOtherDevices },
  }));
}

async function proveNewVerifier(
  token: string,
  kek: Uint8Array,
  finish: (setupID: string, srpM1: Base64) => { path: string; body: unknown },
): Promise<void> {
  const srpPassword = await loginKey(kek);
  const credentials = { salt: await randomBytes(SALT_BYTES), identity: crypto.randomUUID(), loginKey: srpPassword };
  try {
    const client = createSrpClient(credentials);
    const started = await sendWithToken<Started>('POST', '/users/srp/setup', token, {
      srpUserID: credentials.identity,
      srpSalt: toBase64(credentials.salt),
      srpVerifier: toBase64(computeVerifier(credentials)),
      srpA: toBase64(client.publicA()),
    });
    const m1 = client.computeM1(fromBase64(asBase64(started.srpB)));
    const { path, body } = finish(started.setupID, toBase64(m1));
    const { srpM2 } = await sendWithToken<{ srpM2: Base64 }>('POST', path, token, body);
    client.verifyM2(fromBase64(asBase64(srpM2 ?? '')));
  } finally {
    await wipe(srpPassword);
  }
}
