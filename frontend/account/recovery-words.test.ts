// The 24 words against the BIP-39 reference vectors that the Java RecoveryWords (the CLI's) is tested
// with, so a key written down from this page reads the same in the CLI and in Ente's apps.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NotARecoveryKey, recoveryKeyFrom, recoveryWords } from './recovery-words';

const VECTORS = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/test/resources/cli/keys/bip39-vectors-32-bytes.tsv');

const vectors = readFileSync(VECTORS, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => {
    const [hex, words] = line.split('\t');
    return { hex: hex!, words: words! };
  });

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
const bytes = (value: string) => Uint8Array.from(value.match(/../g)!, (pair) => Number.parseInt(pair, 16));

describe('recovery words', () => {
  it('has every reference vector the Java side has', () => {
    expect(vectors).toHaveLength(8);
  });

  it.each(vectors)('encodes $hex as its reference mnemonic', ({ hex: entropy, words }) => {
    expect(recoveryWords(bytes(entropy)).join(' ')).toBe(words);
  });

  it.each(vectors)('decodes the mnemonic of $hex back to it', ({ hex: entropy, words }) => {
    expect(hex(recoveryKeyFrom(words))).toBe(entropy);
  });

  it('reads words typed with other spacing, line breaks and capitals', () => {
    const { hex: entropy, words } = vectors[1]!;
    const typed = `  ${words.toUpperCase().split(' ').join(' \n\t ')}  `;
    expect(hex(recoveryKeyFrom(typed))).toBe(entropy);
  });

  it("reads Ente's older form, 64 hex digits", () => {
    const { hex: entropy } = vectors[2]!;
    expect(hex(recoveryKeyFrom(entropy.toUpperCase()))).toBe(entropy);
  });

  it('shows 24 words for a random key and reads them back', () => {
    const key = crypto.getRandomValues(new Uint8Array(32));
    const words = recoveryWords(key);
    expect(words).toHaveLength(24);
    expect(recoveryKeyFrom(words.join(' '))).toEqual(key);
  });

  it('says how many words there are when there are not 24', () => {
    const words = vectors[0]!.words.split(' ').slice(0, 23).join(' ');
    expect(() => recoveryKeyFrom(words)).toThrow(new NotARecoveryKey('A recovery key has 24 words; this has 23.'));
  });

  it('names a word that is not in the list', () => {
    const words = vectors[0]!.words.replace(/art$/, 'artt');
    expect(() => recoveryKeyFrom(words)).toThrow(/“artt” is not one of the recovery key's words/);
  });

  it('refuses real words whose checksum does not fit', () => {
    const words = vectors[0]!.words.split(' ');
    [words[0], words[23]] = [words[23]!, words[0]!];
    expect(() => recoveryKeyFrom(words.join(' '))).toThrow(/do not fit together/);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => recoveryWords(new Uint8Array(16))).toThrow(NotARecoveryKey);
  });
});
