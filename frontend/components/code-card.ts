// One card of the dashboard, rendered by the virtual list into its own row element. A plain template
// function rather than an element: a thousand-code vault re-renders only the visible rows each second.
import { html, nothing, type TemplateResult } from 'lit';
import { decodeBase32 } from '../otp/base32';
import { codesAt, steam, totp, type Codes } from '../otp/engine';
import type { OtpEntry } from '../otp/otpauth';
import { brandAvatar } from '../icons/brand-icon';
import { groupCode } from '../dashboard/format';
import type { CodeItem } from '../dashboard/vault-model';

export interface CardHandlers {
  copy(item: CodeItem): void;
  copyRaw(item: CodeItem): void;
  /** Whether this card shows its codes now: always, unless "hide codes until clicked" is on. */
  shows(item: CodeItem): boolean;
}

const pin = html`<svg class="pin" viewBox="0 0 24 24" role="img" aria-label="Pinned">
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
    aria-roledescription=${handlers.shows(item) ? 'code, press Enter to copy' : 'hidden code, press Enter to show and copy'}
    @click=${() => handlers.copy(item)}
  >
    ${brandAvatar(item.issuer, item.account, item.entry.display)} ${names(item)} ${codeColumn(item, now, handlers.shows(item))}
  </div>`;
}

function names(item: CodeItem): TemplateResult {
  return html`<div class="names">
    <div class="issuer">${item.issuer || item.account || 'Unnamed'} ${item.pinned ? pin : nothing}</div>
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
    aria-label="Entry without a code"
  >
    <div class="avatar" style="--hue: 0" aria-hidden="true">!</div>
    <div class="names">
      <div class="issuer">${item.issuer || item.account || 'An entry without a code'}</div>
      <div class="unreadable" data-testid="code-error" data-reason=${item.error ?? ''}>${brokenText(item)}</div>
    </div>
    ${item.raw === undefined
      ? nothing
      : html`<button type="button" class="raw" data-testid="copy-raw" @click=${() => handlers.copyRaw(item)}>
          Copy raw data
        </button>`}
  </div>`;
}

function brokenText(item: CodeItem): string {
  if (item.type === 'unreadable') {
    return 'This entry cannot be opened with your key: it was damaged, or saved by an app with another key. The app that added it may still show it.';
  }
  return `This entry is not a code Keyhole can show (${item.error ?? 'unknown problem'}). Copy its raw data to fix it in your app.`;
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
    return html`<div class="unreadable" data-testid="code-error">No code can be made from this entry</div>`;
  }
  const remaining = codes.secondsRemaining;
  const fraction = remaining === null ? 1 : 1 - codes.progress;
  return html`<div class="codes" data-seconds-remaining=${remaining ?? ''} data-hidden=${!shown}>
      <div class="current" data-testid="code-current">${shown ? groupCode(codes.current) : HIDDEN}</div>
      <div class="next">next <span data-testid="code-next">${shown ? groupCode(codes.next) : HIDDEN}</span></div>
      ${remaining === null
        ? html`<div class="countdown hotp" data-testid="code-countdown" title=${HOTP_HINT}>
            counter ${entry.counter} · <span data-testid="hotp-hint">not advanced here</span>
          </div>`
        : html`<div class="countdown" data-testid="code-countdown">${remaining} s</div>`}
    </div>
    <div class="bar ${fraction < 0.25 ? 'ending' : ''}" style="transform: scaleX(${fraction})" aria-hidden="true"></div>`;
}

/** A counter-based code changes only when an app advances the counter; this read-only viewer never does. */
const HOTP_HINT =
  'A counter-based (HOTP) code: Keyhole shows the code for the saved counter and never advances it. To get a new code, use the app that added it.';
