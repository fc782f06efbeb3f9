// A code card's icon: the brand's, drawn inline from the bundled set, or the monogram. Asking the server
// for one icon at a time would tell it which services a person uses, so the whole set (a few MB) comes in
// one chunk that is the same for everyone. It is fetched only after the first codes have been painted,
// so it never adds to the time between submitting the password and seeing codes; until it is there,
// and if it cannot be had, cards show the monogram.
import { html, type TemplateResult } from 'lit';
import { AsyncDirective, directive } from 'lit/async-directive.js';
import { themedColour, type ThemedColour } from './brand-icon-colour';
import { IconIndex, type BrandIcon, type IconChoice } from './brand-icon-match';
import { monogram } from '../dashboard/format';

let iconSet: IconIndex | undefined;
// Cards are drawn again every second: each brand colour is adjusted once.
const colours = new Map<string, ThemedColour>();
let loading: Promise<IconIndex | undefined> | undefined;

/** Loads the set once, after the next paint; resolves to undefined if its chunk cannot be loaded. */
export function loadIconSet(): Promise<IconIndex | undefined> {
  loading ??= afterNextPaint()
    .then(() => {
      performance.mark('keyhole:icon-set-start');
      return import('virtual:keyhole-brand-icons');
    })
    .then((module) => {
      iconSet = new IconIndex(module.default);
      // Fetching, parsing and indexing: what the set costs once the codes are up.
      performance.measure('keyhole:icon-set', 'keyhole:icon-set-start');
      return iconSet;
    })
    // Not retried: a missing chunk (a server updated under an open page) stays missing until a reload,
    // and monograms are a fine way to show codes meanwhile.
    .catch(() => undefined);
  return loading;
}

function afterNextPaint(): Promise<void> {
  // requestAnimationFrame runs just before a frame is painted; the task queued from it runs after.
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

class BrandAvatar extends AsyncDirective {
  private shown: Parameters<BrandAvatar['render']> | undefined;
  private waiting = false;

  render(issuer: string, account: string, choice: IconChoice | undefined): TemplateResult {
    this.shown = [issuer, account, choice];
    if (iconSet) return avatar(iconSet.find(issuer, choice), issuer, account);
    if (!this.waiting) {
      this.waiting = true;
      // The virtual list reuses rows for other codes: draw what the row shows when the set arrives.
      void loadIconSet().then(() => {
        this.waiting = false;
        if (iconSet && this.isConnected && this.shown) this.setValue(this.render(...this.shown));
      });
    }
    return monogramAvatar(issuer, account);
  }
}

/**
 * The icon of a card: the brand icon once the set is loaded and has one for this code, else the monogram.
 * Decorative (aria-hidden): the card prints the issuer next to it.
 */
export const brandAvatar = directive(BrandAvatar);

function avatar(icon: BrandIcon | undefined, issuer: string, account: string): TemplateResult {
  if (!icon) return monogramAvatar(issuer, account);
  let colour = colours.get(icon.hex);
  if (!colour) colours.set(icon.hex, (colour = themedColour(icon.hex)));
  return html`<span
    class="avatar brand"
    data-testid="code-icon"
    data-icon=${icon.slug}
    aria-hidden="true"
    style="--brand-light: ${colour.light}; --brand-dark: ${colour.dark}"
    ><svg viewBox="0 0 24 24" focusable="false">
      <path d=${icon.path}></path></svg
  ></span>`;
}

function monogramAvatar(issuer: string, account: string): TemplateResult {
  const { letter, hue } = monogram(issuer, account);
  return html`<span class="avatar" data-testid="code-icon" style="--hue: ${hue}" aria-hidden="true">${letter}</span>`;
}
