// The code a flow asks for mid-way (an emailed code, a TOTP code): the flow awaits `ask`, the page shows
// a field while `kind` is set and hands the typed code to `answer`. A page that goes back withdraws it.
import { html } from 'lit';
import { t } from '../i18n/i18n';
import type { AskForCode, CodeKind } from '../session/second-step';

export class CodeWithdrawn extends Error {
  override name = 'CodeWithdrawn';
}

export const CODE_LABELS: Record<CodeKind, () => string> = {
  email: () => t('common.codeFromEmail'),
  totp: () => t('common.codeFromApp'),
};

/** The code field of every page that asks for one: `prefix`-code, described by the page's `prefix`-error. */
export function codeField(kind: CodeKind, prefix: string, disabled = false) {
  return html`<label
    >${CODE_LABELS[kind]()}
    <input
      type="text"
      name="code"
      inputmode="numeric"
      autocomplete="one-time-code"
      required
      autofocus
      data-testid="${prefix}-code"
      data-kind=${kind}
      aria-describedby="${prefix}-error"
      ?disabled=${disabled}
    />
  </label>`;
}

export class CodePrompt {
  kind: CodeKind | undefined;
  refused = false;
  private pending: { resolve: (code: string) => void; reject: (error: Error) => void } | undefined;

  constructor(private readonly changed: () => void) {}

  readonly ask: AskForCode = (kind, refused) =>
    new Promise<string>((resolve, reject) => {
      this.kind = kind;
      this.refused = refused;
      this.pending = { resolve, reject };
      this.changed();
    });

  get waiting(): boolean {
    return this.pending !== undefined;
  }

  answer(code: string): void {
    const pending = this.pending;
    this.pending = this.kind = undefined;
    this.refused = false;
    this.changed();
    pending?.resolve(code);
  }

  withdraw(): void {
    this.pending?.reject(new CodeWithdrawn('withdrawn'));
    this.pending = this.kind = undefined;
    this.changed();
  }
}
