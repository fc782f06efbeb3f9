import { LitElement, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { HttpError } from '../api/http';
import { fetchSettings, saveSettings, type ViewerSettings } from '../api/session-api';
import './keyhole-passkeys';
import { formStyles } from './shared-styles';
import { AUTO_LOCK_CHANGED_EVENT } from '../session/tab-lock';

/**
 * The viewer's preference (minutes without activity before the vault locks itself, not a secret) and,
 * below it, the account's passkeys in their own element.
 */
@customElement('keyhole-settings')
export class KeyholeSettings extends LitElement {
  static styles = formStyles;

  @state() private settings: ViewerSettings | undefined;
  @state() private message = '';
  @state() private error = '';
  @query('input') private input!: HTMLInputElement;

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
        <button type="submit" data-testid="settings-save" ?disabled=${!s}>Save</button>
        <div role="status" data-testid="settings-saved">${this.message}</div>
        <div class="error" role="alert" data-testid="settings-error">${this.error}</div>
      </form>
      <keyhole-passkeys></keyhole-passkeys>`;
  }

  private async save(event: Event) {
    event.preventDefault();
    const s = this.settings;
    const minutes = Number(this.input.value);
    this.message = this.error = '';
    if (!s || !Number.isFinite(minutes) || minutes < s.minAutoLockMinutes || minutes > s.maxAutoLockMinutes) {
      this.error = `Enter a number of minutes from ${s?.minAutoLockMinutes ?? 1} to ${s?.maxAutoLockMinutes ?? 1440}.`;
      return;
    }
    try {
      this.settings = await saveSettings(minutes);
      this.message = 'Saved.';
      window.dispatchEvent(new CustomEvent(AUTO_LOCK_CHANGED_EVENT));
    } catch (error) {
      this.error =
        error instanceof HttpError && error.status === 400 ? 'That value is not allowed.' : 'Cannot save the settings.';
    }
  }
}
