import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import * as api from '../passkey/api';
import { browserPlatform, defaultPasskeyName, passkeyTime } from '../passkey/labels';
import { registerPasskey } from '../passkey/register';
import { webAuthnAvailable } from '../passkey/webauthn';
import { heldMasterKey, restoreAfterReload } from '../session/key-cache';
import { passkeySettingsFailure } from '../session/messages';
import { passkeyStyles } from './passkey-styles';
import { formStyles } from './shared-styles';
import { t } from '../i18n/i18n';
import { withParts } from './translated';

/**
 * The passkeys of the account, on /settings: register one (which needs the vault open in this tab, so
 * that the master key can be wrapped under the new passkey's PRF output), list, rename, delete, and the
 * "passkey after the password" policy. Everything the server learns is the credential's public part, a
 * name, and an opaque wrapped key.
 */
@customElement('keyhole-passkeys')
export class KeyholePasskeys extends LitElement {
  static styles = [
    formStyles,
    passkeyStyles,
    css`
      :host {
        padding-top: 0;
      }
    `,
  ];

  @state() private list: api.PasskeyList | undefined;
  @state() private unlocked = false;
  @state() private busy = false;
  @state() private renaming: string | undefined;
  @state() private confirmingDelete: string | undefined;
  @state() private message = '';
  @state() private error = '';
  @query('input[data-testid=passkey-name]') private nameInput!: HTMLInputElement;
  @query('input[data-testid=passkey-rename-input]') private renameInput: HTMLInputElement | null | undefined;
  private readonly passkeys = webAuthnAvailable();

  async connectedCallback() {
    super.connectedCallback();
    this.unlocked = (heldMasterKey() ?? (await restoreAfterReload())) !== undefined;
    await this.reload();
  }

  render() {
    const list = this.list;
    const full = list !== undefined && list.passkeys.length >= list.max;
    return html`<form @submit=${this.register} novalidate aria-labelledby="passkeys-title">
      <h2 id="passkeys-title">${t('passkeys.title')}</h2>
      <p class="meta">${t('passkeys.intro')}</p>
      ${this.passkeys ? nothing : html`<p class="error" data-testid="passkey-unsupported">${t('passkeys.unsupported')}</p>`}
      ${list && list.origin !== window.location.origin
        ? html`<p class="error" data-testid="passkey-origin-warning">
            ${withParts(t('passkeys.originWarning', { origin: list.origin, here: window.location.origin }), {
              link: html`<a href="${list.origin}/settings">${list.origin}</a>`,
            })}
          </p>`
        : nothing}
      <ul class="passkeys" data-testid="passkey-list" aria-label=${t('passkeys.listLabel')}>
        ${(list?.passkeys ?? []).map((passkey) => this.item(passkey))}
      </ul>
      ${list && list.passkeys.length === 0 ? html`<p class="meta" data-testid="passkey-none">${t('passkeys.none')}</p>` : nothing}
      <label
        >${t('passkeys.newName')}
        <input
          type="text"
          maxlength="100"
          data-testid="passkey-name"
          .value=${defaultPasskeyName(browserPlatform())}
          ?disabled=${!this.passkeys}
        />
      </label>
      <button
        type="submit"
        data-testid="passkey-register"
        ?disabled=${!this.passkeys || !this.unlocked || !list || full || this.busy}
      >
        ${t('passkeys.register')}
      </button>
      ${this.unlocked
        ? nothing
        : html`<p class="meta" data-testid="passkey-locked">
            ${withParts(t('passkeys.locked'), { link: html`<a href="codes">${t('passkeys.lockedLink')}</a>` })}
          </p>`}
      ${full ? html`<p class="meta">${t('passkeys.full', { count: list!.max })}</p>` : nothing}
      <label class="inline"
        ><input
          type="checkbox"
          data-testid="passkey-require-toggle"
          .checked=${list?.requiredAfterPassword ?? false}
          ?disabled=${!list || this.busy}
          @change=${this.toggleRequired}
        />
        ${t('passkeys.require')}</label
      >
      <div role="status" data-testid="passkey-status">${this.message}</div>
      <div class="error" role="alert" data-testid="passkey-error">${this.error}</div>
    </form>`;
  }

  private item(passkey: api.Passkey) {
    const renaming = this.renaming === passkey.id;
    const confirming = this.confirmingDelete === passkey.id;
    return html`<li data-testid="passkey-item" data-id=${passkey.id} data-unlocks-vault=${String(passkey.unlocksVault)}>
      ${renaming
        ? html`<input
            type="text"
            maxlength="100"
            aria-label=${t('passkeys.renameLabel')}
            data-testid="passkey-rename-input"
            .value=${passkey.name}
            @keydown=${(event: KeyboardEvent) => this.renameKey(event, passkey)}
          />`
        : html`<strong data-testid="passkey-item-name">${passkey.name}</strong>`}
      ${passkey.unlocksVault
        ? html`<span class="badge" data-testid="passkey-unlocks">${t('passkeys.unlocksVault')}</span>`
        : nothing}
      <span class="meta" data-testid="passkey-times"
        >${t('passkeys.times', { added: passkeyTime(passkey.createdAt), used: passkeyTime(passkey.lastUsedAt) })}</span
      >
      <div class="actions">
        ${renaming
          ? html`<button
                type="button"
                data-testid="passkey-rename-save"
                @click=${() => this.rename(passkey)}
                ?disabled=${this.busy}
              >
                ${t('passkeys.save')}
              </button>
              <button type="button" class="secondary" @click=${() => (this.renaming = undefined)}>
                ${t('passkeys.cancel')}
              </button>`
          : html`<button
              type="button"
              class="secondary"
              data-testid="passkey-rename"
              @click=${() => this.startRename(passkey)}
              ?disabled=${this.busy}
            >
              ${t('passkeys.rename')}
            </button>`}
        ${confirming
          ? html`<span>${t('passkeys.confirmDelete', { name: passkey.name })}</span>
              <button
                type="button"
                data-testid="passkey-delete-confirm"
                @click=${() => this.delete(passkey)}
                ?disabled=${this.busy}
              >
                ${t('passkeys.delete')}
              </button>
              <button
                type="button"
                class="secondary"
                data-testid="passkey-delete-cancel"
                @click=${() => (this.confirmingDelete = undefined)}
              >
                ${t('passkeys.keep')}
              </button>`
          : html`<button
              type="button"
              class="secondary"
              data-testid="passkey-delete"
              @click=${() => (this.confirmingDelete = passkey.id)}
              ?disabled=${this.busy}
            >
              ${t('passkeys.delete')}
            </button>`}
      </div>
    </li>`;
  }

  private async reload() {
    try {
      this.list = await api.listPasskeys();
    } catch (error) {
      this.error = passkeySettingsFailure(error);
    }
  }

  private readonly register = async (event: Event) => {
    event.preventDefault();
    const masterKey = heldMasterKey();
    const name = this.nameInput.value.trim();
    if (!masterKey) {
      this.unlocked = false;
      return;
    }
    if (name === '' || name.length > 100) {
      this.error = t('passkeys.nameLength');
      return;
    }
    await this.act(async () => {
      const { withoutUnlock } = await registerPasskey(name, masterKey);
      this.message =
        withoutUnlock === undefined
          ? t('passkeys.registered', { name })
          : withoutUnlock === 'no-prf'
            ? t('passkeys.registeredNoPrf', { name })
            : t('passkeys.registeredNoUnlock', { name });
    });
  };

  private startRename(passkey: api.Passkey) {
    this.renaming = passkey.id;
    this.updateComplete.then(() => this.renameInput?.select());
  }

  private renameKey(event: KeyboardEvent, passkey: api.Passkey) {
    if (event.key === 'Enter') {
      event.preventDefault();
      void this.rename(passkey);
    } else if (event.key === 'Escape') {
      this.renaming = undefined;
    }
  }

  private async rename(passkey: api.Passkey) {
    const name = this.renameInput?.value.trim() ?? '';
    if (name === '' || name.length > 100) {
      this.error = t('passkeys.nameLength');
      return;
    }
    await this.act(async () => {
      await api.renamePasskey(passkey.id, name);
      this.renaming = undefined;
      this.message = t('passkeys.renamed', { name });
    });
  }

  private async delete(passkey: api.Passkey) {
    await this.act(async () => {
      await api.deletePasskey(passkey.id);
      this.confirmingDelete = undefined;
      this.message = t('passkeys.deleted', { name: passkey.name });
    });
  }

  private readonly toggleRequired = async (event: Event) => {
    const checkbox = event.target as HTMLInputElement;
    const required = checkbox.checked;
    await this.act(async () => {
      await api.requireAfterPassword(required);
      this.message = required ? t('passkeys.required') : t('passkeys.notRequired');
    });
    // The list (reloaded by act) tells the truth; a refused change must not leave the box ticked.
    checkbox.checked = this.list?.requiredAfterPassword ?? false;
  };

  /** Runs one change, shows its failure, and reloads the list so that it shows what the server holds. */
  private async act(change: () => Promise<void>) {
    this.busy = true;
    this.message = this.error = '';
    try {
      await change();
    } catch (error) {
      this.error = passkeySettingsFailure(error);
    } finally {
      await this.reload();
      this.busy = false;
    }
  }
}
