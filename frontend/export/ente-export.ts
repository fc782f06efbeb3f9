// Ente Auth's export, as its apps and the CLI's `export` write it: the plain text is one otpauth URI a
// line, each ending in a newline, every ',' written as "%2C"; the encrypted file is that text as one
// secretstream chunk under Argon2id(export password), with the key parameters beside it (version 1).
import { secretstreamEncrypt, toBase64 } from '../crypto/sodium';
import { deriveNewKek, type Derive } from '../account/new-kek';

/** Ente's apps refuse shorter export passwords (so does the CLI). */
export const MIN_EXPORT_PASSWORD = 4;

export interface EnteExportFile {
  version: 1;
  kdfParams: { memLimit: number; opsLimit: number; salt: string };
  encryptedData: string;
  /** The secretstream header, despite its name (Ente's). */
  encryptionNonce: string;
}

/** The plain export: codeDisplay (pins, tags, notes, trash) rides along in each URI as Ente wrote it. */
export function enteText(uris: readonly string[]): string {
  return uris.map((uri) => `${uri.replaceAll(',', '%2C')}\n`).join('');
}

/**
 * Encrypts under a key derived the way Ente derives "sensitive" keys (256 MiB × 16, or as much memory
 * as this browser gives with the same work): the same choice as for a new account password.
 */
export async function encryptEnteExport(text: string, password: string, derive?: Derive): Promise<EnteExportFile> {
  const { kek, kekSalt, memLimit, opsLimit } = await deriveNewKek(password, derive);
  try {
    const { ciphertext, header } = await secretstreamEncrypt(new TextEncoder().encode(text), kek);
    return {
      version: 1,
      kdfParams: { memLimit, opsLimit, salt: kekSalt },
      encryptedData: toBase64(ciphertext),
      encryptionNonce: toBase64(header),
    };
  } finally {
    kek.fill(0);
  }
}
