// Passkeys in the email field's autofill (WebAuthn conditional mediation): one pending request at a
// time, withdrawn before any other ceremony, renewed before the server's challenge expires, and offered
// again only when offering again can help.
import { signInWithPasskey, type PasskeySignIn } from './sign-in';
import { conditionalMediationAvailable, PasskeyCancelled } from './webauthn';

// The server forgets a sign-in challenge after 5 minutes; an autofill request waits longer than that.
export const AUTOFILL_REFRESH_MS = 4 * 60_000;

// A cancellation sooner than this after the start is the browser refusing the request, not a person.
const PERSON_CANCELLED_AFTER_MS = 1000;

export interface AutofillHost {
  /** Whether a request may be pending now (the email field is shown, the page is there). */
  canOffer(): boolean;
  /** A passkey was picked and used; the server has yet to judge it (time to get ready for the vault). */
  picked?(): void;
  /** The server accepted a passkey picked in the autofill; a rejection counts as a failed pick. */
  signedIn(signIn: PasskeySignIn): Promise<void>;
  /** A passkey was picked but signing in with it failed. */
  failed(error: unknown): void;
}

interface Pending {
  controller: AbortController;
  settled: Promise<void>;
  refresh: ReturnType<typeof setTimeout>;
}

export class PasskeyAutofill {
  private pending: Pending | undefined;

  constructor(private readonly host: AutofillHost) {}

  /** Whether an autofill request is waiting for a pick. */
  get active(): boolean {
    return this.pending !== undefined;
  }

  /** Starts a request where the browser supports it and none is pending. */
  async offer(): Promise<void> {
    if (this.pending || !this.host.canOffer() || !(await conditionalMediationAvailable())) return;
    if (this.pending || !this.host.canOffer()) return;
    const controller = new AbortController();
    const startedAt = performance.now();
    let picked = false;
    const settled = signInWithPasskey({
      mediation: 'conditional',
      signal: controller.signal,
      onAsserted: () => {
        picked = true;
        this.host.picked?.();
      },
    })
      .then((signIn) => this.host.signedIn(signIn))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        this.forget(controller);
        if (picked) this.host.failed(error);
        // Offered again after a pick that failed or a cancelled verification; not after a failure at
        // the start (server down, no such endpoint), which would only repeat itself.
        if (picked || (error instanceof PasskeyCancelled && performance.now() - startedAt > PERSON_CANCELLED_AFTER_MS)) {
          void this.offer();
        }
      })
      .finally(() => this.forget(controller));
    const refresh = setTimeout(async () => {
      await this.stop();
      void this.offer();
    }, AUTOFILL_REFRESH_MS);
    this.pending = { controller, settled, refresh };
  }

  /** Withdraws the pending request, if any; resolves once the browser has let go of it. */
  async stop(): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    this.forget(pending.controller);
    pending.controller.abort();
    await pending.settled.catch(() => undefined);
  }

  private forget(controller: AbortController) {
    if (this.pending?.controller !== controller) return;
    clearTimeout(this.pending.refresh);
    this.pending = undefined;
  }
}
