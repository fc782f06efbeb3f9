import '@vaadin/virtual-list';
import type { VirtualList } from '@vaadin/virtual-list';
import { LitElement, html, nothing, render } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { clearClipboardAfter, copyText } from '../dashboard/clipboard';
import { filterCodes, hasLegacyView, readViewState, viewStateUrl, type ViewState } from '../dashboard/filter';
import { columnsFor, COMPACT_BELOW_PX, moveFocus, toRows, type Row } from '../dashboard/grid';
import { countText, offlineText, syncedAgo } from '../dashboard/sync-status';
import { t } from '../i18n/i18n';
import { takeViewFragment } from '../dashboard/view-fragment';
import { forgetMasterKey, heldMasterKey, restoreAfterReload } from '../session/key-cache';
import { isSessionEnded, noteSessionEnded } from '../session/node-check';
import { LiveVault, POLL_INTERVAL_MS } from '../dashboard/live-vault';
import { fetchSettings, logOut } from '../api/session-api';
import { LOCKED_EVENT, type LockedDetail } from '../session/tab-lock';
import { followSystemTheme } from './theme';
import type { CodeItem } from '../dashboard/vault-model';
import { cachedCodesAt, cardTemplate, prepareNextStep } from './code-card';
import { firstRun } from './first-run';
import { codesStyles } from './codes-styles';
import './keyhole-unlock';

type Status = 'loading' | 'locked' | 'ready' | 'failed';
/** CodesView's route. */
const DASHBOARD_PATH = '/codes';

/**
 * The dashboard: decrypts the vault in this browser and shows live codes. Read-only by construction:
 * nothing here can write a code. Owns the URL's fragment (#q=…&tag=…), which the server never sees, so a
 * view can be bookmarked and the back button walks through filters.
 */
@customElement('keyhole-codes')
export class KeyholeCodes extends LitElement {
  static styles = codesStyles;

  @state() private status: Status = 'loading';
  @state() private view: ViewState = { q: '', tag: '' };
  @state() private visible: readonly CodeItem[] = [];
  @state() private gridRows: readonly Row<CodeItem>[] = [];
  @state() private columns = 1;
  @state() private toast = '';
  @state() private lockReason = '';
  @state() private syncText = '';
  /** When polls began to fail (this browser's clock); undefined while the server answers. */
  @state() private offlineSince: number | undefined;
  /** The one card whose codes show while "hide codes until clicked" is on. */
  @state() private revealedId: string | undefined;
  private hideCodes = false;
  private clipboardClearSeconds = 0;
  /** The entity whose card has the keyboard focus: a row the virtual list recycles must not keep it. */
  private focusedId: string | undefined;
  private readonly resizer = new ResizeObserver(() => this.layOut());
  @query('vaadin-virtual-list') private list: VirtualList<Row<CodeItem>> | null | undefined;
  @query('input[type=search]') private search!: HTMLInputElement;
  private readonly vault = new LiveVault();
  private ticker: number | undefined;
  private toastTimer: number | undefined;
  private retry: number | undefined;

  connectedCallback() {
    super.connectedCallback();
    performance.mark('keyhole:codes-connected');
    followSystemTheme();
    this.view = initialView();
    this.showInAddressBar();
    this.resizer.observe(this);
    window.addEventListener('popstate', this.onPopState);
    window.addEventListener('keydown', this.onGlobalKey);
    window.addEventListener(LOCKED_EVENT, this.onLocked);
    void this.start();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
    window.removeEventListener('keydown', this.onGlobalKey);
    this.resizer.disconnect();
    window.removeEventListener(LOCKED_EVENT, this.onLocked);
    this.stopTimers();
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
        <h1>${t('common.appName')}</h1>
        <input
          type="search"
          data-testid="search"
          aria-label=${t('codes.searchLabel')}
          placeholder=${t('codes.searchPlaceholder')}
          .value=${this.view.q}
          @input=${this.onSearch}
          @keydown=${this.onSearchKey}
        />
        <span class="count" data-testid="code-count" data-count=${this.vault.model.size}
          >${countText(this.visible.length, this.vault.model.size)}</span
        >
        <span class="sync" data-testid="sync-status" ?data-offline=${this.offlineSince !== undefined}>${this.syncText}</span>
      </header>
      ${tags.length > 0
        ? html`<nav class="chips" aria-label=${t('codes.tagsLabel')}>
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
      ${this.offlineSince !== undefined
        ? html`<div class="offline" role="alert" data-testid="offline-banner">${offlineText(this.offlineSince)}</div>`
        : nothing}
      ${this.body()}
      ${this.toast ? html`<div class="toast" role="status" data-testid="copy-feedback">${this.toast}</div>` : nothing}`;
  }

  private body() {
    if (this.status === 'loading') return html`<div class="status" role="status">${t('codes.loading')}</div>`;
    if (this.status === 'failed')
      return html`<div class="status" role="alert">
        ${t('codes.unreachable', { seconds: POLL_INTERVAL_MS / 1000 })}
        <button @click=${this.start}>${t('codes.retry')}</button>
      </div>`;
    if (this.vault.model.size === 0) return firstRun(location.origin);
    if (this.visible.length === 0) return html`<div class="empty">${t('codes.noMatch')}</div>`;
    return html`<vaadin-virtual-list
      aria-label=${t('codes.listLabel')}
      class=${this.columns === 1 && this.clientWidth < COMPACT_BELOW_PX ? 'compact' : 'grid'}
      data-columns=${this.columns}
      .items=${this.gridRows}
      .renderer=${this.renderRow}
      @keydown=${this.onListKey}
      @focusin=${this.onFocusIn}
    ></vaadin-virtual-list>`;
  }

  /** The row elements the virtual list has given out, with the row each shows now. */
  private readonly rows = new Map<HTMLElement, Row<CodeItem>>();

  private readonly renderRow = (root: HTMLElement, _list: unknown, model: { item: Row<CodeItem> }) => {
    this.rows.set(root, model.item);
    this.renderCards(root, model.item, this.vault.now());
    this.keepFocusOnItsCode(root);
  };

  private renderCards(root: HTMLElement, row: Row<CodeItem>, now: number) {
    render(
      html`<div class="row" style="--columns: ${this.columns}">
        ${row.items.map((item, offset) => cardTemplate(item, row.first + offset, now, this))}
      </div>`,
      root,
    );
  }

  /**
   * The virtual list reuses row elements as it scrolls: a focused card can come to show another code, and
   * Enter would then copy that one. The focus follows its code if it is still rendered, else leaves.
   */
  private keepFocusOnItsCode(root: HTMLElement) {
    const active = this.shadowRoot?.activeElement as HTMLElement | null | undefined;
    if (!active || !root.contains(active) || active.dataset.id === this.focusedId) return;
    const own = this.list?.querySelector<HTMLElement>(`[data-testid=code-card][data-id="${CSS.escape(this.focusedId ?? '')}"]`);
    if (own?.checkVisibility()) own.focus();
    else active.blur();
  }

  private readonly onFocusIn = (event: FocusEvent) => {
    const card = (event.composedPath()[0] as HTMLElement).closest?.('[data-testid=code-card]') as HTMLElement | null;
    if (card) this.focusedId = card.dataset.id;
  };

  /** Columns follow the element's width; the rows are cut again when their number changes. */
  private layOut() {
    const columns = columnsFor(this.clientWidth);
    if (columns === this.columns) return this.requestUpdate();
    this.columns = columns;
    this.gridRows = toRows(this.visible, columns);
  }

  private readonly start = async () => {
    window.clearTimeout(this.retry);
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
        () => (this.offlineSince = undefined),
      );
      this.offlineSince = undefined;
      this.status = 'ready';
      this.showInAddressBar();
      this.lockReason = '';
      this.refresh();
      this.startTicking();
      await this.loadSettings();
    } catch (error) {
      this.onFailure(error);
    }
  };

  private onFailure(error: unknown) {
    // A 401 or 403 means the web session ended (expiry, logout elsewhere, or behind a load balancer its
    // node died): reloading lets the server send the browser to sign-in, which says why, and back here
    // afterwards.
    if (isSessionEnded(error)) {
      forgetMasterKey();
      noteSessionEnded();
      location.reload();
      return;
    }
    if (this.status === 'ready') {
      this.offlineSince ??= Date.now();
      return;
    }
    // Not open yet: try again by itself, as the polls do once it is.
    this.status = 'failed';
    window.clearTimeout(this.retry);
    this.retry = window.setTimeout(() => void this.start(), POLL_INTERVAL_MS);
  }

  private refresh() {
    this.visible = filterCodes(this.vault.model.list(), this.view);
    this.columns = columnsFor(this.clientWidth);
    this.gridRows = toRows(this.visible, this.columns);
    if (this.visible.length > 0 && !performance.getEntriesByName('keyhole:first-code').length) {
      this.updateComplete.then(() => {
        performance.mark('keyhole:first-code');
        if (performance.getEntriesByName('keyhole:submit').length) {
          performance.measure('keyhole:submit-to-first-code', 'keyhole:submit', 'keyhole:first-code');
        }
        if (performance.getEntriesByName('keyhole:passkey').length) {
          performance.measure('keyhole:passkey-to-first-code', 'keyhole:passkey', 'keyhole:first-code');
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
      for (const [root, row] of this.rows) {
        if (!root.isConnected) this.rows.delete(root);
        else if (!root.hidden) this.renderCards(root, row, now);
      }
      performance.measure('keyhole:tick', { start: started, end: performance.now() });
      this.syncText = this.vault.lastSyncedAt ? syncedAgo(this.vault.lastSyncedAt, Date.now()) : '';
      // When sign-in navigated here, Vaadin's router writes the address (by path, no fragment) some time
      // after the dashboard started: the next tick puts the view back.
      this.showInAddressBar();
      const shown = [...this.rows.values()].flatMap(({ items }) => items.flatMap((item) => (item.entry ? [item.entry] : [])));
      whenIdle(() => prepareNextStep(shown, this.vault.now()));
      this.ticker = window.setTimeout(tick, 1000 - (this.vault.now() % 1000) + 5);
    };
    this.ticker = window.setTimeout(tick, 1000 - (this.vault.now() % 1000) + 5);
  }

  private async loadSettings() {
    try {
      const settings = await fetchSettings();
      this.clipboardClearSeconds = settings.clipboardClearSeconds;
      this.hideCodes = settings.hideCodes;
    } catch {
      // Keep the defaults: failing to read a preference must not leave the vault open forever.
    }
    this.rerenderRows();
  }

  /** The page's header locked the tab (idle, Lock now, sign out) and has wiped the key: drop the codes. */
  private readonly onLocked = (event: Event) => void this.lock((event as CustomEvent<LockedDetail>).detail.reason);

  private async lock(reason: LockedDetail['reason']) {
    this.stopTimers();
    await this.vault.close();
    forgetMasterKey();
    this.visible = [];
    this.gridRows = [];
    this.revealedId = undefined;
    this.rows.clear();
    this.lockReason = reason === 'idle' ? t('codes.lockedIdle') : t('codes.locked');
    this.status = 'locked';
  }

  private stopTimers() {
    this.vault.stopPolling();
    window.clearTimeout(this.ticker);
    window.clearTimeout(this.retry);
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

  /** With "hide codes until clicked", a click shows that card's codes (and hides the last shown) too. */
  copy(item: CodeItem) {
    if (!item.entry) return;
    if (!this.shows(item)) {
      this.revealedId = item.id;
      this.rerenderRows();
    }
    const code = cachedCodesAt(item.entry, this.vault.now()).current;
    void copyText(code).then((copied) => {
      this.showToast(copied ? copiedText(item) : t('codes.copyFailed'));
      if (copied) clearClipboardAfter(code, this.clipboardClearSeconds);
    });
  }

  copyRaw(item: CodeItem) {
    if (item.raw === undefined) return;
    void copyText(item.raw).then((copied) => this.showToast(copied ? t('codes.copiedRaw') : t('codes.copyFailed')));
  }

  shows(item: CodeItem): boolean {
    return !this.hideCodes || item.id === this.revealedId;
  }

  private rerenderRows() {
    const now = this.vault.now();
    for (const [root, row] of this.rows) if (root.isConnected && !root.hidden) this.renderCards(root, row, now);
  }

  private showToast(text: string) {
    this.toast = text;
    window.clearTimeout(this.toastTimer);
    this.toastTimer = window.setTimeout(() => (this.toast = ''), 2000);
  }

  /** Puts the view in the fragment and takes an old bookmark's query out of the address and the history. */
  private showInAddressBar() {
    // Only on the dashboard's own address: on the way in from sign-in the address is still /login, and a
    // router navigation away may still find this element attached.
    if (!location.pathname.endsWith(DASHBOARD_PATH)) return;
    // An old bookmark's query that sign-in's navigation wrote after the start is the view asked for.
    if (hasLegacyView(location.search)) {
      this.view = readViewState(location.search);
      this.refresh();
    }
    const url = viewStateUrl(location.pathname, this.view);
    if (location.pathname + location.search + location.hash !== url) window.history.replaceState(window.history.state, '', url);
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

  private readonly onPopState = () => this.show(readViewState(location.hash), 'none');

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
    if (['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) {
      // Handled here, never by the scroller: its own Home/End scroll would leave the focus on a recycled row.
      event.preventDefault();
      const next = moveFocus(event.key, index, this.visible.length, this.columns);
      if (next === undefined) this.search.focus();
      else this.focusCard(next);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.copy(this.visible[index]!);
    }
  }

  private focusCard(index: number) {
    const list = this.list;
    const item = this.visible[index];
    if (!list || !item) return;
    this.focusedId = item.id;
    const row = Math.floor(index / this.columns);
    if (row < list.firstVisibleIndex || row > list.lastVisibleIndex) list.scrollToIndex(row);
    requestAnimationFrame(() =>
      list.querySelector<HTMLElement>(`[data-testid=code-card][data-id="${CSS.escape(item.id)}"]`)?.focus(),
    );
  }
}

/**
 * The view of the URL: its fragment, else an old bookmark's query string, else what sign-in carried over.
 * The address bar is then made to match (showInAddressBar).
 */
function initialView(): ViewState {
  const carried = takeViewFragment();
  if (hasLegacyView(location.search)) return readViewState(location.search);
  if (location.hash) return readViewState(location.hash);
  return readViewState(carried);
}

function whenIdle(work: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(work, { timeout: 500 });
  else setTimeout(work, 0);
}

function copiedText(item: CodeItem): string {
  const name = item.issuer || item.account;
  return name ? t('codes.copied', { name }) : t('codes.copiedUnnamed');
}
