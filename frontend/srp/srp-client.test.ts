import { describe, expect, it } from 'vitest';
import { b64, hex, readVector } from '../test-support/vectors';
import { bigIntToBytes } from './bigint';
import { N, N_BYTES } from './group';
import { computeVerifier, createSrpClient, SrpError, startSrpClient } from './srp-client';

interface SrpVector {
  identity: string;
  saltB64: string;
  loginKeyB64: string;
  verifierB64: string;
  clientSecretAHex: string;
  AB64: string;
  BB64: string;
  M1B64: string;
  M2B64: string;
}

interface AccountVector {
  srp: { srpUserID: string; srpSalt: string; srpVerifier: string };
  secretsForTestsOnly: { loginKeyB64: string };
}

const v = readVector<SrpVector>('srp.json');
const credentials = { salt: b64(v.saltB64), identity: v.identity, loginKey: b64(v.loginKeyB64) };
const fixedClient = () => createSrpClient(credentials, hex(v.clientSecretAHex));

describe('SRP-6a client', () => {
  it('computes the verifier of the vector', () => {
    expect(computeVerifier(credentials)).toEqual(b64(v.verifierB64));
  });

  it.each(['ente-account-fast.json', 'ente-account-real-kdf.json'])('computes the verifier stored for %s', (name) => {
    const account = readVector<AccountVector>(name);
    const verifier = computeVerifier({
      salt: b64(account.srp.srpSalt),
      identity: account.srp.srpUserID,
      loginKey: b64(account.secretsForTestsOnly.loginKeyB64),
    });
    expect(verifier).toEqual(b64(account.srp.srpVerifier));
  });

  it('computes A from the fixed client secret, as 512 bytes', () => {
    const A = fixedClient().publicA();
    expect(A).toHaveLength(N_BYTES);
    expect(A).toEqual(b64(v.AB64));
  });

  it('computes M1 for the server B of the vector', () => {
    expect(fixedClient().computeM1(b64(v.BB64))).toEqual(b64(v.M1B64));
  });

  it.each([false, true])(
    'computes A before the login key is known, and the same M1 and M2 once it is (powers of g ready: %s)',
    (prepared) => {
      const ephemeral = startSrpClient(hex(v.clientSecretAHex));
      expect(ephemeral.publicA()).toEqual(b64(v.AB64));
      if (prepared) ephemeral.prepare();
      const client = ephemeral.withCredentials(credentials);
      expect(client.publicA()).toEqual(b64(v.AB64));
      expect(client.computeM1(b64(v.BB64))).toEqual(b64(v.M1B64));
      expect(() => client.verifyM2(b64(v.M2B64))).not.toThrow();
    },
  );

  it('accepts the server proof M2 of the vector', () => {
    const client = fixedClient();
    client.computeM1(b64(v.BB64));
    expect(() => client.verifyM2(b64(v.M2B64))).not.toThrow();
  });

  it('rejects a wrong M2', () => {
    const client = fixedClient();
    client.computeM1(b64(v.BB64));
    const wrong = b64(v.M2B64);
    wrong.set([wrong.at(0)! ^ 1], 0);
    expect(() => client.verifyM2(wrong)).toThrow(SrpError);
    expect(() => client.verifyM2(wrong.subarray(0, 31))).toThrow(SrpError);
  });

  it('rejects M2 before M1 was computed', () => {
    expect(() => fixedClient().verifyM2(b64(v.M2B64))).toThrow(SrpError);
  });

  it('rejects a server B that is zero modulo N', () => {
    expect(() => fixedClient().computeM1(new Uint8Array(N_BYTES))).toThrow(SrpError);
    expect(() => fixedClient().computeM1(bigIntToBytes(N, N_BYTES))).toThrow(SrpError);
  });

  it('rejects a server B outside the group', () => {
    expect(() => fixedClient().computeM1(bigIntToBytes(N + 1n, N_BYTES))).toThrow(SrpError);
  });

  it('draws a fresh client secret for each exchange when none is given', () => {
    expect(createSrpClient(credentials).publicA()).not.toEqual(createSrpClient(credentials).publicA());
  });
});
