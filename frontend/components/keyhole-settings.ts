import { LitElement, css, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { HttpError } from '../api/http';
import { fetchSettings, saveSettings, type ViewerSettings } from '../api/session-api';
import './keyhole-passkeys';
import { formStyles } from './shared-styles';
import { AUTO_LOCK_CHANGED_EVENT } from '../session/tab-lock';
import { language, LANGUAGES, LANGUAGE_STORAGE_KEY, setLanguage, t, type Language } from '../i18n/i18n';

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
      this.error = t('settings.loadFailed');
    }
  }

  render() {
    const s = this.settings;
    return html`<form @submit=${this.save} novalidate>
        <h1>${t('settings.title')}</h1>
        ${languageChoice()}
        <label
          >${t('settings.autoLock')}
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
          >${t('settings.clipboardClear')}
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
          ><input type="checkbox" data-testid="hide-codes" ?disabled=${!s} .checked=${s?.hideCodes ?? false} /> ${t(
            'settings.hideCodes',
          )}</label
        >
        <button type="submit" data-testid="settings-save" ?disabled=${!s}>${t('settings.save')}</button>
        <div role="status" data-testid="settings-saved">${this.message}</div>
        <div class="error" role="alert" data-testid="settings-error">${this.error}</div>
        <a href="settings/password" data-testid="change-password-link">${t('settings.changePassword')}</a>
        <a href="settings/sessions" data-testid="settings-sessions">${t('settings.sessions')}</a>
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
      this.error = t('settings.minutesRange', { min: s?.minAutoLockMinutes ?? 1, max: s?.maxAutoLockMinutes ?? 1440 });
      return;
    }
    if (!Number.isInteger(clearSeconds) || clearSeconds < 0 || clearSeconds > s.maxClipboardClearSeconds) {
      this.error = t('settings.secondsRange', { max: s.maxClipboardClearSeconds });
      return;
    }
    try {
      this.settings = await saveSettings({
        autoLockMinutes: minutes,
        clipboardClearSeconds: clearSeconds,
        hideCodes: this.hideCodesInput.checked,
      });
      this.message = t('settings.saved');
      window.dispatchEvent(new CustomEvent(AUTO_LOCK_CHANGED_EVENT));
    } catch (error) {
      this.error = error instanceof HttpError && error.status === 400 ? t('settings.notAllowed') : t('settings.saveFailed');
    }
  }
}

/** Each language named in itself, so that a person who cannot read the current one still finds theirs. */
const LANGUAGE_NAMES = {
  en: () => t('settings.languageEn'),
  de: () => t('settings.languageDe'),
  nl: () => t('settings.languageNl'),
} satisfies Record<Language, () => string>;

/**
 * Applies at once, not with Save: the choice lives in this browser (setLanguage), not in the account,
 * and the page reloads to redraw every text, the server's title and `<html lang>` included.
 */
function languageChoice() {
  const chosen = chosenLanguage();
  const choose = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value;
    setLanguage(value === '' ? null : (value as Language));
    location.reload();
  };
  return html`<label
    >${t('settings.language')}
    <select data-testid="language-choice" data-current=${language()} @change=${choose}>
      <option value="" ?selected=${chosen === undefined}>${t('settings.languageBrowser')}</option>
      ${LANGUAGES.map(
        (code) => html`<option value=${code} lang=${code} ?selected=${chosen === code}>${LANGUAGE_NAMES[code]()}</option>`,
      )}
    </select>
  </label>`;
}

/** The remembered choice, if any: "Browser default" is the absence of one. */
function chosenLanguage(): Language | undefined {
  try {
    const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : undefined;
  } catch {
    return undefined;
  }
}
