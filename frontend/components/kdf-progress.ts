import { html, type TemplateResult } from 'lit';
import { formatNumber, t } from '../i18n/i18n';

/**
 * How often a page re-renders the elapsed time while the worker derives the key: each second, in whole
 * seconds. Tenths, ten renders a second, told nobody anything and were page work (render, layout, paint)
 * on the cores the Argon2id worker needs (docs/benchmarks.md, "Item 4 with medians"). The spinner, a
 * compositor animation, shows life between ticks.
 */
export const KDF_TICK_MS = 1000;

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
            seconds: formatNumber(Math.floor(seconds), { maximumFractionDigits: 0 }),
          })}</span
    >
  </div>`;
}
