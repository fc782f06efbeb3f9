// The recovery key as people see and type it: the 24-word BIP-39 English mnemonic of its 32 bytes, the
// form Ente's apps show and read (docs/protocol.md §9), so words written down here recover the account
// in Ente's apps and in the CLI too. Ente's older apps showed 64 hex digits, which are still accepted.
import { entropyToMnemonic, mnemonicToEntropy } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { t } from '../i18n/i18n';

const KEY_BYTES = 32;
const WORDS = 24;

/** What was typed is not a recovery key; the message says why in words a person can act on (in the page's language). */
export class NotARecoveryKey extends Error {
  override name = 'NotARecoveryKey';
}

export function recoveryWords(recoveryKey: Uint8Array): string[] {
  if (recoveryKey.length !== KEY_BYTES) throw new NotARecoveryKey('a recovery key has 32 bytes');
  return entropyToMnemonic(recoveryKey, wordlist).split(' ');
}

/** Reads 24 words (any spacing, any case, one per line or not) or Ente's older 64 hex digits. */
export function recoveryKeyFrom(typed: string): Uint8Array {
  const words = typed.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 1 && /^[0-9a-f]{64}$/.test(words[0]!)) return hexBytes(words[0]!);
  if (words.length !== WORDS) throw new NotARecoveryKey(t('account.wordCount', { expected: WORDS, count: words.length }));
  const unknown = words.find((word) => !wordlist.includes(word));
  if (unknown !== undefined) throw new NotARecoveryKey(t('account.unknownWord', { word: unknown }));
  try {
    return mnemonicToEntropy(words.join(' '), wordlist);
  } catch {
    // Every word is real, so the checksum failed: a word mistyped into another, or two swapped.
    throw new NotARecoveryKey(t('account.wordsDoNotFit'));
  }
}

function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g)!, (pair) => Number.parseInt(pair, 16));
}
