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
      <h2 id="passkeys-title">Passkeys</h2>
      <p class="meta">
        Sign in with one touch instead of typing your email and password. A passkey marked "unlocks vault" also opens your codes
        without the password.
      </p>
      ${this.passkeys ? nothing : html`<p class="error" data-testid="passkey-unsupported">This browser cannot use passkeys.</p>`}
      ${list && list.origin !== window.location.origin
        ? html`<p class="error" data-testid="passkey-origin-warning">
            Passkeys work only at ${list.origin} (the server's keyhole.public-url), and this page is at ${window.location.origin}:
            here every passkey is refused. Open <a href="${list.origin}/settings">${list.origin}</a>, or start the server with
            --keyhole.public-url=${window.location.origin}.
          </p>`
        : nothing}
      <ul class="passkeys" data-testid="passkey-list" aria-label="Your passkeys">
        ${(list?.passkeys ?? []).map((passkey) => this.item(passkey))}
      </ul>
      ${list && list.passkeys.length === 0 ? html`<p class="meta" data-testid="passkey-none">No passkeys yet.</p>` : nothing}
      <label
        >Name of a new passkey
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
        Register a passkey
      </button>
      ${this.unlocked
        ? nothing
        : html`<p class="meta" data-testid="passkey-locked">
            Registering a passkey needs your vault unlocked in this tab: open <a href="codes">your codes</a>, unlock, then come
            back here.
          </p>`}
      ${full ? html`<p class="meta">This account has ${list!.max} passkeys, the most allowed.</p>` : nothing}
      <label class="inline"
        ><input
          type="checkbox"
          data-testid="passkey-require-toggle"
          .checked=${list?.requiredAfterPassword ?? false}
          ?disabled=${!list || this.busy}
          @change=${this.toggleRequired}
        />
        Require a passkey after the password</label
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
            aria-label="New name"
            data-testid="passkey-rename-input"
            .value=${passkey.name}
            @keydown=${(event: KeyboardEvent) => this.renameKey(event, passkey)}
          />`
        : html`<strong data-testid="passkey-item-name">${passkey.name}</strong>`}
      ${passkey.unlocksVault ? html`<span class="badge" data-testid="passkey-unlocks">Unlocks vault</span>` : nothing}
      <span class="meta" data-testid="passkey-times"
        >Added ${passkeyTime(passkey.createdAt)} · last used ${passkeyTime(passkey.lastUsedAt)}</span
      >
      <div class="actions">
        ${renaming
          ? html`<button
                type="button"
                data-testid="passkey-rename-save"
                @click=${() => this.rename(passkey)}
                ?disabled=${this.busy}
              >
                Save
              </button>
              <button type="button" class="secondary" @click=${() => (this.renaming = undefined)}>Cancel</button>`
          : html`<button
              type="button"
              class="secondary"
              data-testid="passkey-rename"
              @click=${() => this.startRename(passkey)}
              ?disabled=${this.busy}
            >
              Rename
            </button>`}
        ${confirming
          ? html`<span>Delete "${passkey.name}"?</span>
              <button
                type="button"
                data-testid="passkey-delete-confirm"
                @click=${() => this.delete(passkey)}
                ?disabled=${this.busy}
              >
                Delete
              </button>
              <button
                type="button"
                class="secondary"
                data-testid="passkey-delete-cancel"
                @click=${() => (this.confirmingDelete = undefined)}
              >
                Keep
              </button>`
          : html`<button
              type="button"
              class="secondary"
              data-testid="passkey-delete"
              @click=${() => (this.confirmingDelete = passkey.id)}
              ?disabled=${this.busy}
            >
              Delete
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
      this.error = 'Give the passkey a name of 1 to 100 characters.';
      return;
    }
    await this.act(async () => {
      const { withoutUnlock } = await registerPasskey(name, masterKey);
      this.message =
        withoutUnlock === undefined
          ? `"${name}" registered: it signs you in and unlocks your vault.`
          : withoutUnlock === 'no-prf'
            ? `"${name}" registered: it signs you in. This authenticator cannot unlock the vault, so your password will be asked after signing in with it.`
            : `"${name}" registered: it signs you in, but could not be set up to unlock the vault. Your password will be asked after signing in with it.`;
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
      this.error = 'Give the passkey a name of 1 to 100 characters.';
      return;
    }
    await this.act(async () => {
      await api.renamePasskey(passkey.id, name);
      this.renaming = undefined;
      this.message = `Renamed to "${name}".`;
    });
  }

  private async delete(passkey: api.Passkey) {
    await this.act(async () => {
      await api.deletePasskey(passkey.id);
      this.confirmingDelete = undefined;
      this.message = `"${passkey.name}" deleted: it no longer signs in.`;
    });
  }

  private readonly toggleRequired = async (event: Event) => {
    const checkbox = event.target as HTMLInputElement;
    const required = checkbox.checked;
    await this.act(async () => {
      await api.requireAfterPassword(required);
      this.message = required ? 'A passkey is now required after the password.' : 'The password alone signs in again.';
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
