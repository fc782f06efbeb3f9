// The catalogues against the code: every key the sources use exists in every language, no language has a
// key English lacks, placeholders agree, and the converted components hold no English of their own.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { englishLeftovers } from '../test-support/english-leftovers';
import { LANGUAGES, catalogueKeys, hasKey } from './i18n';

const FRONTEND = dirname(dirname(fileURLToPath(import.meta.url)));
const CATALOGUES = join(FRONTEND, 'i18n', 'catalogues');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return ['generated', 'test-support', 'node_modules'].includes(name) ? [] : sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('test-fakes.ts') ? [path] : [];
  });
}

interface Use {
  file: string;
  line: number;
  key: string | undefined;
}

/** Every call t(…) in a file; `key` is undefined when the first argument is not a string literal. */
export function keysUsed(source: string, file: string): Use[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const uses: Use[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 't') {
      const [first] = node.arguments;
      const literal = first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first));
      const line = tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1;
      uses.push({ file, line, key: literal ? first.text : undefined });
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return uses;
}

const USES = sources(FRONTEND).flatMap((path) => keysUsed(readFileSync(path, 'utf8'), relative(FRONTEND, path)));

type Entry = string | Record<string, string>;
function catalogue(language: string): Record<string, Entry> {
  const entries: Record<string, Entry> = {};
  for (const name of readdirSync(join(CATALOGUES, language))) {
    const namespace = name.replace(/\.json$/, '');
    const parsed = JSON.parse(readFileSync(join(CATALOGUES, language, name), 'utf8')) as Record<string, Entry>;
    for (const [key, value] of Object.entries(parsed)) entries[`${namespace}.${key}`] = value;
  }
  return entries;
}
const placeholders = (entry: Entry) =>
  [
    ...new Set(
      Object.values(typeof entry === 'string' ? { other: entry } : entry).flatMap((text) => text.match(/\{\w+\}/g) ?? []),
    ),
  ].sort();

describe('the catalogues hold every key the code uses', () => {
  it('finds the keys of the sources (the scan itself works)', () => {
    expect(USES.length).toBeGreaterThan(100);
    expect(USES).toContainEqual(expect.objectContaining({ key: 'session.wrongCredentials' }));
  });

  it('calls t() only with a literal key, so that this scan sees every key', () => {
    expect(USES.filter((use) => use.key === undefined).map((use) => `${use.file}:${use.line}`)).toEqual([]);
  });

  for (const language of LANGUAGES) {
    it(`has every used key in ${language}`, () => {
      const missing = USES.filter((use) => use.key !== undefined && !hasKey(use.key, language));
      expect(missing.map((use) => `${use.file}:${use.line} ${use.key}`)).toEqual([]);
    });
  }

  it('fails for a key no catalogue has (checked on a made-up source)', () => {
    const made = keysUsed("const a = t('login.signIn'); const b = t('login.noSuchKey'); const c = t(key);", 'sample.ts');
    expect(made.map((use) => use.key)).toEqual(['login.signIn', 'login.noSuchKey', undefined]);
    expect(made.filter((use) => use.key !== undefined && !hasKey(use.key, 'de')).map((use) => use.key)).toEqual([
      'login.noSuchKey',
    ]);
  });

  it('has no key in German or Dutch that English lacks', () => {
    const english = new Set(catalogueKeys('en'));
    for (const language of LANGUAGES)
      expect(
        catalogueKeys(language).filter((key) => !english.has(key)),
        language,
      ).toEqual([]);
  });

  it('uses the same placeholders in every language, and gives every counted text an "other" form', () => {
    const english = catalogue('en');
    for (const language of LANGUAGES) {
      const translated = catalogue(language);
      for (const [key, entry] of Object.entries(translated)) {
        expect(placeholders(entry), `${language} ${key}`).toEqual(placeholders(english[key] ?? ''));
        if (typeof entry !== 'string') expect(entry.other, `${language} ${key}`).toBeTypeOf('string');
      }
    }
  });

  it('translates every sentence: no German or Dutch text of three words or more is the English one', () => {
    const english = catalogue('en');
    for (const language of ['de', 'nl']) {
      const copies = Object.entries(catalogue(language)).filter(([key, entry]) => {
        // A counted entry is judged by its longest form, not by its JSON (whose "one"/"other" are no words).
        const forms = typeof entry === 'string' ? [entry] : Object.values(entry);
        const words = Math.max(
          ...forms.map(
            (form) =>
              form
                .replace(/\{\w+\}/g, '')
                .split(/\s+/)
                .filter((word) => /\p{L}{2,}/u.test(word)).length,
          ),
        );
        return JSON.stringify(entry) === JSON.stringify(english[key]) && words >= 3;
      });
      expect(
        copies.map(([key]) => key),
        language,
      ).toEqual([]);
    }
  });
});

describe('converted components hold no English of their own', () => {
  const components = readdirSync(join(FRONTEND, 'components')).filter(
    (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'),
  );
  const leftovers = (name: string) => englishLeftovers(readFileSync(join(FRONTEND, 'components', name), 'utf8'), name);

  for (const name of components) {
    it(`${name} takes every text from a catalogue`, () => {
      expect(leftovers(name).map((found) => `${name}:${found.line} ${found.text}`)).toEqual([]);
    });
  }
});

describe('the English-leftover check', () => {
  it('finds text nodes, read attributes and sentences in code of a made-up component', () => {
    const sample = `
      import { html } from 'lit';
      const label = 'Enter the code.';
      export const view = (n: number) => html\`<form>
        <h1>Sign in</h1>
        <input placeholder="Your email" aria-label=\${t('common.email')} data-testid="login-email" />
        <button title="Send it">\${t('common.next')}</button>
        <p>\${n} codes left</p>
        <!-- a comment is no text -->
      </form>\`;`;
    expect(englishLeftovers(sample).map((found) => found.text)).toEqual([
      'Enter the code.',
      'Sign in',
      'Your email',
      'Send it',
      'codes left',
    ]);
  });

  it('accepts a converted one: texts as expressions, markup, CSS, attributes nobody reads', () => {
    const sample = `
      import { css, html } from 'lit';
      const styles = css\`:host { font-family: system-ui, sans-serif; }\`;
      const selector = '[data-testid="login-email"]';
      export const view = () => html\`<form @submit=\${go} novalidate>
        <h1>\${t('common.appName')}</h1>
        <label>\${t('common.email')} <input type="email" autocomplete="username webauthn" data-testid="login-email" /></label>
        <span aria-hidden="true">·</span>&nbsp;
      </form>\`;`;
    expect(englishLeftovers(sample)).toEqual([]);
  });
});

// Each catalogue file is a flat object of strings or of plural forms: anything else would not load.
describe('catalogue files', () => {
  it('are flat objects of texts in every language folder', () => {
    for (const language of LANGUAGES) {
      for (const [key, entry] of Object.entries(catalogue(language))) {
        const ok = typeof entry === 'string' || Object.values(entry).every((text) => typeof text === 'string');
        expect(ok, `${language} ${key}`).toBe(true);
      }
    }
    expect(readdirSync(CATALOGUES).sort()).toEqual([...LANGUAGES].sort());
    expect(sep).toBeTypeOf('string');
  });
});
