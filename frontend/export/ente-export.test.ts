import { describe, expect, it } from 'vitest';
import { argon2id, fromBase64, secretstreamDecrypt } from '../crypto/sodium';
import { b64, readVector } from '../test-support/vectors';
import { enteText, encryptEnteExport } from './ente-export';

interface ExportVector {
  password: string;
  file: { kdfParams: { memLimit: number; opsLimit: number; salt: string }; encryptedData: string; encryptionNonce: string };
  plaintext: string;
}

const vector = readVector<ExportVector>('ente-export-v1.json');

describe('Ente export', () => {
  it("writes the vector's plain text from its URIs, one a line, each line ending in a newline", async () => {
    const uris = vector.plaintext.split('\n').filter((line) => line !== '');
    expect(uris.length).toBeGreaterThan(3);
    expect(enteText(uris)).toBe(vector.plaintext);
    // And the vector really is that text encrypted, so the format read here is the format written.
    const { memLimit, opsLimit, salt } = vector.file.kdfParams;
    const key = await argon2id(vector.password, b64(salt), opsLimit, memLimit);
    const opened = await secretstreamDecrypt(b64(vector.file.encryptedData), b64(vector.file.encryptionNonce), key);
    expect(new TextDecoder().decode(opened)).toBe(vector.plaintext);
  });

  it("writes ',' as %2C as Ente's apps do", () => {
    expect(enteText(['otpauth://totp/A:b,c?secret=JBSWY3DPEHPK3PXP'])).toBe('otpauth://totp/A:b%2Cc?secret=JBSWY3DPEHPK3PXP\n');
  });

  it('encrypts as version 1 under the derived key, naming the parameters it was derived with', async () => {
    const asked: { kekSalt: string; memLimit: number; opsLimit: number }[] = [];
    // Cheap parameters stand in for the real 4 GiB of work; the browser test decrypts a real export in Java.
    const derive = async (password: string, params: { kekSalt: string; memLimit: number; opsLimit: number }) => {
      asked.push(params);
      return argon2id(password, fromBase64(params.kekSalt as never), 1, 8 * 1024 * 1024);
    };
    const file = await encryptEnteExport(vector.plaintext, 'pw-1234', derive);
    expect(file.version).toBe(1);
    expect(asked).toHaveLength(1);
    expect(file.kdfParams).toEqual({ memLimit: 256 * 1024 * 1024, opsLimit: 16, salt: asked[0]!.kekSalt });
    expect(b64(file.kdfParams.salt)).toHaveLength(16);
    const key = await argon2id('pw-1234', b64(file.kdfParams.salt), 1, 8 * 1024 * 1024);
    const opened = await secretstreamDecrypt(b64(file.encryptedData), b64(file.encryptionNonce), key);
    expect(new TextDecoder().decode(opened)).toBe(vector.plaintext);
  });
});
