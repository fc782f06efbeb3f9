// What an account with no codes yet sees: how to bring codes in, with this server's address filled in.
import { html, type TemplateResult } from 'lit';
import { t } from '../i18n/i18n';
import { withParts } from './translated';

// Commands are typed as they are in every language, so they stay out of the catalogues.
const CLI_LOGIN = './dev cli login --server';
const CLI_EMAIL = '--email';
const CLI_IMPORT = './dev cli import --server';

export function firstRun(serverUrl: string): TemplateResult {
  const server = html`<code data-testid="first-run-server">${serverUrl}</code>`;
  return html`<section class="first-run" data-testid="first-run" aria-labelledby="first-run-title">
    <h2 id="first-run-title">${t('first-run.title')}</h2>
    <p>${t('first-run.intro')}</p>
    <h3>${t('first-run.cliTitle')}</h3>
    <p>${t('first-run.cliText')}</p>
    <pre data-testid="first-run-cli"><code>${CLI_LOGIN} ${serverUrl} ${CLI_EMAIL} <var>${t('first-run.cliEmail')}</var>
${CLI_IMPORT} ${serverUrl} <var>${t('first-run.cliFile')}</var></code></pre>
    <h3>${t('first-run.enteTitle')}</h3>
    <p>${withParts(t('first-run.enteText'), { server })}</p>
  </section>`;
}
