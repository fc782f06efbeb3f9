import { LitElement, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { wipe } from '../crypto/sodium';
import { accountFailure } from '../account/messages';
import { openWithRecoveryKey, proveEmail, setNewPassword, type Proven } from '../account/recover';
import { recoveryKeyFrom } from '../account/recovery-words';
import { holdMasterKey, keepForReload } from '../session/key-cache';
import type { SignInPhase } from '../session/sign-in';
import { accountStyles } from './account-styles';
import { codeField, CodePrompt, CodeWithdrawn } from './code-prompt';
import { KDF_TICK_MS, kdfProgress } from './kdf-progress';
import { formStyles } from './shared-styles';
import { followSystemTheme } from './theme';
import { languageChoice, languageChoiceStyles } from './language-choice';
import { t } from '../i18n/i18n';

const MIN_PASSWORD = 8;

type Step = 'email' | 'proving' | 'words' | 'password' | 'working';

const PROVING: Partial<Record<SignInPhase, () => string>> = {
  emailing: () => t('common.sendingCode'),
  passkey: () => t('common.confirmWithPasskey'),
  totp: () => t('common.checkingCode'),
};

/**
 * Forgot password: the emailed code (and the account's second factor), then the recovery key's 24 words,
 * which open the keys in this browser, then a new password. Codes and passkeys stay; every other device is
 * signed out. All inputs are plain inputs of this element: neither the words nor the password leave it.
 */
@customElement('keyhole-recover')
export class KeyholeRecover extends LitElement {
  static styles = [formStyles, accountStyles, languageChoiceStyles];

  @state() private step: Step = 'email';
  @state() private email = '';
  @state() private error = '';
  @state() private busy = false;
  @state() private progress = '';
  @state() private startedAt: number | undefined;
  @state() private now = 0;
  @query('input, textarea') private firstInput!: HTMLInputElement | HTMLTextAreaElement;
  private readonly code = new CodePrompt(() => this.requestUpdate());
  private proven: Proven | undefined;
  private masterKey: Uint8Array | undefined;
  private ticker: number | undefined;

  connectedCallback() {
    super.connectedCallback();
    followSystemTheme();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.clearInterval(this.ticker);
    this.code.withdraw();
    this.masterKey?.fill(0);
  }

  render() {
    return html`<form @submit=${this.submit} novalidate>
      <h1>${t('recover.title')}</h1>
      ${this.body()}
      <div id="recover-error" class="error" role="alert" data-testid="recover-error">${this.error}</div>
      <div class="links"><a href="login">${t('recover.backToSignIn')}</a></div>
      ${languageChoice()}
    </form>`;
  }

  private body() {
    if (this.code.kind) {
      return html`<div>${this.email}</div>
        ${codeField(this.code.kind, 'recover')}
        <button type="submit" data-testid="recover-submit">${t('common.verify')}</button>
        <button type="button" class="link" @click=${this.startOver}>${t('common.useAnotherEmail')}</button>`;
    }
    switch (this.step) {
      case 'email':
        return html`<p>${t('recover.intro')}</p>
          <label
            >${t('common.email')}
            <input
              type="email"
              name="email"
              autocomplete="username"
              required
              autofocus
              data-testid="recover-email"
              .value=${this.email}
              aria-describedby="recover-error"
            />
          </label>
          <button type="submit" data-testid="recover-submit">${t('common.next')}</button>`;
      case 'proving':
      case 'working':
        return kdfProgress(this.progress, this.startedAt, this.now);
      case 'words':
        return html`<div>${this.email}</div>
          <label
            >${t('recover.wordsLabel')}
            <textarea
              name="recovery-key"
              rows="4"
              autocomplete="off"
              autocapitalize="none"
              spellcheck="false"
              required
              autofocus
              data-testid="recover-words"
              aria-describedby="recover-error"
            ></textarea>
          </label>
          <button type="submit" data-testid="recover-submit" ?disabled=${this.busy}>${t('common.next')}</button>`;
      case 'password':
        return html`<div>${this.email}</div>
          <p>${t('recover.opened')}</p>
          <input type="email" name="email" autocomplete="username" .value=${this.email} hidden />
          <label
            >${t('recover.newPassword', { count: MIN_PASSWORD })}
            <input
              type="password"
              name="password"
              autocomplete="new-password"
              required
              autofocus
              data-testid="recover-password"
              aria-describedby="recover-error"
            />
          </label>
          <label
            >${t('recover.newPasswordAgain')}
            <input
              type="password"
              name="confirm"
              autocomplete="new-password"
              required
              data-testid="recover-confirm"
              aria-describedby="recover-error"
            />
          </label>
          <button type="submit" data-testid="recover-submit">${t('recover.setPassword')}</button>`;
    }
  }

  private async submit(event: Event) {
    event.preventDefault();
    if (this.code.waiting) {
      const typed = this.firstInput.value.trim();
      if (typed === '') return this.fail(t('common.enterCode'));
      this.error = '';
      this.code.answer(typed);
      return;
    }
    if (this.step === 'email') await this.prove();
    else if (this.step === 'words') await this.openKeys();
    else if (this.step === 'password') await this.setPassword();
  }

  private async prove() {
    const email = this.firstInput.value.trim();
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) return this.fail(t('common.enterAccountEmail'));
    this.email = email;
    this.error = '';
    this.step = 'proving';
    this.show(PROVING.emailing!());
    try {
      const ask = async (kind: 'email' | 'totp', refused: boolean) => {
        if (refused) this.error = t('common.codeWrong');
        return this.code.ask(kind, refused);
      };
      this.proven = await proveEmail(email, ask, (phase) => this.show(PROVING[phase]?.() ?? ''));
      this.step = 'words';
    } catch (error) {
      this.step = 'email';
      this.error = error instanceof CodeWithdrawn ? '' : accountFailure(error);
    }
  }

  private async openKeys() {
    this.error = '';
    this.busy = true;
    try {
      this.masterKey = await openWithRecoveryKey(this.proven!, recoveryKeyFrom(this.firstInput.value));
      this.step = 'password';
    } catch (error) {
      this.fail(accountFailure(error));
    } finally {
      this.busy = false;
    }
  }

  private async setPassword() {
    const password = this.shadowRoot!.querySelector<HTMLInputElement>('[data-testid="recover-password"]')!.value;
    const confirm = this.shadowRoot!.querySelector<HTMLInputElement>('[data-testid="recover-confirm"]')!.value;
    if (password.length < MIN_PASSWORD) return this.fail(t('common.passwordTooShort', { count: MIN_PASSWORD }));
    if (password !== confirm) return this.fail(t('common.passwordsDiffer'));
    this.error = '';
    this.step = 'working';
    this.show(t('recover.deriving'), true);
    this.ticker = window.setInterval(() => (this.now = performance.now()), KDF_TICK_MS);
    const masterKey = this.masterKey!;
    try {
      const session = await setNewPassword(this.proven!, masterKey, password);
      this.masterKey = undefined;
      holdMasterKey(masterKey);
      await keepForReload(masterKey, session.sessionKey);
      this.dispatchEvent(new CustomEvent('keyhole-signed-in', { detail: { next: session.next }, bubbles: true, composed: true }));
    } catch (error) {
      this.step = 'password';
      this.fail(accountFailure(error));
    } finally {
      window.clearInterval(this.ticker);
    }
  }

  private show(label: string, timed = false) {
    this.progress = label;
    this.startedAt = timed ? (this.now = performance.now()) : undefined;
  }

  private startOver() {
    this.code.withdraw();
    this.proven = undefined;
    if (this.masterKey) void wipe(this.masterKey);
    this.masterKey = undefined;
    this.step = 'email';
    this.error = '';
  }

  private fail(message: string) {
    this.error = message;
  }
}
