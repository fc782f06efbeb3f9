import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HttpError } from '../api/http';
import { AUTOFILL_REFRESH_MS, PasskeyAutofill, type AutofillHost } from './autofill';
import { forgetPreparedSignIn, prepareSignIn, PREPARED_FOR_MS, signInWithPasskey, type PasskeySignIn } from './sign-in';
import { toBase64Url } from '../crypto/base64';
import { FakeAuthenticator, FakeServer } from './test-fakes';

const OPTIONS = '/web/passkeys/sign-in/options';
const SIGN_IN = '/web/passkeys/sign-in';

/**
 * A browser with one passkey that, as in an autofill, answers a request only once the person picks it
 * (or cancels); the page's abort ends the wait as browsers do, with an AbortError.
 */
class AutofillBrowser {
  readonly authenticator = new FakeAuthenticator({ prf: false });
  readonly requests: CredentialRequestOptions[] = [];
  private readonly waiting: { pick: () => void; cancel: () => void }[] = [];

  install({ conditional = true } = {}): void {
    this.authenticator.install();
    vi.stubGlobal('PublicKeyCredential', { isConditionalMediationAvailable: async () => conditional });
    const answer = navigator.credentials.get.bind(navigator.credentials);
    navigator.credentials.get = (options?: CredentialRequestOptions) =>
      new Promise((resolve, reject) => {
        this.requests.push(options!);
        options?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        this.waiting.push({
          pick: () => resolve(answer(options)),
          cancel: () => reject(new DOMException('cancelled', 'NotAllowedError')),
        });
      });
  }

  /** The person picks the passkey offered in the autofill of the latest request. */
  pick(): void {
    this.waiting.at(-1)!.pick();
  }

  /** The person dismisses the verification of the latest request. */
  cancel(): void {
    this.waiting.at(-1)!.cancel();
  }

  /** Whether the latest request is still waiting (not aborted by the page). */
  get waitingForPick(): boolean {
    return this.requests.length > 0 && !this.requests.at(-1)!.signal!.aborted;
  }
}

/** What the login element would do with each report: a record of them, and a hand-off that can fail. */
class RecordingHost implements AutofillHost {
  offering = true;
  readonly signedInWith: PasskeySignIn[] = [];
  readonly failures: unknown[] = [];
  picks = 0;
  handOffFails = false;

  picked(): void {
    this.picks++;
  }

  canOffer(): boolean {
    return this.offering;
  }

  async signedIn(signIn: PasskeySignIn): Promise<void> {
    if (this.handOffFails) throw new Error('storage refused the key');
    this.signedInWith.push(signIn);
  }

  failed(error: unknown): void {
    this.failures.push(error);
  }
}

/** Lets every queued promise callback and the fake server's answers run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
  await vi.advanceTimersByTimeAsync(0);
}

describe('passkey autofill', () => {
  let browser: AutofillBrowser;
  let server: FakeServer;
  let host: RecordingHost;
  let autofill: PasskeyAutofill;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    browser = new AutofillBrowser();
    browser.install();
    server = new FakeServer()
      .on('POST', OPTIONS, { challenge: 'AQID', rpId: 'localhost', prfSalt: toBase64Url(new Uint8Array(32).fill(7)) })
      .on('POST', SIGN_IN, { sessionKey: 'c2s=', next: '/codes?q=git', csrfToken: 'fresh', prf: null });
    server.install();
    host = new RecordingHost();
    autofill = new PasskeyAutofill(host);
    forgetPreparedSignIn();
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('starts one conditional request that waits for a pick, without signing in yet', async () => {
    await autofill.offer();
    await settle();

    expect(autofill.active).toBe(true);
    expect(browser.requests).toHaveLength(1);
    expect(browser.requests[0].mediation).toBe('conditional');
    expect(browser.waitingForPick).toBe(true);
    expect(server.sent('POST', OPTIONS)).toHaveLength(1);
    expect(server.sent('POST', SIGN_IN)).toHaveLength(0);
    expect(host.signedInWith).toEqual([]);
  });

  it('hands a picked passkey’s sign-in to the page and then holds no request', async () => {
    await autofill.offer();
    await settle();
    browser.pick();
    await settle();

    expect(host.signedInWith).toEqual([
      { session: { sessionKey: 'c2s=', next: '/codes?q=git', csrfToken: 'fresh' }, masterKey: undefined },
    ]);
    expect(server.sent('POST', SIGN_IN)[0].body).toMatchObject({ credential: { id: browser.authenticator.id } });
    expect(autofill.active).toBe(false);
    expect(host.failures).toEqual([]);
    expect(host.picks).toBe(1);
    expect(browser.requests).toHaveLength(1);
  });

  it('is withdrawn for a manual sign-in: the request is aborted, nothing is reported and nothing is offered again', async () => {
    await autofill.offer();
    await settle();
    // Long enough that a cancellation by the person would be offered again; an abort never is.
    await vi.advanceTimersByTimeAsync(5_000);

    await autofill.stop();
    expect(browser.requests[0].signal!.aborted).toBe(true);
    expect(autofill.active).toBe(false);
    await vi.advanceTimersByTimeAsync(AUTOFILL_REFRESH_MS * 2);

    expect(host.failures).toEqual([]);
    expect(host.signedInWith).toEqual([]);
    expect(browser.requests).toHaveLength(1);
  });

  it('does not start a second request while one is pending, nor when two starts race', async () => {
    await Promise.all([autofill.offer(), autofill.offer()]);
    await autofill.offer();
    await settle();

    expect(browser.requests).toHaveLength(1);
    expect(server.sent('POST', OPTIONS)).toHaveLength(1);
  });

  it('starts again after a stop, as when the person goes back to the email field', async () => {
    await autofill.offer();
    await settle();
    await autofill.stop();
    await autofill.offer();
    await settle();

    expect(browser.requests).toHaveLength(2);
    expect(browser.requests[0].signal!.aborted).toBe(true);
    expect(browser.waitingForPick).toBe(true);
  });

  it('starts nothing where the browser does not offer passkeys in autofill, or has no WebAuthn at all', async () => {
    browser.install({ conditional: false });
    await autofill.offer();
    vi.stubGlobal('window', undefined);
    await new PasskeyAutofill(host).offer();
    await settle();

    expect(autofill.active).toBe(false);
    expect(browser.requests).toHaveLength(0);
    expect(server.calls).toHaveLength(0);
  });

  it('starts nothing when the page is not at the email step', async () => {
    host.offering = false;
    await autofill.offer();
    await settle();

    expect(autofill.active).toBe(false);
    expect(server.calls).toHaveLength(0);
  });

  it('renews the request before the server forgets its challenge', async () => {
    await autofill.offer();
    await settle();
    await vi.advanceTimersByTimeAsync(AUTOFILL_REFRESH_MS - 1);
    expect(browser.requests).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(1);
    await settle();

    expect(browser.requests).toHaveLength(2);
    expect(browser.requests[0].signal!.aborted).toBe(true);
    expect(browser.waitingForPick).toBe(true);
    expect(server.sent('POST', OPTIONS)).toHaveLength(2);
    expect(host.failures).toEqual([]);
  });

  it('reports a picked passkey the server refuses, and offers the autofill again', async () => {
    server.on('POST', SIGN_IN, () => ({ status: 401, json: { code: 'PASSKEY_UNKNOWN', message: 'Unknown passkey.' } }));
    await autofill.offer();
    await settle();
    browser.pick();
    await settle();

    expect(host.failures).toHaveLength(1);
    expect(host.failures[0]).toBeInstanceOf(HttpError);
    expect(host.signedInWith).toEqual([]);
    expect(browser.requests).toHaveLength(2);
    expect(browser.waitingForPick).toBe(true);
  });

  it('reports a hand-off that fails after the server accepted, and offers the autofill again', async () => {
    host.handOffFails = true;
    await autofill.offer();
    await settle();
    browser.pick();
    await settle();

    expect(host.failures).toEqual([new Error('storage refused the key')]);
    expect(browser.requests).toHaveLength(2);
  });

  it('stays quiet when starting fails, and does not repeat a start that would only fail again', async () => {
    server.on('POST', OPTIONS, () => ({ status: 503, json: { code: 'UNAVAILABLE', message: 'Try later.' } }));
    await autofill.offer();
    await settle();
    await vi.advanceTimersByTimeAsync(AUTOFILL_REFRESH_MS * 2);

    expect(host.failures).toEqual([]);
    expect(autofill.active).toBe(false);
    expect(browser.requests).toHaveLength(0);
    expect(server.sent('POST', OPTIONS)).toHaveLength(1);
  });

  it('offers again after the person cancels a verification, but not after the browser refuses at once', async () => {
    await autofill.offer();
    await settle();
    await vi.advanceTimersByTimeAsync(5_000);
    browser.cancel();
    await settle();

    expect(host.failures).toEqual([]);
    expect(browser.requests).toHaveLength(2);
    expect(browser.waitingForPick).toBe(true);

    browser.cancel();
    await settle();

    expect(browser.requests).toHaveLength(2);
    expect(autofill.active).toBe(false);
    expect(host.failures).toEqual([]);
  });

  it('answers a click with the challenge the withdrawn autofill request left unanswered, fetching none', async () => {
    await autofill.offer();
    await settle();
    await autofill.stop();

    const clicked = signInWithPasskey();
    await settle();
    browser.pick();
    await clicked;

    expect(server.sent('POST', OPTIONS)).toHaveLength(1);
    expect(browser.requests).toHaveLength(2);
    expect(browser.requests[1].mediation).toBeUndefined();
    expect(browser.requests[1].publicKey!.challenge).toEqual(browser.requests[0].publicKey!.challenge);
    expect(server.sent('POST', SIGN_IN)).toHaveLength(1);
  });

  it('starts from a challenge fetched ahead while it is fresh, and fetches a new one after PREPARED_FOR_MS', async () => {
    prepareSignIn();
    prepareSignIn();
    await settle();
    expect(server.sent('POST', OPTIONS)).toHaveLength(1);

    await autofill.offer();
    await settle();
    expect(server.sent('POST', OPTIONS)).toHaveLength(1);
    expect(browser.waitingForPick).toBe(true);

    await vi.advanceTimersByTimeAsync(PREPARED_FOR_MS);
    await autofill.stop();
    await autofill.offer();
    await settle();

    expect(server.sent('POST', OPTIONS)).toHaveLength(2);
    expect(browser.waitingForPick).toBe(true);
  });

  it('uses no challenge twice once the server has seen an answer to it', async () => {
    server.on('POST', SIGN_IN, () => ({ status: 401, json: { code: 'PASSKEY_UNKNOWN', message: 'Unknown passkey.' } }));
    prepareSignIn();
    const clicked = signInWithPasskey();
    await settle();
    browser.pick();
    await expect(clicked).rejects.toBeInstanceOf(HttpError);

    const again = signInWithPasskey();
    await settle();
    browser.pick();
    await expect(again).rejects.toBeInstanceOf(HttpError);

    expect(server.sent('POST', OPTIONS)).toHaveLength(2);
  });
});
