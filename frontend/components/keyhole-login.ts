import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { PasskeyAutofill } from '../passkey/autofill';
import { prepareSignIn, signInWithPasskey, type PasskeySignIn } from '../passkey/sign-in';
import { webAuthnAvailable } from '../passkey/webauthn';
import { holdMasterKey, keepForReload } from '../session/key-cache';
import { prefetchVault } from '../dashboard/live-vault';
import { stopEntityDecryptor, warmEntityDecryptor } from '../dashboard/entity-decryptor';
import { signInFailure } from '../session/messages';
import { pageSessionLostMessage, takeSessionEndedNotice } from '../session/node-check';
import { lookUpAccount, signIn, type SignInPhase } from '../session/sign-in';
import type { CodeKind } from '../session/second-step';
import { followSystemTheme } from './theme';
import { codeField, CodeWithdrawn } from './code-prompt';
import { KDF_TICK_MS, kdfProgress } from './kdf-progress';
import { passkeyStyles } from './passkey-styles';
import { accountStyles } from './account-styles';
import { formStyles } from './shared-styles';
import { languageChoice, languageChoiceStyles } from './language-choice';
import { t } from '../i18n/i18n';

const PHASES: Record<SignInPhase, () => string> = {
  'looking-up': () => t('login.lookingUp'),
  deriving: () => t('login.deriving'),
  verifying: () => t('login.checkingPassword'),
  emailing: () => t('common.sendingCode'),
  passkey: () => t('common.confirmWithPasskey'),
  totp: () => t('common.checkingCode'),
  opening: () => t('login.opening'),
};

/**
 * Sign-in: email, then password. Both are plain inputs of this element, never Vaadin fields, so neither
 * is ever sent to the server. Or a passkey: the button, or the email field's autofill where the browser
 * offers passkeys there (conditional mediation). On success the element fires `keyhole-signed-in` with
 * the path to show next; the master key stays in this page's memory (and wrapped in sessionStorage for
 * reloads). A passkey without PRF signs in without the key: the dashboard then asks for the password.
 * An account with email verification on, or a TOTP second factor, is asked for that code after the
 * password, in a field of its own (a plain input too: the code goes to the sync API, never to Vaadin).
 */
@customElement('keyhole-login')
export class KeyholeLogin extends LitElement {
  static styles = [formStyles, passkeyStyles, accountStyles, languageChoiceStyles];

  /** Set by the view from the server's registration setting: whether to offer sign-up. */
  @property({ type: Boolean }) registrationOpen = false;
  @state() private step: 'email' | 'password' = 'email';
  @state() private email = '';
  @state() private phase: SignInPhase | undefined;
  @state() private phaseStartedAt: number | undefined;
  @state() private now = 0;
  @state() private error = takeSessionEndedNotice();
  @state() private waitingForPasskey = false;
  /** Set while the sign-in waits for a code the person types. */
  @state() private codeKind: CodeKind | undefined;
  private pendingCode: { resolve: (code: string) => void; reject: (error: Error) => void } | undefined;
  @query('input') private input!: HTMLInputElement;
  private lookedUp: ReturnType<typeof lookUpAccount> | undefined;
  private ticker: number | undefined;
  private readonly passkeys = webAuthnAvailable();
  /** The pending autofill request, if any; withdrawn before any other ceremony may start. */
  private readonly autofill = new PasskeyAutofill({
    canOffer: () => this.step === 'email' && this.isConnected,
    picked: () => warmEntityDecryptor(),
    signedIn: async (signIn) => {
      this.waitingForPasskey = true;
      try {
        await this.signedInWithPasskey(signIn);
      } catch (error) {
        this.waitingForPasskey = false;
        throw error;
      }
    },
    failed: (error) => {
      stopEntityDecryptor();
      this.error = signInFailure(error);
    },
  });

  connectedCallback() {
    super.connectedCallback();
    followSystemTheme();
    if (this.passkeys) prepareSignIn();
    void this.autofill.offer();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.clearInterval(this.ticker);
    void this.autofill.stop();
  }

  render() {
    const busy = (this.phase !== undefined && this.codeKind === undefined) || this.waitingForPasskey;
    return html`<form @submit=${this.submit} novalidate>
      <h1>${t('common.appName')}</h1>
      ${this.step === 'email'
        ? html`<label
            >${t('common.email')}
            <input
              type="email"
              name="email"
              autocomplete=${this.passkeys ? 'username webauthn' : 'username'}
              required
              autofocus
              .value=${this.email}
              data-testid="login-email"
              aria-describedby="login-error"
            />
          </label>`
        : html`<div>
              ${this.email}
              <button type="button" class="link" @click=${this.back} ?disabled=${busy}>${t('common.useAnotherEmail')}</button>
            </div>
            ${this.codeKind ? codeField(this.codeKind, 'login') : this.passwordField(busy)}`}
      <button type="submit" data-testid="login-submit" ?disabled=${busy}>
        ${this.step === 'email' ? t('common.next') : this.codeKind ? t('common.verify') : t('login.signIn')}
      </button>
      ${this.step === 'email' && this.passkeys
        ? html`<button
            type="button"
            class="secondary"
            data-testid="passkey-login"
            @click=${this.signInWithPasskey}
            ?disabled=${busy}
          >
            ${t('login.withPasskey')}
          </button>`
        : nothing}
      ${this.phase !== undefined && this.codeKind === undefined
        ? kdfProgress(PHASES[this.phase](), this.phase === 'deriving' ? this.phaseStartedAt : undefined, this.now)
        : nothing}
      ${this.waitingForPasskey ? kdfProgress(t('common.waitingForPasskey'), undefined, 0) : nothing}
      <div id="login-error" class="error" role="alert" data-testid="login-error">${this.error}</div>
      <div class="links">
        <a href="recover" data-testid="forgot-password">${t('login.forgotPassword')}</a>
        ${this.registrationOpen ? html`<a href="signup" data-testid="signup-link">${t('login.createAccount')}</a>` : nothing}
      </div>
      ${languageChoice()}
    </form>`;
  }

  private passwordField(busy: boolean) {
    return html`<label
      >${t('login.password')}
      <input
        type="password"
        name="password"
        autocomplete="current-password"
        required
        autofocus
        data-testid="login-password"
        aria-describedby="login-error"
        ?disabled=${busy}
      />
    </label>`;
  }

  /** Given to the sign-in: shows the code field and resolves with what the person submits there. */
  private readonly askForCode = (kind: CodeKind, refused: boolean) =>
    new Promise<string>((resolve, reject) => {
      this.error = refused ? t('common.codeWrong') : '';
      this.codeKind = kind;
      this.pendingCode = { resolve, reject };
      void this.updateComplete.then(() => this.input?.focus());
    });

  protected updated() {
    if (this.phase === undefined && !this.waitingForPasskey && this.shadowRoot?.activeElement === null) this.input?.focus();
  }

  private back() {
    this.pendingCode?.reject(new CodeWithdrawn('back to the email'));
    this.pendingCode = undefined;
    this.codeKind = undefined;
    this.lookedUp = undefined;
    this.step = 'email';
    this.error = '';
    void this.autofill.offer();
  }

  /** The one-click way in: no email, no password. */
  private readonly signInWithPasskey = async () => {
    if (this.phase !== undefined || this.waitingForPasskey) return;
    performance.clearMarks('keyhole:passkey');
    performance.mark('keyhole:passkey');
    this.error = '';
    this.waitingForPasskey = true;
    try {
      // Only one WebAuthn request may be pending: the autofill one has to be gone first.
      await this.autofill.stop();
      void import('./keyhole-codes').catch(() => undefined);
      // Ready to decrypt the vault by the time the passkey has opened the key (see session/sign-in.ts).
      warmEntityDecryptor();
      await this.signedInWithPasskey(await signInWithPasskey());
    } catch (error) {
      stopEntityDecryptor();
      this.error = signInFailure(error);
      void this.autofill.offer();
    } finally {
      this.waitingForPasskey = false;
    }
  };

  private async signedInWithPasskey({ session, masterKey }: PasskeySignIn) {
    // With the key, the vault is decrypted while the page navigates, as after a password.
    prefetchVault(masterKey);
    if (masterKey) {
      holdMasterKey(masterKey);
      await keepForReload(masterKey, session.sessionKey);
    }
    performance.mark('keyhole:signed-in');
    this.dispatchEvent(new CustomEvent('keyhole-signed-in', { detail: { next: session.next }, bubbles: true, composed: true }));
  }

  private async submit(event: Event) {
    event.preventDefault();
    if (this.pendingCode) {
      const code = this.input.value.trim();
      if (code === '') {
        this.error = t('common.enterCode');
        return;
      }
      const { resolve } = this.pendingCode;
      this.pendingCode = undefined;
      this.codeKind = undefined;
      this.error = '';
      resolve(code);
      return;
    }
    if (this.phase !== undefined) return;
    const value = this.input.value;
    if (this.step === 'email') {
      if (!/^[^\s@]+@[^\s@]+$/.test(value.trim())) {
        this.error = t('common.enterAccountEmail');
        return;
      }
      this.email = value.trim();
      this.error = '';
      this.step = 'password';
      void this.autofill.stop();
      this.lookedUp = lookUpAccount(this.email);
      this.lookedUp.catch(() => undefined);
      return;
    }
    if (value === '') {
      this.error = t('login.enterPassword');
      return;
    }
    this.input.value = '';
    await this.signIn(value);
  }

  private async signIn(password: string) {
    this.error = '';
    // The second factor, if the account asks for one, is a WebAuthn request of its own.
    await this.autofill.stop();
    performance.clearMarks('keyhole:submit');
    performance.mark('keyhole:submit');
    this.ticker = window.setInterval(() => (this.now = performance.now()), KDF_TICK_MS);
    // The dashboard comes next: have its module ready by the time the key is.
    void import('./keyhole-codes').catch(() => undefined);
    try {
      const { masterKey, session } = await signIn(
        this.email,
        password,
        (phase) => {
          this.phase = phase;
          this.phaseStartedAt = this.now = performance.now();
          performance.mark(`keyhole:phase:${phase}`);
        },
        this.lookedUp,
        this.askForCode,
      );
      performance.mark('keyhole:phase:session');
      holdMasterKey(masterKey);
      await keepForReload(masterKey, session.sessionKey);
      performance.mark('keyhole:signed-in');
      this.dispatchEvent(new CustomEvent('keyhole-signed-in', { detail: { next: session.next }, bubbles: true, composed: true }));
    } catch (error) {
      this.error = error instanceof CodeWithdrawn ? '' : (pageSessionLostMessage(error) ?? signInFailure(error));
    } finally {
      window.clearInterval(this.ticker);
      this.phase = undefined;
      this.codeKind = undefined;
      this.pendingCode = undefined;
    }
  }
}
