// What the export is made of: every entity of the vault, decrypted here with the master key this tab
// holds. The encrypted vault comes from /web/vault, the same request the dashboard makes; no request
// says what is exported.
import { fetchVault, type VaultSnapshot } from '../api/session-api';
import { wipe } from '../crypto/sodium';
import { decryptEntities } from '../vault/entities';
import { openAuthenticatorKey } from '../vault/keys';
import { parseOtpauth, type OtpEntry } from '../otp/otpauth';

export interface VaultCodes {
  /** Every readable entity's URI as stored (trashed ones too, with their codeDisplay): the Ente export. */
  uris: string[];
  /** The codes not in the trash, parsed: what the QR codes show. */
  entries: OtpEntry[];
  /** Entities that could not be decrypted: in no export. */
  unreadable: number;
}

/** The whole encrypted vault, with the key attributes an unlock form needs. */
export function fetchWholeVault(): Promise<VaultSnapshot> {
  return fetchVault(0);
}

export async function readVaultCodes(snapshot: VaultSnapshot, masterKey: Uint8Array): Promise<VaultCodes> {
  if (snapshot.authenticatorKey == null) return { uris: [], entries: [], unreadable: 0 };
  const authenticatorKey = await openAuthenticatorKey(snapshot.authenticatorKey, masterKey);
  try {
    const results = await decryptEntities(snapshot.diff, authenticatorKey);
    const uris = results.flatMap((result) => ('uri' in result ? [result.uri] : []));
    const entries = uris.map(parseOtpauth).filter((entry) => !entry.display.trashed);
    entries.sort((a, b) => collator.compare(a.issuer, b.issuer) || collator.compare(a.account, b.account));
    return { uris, entries, unreadable: results.length - uris.length };
  } finally {
    await wipe(authenticatorKey);
  }
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
