/// <reference types="vite/client" />
// Every text a person reads in the viewer comes from a catalogue: frontend/i18n/catalogues/<language>/
// <namespace>.json, looked up as t('<namespace>.<key>'). A value is a string with {name} placeholders, or,
// for anything counted, an object of Intl.PluralRules categories ({"one": "…", "other": "…"}) chosen by
// the `count` parameter. A key a language lacks falls back to English, so a half-translated catalogue
// shows English words rather than keys; the catalogue test fails the build on any such gap.
export const LANGUAGES = ['en', 'de', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Params = Readonly<Record<string, string | number>>;
type Entry = string | Readonly<Partial<Record<Intl.LDMLPluralRule, string>>>;
type Catalogue = Readonly<Record<string, Entry>>;

// Bundled, not fetched: the catalogues are small, and a sign-in page must not wait for a second request.
const files = import.meta.glob<Catalogue>('./catalogues/*/*.json', { eager: true, import: 'default' });

const catalogues: Record<string, Record<string, Entry>> = {};
for (const [path, catalogue] of Object.entries(files)) {
  const [, language, namespace] = /\.\/catalogues\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
  const entries = (catalogues[language] ??= {});
  for (const [key, value] of Object.entries(catalogue)) entries[`${namespace}.${key}`] = value;
}

/** Where the choice made on the settings page is remembered (this browser only). */
export const LANGUAGE_STORAGE_KEY = 'keyhole.language';
/** The same choice as a cookie, so the server can title and label its pages in it too. */
export const LANGUAGE_COOKIE = 'keyhole-language';

let current: Language = resolveLanguage();

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedChoice(): Language | undefined {
  let stored: string | null | undefined;
  try {
    stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    // storage disabled: the cookie may still hold the choice
  }
  return isLanguage(stored) ? stored : cookieChoice();
}

/** The cookie alone holds the choice when storage was cleared or is disabled; the server reads it too. */
function cookieChoice(): Language | undefined {
  const cookie = globalThis.document?.cookie ?? '';
  const value = cookie
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${LANGUAGE_COOKIE}=`))
    ?.slice(LANGUAGE_COOKIE.length + 1);
  return isLanguage(value) ? value : undefined;
}

function writeCookie(choice: Language | null): void {
  if (!globalThis.document) return;
  const maxAge = choice ? 60 * 60 * 24 * 400 : 0;
  document.cookie = `${LANGUAGE_COOKIE}=${choice ?? ''}; Path=/; Max-Age=${maxAge}; SameSite=Lax`;
}

/**
 * The server titles the page and sets <html lang> from the cookie (else Accept-Language): a choice
 * remembered only in storage (its cookie expired or was cleared) is written back, so that the next page
 * the server renders agrees with the texts drawn here; the page's own lang follows this language.
 */
function agreeWithTheServer(): void {
  if (!globalThis.document) return;
  let stored: string | null | undefined;
  try {
    stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    stored = undefined;
  }
  if (isLanguage(stored) && cookieChoice() !== stored) writeCookie(stored);
  document.documentElement.lang = current;
}
agreeWithTheServer();

/** The remembered choice, else the first of the browser's languages Keyhole has, else English. */
export function resolveLanguage(
  preferred: readonly string[] = globalThis.navigator?.languages ?? [],
  stored: Language | undefined = storedChoice(),
): Language {
  if (stored) return stored;
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

export function language(): Language {
  return current;
}

/** The language a person chose in this browser, or undefined when the page follows the browser's. */
export function chosenLanguage(): Language | undefined {
  return storedChoice();
}

/** Remembers a choice (null: follow the browser again). The caller reloads the page to redraw it. */
export function setLanguage(choice: Language | null): void {
  try {
    if (choice) globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, choice);
    else globalThis.localStorage?.removeItem(LANGUAGE_STORAGE_KEY);
  } catch {
    // storage disabled: the choice lasts for this page only
  }
  writeCookie(choice);
  current = choice ?? resolveLanguage(globalThis.navigator?.languages ?? [], undefined);
  if (globalThis.document) document.documentElement.lang = current;
}

/** For tests: read catalogues in a given language without touching storage. */
export function useLanguageForTests(language: Language): void {
  current = language;
}

export function hasKey(key: string, lang: Language = 'en'): boolean {
  return key in (catalogues[lang] ?? {});
}

export function catalogueKeys(lang: Language): string[] {
  return Object.keys(catalogues[lang] ?? {});
}

export function t(key: string, params: Params = {}): string {
  const entry = catalogues[current]?.[key] ?? catalogues.en?.[key];
  if (entry === undefined) return key;
  const text = typeof entry === 'string' ? entry : plural(entry, params.count);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

// Making an Intl formatter costs far more than using one, and the dashboard formats every visible card's
// countdown each second: each is made once per language and options.
const formatters = new Map<string, unknown>();
function cached<T>(kind: string, options: unknown, make: () => T): T {
  const key = `${kind}|${current}|${options === undefined ? '' : JSON.stringify(options)}`;
  let formatter = formatters.get(key) as T | undefined;
  if (formatter === undefined) formatters.set(key, (formatter = make()));
  return formatter;
}

function plural(entry: Exclude<Entry, string>, count: string | number | undefined): string {
  const category =
    typeof count === 'number' ? cached('plural', undefined, () => new Intl.PluralRules(current)).select(count) : 'other';
  return entry[category] ?? entry.other ?? '';
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return cached('number', options, () => new Intl.NumberFormat(current, options)).format(value);
}

/** A moment as this language writes it, e.g. "2 Dec 2026, 14:05" / "2. Dez. 2026, 14:05". */
export function formatDateTime(when: Date | number, options: Intl.DateTimeFormatOptions = DATE_TIME): string {
  return cached('date', options, () => new Intl.DateTimeFormat(current, options)).format(when);
}
const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
