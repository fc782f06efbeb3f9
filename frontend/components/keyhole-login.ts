import { LitElement, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { holdMasterKey, keepForReload } from '../viewer/key-cache';
import { signInFailure } from '../viewer/messages';
import { lookUpAccount, signIn, type SignInPhase } from '../viewer/sign-in';
import { followSystemTheme } from '../viewer/theme';
import { kdfProgress } from './kdf-progress';
import { formStyles } from './shared-styles';

const PHASES: Record<SignInPhase, string> = {
  'looking-up': 'Looking up your account…',
  deriving: 'Deriving your key in this browser…',
  verifying: 'Checking your password…',
  opening: 'Opening your vault…',
};

/**
 * Sign-in: email, then password. Both are plain inputs of this element, never Vaadin fields, so neither
 * is ever sent to the server. On success the element fires `keyhole-signed-in` with the path to show
 * next; the master key stays in this page's memory (and wrapped in sessionStorage for reloads).
 */
@customElement('keyhole-login')
export class KeyholeLogin extends LitElement {
  static styles = formStyles;

  @state() private step: 'email' | 'password' = 'email';
  @state() private email = '';
  @state() private phase: SignInPhase | undefined;
  @state() private phaseStartedAt: number | undefined;
  @state() private now = 0;
  @state() private error = '';
  @query('input') private input!: HTMLInputElement;
  private lookedUp: ReturnType<typeof lookUpAccount> | undefined;
  private ticker: number | undefined;

  connectedCallback() {
    super.connectedCallback();
    followSystemTheme();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.clearInterval(this.ticker);
  }

  render() {
    const busy = this.phase !== undefined;
    return html`<form @submit=${this.submit} novalidate>
      <h1>Keyhole</h1>
      ${this.step === 'email'
        ? html`<label
            >Email
            <input type="email" name="email" autocomplete="username" required autofocus .value=${this.email}
              data-testid="login-email" aria-describedby="login-error" />
          </label>`
        : html`<div>${this.email} <button type="button" class="link" @click=${this.back} ?disabled=${busy}>Use another email</button></div>
            <label
              >Password
              <input type="password" name="password" autocomplete="current-password" required autofocus
                data-testid="login-password" aria-describedby="login-error" ?disabled=${busy} />
            </label>`}
      <button type="submit" data-testid="login-submit" ?disabled=${busy}>${this.step === 'email' ? 'Next' : 'Sign in'}</button>
      ${busy ? kdfProgress(PHASES[this.phase!], this.phase === 'deriving' ? this.phaseStartedAt : undefined, this.now) : nothing}
      <div id="login-error" class="error" role="alert" data-testid="login-error">${this.error}</div>
    </form>`;
  }

  protected updated() {
    if (this.phase === undefined && this.shadowRoot?.activeElement === null) this.input?.focus();
  }

  private back() {
    this.lookedUp = undefined;
    this.step = 'email';
    this.error = '';
  }

  private async submit(event: Event) {
    event.preventDefault();
    if (this.phase !== undefined) return;
    const value = this.input.value;
    if (this.step === 'email') {
      if (!/^[^\s@]+@[^\s@]+$/.test(value.trim())) {
        this.error = 'Enter the email address of your account.';
        return;
      }
      this.email = value.trim();
      this.error = '';
      this.step = 'password';
      this.lookedUp = lookUpAccount(this.email);
      this.lookedUp.catch(() => undefined);
      return;
    }
    if (value === '') {
      this.error = 'Enter your password.';
      return;
    }
    this.input.value = '';
    await this.signIn(value);
  }

  private async signIn(password: string) {
    this.error = '';
    performance.clearMarks('keyhole:submit');
    performance.mark('keyhole:submit');
    this.ticker = window.setInterval(() => (this.now = performance.now()), 100);
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
      );
      performance.mark('keyhole:phase:session');
      holdMasterKey(masterKey);
      await keepForReload(masterKey, session.sessionKey);
      performance.mark('keyhole:signed-in');
      this.dispatchEvent(new CustomEvent('keyhole-signed-in', { detail: { next: session.next }, bubbles: true, composed: true }));
    } catch (error) {
      this.error = signInFailure(error);
    } finally {
      window.clearInterval(this.ticker);
      this.phase = undefined;
    }
  }
}
