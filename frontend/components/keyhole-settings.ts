import { LitElement, css, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { HttpError } from '../api/http';
import { fetchSettings, saveSettings, type ViewerSettings } from '../api/session-api';
import './keyhole-passkeys';
import { formStyles } from './shared-styles';
import { AUTO_LOCK_CHANGED_EVENT } from '../session/tab-lock';

/**
 * The viewer's preferences (none of them secret: minutes without activity before the vault locks itself,
 * seconds before a copied code leaves the clipboard, whether codes stay hidden until clicked) and, below
 * them, the account's passkeys in their own element.
 */
@customElement('keyhole-settings')
export class KeyholeSettings extends LitElement {
  static styles = [
    formStyles,
    css`
      label.check {
        flex-direction: row;
        align-items: center;
        gap: var(--lumo-space-s);
      }
      label.check input {
        width: 1.25rem;
        height: 1.25rem;
        margin: 0;
        accent-color: var(--lumo-primary-color);
      }
    `,
  ];

  @state() private settings: ViewerSettings | undefined;
  @state() private message = '';
  @state() private error = '';
  @query('[data-testid=auto-lock-minutes]') private input!: HTMLInputElement;
  @query('[data-testid=clipboard-clear-seconds]') private clipboardInput!: HTMLInputElement;
  @query('[data-testid=hide-codes]') private hideCodesInput!: HTMLInputElement;

  async connectedCallback() {
    super.connectedCallback();
    try {
      this.settings = await fetchSettings();
    } catch {
      this.error = 'Cannot load the settings.';
    }
  }

  render() {
    const s = this.settings;
    return html`<form @submit=${this.save} novalidate>
        <h1>Settings</h1>
        <label
          >Lock after this many minutes without activity
          <input
            type="number"
            inputmode="decimal"
            step="any"
            data-testid="auto-lock-minutes"
            ?disabled=${!s}
            min=${s?.minAutoLockMinutes ?? 1}
            max=${s?.maxAutoLockMinutes ?? 1440}
            .value=${String(s?.autoLockMinutes ?? '')}
          />
        </label>
        <label
          >Clear the clipboard this many seconds after copying a code (0: never)
          <input
            type="number"
            inputmode="numeric"
            step="1"
            data-testid="clipboard-clear-seconds"
            ?disabled=${!s}
            min="0"
            max=${s?.maxClipboardClearSeconds ?? 600}
            .value=${String(s?.clipboardClearSeconds ?? '')}
          />
        </label>
        <label class="check"
          ><input type="checkbox" data-testid="hide-codes" ?disabled=${!s} .checked=${s?.hideCodes ?? false} /> Hide codes until I
          click them (for screens others can see)</label
        >
        <button type="submit" data-testid="settings-save" ?disabled=${!s}>Save</button>
        <div role="status" data-testid="settings-saved">${this.message}</div>
        <div class="error" role="alert" data-testid="settings-error">${this.error}</div>
        <a href="settings/password" data-testid="change-password-link">Change password</a>
        <a href="settings/sessions" data-testid="settings-sessions">Sessions and devices: see and end where you are signed in</a>
      </form>
      <keyhole-passkeys></keyhole-passkeys>`;
  }

  private async save(event: Event) {
    event.preventDefault();
    const s = this.settings;
    const minutes = Number(this.input.value);
    const clearSeconds = Number(this.clipboardInput.value);
    this.message = this.error = '';
    if (!s || !Number.isFinite(minutes) || minutes < s.minAutoLockMinutes || minutes > s.maxAutoLockMinutes) {
      this.error = `Enter a number of minutes from ${s?.minAutoLockMinutes ?? 1} to ${s?.maxAutoLockMinutes ?? 1440}.`;
      return;
    }
    if (!Number.isInteger(clearSeconds) || clearSeconds < 0 || clearSeconds > s.maxClipboardClearSeconds) {
      this.error = `Enter a whole number of seconds from 0 to ${s.maxClipboardClearSeconds}.`;
      return;
    }
    try {
      this.settings = await saveSettings({
        autoLockMinutes: minutes,
        clipboardClearSeconds: clearSeconds,
        hideCodes: this.hideCodesInput.checked,
      });
      this.message = 'Saved.';
      window.dispatchEvent(new CustomEvent(AUTO_LOCK_CHANGED_EVENT));
    } catch (error) {
      this.error =
        error instanceof HttpError && error.status === 400 ? 'That value is not allowed.' : 'Cannot save the settings.';
    }
  }
}
