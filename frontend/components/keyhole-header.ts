import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { fetchSettings, logOut } from '../api/session-api';
import { t } from '../i18n/i18n';
import { startIdleLock, type IdleLock } from '../session/idle-lock';
import { isMasterKeyKept } from '../session/key-cache';
import { AUTO_LOCK_CHANGED_EVENT, isLockShortcut, LOCK_SHORTCUT, lockTab, type LockReason } from '../session/tab-lock';
import { currentTheme, followSystemTheme, toggleTheme } from './theme';

const DEFAULT_AUTO_LOCK_MINUTES = 15;
/** Where a locked tab is unlocked: the dashboard asks for the password. */
const UNLOCK_PAGE = 'codes';

/**
 * The header of every signed-in page (the router layout puts it above the page's main), and the tab's
 * lock: it runs the idle timer on every page that can hold the master key, and Lock now. Pages that show
 * secrets listen for the lock event; a page that holds the key without showing it (settings) is left for
 * the dashboard's unlock form, since nothing on it works without the key.
 */
@customElement('keyhole-header')
export class KeyholeHeader extends LitElement {
  static styles = css`
    :host {
      display: block;
      color: var(--lumo-body-text-color);
      font-family: var(--lumo-font-family);
      border-bottom: 1px solid var(--lumo-contrast-10pct);
      background: var(--lumo-base-color);
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--lumo-space-xs) var(--lumo-space-s);
      max-width: 72rem;
      margin: 0 auto;
      padding: var(--lumo-space-xs) var(--lumo-space-m);
    }
    .brand {
      font-weight: 600;
      margin-inline-end: auto;
    }
    nav {
      display: flex;
      gap: var(--lumo-space-xs);
    }
    a,
    button {
      font: inherit;
      font-size: var(--lumo-font-size-s);
      min-height: 2.25rem;
      display: inline-flex;
      align-items: center;
      padding: 0 var(--lumo-space-s);
      border: none;
      border-radius: var(--lumo-border-radius-m);
      background: none;
      color: var(--lumo-body-text-color);
      text-decoration: none;
      cursor: pointer;
    }
    a[aria-current='page'] {
      background: var(--lumo-contrast-10pct);
      font-weight: 600;
    }
    button.lock {
      background: var(--lumo-primary-color);
      color: var(--lumo-primary-contrast-color);
      font-weight: 600;
    }
    a:hover,
    button:hover {
      background: var(--lumo-contrast-10pct);
    }
    button.lock:hover {
      background: var(--lumo-primary-color);
    }
    a:focus-visible,
    button:focus-visible {
      outline: 2px solid var(--lumo-primary-color);
      outline-offset: 2px;
    }
  `;

  /** The route shown below, set by the layout at each navigation. */
  @property() page = '';
  @state() private theme = currentTheme();
  private idleLock: IdleLock | undefined;
  private autoLockMinutes = DEFAULT_AUTO_LOCK_MINUTES;

  connectedCallback() {
    super.connectedCallback();
    followSystemTheme();
    window.addEventListener('keydown', this.onKey, { capture: true });
    window.addEventListener(AUTO_LOCK_CHANGED_EVENT, this.onAutoLockChanged);
    void this.startIdleLock();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKey, { capture: true });
    window.removeEventListener(AUTO_LOCK_CHANGED_EVENT, this.onAutoLockChanged);
    this.idleLock?.stop();
  }

  render() {
    const dark = this.theme === 'dark';
    return html`<header>
      <span class="brand">${t('common.appName')}</span>
      <nav aria-label=${t('header.navLabel')}>
        <a href="codes" data-testid="nav-codes" aria-current=${this.current('codes')}>${t('header.codes')}</a>
        <a href="settings" data-testid="nav-settings" aria-current=${this.current('settings')}>${t('header.settings')}</a>
        <a href="export" data-testid="nav-export" aria-current=${this.current('export')}>${t('export.nav')}</a>
      </nav>
      <button
        type="button"
        data-testid="theme-toggle"
        aria-label=${dark ? t('header.toLight') : t('header.toDark')}
        @click=${this.onToggleTheme}
      >
        ${dark ? t('header.light') : t('header.dark')}
      </button>
      <button
        type="button"
        class="lock"
        data-testid="lock-now"
        title=${t('header.lockTitle', { shortcut: LOCK_SHORTCUT })}
        aria-keyshortcuts=${LOCK_SHORTCUT}
        @click=${() => this.lock('manual')}
      >
        ${t('header.lock')}
      </button>
      <button type="button" data-testid="logout" @click=${this.signOut}>${t('header.signOut')}</button>
    </header>`;
  }

  private current(page: string) {
    return this.page === page || this.page.startsWith(`${page}/`) ? 'page' : 'false';
  }

  private async startIdleLock() {
    try {
      this.autoLockMinutes = (await fetchSettings()).autoLockMinutes;
    } catch {
      // Keep the default: failing to read a preference must not leave the vault open forever.
    }
    this.armIdleLock();
  }

  /** Re-armed after each lock, so that it guards the key again once the person unlocks. */
  private armIdleLock() {
    this.idleLock?.stop();
    this.idleLock = startIdleLock(this.autoLockMinutes * 60_000, () => {
      if (isMasterKeyKept()) this.lock('idle');
      else this.armIdleLock();
    });
  }

  private lock(reason: LockReason) {
    lockTab(reason);
    this.armIdleLock();
    this.showUnlock();
  }

  /** The dashboard shows its unlock form on the lock event; every other page gives way to it. */
  private showUnlock() {
    if (!location.pathname.endsWith(`/${UNLOCK_PAGE}`)) location.assign(UNLOCK_PAGE);
  }

  private readonly signOut = async () => {
    this.idleLock?.stop();
    lockTab('sign-out');
    try {
      await logOut();
    } finally {
      location.assign('login');
    }
  };

  private onToggleTheme() {
    this.theme = toggleTheme();
  }

  private readonly onKey = (event: KeyboardEvent) => {
    if (!isLockShortcut(event)) return;
    event.preventDefault();
    this.lock('manual');
  };

  private readonly onAutoLockChanged = () => void this.startIdleLock();
}
