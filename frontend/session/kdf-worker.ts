// Runs Argon2id off the main thread: at Ente's 256 MiB / 16 ops it takes seconds, and the page must keep
// painting its progress and answering input meanwhile. The password arrives by postMessage (same origin,
// never leaves the browser) and only the derived key goes back, transferred rather than copied.
import { deriveKek, type KdfParameters } from '../vault/keys';

export interface KdfRequest {
  password: string;
  params: KdfParameters;
}

export type KdfResponse = { kek: Uint8Array } | { error: string };

self.onmessage = async (event: MessageEvent<KdfRequest>) => {
  try {
    const kek = await deriveKek(event.data.password, event.data.params);
    self.postMessage({ kek } satisfies KdfResponse, { transfer: [kek.buffer] });
  } catch {
    // The usual cause is memory: a 1 GiB derivation (Ente's mobile default) on a small device.
    self.postMessage({ error: 'key derivation failed' } satisfies KdfResponse);
  }
};
