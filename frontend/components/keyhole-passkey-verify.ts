import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { passSecondFactor } from '../passkey/second-factor';
import { appRedirect, redirectRefusal } from '../passkey/verify-redirect';
import { webAuthnAvailable } from '../passkey/webauthn';
import { signInFailure } from '../session/messages';
import { followSystemTheme } from './theme';
import { t } from '../i18n/i18n';
import { passkeyStyles } from './passkey-styles';
import { formStyles } from './shared-styles';

/**
 * /passkeys/verify?passkeySessionID=…[&redirect=…]: the page an Ente app or the keyhole CLI opens when
 * the account requires a passkey after the password. The passkey is used here, in the browser; the app
 * then fetches its token with the same session id (get-token), or receives it through the redirect: an
 * app's scheme, or a page on one of the server's web-app origins (set by the view from its settings).
 */
@customElement('keyhole-passkey-verify')
export class KeyholePasskeyVerify extends LitElement {
  static styles = [formStyles, passkeyStyles];

  @state() private status: 'ready' | 'waiting' | 'approved' = 'ready';
  @state() private error = '';
  /** The server's keyhole.web-app-origins, comma-separated. */
  @property({ attribute: 'web-app-origins' }) webAppOrigins = '';
  private readonly params = new URLSearchParams(location.search);
  private readonly sessionID = this.params.get('passkeySessionID') ?? '';

  connectedCallback() {
    super.connectedCallback();
    followSystemTheme();
  }

  render() {
    return html`<form @submit=${this.verify} novalidate>
      <h1>${t('passkeyVerify.title')}</h1>
      ${this.content()}
      <div class="error" role="alert" data-testid="passkey-error">${this.error}</div>
    </form>`;
  }

  private content() {
    if (!this.sessionID) return html`<p data-testid="passkey-verify-invalid">${t('passkeyVerify.incomplete')}</p>`;
    const refusal = redirectRefusal(this.params.get('redirect'), this.origins());
    if (refusal) return html`<p data-testid="passkey-verify-refused">${refusal}</p>`;
    if (!webAuthnAvailable()) return html`<p>${t('passkeyVerify.noPasskeys')}</p>`;
    if (this.status === 'approved') {
      return html`<p role="status" data-testid="passkey-verify-done">${t('passkeyVerify.approved')}</p>`;
    }
    return html`<p>${t('passkeyVerify.appAsks')}</p>
      <button type="submit" data-testid="passkey-verify" ?disabled=${this.status === 'waiting'}>
        ${t('passkeyVerify.usePasskey')}
      </button>
      ${this.status === 'waiting' ? html`<p class="meta" role="status">${t('common.waitingForPasskey')}</p>` : nothing}`;
  }

  private origins(): string[] {
    return this.webAppOrigins.split(',').filter((origin) => origin !== '');
  }

  private readonly verify = async (event: Event) => {
    event.preventDefault();
    if (this.status !== 'ready') return;
    this.error = '';
    this.status = 'waiting';
    try {
      const response = await passSecondFactor(this.sessionID);
      this.status = 'approved';
      const redirect = appRedirect(this.params.get('redirect'), this.sessionID, response, this.origins());
      if (redirect) location.href = redirect;
    } catch (error) {
      this.status = 'ready';
      this.error = signInFailure(error);
    }
  };
}
