import '@vaadin/virtual-list';
import type { VirtualList } from '@vaadin/virtual-list';
import { LitElement, html, nothing, render, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { copyText } from '../dashboard/clipboard';
import { filterCodes, readViewState, viewStateUrl, type ViewState } from '../dashboard/filter';
import { HttpError } from '../api/http';
import { forgetMasterKey, heldMasterKey, restoreAfterReload } from '../session/key-cache';
import { LiveVault } from '../dashboard/live-vault';
import { logOut } from '../api/session-api';
import { LOCKED_EVENT, type LockedDetail } from '../session/tab-lock';
import { followSystemTheme } from './theme';
import type { CodeItem } from '../dashboard/vault-model';
import { cachedCodesAt, cardTemplate, prepareNextStep } from './code-card';
import { codesStyles } from './codes-styles';
import './keyhole-unlock';

type Status = 'loading' | 'locked' | 'ready' | 'failed';

/**
 * The dashboard: decrypts the vault in this browser and shows live codes. Read-only by construction:
 * nothing here can write a code. Owns the URL's q and tag from the moment it starts (the view only
 * passes their first values), so a view can be bookmarked and the back button walks through filters.
 */
@customElement('keyhole-codes')
export class KeyholeCodes extends LitElement {
  static styles = codesStyles;

  @property() q = '';
  @property() tag = '';
  @state() private status: Status = 'loading';
  @state() private view: ViewState = { q: '', tag: '' };
  @state() private visible: readonly CodeItem[] = [];
  @state() private toast = '';
  @state() private lockReason = '';
  @query('vaadin-virtual-list') private list: VirtualList<CodeItem> | null | undefined;
  @query('input[type=search]') private search!: HTMLInputElement;
  private readonly vault = new LiveVault();
  private ticker: number | undefined;
  private toastTimer: number | undefined;

  connectedCallback() {
    super.connectedCallback();
    followSystemTheme();
    this.view = { q: this.q, tag: this.tag };
    window.addEventListener('popstate', this.onPopState);
    window.addEventListener('keydown', this.onGlobalKey);
    window.addEventListener(LOCKED_EVENT, this.onLocked);
    void this.start();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
    window.removeEventListener('keydown', this.onGlobalKey);
    window.removeEventListener(LOCKED_EVENT, this.onLocked);
    this.stopTimers();
  }

  protected willUpdate(changed: PropertyValues<this>) {
    // The server view sets q and tag again when the router re-enters it (e.g. back button): follow.
    if ((changed.has('q') || changed.has('tag')) && this.hasUpdated) this.show({ q: this.q, tag: this.tag }, 'none');
  }

  render() {
    if (this.status === 'locked') {
      return html`<keyhole-unlock
        .keyAttributes=${this.vault.keyAttributes}
        reason=${this.lockReason}
        @unlocked=${this.start}
        @logout-requested=${this.logout}
      ></keyhole-unlock>`;
    }
    const tags = this.vault.model.tags();
    return html`<header>
        <h1>Keyhole</h1>
        <input
          type="search"
          data-testid="search"
          aria-label="Search codes"
          placeholder="Search (press /)"
          .value=${this.view.q}
          @input=${this.onSearch}
          @keydown=${this.onSearchKey}
        />
        <span class="count" data-testid="code-count" data-count=${this.vault.model.size}
          >${countText(this.visible.length, this.vault.model.size)}</span
        >
      </header>
      ${tags.length > 0
        ? html`<nav class="chips" aria-label="Filter by tag">
            ${tags.map(
              (tag) =>
                html`<button
                  type="button"
                  data-testid="tag-chip"
                  data-tag=${tag}
                  aria-pressed=${this.view.tag === tag}
                  @click=${() => this.onTag(tag)}
                >
                  ${tag}
                </button>`,
            )}
          </nav>`
        : nothing}
      ${this.body()}
      ${this.toast ? html`<div class="toast" role="status" data-testid="copy-feedback">${this.toast}</div>` : nothing}`;
  }

  private body() {
    if (this.status === 'loading') return html`<div class="status" role="status">Decrypting your codes…</div>`;
    if (this.status === 'failed')
      return html`<div class="status" role="alert">Cannot reach the server. <button @click=${this.start}>Retry</button></div>`;
    if (this.vault.model.size === 0)
      return html`<div class="empty">No codes yet. Add some with an Ente Auth app or the keyhole CLI.</div>`;
    if (this.visible.length === 0) return html`<div class="empty">No codes match.</div>`;
    return html`<vaadin-virtual-list
      aria-label="Codes"
      .items=${this.visible}
      .renderer=${this.renderRow}
      @keydown=${this.onListKey}
    ></vaadin-virtual-list>`;
  }

  /** The row elements the virtual list has given out, with what each shows now. */
  private readonly rows = new Map<HTMLElement, { item: CodeItem; index: number }>();

  private readonly renderRow = (root: HTMLElement, _list: unknown, model: { item: CodeItem; index: number }) => {
    this.rows.set(root, model);
    render(cardTemplate(model.item, model.index, this.vault.now(), this), root);
  };

  private readonly start = async () => {
    this.status = 'loading';
    try {
      await this.vault.fetch();
      const masterKey = heldMasterKey() ?? (await restoreAfterReload());
      if (!masterKey) {
        this.status = 'locked';
        return;
      }
      await this.vault.open(masterKey);
      this.vault.startPolling(
        masterKey,
        () => this.refresh(),
        (error) => this.onFailure(error),
      );
      this.status = 'ready';
      this.lockReason = '';
      this.refresh();
      this.startTicking();
    } catch (error) {
      this.onFailure(error);
    }
  };

  private onFailure(error: unknown) {
    // A 401 means the web session ended (expiry, logout elsewhere): reloading lets the server send the
    // browser to sign-in and back here afterwards.
    if (error instanceof HttpError && error.status === 401) {
      forgetMasterKey();
      location.reload();
      return;
    }
    if (this.status !== 'ready') this.status = 'failed';
  }

  private refresh() {
    this.visible = filterCodes(this.vault.model.list(), this.view);
    if (this.visible.length > 0 && !performance.getEntriesByName('keyhole:first-code').length) {
      this.updateComplete.then(() => {
        performance.mark('keyhole:first-code');
        if (performance.getEntriesByName('keyhole:submit').length) {
          performance.measure('keyhole:submit-to-first-code', 'keyhole:submit', 'keyhole:first-code');
        }
      });
    }
  }

  /** Re-renders the visible cards at each second of the server's clock. */
  private startTicking() {
    window.clearTimeout(this.ticker);
    const tick = () => {
      const started = performance.now();
      // Re-renders the rows in place rather than asking the virtual list, which would measure its layout.
      const now = this.vault.now();
      for (const [root, { item, index }] of this.rows) {
        if (!root.isConnected) this.rows.delete(root);
        else if (!root.hidden) render(cardTemplate(item, index, now, this), root);
      }
      performance.measure('keyhole:tick', { start: started, end: performance.now() });
      const shown = [...this.rows.values()].flatMap(({ item }) => (item.entry ? [item.entry] : []));
      whenIdle(() => prepareNextStep(shown, this.vault.now()));
      this.ticker = window.setTimeout(tick, 1000 - (this.vault.now() % 1000) + 5);
    };
    this.ticker = window.setTimeout(tick, 1000 - (this.vault.now() % 1000) + 5);
  }

  /** The page's header locked the tab (idle, Lock now, sign out) and has wiped the key: drop the codes. */
  private readonly onLocked = (event: Event) => void this.lock((event as CustomEvent<LockedDetail>).detail.reason);

  private async lock(reason: LockedDetail['reason']) {
    this.stopTimers();
    await this.vault.close();
    forgetMasterKey();
    this.visible = [];
    this.rows.clear();
    this.lockReason =
      reason === 'idle'
        ? 'Locked after a period without activity. Enter your password to see your codes again.'
        : 'Locked. Enter your password to see your codes again.';
    this.status = 'locked';
  }

  private stopTimers() {
    this.vault.stopPolling();
    window.clearTimeout(this.ticker);
  }

  private readonly logout = async () => {
    this.stopTimers();
    await this.vault.close();
    forgetMasterKey();
    try {
      await logOut();
    } finally {
      location.assign('login');
    }
  };

  copy(item: CodeItem) {
    if (!item.entry) return;
    const code = cachedCodesAt(item.entry, this.vault.now()).current;
    void copyText(code).then((copied) =>
      this.showToast(copied ? `Copied ${item.issuer || item.account || 'code'}` : 'Copy failed'),
    );
  }

  private showToast(text: string) {
    this.toast = text;
    window.clearTimeout(this.toastTimer);
    this.toastTimer = window.setTimeout(() => (this.toast = ''), 2000);
  }

  /** Applies a view; 'push' adds a history entry (tag), 'replace' rewrites it (typing), 'none' follows one. */
  private show(view: ViewState, history: 'push' | 'replace' | 'none') {
    this.view = view;
    const url = viewStateUrl(location.pathname, view);
    if (history === 'push') window.history.pushState(window.history.state, '', url);
    if (history === 'replace') window.history.replaceState(window.history.state, '', url);
    this.refresh();
  }

  private onSearch(event: InputEvent) {
    this.show({ ...this.view, q: (event.target as HTMLInputElement).value }, 'replace');
  }

  private onTag(tag: string) {
    this.show({ ...this.view, tag: this.view.tag === tag ? '' : tag }, 'push');
  }

  private readonly onPopState = () => this.show(readViewState(location.search), 'none');

  private readonly onGlobalKey = (event: KeyboardEvent) => {
    const typing = event.composedPath()[0] instanceof HTMLInputElement;
    if (event.key === '/' && !typing && this.status === 'ready') {
      event.preventDefault();
      this.search?.focus();
    }
  };

  private onSearchKey(event: KeyboardEvent) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      this.focusCard(0);
    } else if (event.key === 'Escape' && this.view.q) {
      this.show({ ...this.view, q: '' }, 'replace');
    } else if (event.key === 'Enter' && this.visible.length > 0) {
      this.copy(this.visible[0]!);
    }
  }

  private onListKey(event: KeyboardEvent) {
    const card = (event.composedPath()[0] as HTMLElement).closest?.('[data-testid=code-card]') as HTMLElement | null;
    if (!card) return;
    const index = Number(card.dataset.index);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = index + (event.key === 'ArrowDown' ? 1 : -1);
      if (next < 0) this.search.focus();
      else this.focusCard(Math.min(next, this.visible.length - 1));
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.copy(this.visible[index]!);
    }
  }

  private focusCard(index: number) {
    const list = this.list;
    if (!list || this.visible.length === 0) return;
    if (index < list.firstVisibleIndex || index > list.lastVisibleIndex) list.scrollToIndex(index);
    requestAnimationFrame(() => list.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus());
  }
}

function whenIdle(work: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(work, { timeout: 500 });
  else setTimeout(work, 0);
}

function countText(shown: number, total: number): string {
  return shown === total ? `${total} ${total === 1 ? 'code' : 'codes'}` : `${shown} of ${total}`;
}
