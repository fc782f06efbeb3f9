import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { HttpError } from '../api/http';
import { wipe } from '../crypto/sodium';
import { accountFailure, registrationClosed } from '../account/messages';
import { deriveNewKek } from '../account/new-kek';
import { newAccountKeys, type NewAccountKeys } from '../account/new-keys';
import { recoveryWords } from '../account/recovery-words';
import { createAccount, sendSignUpCode, verifySignUpCode } from '../account/sign-up';
import { holdMasterKey, keepForReload } from '../session/key-cache';
import { accountStyles } from './account-styles';
import { codeField } from './code-prompt';
import { KDF_TICK_MS, kdfProgress } from './kdf-progress';
import { formStyles } from './shared-styles';
import { followSystemTheme } from './theme';
import { languageChoice, languageChoiceStyles } from './language-choice';
import { t } from '../i18n/i18n';

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
  static styles = [formStyles, accountStyles, languageChoiceStyles];

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
        <h1>${t('signup.title')}</h1>
        <p data-testid="signup-closed">${registrationClosed()}</p>
        <a href="login">${t('login.signIn')}</a>
        ${languageChoice()}
      </form>`;
    }
    return html`<form @submit=${this.submit} novalidate>
      <h1>${this.step === 'words' ? t('signup.wordsTitle') : t('signup.title')}</h1>
      ${this.body()}
      <div id="signup-error" class="error" role="alert" data-testid="signup-error">${this.error}</div>
      ${this.step === 'details'
        ? html`<div class="links"><a href="login">${t('signup.haveAccount')}</a></div>
            ${languageChoice()}`
        : nothing}
    </form>`;
  }

  private body() {
    switch (this.step) {
      case 'details':
        return html`<label
            >${t('common.email')}
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
            >${t('signup.password', { count: MIN_PASSWORD })}
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
            >${t('signup.passwordAgain')}
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
          <p>${t('signup.noReset')}</p>
          <button type="submit" data-testid="signup-submit" ?disabled=${this.busy}>${t('signup.submit')}</button>`;
      case 'code':
        return html`<div>${this.email}</div>
          ${codeField('email', 'signup', this.busy)}
          <button type="submit" data-testid="signup-submit" ?disabled=${this.busy}>${t('common.verify')}</button>
          <button type="button" class="link" @click=${this.startOver} ?disabled=${this.busy}>
            ${t('common.useAnotherEmail')}
          </button>
          ${this.makingSince === undefined ? nothing : kdfProgress(t('signup.makingKeysMeanwhile'), this.makingSince, this.now)}`;
      case 'working':
        return kdfProgress(this.working, this.workStartedAt, this.now);
      case 'words':
        return html`<p>${t('signup.wordsIntro')}</p>
          <ol class="words" data-testid="recovery-words" aria-label=${t('signup.wordsLabel')}>
            ${this.words.map((word) => html`<li>${word}</li>`)}
          </ol>
          <button type="button" class="link" data-testid="copy-words" @click=${this.copyWords}>
            ${this.copied ? t('signup.copied') : t('signup.copyWords')}
          </button>
          <label class="check"
            ><input
              type="checkbox"
              data-testid="words-saved"
              .checked=${this.saved}
              @change=${(e: Event) => (this.saved = (e.target as HTMLInputElement).checked)}
            />
            ${t('signup.wordsSaved')}
          </label>
          <button type="submit" data-testid="signup-continue" ?disabled=${!this.saved}>${t('signup.continue')}</button>`;
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
    if (!/^[^\s@]+@[^\s@]+$/.test(email!.trim())) return this.fail(t('signup.enterEmail'));
    if (password!.length < MIN_PASSWORD) return this.fail(t('common.passwordTooShort', { count: MIN_PASSWORD }));
    if (password !== confirm) return this.fail(t('common.passwordsDiffer'));
    this.email = email!.trim();
    this.error = '';
    this.busy = true;
    // The derivation takes seconds: it runs in its worker while the code is emailed and typed.
    void this.forgetKeys();
    const made = deriveNewKek(password!).then(async (newKek) => ({ keys: await newAccountKeys(newKek), kek: newKek.kek }));
    this.madeKeys = made;
    this.makingSince = this.now = performance.now();
    window.clearInterval(this.ticker);
    this.ticker = window.setInterval(() => (this.now = performance.now()), KDF_TICK_MS);
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
    if (code === '') return this.fail(t('common.enterCode'));
    this.error = '';
    this.busy = true;
    let token: string;
    try {
      token = await verifySignUpCode(this.email, code);
    } catch (error) {
      this.busy = false;
      if (error instanceof HttpError && error.status === 401) return this.fail(t('common.codeWrong'));
      // Anything else ends this attempt (an existing account, a closed server): its keys are not needed.
      void this.forgetKeys();
      window.clearInterval(this.ticker);
      this.step = 'details';
      return this.fail(accountFailure(error));
    }
    this.step = 'working';
    try {
      this.working = t('signup.makingKeys');
      this.workStartedAt = this.makingSince;
      const made = await this.madeKeys!;
      this.working = t('signup.creating');
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
      this.error = t('signup.copyRefused');
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
