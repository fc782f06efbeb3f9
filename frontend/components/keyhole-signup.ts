import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { HttpError } from '../api/http';
import { wipe } from '../crypto/sodium';
import { accountFailure, REGISTRATION_CLOSED } from '../account/messages';
import { deriveNewKek } from '../account/new-kek';
import { newAccountKeys, type NewAccountKeys } from '../account/new-keys';
import { recoveryWords } from '../account/recovery-words';
import { createAccount, sendSignUpCode, verifySignUpCode } from '../account/sign-up';
import { holdMasterKey, keepForReload } from '../session/key-cache';
import { accountStyles } from './account-styles';
import { codeField } from './code-prompt';
import { kdfProgress } from './kdf-progress';
import { formStyles } from './shared-styles';
import { followSystemTheme } from './theme';

const MIN_PASSWORD = 8;

type Step = 'details' | 'code' | 'working' | 'words';

interface MadeKeys {
  keys: NewAccountKeys;
  kek: Uint8Array;
}

/**
 * Sign-up, Ente's way: email and password, then the emailed code. The keys are made in this browser while
 * the email travels (the key derivation takes seconds); then the recovery key is shown once, as the 24
 * words Ente's apps read, and "I have saved them" opens the codes. Every input is a plain input of this
 * element, never a Vaadin field: the password and the words never reach the server. When the server's
 * registration is closed (`registrationOpen` false, set by the view) the page says so and offers sign-in.
 */
@customElement('keyhole-signup')
export class KeyholeSignup extends LitElement {
  static styles = [formStyles, accountStyles];

  @property({ type: Boolean }) registrationOpen = true;
  @state() private step: Step = 'details';
  @state() private email = '';
  @state() private error = '';
  @state() private busy = false;
  @state() private working = '';
  @state() private workStartedAt: number | undefined;
  @state() private now = 0;
  @state() private words: string[] = [];
  @state() private saved = false;
  @state() private copied = false;
  /** Set while the keys are being made (from the first step on), for the progress line. */
  @state() private makingSince: number | undefined;
  @query('input') private firstInput!: HTMLInputElement;
  private madeKeys: Promise<MadeKeys> | undefined;
  private next = '/codes';
  private ticker: number | undefined;

  connectedCallback() {
    super.connectedCallback();
    followSystemTheme();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.clearInterval(this.ticker);
    void this.forgetKeys();
  }

  render() {
    if (!this.registrationOpen) {
      return html`<form>
        <h1>Create an account</h1>
        <p data-testid="signup-closed">${REGISTRATION_CLOSED}</p>
        <a href="login">Sign in</a>
      </form>`;
    }
    return html`<form @submit=${this.submit} novalidate>
      <h1>${this.step === 'words' ? 'Your recovery key' : 'Create an account'}</h1>
      ${this.body()}
      <div id="signup-error" class="error" role="alert" data-testid="signup-error">${this.error}</div>
      ${this.step === 'details' ? html`<div class="links"><a href="login">I have an account: sign in</a></div>` : nothing}
    </form>`;
  }

  private body() {
    switch (this.step) {
      case 'details':
        return html`<label
            >Email
            <input
              type="email"
              name="email"
              autocomplete="username"
              required
              autofocus
              data-testid="signup-email"
              .value=${this.email}
              aria-describedby="signup-error"
              ?disabled=${this.busy}
            />
          </label>
          <label
            >Password (at least ${MIN_PASSWORD} characters)
            <input
              type="password"
              name="password"
              autocomplete="new-password"
              required
              data-testid="signup-password"
              aria-describedby="signup-error"
              ?disabled=${this.busy}
            />
          </label>
          <label
            >Password again
            <input
              type="password"
              name="confirm"
              autocomplete="new-password"
              required
              data-testid="signup-confirm"
              aria-describedby="signup-error"
              ?disabled=${this.busy}
            />
          </label>
          <p>Keyhole cannot reset a forgotten password: only the recovery key you get next can.</p>
          <button type="submit" data-testid="signup-submit" ?disabled=${this.busy}>Create account</button>`;
      case 'code':
        return html`<div>${this.email}</div>
          ${codeField('email', 'signup', this.busy)}
          <button type="submit" data-testid="signup-submit" ?disabled=${this.busy}>Verify</button>
          <button type="button" class="link" @click=${this.startOver} ?disabled=${this.busy}>Use another email</button>
          ${this.makingSince === undefined
            ? nothing
            : kdfProgress('Making your keys in this browser meanwhile…', this.makingSince, this.now)}`;
      case 'working':
        return kdfProgress(this.working, this.workStartedAt, this.now);
      case 'words':
        return html`<p>
            These 24 words are the only way back into your account if you forget your password. Write them down in this order and
            keep them somewhere safe. They are shown only this once.
          </p>
          <ol class="words" data-testid="recovery-words" aria-label="Recovery key, 24 words">
            ${this.words.map((word) => html`<li>${word}</li>`)}
          </ol>
          <button type="button" class="link" data-testid="copy-words" @click=${this.copyWords}>
            ${this.copied ? 'Copied' : 'Copy the words'}
          </button>
          <label class="check"
            ><input
              type="checkbox"
              data-testid="words-saved"
              .checked=${this.saved}
              @change=${(e: Event) => (this.saved = (e.target as HTMLInputElement).checked)}
            />
            I have saved these 24 words somewhere safe
          </label>
          <button type="submit" data-testid="signup-continue" ?disabled=${!this.saved}>Continue to my codes</button>`;
    }
  }

  private async submit(event: Event) {
    event.preventDefault();
    if (this.busy) return;
    if (this.step === 'details') await this.sendCode();
    else if (this.step === 'code') await this.verify();
    else if (this.step === 'words' && this.saved) this.finish();
  }

  private async sendCode() {
    const inputs = this.shadowRoot!.querySelectorAll('input');
    const [email, password, confirm] = [...inputs].map((input) => input.value);
    if (!/^[^\s@]+@[^\s@]+$/.test(email!.trim())) return this.fail('Enter your email address.');
    if (password!.length < MIN_PASSWORD) return this.fail(`Choose a password of at least ${MIN_PASSWORD} characters.`);
    if (password !== confirm) return this.fail('The two passwords are not the same.');
    this.email = email!.trim();
    this.error = '';
    this.busy = true;
    // The derivation takes seconds: it runs in its worker while the code is emailed and typed.
    void this.forgetKeys();
    const made = deriveNewKek(password!).then(async (newKek) => ({ keys: await newAccountKeys(newKek), kek: newKek.kek }));
    this.madeKeys = made;
    this.makingSince = this.now = performance.now();
    window.clearInterval(this.ticker);
    this.ticker = window.setInterval(() => (this.now = performance.now()), 100);
    void made
      .finally(() => {
        if (this.madeKeys === made || this.madeKeys === undefined) this.makingSince = undefined;
      })
      .catch(() => undefined);
    try {
      await sendSignUpCode(this.email);
      this.step = 'code';
    } catch (error) {
      void this.forgetKeys();
      window.clearInterval(this.ticker);
      this.fail(accountFailure(error));
    } finally {
      this.busy = false;
    }
  }

  private async verify() {
    const code = this.firstInput.value.trim();
    if (code === '') return this.fail('Enter the code.');
    this.error = '';
    this.busy = true;
    let token: string;
    try {
      token = await verifySignUpCode(this.email, code);
    } catch (error) {
      this.busy = false;
      if (error instanceof HttpError && error.status === 401) return this.fail('That code is not right. Try again.');
      // Anything else ends this attempt (an existing account, a closed server): its keys are not needed.
      void this.forgetKeys();
      window.clearInterval(this.ticker);
      this.step = 'details';
      return this.fail(accountFailure(error));
    }
    this.step = 'working';
    try {
      this.working = 'Making your keys in this browser…';
      this.workStartedAt = this.makingSince;
      const made = await this.madeKeys!;
      this.working = 'Creating your account…';
      this.workStartedAt = undefined;
      const session = await createAccount(token, made.keys, made.kek);
      holdMasterKey(made.keys.masterKey);
      await keepForReload(made.keys.masterKey, session.sessionKey);
      this.next = session.next;
      this.words = recoveryWords(made.keys.recoveryKey);
      await wipe(made.keys.recoveryKey);
      await wipe(made.kek);
      this.madeKeys = undefined;
      this.step = 'words';
    } catch (error) {
      this.step = 'details';
      void this.forgetKeys();
      this.fail(accountFailure(error));
    } finally {
      window.clearInterval(this.ticker);
      this.busy = false;
    }
  }

  private readonly copyWords = async () => {
    try {
      await navigator.clipboard.writeText(this.words.join(' '));
      this.copied = true;
    } catch {
      this.error = 'This browser did not allow copying. Write the words down instead.';
    }
  };

  private finish() {
    this.words = [];
    this.dispatchEvent(new CustomEvent('keyhole-signed-in', { detail: { next: this.next }, bubbles: true, composed: true }));
  }

  private startOver() {
    void this.forgetKeys();
    this.step = 'details';
    this.error = '';
  }

  private fail(message: string) {
    this.error = message;
  }

  /** Keys made for an attempt that will not finish: wiped, never sent. */
  private async forgetKeys() {
    const pending = this.madeKeys;
    this.madeKeys = undefined;
    const made = await pending?.catch(() => undefined);
    if (made) {
      await Promise.all([wipe(made.kek), wipe(made.keys.masterKey), wipe(made.keys.recoveryKey)]);
    }
  }
}
