import { html, type TemplateResult } from 'lit';
import { formatNumber, t } from '../i18n/i18n';

/**
 * Argon2id reports no progress, so the indicator is indeterminate plus the time elapsed: proof that the
 * page is alive while the worker derives the key.
 */
export function kdfProgress(label: string, startedAt: number | undefined, now: number): TemplateResult {
  const seconds = startedAt === undefined ? 0 : (now - startedAt) / 1000;
  return html`<div class="progress" role="status" data-testid="kdf-progress">
    <span class="spinner" aria-hidden="true"></span>
    <span
      >${startedAt === undefined
        ? label
        : t('common.elapsed', {
            label,
            seconds: formatNumber(seconds, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
          })}</span
    >
  </div>`;
}
