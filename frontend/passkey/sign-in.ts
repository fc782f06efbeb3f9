// Signing in with a passkey alone: a discoverable assertion (no email typed) that opens the same kind of
// web session as the password path. With PRF the vault opens at once; otherwise the dashboard asks for
// the password, which then only decrypts locally.
import { useCsrfToken } from '../api/http';
import type { WebSession } from '../api/session-api';
import * as api from './api';
import { fromBase64Url } from '../crypto/base64';
import { unwrapMasterKey, type PrfWrappedKey } from './prf-key';
import { loadSodium } from '../crypto/sodium';
import { getCredential, requestOptions, type Asserted } from './webauthn';

export interface PasskeySignIn {
  session: WebSession;
  /** Present when the passkey gave a PRF output that opened the master key wrapped for it. */
  masterKey?: Uint8Array;
}

type Options = Awaited<ReturnType<typeof api.signInOptions>>;

/**
 * How long a challenge fetched ahead is used: the server forgets it 5 minutes after handing it out, and
 * the ceremony that answers it must fit in what is left.
 */
export const PREPARED_FOR_MS = 2 * 60_000;

interface Prepared {
  options: Promise<Options>;
  fetchedAt: number;
}

let prepared: Prepared | undefined;

/**
 * Fetches a sign-in challenge ahead (when the sign-in page shows), so that a click on the passkey button
 * goes straight to the authenticator. The server keeps only the newest challenge of a browser, so every
 * ceremony takes its challenge from here, and one that the page withdrew unanswered comes back here.
 */
export function prepareSignIn(): void {
  if (prepared && isFresh(prepared)) return;
  const options = api.signInOptions();
  options.catch(() => undefined);
  prepared = { options, fetchedAt: performance.now() };
}

/** Drops a challenge fetched ahead (tests, and a page that starts over). */
export function forgetPreparedSignIn(): void {
  prepared = undefined;
}

function takeOptions(): Prepared {
  const ready = prepared;
  prepared = undefined;
  if (ready && isFresh(ready)) return { ...ready, options: ready.options.catch(() => api.signInOptions()) };
  return { options: api.signInOptions(), fetchedAt: performance.now() };
}

function isFresh({ fetchedAt }: Prepared): boolean {
  return performance.now() - fetchedAt < PREPARED_FOR_MS;
}

/**
 * `mediation: 'conditional'` waits for the person to pick a passkey from the email field's autofill; the
 * signal lets the page abort that wait when another way of signing in is chosen.
 */
export async function signInWithPasskey({
  mediation,
  signal,
  onAsserted,
}: {
  mediation?: CredentialMediationRequirement;
  signal?: AbortSignal;
  /** Called once the person has used a passkey, before the server judges it. */
  onAsserted?: () => void;
} = {}): Promise<PasskeySignIn> {
  // The key unwrap needs libsodium: loaded during the ceremony, not after it. Not for an autofill
  // request, which waits on every sign-in page whether a passkey is used or not.
  if (mediation !== 'conditional') void loadSodium().catch(() => undefined);
  const { options: pending, fetchedAt } = takeOptions();
  const options = await pending;
  performance.mark('keyhole:passkey:options');
  let asserted: Asserted;
  try {
    signal?.throwIfAborted();
    asserted = await getCredential(requestOptions(options), { mediation, signal });
  } catch (error) {
    // Withdrawn by the page before any answer: the server still holds this challenge, unanswered.
    if (signal?.aborted) prepared ??= { options: Promise.resolve(options), fetchedAt };
    throw error;
  }
  performance.mark('keyhole:passkey:asserted');
  void loadSodium().catch(() => undefined);
  onAsserted?.();
  let signedIn: api.PasskeySignedIn;
  try {
    signedIn = await api.signIn(asserted.credential);
  } catch (error) {
    asserted.prfOutput?.fill(0);
    throw error;
  }
  performance.mark('keyhole:passkey:verified');
  if (signedIn.csrfToken) useCsrfToken(signedIn.csrfToken);
  const session: WebSession = { sessionKey: signedIn.sessionKey, next: signedIn.next, csrfToken: signedIn.csrfToken };
  const masterKey = await openIfPossible(signedIn.prf, asserted.prfOutput, fromBase64Url(options.prfSalt));
  performance.mark('keyhole:passkey:unwrapped');
  return { session, masterKey };
}

/**
 * The session is open whatever happens here: a passkey without a wrapped key, an authenticator without
 * PRF, or a wrapped key that does not open (made by another salt or another credential) all lead to the
 * password prompt rather than to a failed sign-in.
 */
async function openIfPossible(
  wrapped: PrfWrappedKey | null,
  prfOutput: Uint8Array | undefined,
  salt: Uint8Array,
): Promise<Uint8Array | undefined> {
  if (!prfOutput) return undefined;
  if (!wrapped) {
    prfOutput.fill(0);
    return undefined;
  }
  try {
    return await unwrapMasterKey(wrapped, prfOutput, salt);
  } catch {
    return undefined;
  }
}
