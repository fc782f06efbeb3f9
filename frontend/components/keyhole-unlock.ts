import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { unlockWithPasskey } from '../passkey/unlock';
import { webAuthnAvailable } from '../passkey/webauthn';
import type { KeyAttributes } from '../vault/types';
import { holdMasterKey, keepForReload } from '../session/key-cache';
import { passkeyUnlockFailure, unlockFailure } from '../session/messages';
import { fetchSessionKey } from '../api/session-api';
import { unlockWithPassword } from '../session/unlock';
import { KDF_TICK_MS, kdfProgress } from './kdf-progress';
import { passkeyStyles } from './passkey-styles';
import { formStyles } from './shared-styles';
import { t } from '../i18n/i18n';

/**
 * Asks for the password again while the web session is still valid: a new tab, a bookmark, or after the
 * auto-lock. The password opens the master key locally from the account's key attributes (no SRP); a
 * passkey with PRF opens the copy of the master key wrapped for it. The key is then held for this page
 * and wrapped for reloads of this tab. Fires `unlocked` (not composed).
 */
@customElement('keyhole-unlock')
export class KeyholeUnlock extends LitElement {
  static styles = [formStyles, passkeyStyles];

  @property({ attribute: false }) keyAttributes: KeyAttributes | undefined;
  @property() reason = '';
  @state() private startedAt: number | undefined;
  @state() private now = 0;
  @state() private error = '';
  @state() private waitingForPasskey = false;
  @query('input') private input!: HTMLInputElement;
  private readonly passkeys = webAuthnAvailable();

  render() {
    const busy = this.startedAt !== undefined || this.waitingForPasskey;
    return html`<form @submit=${this.submit} novalidate>
      <h1>${t('unlock.title')}</h1>
      <p>${this.reason || t('unlock.intro')}</p>
      <label
        >${t('unlock.password')}
        <input
          type="password"
          autocomplete="current-password"
          autofocus
          data-testid="unlock-password"
          aria-describedby="unlock-error"
          ?disabled=${busy}
        />
      </label>
      <button type="submit" data-testid="unlock-submit" ?disabled=${busy || !this.keyAttributes}>${t('unlock.submit')}</button>
      ${this.passkeys
        ? html`<button
            type="button"
            class="secondary"
            data-testid="passkey-unlock"
            @click=${this.unlockWithPasskey}
            ?disabled=${busy}
          >
            ${t('unlock.passkey')}
          </button>`
        : nothing}
      ${this.startedAt !== undefined ? kdfProgress(t('unlock.deriving'), this.startedAt, this.now) : nothing}
      ${this.waitingForPasskey ? kdfProgress(t('unlock.waitingForPasskey'), undefined, 0) : nothing}
      <div id="unlock-error" class="error" role="alert" data-testid="unlock-error">${this.error}</div>
      <button type="button" class="link" data-testid="logout" @click=${this.logOut} ?disabled=${busy}>
        ${t('unlock.signOut')}
      </button>
    </form>`;
  }

  /** Only a passkey registered with PRF (marked "unlocks vault" in the settings) can do this. */
  private readonly unlockWithPasskey = async () => {
    if (this.waitingForPasskey || this.startedAt !== undefined) return;
    this.error = '';
    this.waitingForPasskey = true;
    try {
      const masterKey = await unlockWithPasskey();
      holdMasterKey(masterKey);
      await keepForReload(masterKey, await fetchSessionKey());
      this.dispatchEvent(new CustomEvent('unlocked'));
    } catch (error) {
      this.error = passkeyUnlockFailure(error);
    } finally {
      this.waitingForPasskey = false;
    }
  };

  private logOut() {
    this.dispatchEvent(new CustomEvent('logout-requested'));
  }

  private async submit(event: Event) {
    event.preventDefault();
    const password = this.input.value;
    if (busyOrEmpty(this.startedAt, password) || !this.keyAttributes) {
      if (password === '') this.error = t('unlock.enterPassword');
      return;
    }
    this.input.value = '';
    this.error = '';
    this.startedAt = this.now = performance.now();
    const ticker = window.setInterval(() => (this.now = performance.now()), KDF_TICK_MS);
    try {
      const masterKey = await unlockWithPassword(password, this.keyAttributes);
      holdMasterKey(masterKey);
      await keepForReload(masterKey, await fetchSessionKey());
      this.dispatchEvent(new CustomEvent('unlocked'));
    } catch (error) {
      this.error = unlockFailure(error);
      this.updateComplete.then(() => this.input.focus());
    } finally {
      window.clearInterval(ticker);
      this.startedAt = undefined;
    }
  }
}

function busyOrEmpty(startedAt: number | undefined, password: string): boolean {
  return startedAt !== undefined || password === '';
}
