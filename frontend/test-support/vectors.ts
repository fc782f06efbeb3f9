// Locates the shared test vectors (never copied into this repository: they are the one truth that the
// Java and the TypeScript sides are both checked against). A missing folder throws, so a vector test can
// never pass by not running.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The folder holding vectors/ and samples/: $KEYHOLE_SHARED_DIR, else `shared` beside the checkout. */
export function sharedDir(): string {
  const dir = resolve(process.env.KEYHOLE_SHARED_DIR ?? join(repoRoot, '..', 'shared'));
  if (!existsSync(join(dir, 'vectors'))) {
    throw new Error(
      `shared test vectors not found at ${dir} (set KEYHOLE_SHARED_DIR to the folder holding vectors/ and samples/)`,
    );
  }
  return dir;
}

/** A file under shared/vectors, parsed as JSON; the caller states the shape it relies on. */
export function readVector<T>(name: string): T {
  return JSON.parse(readFileSync(join(sharedDir(), 'vectors', name), 'utf8')) as T;
}

/** Standard base64 from a vector file, as bytes (tests only; production code uses crypto/base64). */
export function b64(value: string): Uint8Array {
  return new Uint8Array(Buffer.from(value, 'base64'));
}

export function hex(value: string): Uint8Array {
  return new Uint8Array(Buffer.from(value, 'hex'));
}
