import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { HttpError } from '../api/http';
import { endSession, listSessions, type AccountSession } from '../api/sessions-api';
import { passkeyTime } from '../passkey/labels';
import { passkeyStyles } from './passkey-styles';
import { formStyles } from './shared-styles';
import { followSystemTheme } from './theme';
import { t } from '../i18n/i18n';

/**
 * /settings/sessions: every browser signed in to the viewer and every app or CLI that syncs the account,
 * with when and from where, and a button to end each. Nothing here is secret.
 */
@customElement('keyhole-sessions')
export class KeyholeSessions extends LitElement {
  static styles = [
    formStyles,
    passkeyStyles,
    css`
      form {
        max-width: 32rem;
      }
      ul.passkeys li strong {
        overflow-wrap: anywhere;
      }
    `,
  ];

  @state() private sessions: AccountSession[] | undefined;
  @state() private busy = false;
  @state() private message = '';
  @state() private error = '';

  async connectedCallback() {
    super.connectedCallback();
    followSystemTheme();
    await this.reload();
  }

  render() {
    const sessions = this.sessions;
    return html`<form novalidate @submit=${(event: Event) => event.preventDefault()}>
      <h1>${t('sessions.title')}</h1>
      <p class="meta">${t('sessions.intro')}</p>
      <ul class="passkeys" data-testid="session-list" aria-label=${t('sessions.listLabel')}>
        ${(sessions ?? []).map((session) => this.item(session))}
      </ul>
      <div role="status" data-testid="sessions-status">${this.message}</div>
      <div class="error" role="alert" data-testid="sessions-error">${this.error}</div>
      <a href="settings">${t('sessions.back')}</a>
    </form>`;
  }

  private item(session: AccountSession) {
    return html`<li data-testid="session-item" data-id=${session.id} data-current=${String(session.current)}>
      <strong data-testid="session-client">${session.client}</strong>
      ${session.current ? html`<span class="badge" data-testid="session-current">${t('sessions.thisBrowser')}</span>` : nothing}
      <span class="meta">${session.browser ? t('sessions.webViewer') : t('sessions.syncClient')}</span>
      <span class="meta" data-testid="session-times"
        >${t('sessions.times', {
          created: passkeyTime(session.createdAt),
          used: passkeyTime(session.lastUsedAt),
          ip: session.ip || t('sessions.unknownAddress'),
        })}</span
      >
      <div class="actions">
        <button
          type="button"
          class="secondary"
          data-testid="session-end"
          ?disabled=${this.busy}
          @click=${() => this.end(session)}
        >
          ${session.current ? t('sessions.signOutThis') : t('sessions.end')}
        </button>
      </div>
    </li>`;
  }

  private async reload() {
    try {
      this.sessions = await listSessions();
    } catch {
      this.error = t('sessions.loadFailed');
    }
  }

  private async end(session: AccountSession) {
    this.busy = true;
    this.message = this.error = '';
    try {
      await endSession(session.id);
      if (session.current) {
        window.location.assign('/login');
        return;
      }
      this.message = t('sessions.ended', { client: session.client });
    } catch (error) {
      this.error = error instanceof HttpError && error.status === 401 ? t('sessions.signedOut') : t('sessions.endFailed');
    } finally {
      await this.reload();
      this.busy = false;
    }
  }
}
