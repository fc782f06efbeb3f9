import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { HttpError } from '../api/http';
import { fetchSessionKey, type VaultSnapshot } from '../api/session-api';
import { downloadText, exportFileName } from '../export/download';
import { requireFreshProof } from '../export/proof';
import { fetchWholeVault, readVaultCodes, type VaultCodes } from '../export/vault-codes';
import { t } from '../i18n/i18n';
import type { OtpEntry } from '../otp/otpauth';
import { unlockWithPasskey } from '../passkey/unlock';
import { heldMasterKey, holdMasterKey, keepForReload, restoreAfterReload } from '../session/key-cache';
import { passkeyUnlockFailure } from '../session/messages';
import { LOCKED_EVENT } from '../session/tab-lock';
import { KDF_TICK_MS, kdfProgress } from './kdf-progress';
import { passkeyStyles } from './passkey-styles';
import { formStyles } from './shared-styles';
import { followSystemTheme } from './theme';
import './keyhole-unlock';

type Status = 'loading' | 'locked' | 'refused' | 'ready' | 'failed';

/**
 * /export: the vault leaves as an Ente encrypted export, a plain otpauth list, or QR codes, all made in
 * this browser from the codes it decrypts. The server is asked one thing, whether this session proved
 * its owner lately (before the page opens and again before each export); nothing it receives names a code
 * or a format. The heavy parts (the QR encoder, the protobuf and the export's key derivation) load on use.
 */
@customElement('keyhole-export')
export class KeyholeExport extends LitElement {
  static styles = [
    formStyles,
    passkeyStyles,
    css`
      form,
      section {
        max-width: 36rem;
      }
      .warning {
        border-left: 4px solid var(--lumo-warning-color, #c60);
        padding-left: var(--lumo-space-s);
        color: var(--lumo-body-text-color);
      }
      canvas {
        image-rendering: pixelated;
        align-self: center;
      }
      figure {
        margin: 0;
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: var(--lumo-space-xs);
      }
      ul {
        padding-left: var(--lumo-space-m);
      }
      li {
        margin-block: var(--lumo-space-xs);
      }
    `,
  ];

  @state() private status: Status = 'loading';
  @state() private error = '';
  @state() private busy = false;
  @state() private startedAt: number | undefined;
  @state() private now = 0;
  @state() private migration: { uris: string[]; leftOut: OtpEntry[] } | undefined;
  @state() private shownSingle: number | undefined;
  private snapshot: VaultSnapshot | undefined;
  private codes: VaultCodes | undefined;

  connectedCallback() {
    super.connectedCallback();
    followSystemTheme();
    window.addEventListener(LOCKED_EVENT, this.onLocked);
    void this.start();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener(LOCKED_EVENT, this.onLocked);
    this.forget();
  }

  render() {
    if (this.status === 'locked') {
      return html`<keyhole-unlock
        .keyAttributes=${this.snapshot?.keyAttributes}
        reason=${t('export.unlockReason')}
        @unlocked=${this.start}
        @logout-requested=${() => location.assign('login')}
      ></keyhole-unlock>`;
    }
    return html`<form novalidate @submit=${(event: Event) => event.preventDefault()}>
      <h1>${t('export.title')}</h1>
      <p>${t('export.intro')}</p>
      ${this.body()}
      <div class="error" role="alert" data-testid="export-error">${this.error}</div>
      <a href="codes">${t('export.backToCodes')}</a>
    </form>`;
  }

  private body() {
    if (this.status === 'loading') return html`<div role="status">${t('export.checking')}</div>`;
    if (this.status === 'failed') return html`<button type="button" @click=${this.start}>${t('export.retry')}</button>`;
    if (this.status === 'refused') {
      return html`<div role="alert" class="warning" data-testid="export-refused">${t('export.proofNeeded')}</div>
        <button type="button" data-testid="export-passkey" ?disabled=${this.busy} @click=${this.proveWithPasskey}>
          ${t('export.unlockWithPasskey')}
        </button>
        <button type="button" class="link" data-testid="export-recheck" ?disabled=${this.busy} @click=${this.start}>
          ${t('export.checkAgain')}
        </button>`;
    }
    const codes = this.codes!;
    return html`${codes.unreadable > 0
      ? html`<p class="warning">${t('export.unreadable', { count: codes.unreadable })}</p>`
      : nothing}
    ${this.enteSection(codes)} ${this.plainSection(codes)} ${this.migrationSection()} ${this.singleSection(codes)}`;
  }

  private enteSection(codes: VaultCodes) {
    return html`<section data-testid="export-ente">
      <h2>${t('export.enteTitle')}</h2>
      <p class="warning">${t('export.enteWarning')}</p>
      <label
        >${t('export.password')}
        <input type="password" autocomplete="new-password" data-testid="export-password" ?disabled=${this.busy} />
      </label>
      <label
        >${t('export.passwordAgain')}
        <input type="password" autocomplete="new-password" data-testid="export-password-again" ?disabled=${this.busy} />
      </label>
      <button type="button" data-testid="export-ente-download" ?disabled=${this.busy} @click=${this.downloadEnte}>
        ${t('export.enteDownload', { count: codes.uris.length })}
      </button>
      ${this.startedAt !== undefined ? kdfProgress(t('export.encrypting'), this.startedAt, this.now) : nothing}
    </section>`;
  }

  private plainSection(codes: VaultCodes) {
    return html`<section data-testid="export-plain">
      <h2>${t('export.plainTitle')}</h2>
      <p class="warning">${t('export.plainWarning')}</p>
      <button type="button" data-testid="export-plain-download" ?disabled=${this.busy} @click=${this.downloadPlain}>
        ${t('export.plainDownload', { count: codes.uris.length })}
      </button>
    </section>`;
  }

  private migrationSection() {
    const migration = this.migration;
    return html`<section data-testid="export-migration">
      <h2>${t('export.migrationTitle')}</h2>
      <p class="warning">${t('export.qrWarning')}</p>
      ${migration === undefined
        ? html`<button type="button" data-testid="export-migration-show" ?disabled=${this.busy} @click=${this.showMigration}>
            ${t('export.migrationShow')}
          </button>`
        : html`${migration.uris.map(
              (_, index) =>
                html`<figure>
                  <canvas data-testid="migration-qr" data-index=${index}></canvas>
                  <figcaption>${t('export.migrationCaption', { index: index + 1, count: migration.uris.length })}</figcaption>
                </figure>`,
            )}
            ${migration.leftOut.length > 0
              ? html`<p data-testid="migration-left-out-intro">${t('export.leftOut', { count: migration.leftOut.length })}</p>
                  <ul>
                    ${migration.leftOut.map(
                      (entry) => html`<li data-testid="migration-left-out">${label(entry)} (${leftOutReason(entry)})</li>`,
                    )}
                  </ul>`
              : nothing}
            <button type="button" class="link" @click=${() => (this.migration = undefined)}>${t('export.hide')}</button>`}
    </section>`;
  }

  private singleSection(codes: VaultCodes) {
    return html`<section data-testid="export-single">
      <h2>${t('export.singleTitle')}</h2>
      <p>${t('export.singleIntro')}</p>
      <ul>
        ${codes.entries.map(
          (entry, index) =>
            html`<li data-testid="single-code" data-index=${index}>
              ${label(entry)}
              ${this.shownSingle === index
                ? html`<figure><canvas data-testid="single-qr"></canvas></figure>
                    <button type="button" class="link" @click=${() => (this.shownSingle = undefined)}>
                      ${t('export.hide')}
                    </button>`
                : html`<button
                    type="button"
                    class="link"
                    data-testid="single-qr-show"
                    ?disabled=${this.busy || entry.error !== undefined}
                    @click=${() => this.showSingle(index)}
                  >
                    ${t('export.singleShow')}
                  </button>`}
            </li>`,
        )}
      </ul>
    </section>`;
  }

  private readonly start = async () => {
    this.status = 'loading';
    this.error = '';
    try {
      this.snapshot = await fetchWholeVault();
      const masterKey = heldMasterKey() ?? (await restoreAfterReload());
      if (!masterKey) return void (this.status = 'locked');
      if (!(await this.proven())) return;
      this.codes = await readVaultCodes(this.snapshot, masterKey);
      this.status = 'ready';
    } catch (error) {
      this.fail(error);
    }
  };

  /** Asks the server for the fresh proof; false (and the page says why) when there is none. */
  private async proven(): Promise<boolean> {
    try {
      await requireFreshProof();
      return true;
    } catch (error) {
      if (error instanceof HttpError && error.code === 'RECENT_SIGN_IN_REQUIRED') {
        this.forget();
        this.status = 'refused';
        return false;
      }
      throw error;
    }
  }

  /** A passkey unlock is a proof the server records: the page then checks again. */
  private readonly proveWithPasskey = async () => {
    this.busy = true;
    this.error = '';
    try {
      const masterKey = await unlockWithPasskey();
      holdMasterKey(masterKey);
      await keepForReload(masterKey, await fetchSessionKey());
      await this.start();
    } catch (error) {
      this.error = passkeyUnlockFailure(error);
    } finally {
      this.busy = false;
    }
  };

  private readonly downloadEnte = async () => {
    const password = this.field('export-password');
    if (password.length < MIN_PASSWORD) return void (this.error = t('export.passwordTooShort', { min: MIN_PASSWORD }));
    if (password !== this.field('export-password-again')) return void (this.error = t('export.passwordsDiffer'));
    await this.exporting(async () => {
      const { enteText, encryptEnteExport } = await import('../export/ente-export');
      this.startedAt = this.now = performance.now();
      const ticker = window.setInterval(() => (this.now = performance.now()), KDF_TICK_MS);
      try {
        const file = await encryptEnteExport(enteText(this.codes!.uris), password);
        downloadText(exportFileName('encrypted'), `${JSON.stringify(file, null, 2)}\n`, 'text/plain');
      } finally {
        window.clearInterval(ticker);
        this.startedAt = undefined;
      }
      for (const id of ['export-password', 'export-password-again']) this.input(id).value = '';
    });
  };

  private readonly downloadPlain = () =>
    this.exporting(async () => {
      const { enteText } = await import('../export/ente-export');
      downloadText(exportFileName('plain'), enteText(this.codes!.uris), 'text/plain');
    });

  private readonly showMigration = () =>
    this.exporting(async () => {
      const [{ migrationExport }, { drawQr }] = await Promise.all([import('../export/migration'), import('../export/qr')]);
      const batchId = crypto.getRandomValues(new Uint32Array(1))[0]! >>> 1;
      this.migration = migrationExport(this.codes!.entries, batchId);
      await this.updateComplete;
      const canvases = this.shadowRoot!.querySelectorAll<HTMLCanvasElement>('[data-testid=migration-qr]');
      await Promise.all(this.migration.uris.map((uri, index) => drawQr(canvases[index]!, uri)));
    });

  private showSingle(index: number) {
    return this.exporting(async () => {
      const { drawQr } = await import('../export/qr');
      this.shownSingle = index;
      await this.updateComplete;
      const canvas = this.shadowRoot!.querySelector<HTMLCanvasElement>('[data-testid=single-qr]')!;
      await drawQr(canvas, this.codes!.entries[index]!.uri);
    });
  }

  /** Every export first asks again for the proof: the page may have stayed open past its window. */
  private async exporting(work: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      if (await this.proven()) await work();
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  private fail(error: unknown) {
    if (error instanceof HttpError && error.status === 401) return void location.reload();
    this.error = t('export.failed');
    if (this.status !== 'ready') this.status = 'failed';
  }

  private readonly onLocked = () => {
    this.forget();
    this.status = 'locked';
  };

  /** Drops every decrypted value this page holds. */
  private forget() {
    this.codes = undefined;
    this.migration = undefined;
    this.shownSingle = undefined;
  }

  private input(testId: string): HTMLInputElement {
    return this.shadowRoot!.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`)!;
  }

  private field(testId: string): string {
    return this.input(testId)?.value ?? '';
  }
}

/** Ente's apps refuse shorter export passwords (ente-export.ts says the same; kept here so it loads late). */
const MIN_PASSWORD = 4;

function label(entry: OtpEntry): string {
  return [entry.issuer, entry.account].filter((part) => part !== '').join(' · ') || t('export.unnamed');
}

function leftOutReason(entry: OtpEntry): string {
  if (entry.error !== undefined) return t('export.reasonBroken');
  if (entry.type === 'steam') return t('export.reasonSteam');
  if (entry.digits !== 6 && entry.digits !== 8) return t('export.reasonDigits', { digits: entry.digits });
  return t('export.reasonPeriod', { period: entry.period });
}
