// Which bundled brand icon a code shows. Issuers are typed by people and by sign-up pages, so names are
// compared folded: "GitHub", "github.com", "Proton Mail"/"ProtonMail" and "Crédit"/"Credit" meet. A code
// without a match keeps its monogram; a wrong icon would be worse than none, so there is no fuzzy search.
import type { BrandIconRecord } from './brand-icon-set';

export interface BrandIcon {
  slug: string;
  title: string;
  /** The brand colour, 6 hex digits: the icon's own, or the one simple-icons gives the alias that matched. */
  hex: string;
  /** A 24×24 SVG path. */
  path: string;
}

/** The display settings Ente stores with a code that concern its icon (code_display.dart). */
export interface IconChoice {
  iconSrc?: string;
  iconID?: string;
}

/** Case, accents, spaces and punctuation folded away; "&" and "+" read as words, as simple-icons' slugs do. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replaceAll('&', 'and')
    .replaceAll('+', 'plus')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

// "github.com", "www.amazon.co.uk", "accounts.google.com": letters, digits and hyphens between dots.
const HOST = /^(?:www\.)?((?:[\p{L}\p{N}-]+\.)*?([\p{L}\p{N}-]+))\.(?:[a-z]{2,3}\.[a-z]{2}|[a-z]{2,})$/u;

/** The names an issuer is looked up by, most specific first. */
export function candidateNames(issuer: string): string[] {
  const trimmed = issuer.trim();
  const names = [trimmed];
  const host = HOST.exec(trimmed.toLowerCase());
  // "github.com" → "github"; a sign-in subdomain names its brand's site: "accounts.google.com" → "google".
  if (host) names.push(host[1]!, host[2]!);
  // "GitHub (work)": what people add to tell two accounts apart.
  const bracket = trimmed.indexOf('(');
  if (bracket > 0) names.push(trimmed.slice(0, bracket));
  return names;
}

/** The bundled icons by every folded name simple-icons gives them. */
export class IconIndex {
  private readonly byName = new Map<string, BrandIcon>();
  private readonly found = new Map<string, BrandIcon | undefined>();

  constructor(records: readonly BrandIconRecord[]) {
    const icons = records.map(([slug, title, hex, path]) => ({ slug, title, hex, path }));
    // An icon's own slug and title win over another icon's alias: "X" is X even if some brand were once called X.
    icons.forEach((icon) => this.add(icon.slug, icon));
    icons.forEach((icon) => this.add(icon.title, icon));
    records.forEach(([, , , , aliases], i) => {
      const icon = icons[i]!;
      for (const name of [...(aliases?.aka ?? []), ...(aliases?.loc ?? []), ...(aliases?.old ?? [])]) this.add(name, icon);
      for (const dup of aliases?.dup ?? []) this.add(dup.title, dup.hex ? { ...icon, hex: dup.hex } : icon);
    });
  }

  get size(): number {
    return this.byName.size;
  }

  /** The icon a code shows: the one the person picked in Ente (iconID) when it is bundled, else its issuer's. */
  find(issuer: string, choice: IconChoice = {}): BrandIcon | undefined {
    const picked = choice.iconID?.trim() ?? '';
    const memo = `${picked}\n${issuer}`;
    if (this.found.has(memo)) return this.found.get(memo);
    // Ente names a picked icon by its title without spaces, lower-cased ("protonmail"), for simple-icons
    // (iconSrc "simpleIcon") and its own set alike; one of its own may exist here under the same name.
    const names = [...(picked ? [picked] : []), ...candidateNames(issuer)];
    const icon = names.map((name) => this.byName.get(nameKey(name))).find((found) => found !== undefined);
    this.found.set(memo, icon);
    return icon;
  }

  private add(name: string, icon: BrandIcon) {
    const key = nameKey(name);
    if (key && !this.byName.has(key)) this.byName.set(key, icon);
  }
}
