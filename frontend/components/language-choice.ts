// The language choice: a small select on the signed-out pages (and wherever a page wants one). The
// choice is remembered in this browser (setLanguage: storage and a cookie the server reads too); the page
// reloads to draw itself, its title and its server-made parts in the new language.
import { css, html } from 'lit';
import { chosenLanguage, LANGUAGES, setLanguage, t, type Language } from '../i18n/i18n';

/** Each language named in itself, so a person who cannot read the current one still finds theirs. */
const NAMES: Record<Language, () => string> = {
  en: () => t('shell.languageEn'),
  de: () => t('shell.languageDe'),
  nl: () => t('shell.languageNl'),
};

function choose(event: Event): void {
  const value = (event.target as HTMLSelectElement).value;
  setLanguage((LANGUAGES as readonly string[]).includes(value) ? (value as Language) : null);
  location.reload();
}

export function languageChoice() {
  const chosen = chosenLanguage();
  return html`<div class="language">
    <label
      >${t('shell.language')}
      <select data-testid="language-choice" @change=${choose}>
        <option value="" ?selected=${chosen === undefined}>${t('shell.languageOfBrowser')}</option>
        ${LANGUAGES.map(
          (language) =>
            html`<option value=${language} lang=${language} ?selected=${chosen === language}>${NAMES[language]()}</option>`,
        )}
      </select>
    </label>
  </div>`;
}

export const languageChoiceStyles = css`
  .language {
    display: flex;
    justify-content: flex-end;
  }
  .language label {
    flex-direction: row;
    align-items: center;
    gap: var(--lumo-space-s);
  }
  .language select {
    font: inherit;
    color: var(--lumo-body-text-color);
    background: var(--lumo-contrast-5pct);
    border: 1px solid var(--lumo-contrast-30pct);
    border-radius: var(--lumo-border-radius-s);
    padding: var(--lumo-space-xs) var(--lumo-space-s);
  }
  .language select:focus-visible {
    outline: 2px solid var(--lumo-primary-color);
    outline-offset: 2px;
  }
`;
