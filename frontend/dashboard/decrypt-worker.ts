// Decrypts the vault's entities off the main thread, which at sign-in is busy navigating to the
// dashboard and painting it. libsodium loads as soon as the worker starts, so that a worker started
// early in the sign-in (entity-decryptor.ts) is ready when the vault arrives. The authenticator key
// arrives by postMessage (same origin, never leaves the browser) and is wiped after its one use.
import { loadSodium } from '../crypto/sodium';
import { answerDecryptRequest, type DecryptRequest, type DecryptResponse } from './decrypt-job';

void loadSodium().catch(() => undefined);

self.onmessage = async (event: MessageEvent<DecryptRequest>) => {
  self.postMessage((await answerDecryptRequest(event.data)) satisfies DecryptResponse);
};
