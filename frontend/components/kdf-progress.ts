import { html, type TemplateResult } from 'lit';

/**
 * Argon2id reports no progress, so the indicator is indeterminate plus the time elapsed: proof that the
 * page is alive while the worker derives the key.
 */
export function kdfProgress(label: string, startedAt: number | undefined, now: number): TemplateResult {
  const seconds = startedAt === undefined ? 0 : (now - startedAt) / 1000;
  return html`<div class="progress" role="status" data-testid="kdf-progress">
    <span class="spinner" aria-hidden="true"></span>
    <span>${label}${startedAt === undefined ? '' : ` (${seconds.toFixed(1)} s)`}</span>
  </div>`;
}
