// One card of the dashboard, rendered by the virtual list into its own row element. A plain template
// function rather than an element: a thousand-code vault re-renders only the visible rows each second.
import { html, nothing, type TemplateResult } from 'lit';
import { decodeBase32 } from '../otp/base32';
import { codesAt, steam, totp, type Codes } from '../otp/engine';
import type { OtpEntry } from '../otp/otpauth';
import { brandAvatar } from '../icons/brand-icon';
import { groupCode } from '../dashboard/format';
import { t } from '../i18n/i18n';
import type { CodeItem } from '../dashboard/vault-model';

export interface CardHandlers {
  copy(item: CodeItem): void;
  copyRaw(item: CodeItem): void;
  /** Whether this card shows its codes now: always, unless "hide codes until clicked" is on. */
  shows(item: CodeItem): boolean;
}

const pin = () =>
  html`<svg class="pin" viewBox="0 0 24 24" role="img" aria-label=${t('card.pinned')}>
    <path fill="currentColor" d="M16 3l5 5-2 1-3 3v4l-2 2-3.5-3.5L5 20l-1-1 5.5-5.5L6 10l2-2h4l3-3z" />
  </svg>`;

export function cardTemplate(item: CodeItem, index: number, now: number, handlers: CardHandlers): TemplateResult {
  if (!item.entry) return brokenCard(item, index, handlers);
  return html`<div
    class="card"
    data-testid="code-card"
    data-index=${index}
    data-id=${item.id}
    data-issuer=${item.issuer}
    data-account=${item.account}
    data-type=${item.type}
    tabindex="0"
    role="button"
    aria-roledescription=${handlers.shows(item) ? t('card.roleShown') : t('card.roleHidden')}
    @click=${() => handlers.copy(item)}
  >
    ${brandAvatar(item.issuer, item.account, item.entry.display)} ${names(item)} ${codeColumn(item, now, handlers.shows(item))}
  </div>`;
}

function names(item: CodeItem): TemplateResult {
  return html`<div class="names">
    <div class="issuer">${item.issuer || item.account || t('card.unnamed')} ${item.pinned ? pin() : nothing}</div>
    ${item.issuer && item.account ? html`<div class="account">${item.account}</div>` : nothing}
    ${item.tags.length > 0
      ? html`<div class="tags">${item.tags.map((tag) => html`<span class="tag">${tag}</span>`)}</div>`
      : nothing}
    ${item.note ? html`<div class="note">${item.note}</div>` : nothing}
  </div>`;
}

/**
 * An entry without a code, said in plain words. One that decrypted but holds no usable URI offers its
 * text, as Ente does, so that the person can repair it in an app; one that did not decrypt has no text.
 */
function brokenCard(item: CodeItem, index: number, handlers: CardHandlers): TemplateResult {
  return html`<div
    class="card broken"
    data-testid="code-card"
    data-index=${index}
    data-id=${item.id}
    data-issuer=${item.issuer}
    data-account=${item.account}
    data-type=${item.type}
    tabindex="0"
    role="group"
    aria-label=${t('card.brokenLabel')}
  >
    <div class="avatar" style="--hue: 0" aria-hidden="true">!</div>
    <div class="names">
      <div class="issuer">${item.issuer || item.account || t('card.brokenName')}</div>
      <div class="unreadable" data-testid="code-error" data-reason=${item.error ?? ''}>${brokenText(item)}</div>
    </div>
    ${item.raw === undefined
      ? nothing
      : html`<button type="button" class="raw" data-testid="copy-raw" @click=${() => handlers.copyRaw(item)}>
          ${t('card.copyRaw')}
        </button>`}
  </div>`;
}

function brokenText(item: CodeItem): string {
  if (item.type === 'unreadable') return t('card.unreadable');
  return t('card.notACode', { reason: reasonText(item.error) });
}

/** The parser's reasons (otp/otpauth.ts, which knows no languages) in the reader's words. */
function reasonText(reason: string | undefined): string {
  switch (reason) {
    case 'not an otpauth URI':
      return t('card.reasonNotOtpauth');
    case 'unknown OTP type':
      return t('card.reasonUnknownType');
    case 'missing secret':
      return t('card.reasonMissingSecret');
    case 'invalid secret':
      return t('card.reasonInvalidSecret');
    case 'unsupported number of digits':
      return t('card.reasonDigits');
    case undefined:
      return t('card.reasonUnknown');
    default:
      return reason;
  }
}

// The HMACs change once per period, the countdown every second. Codes are kept per time step, so a
// tick costs only the template update of the visible cards, and at a period boundary the new current
// code is the previous next one: one HMAC per card, usually computed ahead in idle time (prepareNextStep).
const secrets = new WeakMap<OtpEntry, Uint8Array>();
const byStep = new WeakMap<OtpEntry, Map<number, string>>();
const hotpCodes = new WeakMap<OtpEntry, Codes>();
const STEPS_KEPT = 4;

function codeAtStep(entry: OtpEntry, step: number): string {
  let codes = byStep.get(entry);
  if (codes === undefined) byStep.set(entry, (codes = new Map()));
  let code = codes.get(step);
  if (code === undefined) {
    let key = secrets.get(entry);
    if (key === undefined) secrets.set(entry, (key = decodeBase32(entry.secret)));
    const at = step * entry.period * 1000;
    code = entry.type === 'steam' ? steam(key, at) : totp(key, at, entry.period, entry.digits, entry.algorithm);
    codes.set(step, code);
    if (codes.size > STEPS_KEPT) codes.delete(codes.keys().next().value!);
  }
  return code;
}

export function cachedCodesAt(entry: OtpEntry, now: number): Codes {
  if (entry.type === 'hotp') {
    let codes = hotpCodes.get(entry);
    if (codes === undefined) hotpCodes.set(entry, (codes = codesAt(entry, now)));
    return codes;
  }
  const periodMillis = entry.period * 1000;
  const step = Math.floor(now / periodMillis);
  const remainingMillis = (step + 1) * periodMillis - now;
  return {
    current: codeAtStep(entry, step),
    next: codeAtStep(entry, step + 1),
    secondsRemaining: Math.ceil(remainingMillis / 1000),
    progress: 1 - remainingMillis / periodMillis,
  };
}

/** Computes the codes the next period will need as "next", before it starts. */
export function prepareNextStep(entries: Iterable<OtpEntry>, now: number): void {
  for (const entry of entries) {
    if (entry.type !== 'hotp') codeAtStep(entry, Math.floor(now / (entry.period * 1000)) + 2);
  }
}

const HIDDEN = '••• •••';

function codeColumn(item: CodeItem, now: number, shown: boolean): TemplateResult {
  const entry = item.entry!;
  let codes;
  try {
    codes = cachedCodesAt(entry, now);
  } catch {
    return html`<div class="unreadable" data-testid="code-error">${t('card.noCode')}</div>`;
  }
  const remaining = codes.secondsRemaining;
  const fraction = remaining === null ? 1 : 1 - codes.progress;
  return html`<div class="codes" data-seconds-remaining=${remaining ?? ''} data-hidden=${!shown}>
      <div class="current" data-testid="code-current">${shown ? groupCode(codes.current) : HIDDEN}</div>
      <div class="next">${t('card.next')} <span data-testid="code-next">${shown ? groupCode(codes.next) : HIDDEN}</span></div>
      ${remaining === null
        ? html`<div class="countdown hotp" data-testid="code-countdown" title=${t('card.hotpHint')}>
            ${t('card.counter', { counter: String(entry.counter) })} ·
            <span data-testid="hotp-hint">${t('card.notAdvanced')}</span>
          </div>`
        : html`<div class="countdown" data-testid="code-countdown">${t('card.secondsLeft', { count: remaining })}</div>`}
    </div>
    <div class="bar ${fraction < 0.25 ? 'ending' : ''}" style="transform: scaleX(${fraction})" aria-hidden="true"></div>`;
}
