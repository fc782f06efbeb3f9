import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { HttpError } from '../api/http';
import { changePassword, type ChangePhase } from '../account/change-password';
import { accountFailure } from '../account/messages';
import { WrongPassword } from '../session/unlock';
import { accountStyles } from './account-styles';
import { codeField, CodePrompt, CodeWithdrawn } from './code-prompt';
import { KDF_TICK_MS, kdfProgress } from './kdf-progress';
import { formStyles } from './shared-styles';
import { followSystemTheme } from './theme';
import { t } from '../i18n/i18n';

const MIN_PASSWORD = 8;

/** Read at each render, so that the words follow the language. */
const PHASES: Record<ChangePhase, () => string> = {
  'looking-up': () => t('change-password.phaseLookingUp'),
  deriving: () => t('change-password.phaseDeriving'),
  verifying: () => t('change-password.phaseVerifying'),
  emailing: () => t('change-password.phaseEmailing'),
  passkey: () => t('change-password.phasePasskey'),
  totp: () => t('change-password.phaseTotp'),
  opening: () => t('change-password.phaseOpening'),
  replacing: () => t('change-password.phaseReplacing'),
};

/**
 * Change password, signed in. The current password is proven afresh (a full sign-in, with the account's
 * second factor), then the new one wraps the same master key: codes, passkeys and the recovery key stay,
 * every other device is signed out, this browser stays signed in. `email` is set by the view.
 */
@customElement('keyhole-change-password')
export class KeyholeChangePassword extends LitElement {
  static styles = [formStyles, accountStyles];

  @property() email = '';
  @state() private error = '';
  @state() private done = false;
  @state() private phase: ChangePhase | undefined;
  @state() private startedAt: number | undefined;
  @state() private now = 0;
  private readonly code = new CodePrompt(() => this.requestUpdate());
  private ticker: number | undefined;

  connectedCallback() {
    super.connectedCallback();
    followSystemTheme();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.clearInterval(this.ticker);
    this.code.withdraw();
  }

  render() {
    const busy = this.phase !== undefined && !this.code.kind;
    return html`<form @submit=${this.submit} novalidate>
      <h1>${t('change-password.title')}</h1>
      <input type="email" name="email" autocomplete="username" .value=${this.email} hidden />
      ${this.code.kind
        ? html`${codeField(this.code.kind, 'change')}
            <button type="submit" data-testid="change-submit">${t('change-password.verify')}</button>`
        : html`<label
              >${t('change-password.current')}
              <input
                type="password"
                name="current"
                autocomplete="current-password"
                required
                autofocus
                data-testid="change-current"
                aria-describedby="change-error"
                ?disabled=${busy}
              />
            </label>
            <label
              >${t('change-password.new', { min: MIN_PASSWORD })}
              <input
                type="password"
                name="password"
                autocomplete="new-password"
                required
                data-testid="change-new"
                aria-describedby="change-error"
                ?disabled=${busy}
              />
            </label>
            <label
              >${t('change-password.confirm')}
              <input
                type="password"
                name="confirm"
                autocomplete="new-password"
                required
                data-testid="change-confirm"
                aria-describedby="change-error"
                ?disabled=${busy}
              />
            </label>
            <p>${t('change-password.keeps')}</p>
            <button type="submit" data-testid="change-submit" ?disabled=${busy}>${t('change-password.submit')}</button>`}
      ${busy ? kdfProgress(PHASES[this.phase!](), this.startedAt, this.now) : nothing}
      <div role="status" class=${this.done ? 'done' : ''} data-testid="change-done">
        ${this.done ? t('change-password.done') : ''}
      </div>
      <div id="change-error" class="error" role="alert" data-testid="change-error">${this.error}</div>
      <div class="links">
        <a href="settings">${t('change-password.backToSettings')}</a><a href="codes">${t('change-password.backToCodes')}</a>
      </div>
    </form>`;
  }

  private async submit(event: Event) {
    event.preventDefault();
    const value = (testId: string) => this.shadowRoot!.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`)?.value ?? '';
    if (this.code.waiting) {
      const typed = value('change-code').trim();
      if (typed === '') return void (this.error = t('change-password.enterCode'));
      this.error = '';
      this.code.answer(typed);
      return;
    }
    if (this.phase !== undefined) return;
    const current = value('change-current');
    const password = value('change-new');
    if (current === '') return void (this.error = t('change-password.enterCurrent'));
    if (password.length < MIN_PASSWORD) return void (this.error = t('change-password.tooShort', { min: MIN_PASSWORD }));
    if (password !== value('change-confirm')) return void (this.error = t('change-password.notSame'));
    if (password === current) return void (this.error = t('change-password.unchanged'));
    this.error = '';
    this.done = false;
    this.ticker = window.setInterval(() => (this.now = performance.now()), KDF_TICK_MS);
    try {
      await changePassword(
        this.email,
        current,
        password,
        (phase) => {
          this.phase = phase;
          this.startedAt = this.now = performance.now();
        },
        (kind, refused) => {
          if (refused) this.error = t('change-password.codeRefused');
          return this.code.ask(kind, refused);
        },
      );
      this.shadowRoot!.querySelector('form')!.reset();
      this.done = true;
    } catch (error) {
      this.error = this.failure(error);
    } finally {
      window.clearInterval(this.ticker);
      this.phase = undefined;
    }
  }

  private failure(error: unknown): string {
    if (error instanceof CodeWithdrawn) return '';
    if (error instanceof WrongPassword) return t('change-password.wrongCurrent');
    // Before any code, a 401 is SRP refusing the current password.
    if (error instanceof HttpError && error.status === 401 && this.phase === 'verifying')
      return t('change-password.wrongCurrent');
    return accountFailure(error);
  }
}
