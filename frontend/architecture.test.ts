// The frontend's import rule (the layering is described in frontend/README.md): every folder may import
// only the folders its row of LAYERS names, and no module may reach itself again through its imports.
// It reads the sources with TypeScript's own pre-processor, so multi-line, type-only, re-exporting and
// dynamic imports all count, and a comment or string that merely looks like an import does not.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const FRONTEND = dirname(fileURLToPath(import.meta.url));

/** Folder → the folders its modules may import (besides their own). Lower rows never import higher ones. */
const LAYERS: Record<string, readonly string[]> = {
  // Foundations: pure code with no knowledge of pages or of each other beyond what is listed.
  i18n: [],
  crypto: [],
  otp: [],
  srp: [],
  vault: ['i18n', 'crypto'],
  api: ['i18n', 'crypto', 'vault'],
  // Features: what the pages do, on top of the foundations.
  passkey: ['i18n', 'api', 'crypto', 'vault'],
  dashboard: ['i18n', 'api', 'crypto', 'otp', 'vault'],
  icons: ['i18n', 'dashboard'],
  session: ['i18n', 'passkey', 'dashboard', 'api', 'crypto', 'otp', 'srp', 'vault'],
  account: ['i18n', 'session', 'api', 'crypto', 'srp', 'vault'],
  export: ['i18n', 'account', 'session', 'api', 'crypto', 'otp', 'vault'],
  // The Lit elements the Java views load: the only folder that may use every feature.
  components: ['i18n', 'export', 'account', 'session', 'dashboard', 'passkey', 'icons', 'api', 'crypto', 'otp', 'srp', 'vault'],
};

/** Only tests may use the test helpers and the build's Vite plugin (whose icon data they check). */
const TEST_ONLY = ['test-support', '../build'];

const isTest = (file: string) =>
  /\.test\.ts$/.test(file) || file.startsWith(`test-support${sep}`) || file.endsWith('test-fakes.ts');

interface Edge {
  from: string;
  to: string;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

// The worker is loaded by URL, not imported, but it is a dependency all the same.
const WORKER_URL = /new\s+URL\(\s*['"](\.[^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g;

function specifiers(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const imports = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
  return [...imports, ...[...text.matchAll(WORKER_URL)].map((m) => m[1])];
}

function resolveRelative(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.d.ts`, join(base, 'index.ts')].find((p) => {
    try {
      return statSync(p).isFile();
    } catch {
      return false;
    }
  });
}

/** Path relative to frontend/ ("session/sign-in.ts"; "../build/…" outside it). */
const name = (path: string) => relative(FRONTEND, path);
const folderOf = (file: string) => (file.startsWith(`..${sep}`) ? file.split(sep).slice(0, 2).join('/') : file.split(sep)[0]);

function readGraph(): { edges: Edge[]; unresolved: string[] } {
  const edges: Edge[] = [];
  const unresolved: string[] = [];
  for (const path of sources(FRONTEND)) {
    for (const specifier of specifiers(path)) {
      if (!specifier.startsWith('.')) continue; // a package or Vite's virtual module
      const target = resolveRelative(path, specifier);
      if (target) edges.push({ from: name(path), to: name(target) });
      else unresolved.push(`${name(path)} imports '${specifier}', which is no file`);
    }
  }
  return { edges, unresolved };
}

/** Every import that crosses folders the wrong way, as "file → file: rule". */
function layerViolations(edges: readonly Edge[]): string[] {
  const out: string[] = [];
  for (const { from, to } of edges) {
    const source = folderOf(from);
    const target = folderOf(to);
    if (source === target) continue;
    if (TEST_ONLY.includes(target)) {
      if (!isTest(from)) out.push(`${from} → ${to}: only tests may import ${target}/`);
      continue;
    }
    const allowed = LAYERS[source];
    if (!allowed) out.push(`${from} → ${to}: ${source}/ is in no layer; add it to LAYERS and frontend/README.md`);
    else if (!allowed.includes(target)) {
      out.push(
        `${from} → ${to}: ${source}/ may import only ${allowed.map((f) => `${f}/`).join(', ') || 'nothing outside itself'}`,
      );
    } else if (!isTest(from) && isTest(to)) out.push(`${from} → ${to}: application code imports test code`);
  }
  return out;
}

/** Each import cycle between modules, once, as "a → b → … → a". */
function cycles(edges: readonly Edge[]): string[] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const done = new Set<string>();
  const onPath: string[] = [];
  const found: string[] = [];
  const visit = (file: string) => {
    const at = onPath.indexOf(file);
    if (at >= 0) {
      found.push([...onPath.slice(at), file].join(' → '));
      return;
    }
    if (done.has(file)) return;
    onPath.push(file);
    for (const to of next.get(file) ?? []) visit(to);
    onPath.pop();
    done.add(file);
  };
  for (const file of [...next.keys()].sort()) visit(file);
  return found;
}

describe('frontend architecture', () => {
  const { edges, unresolved } = readGraph();

  it('sees the whole frontend', () => {
    // Guards the rule itself: a broken walk or parser would pass every check below.
    expect(edges.length).toBeGreaterThan(100);
    expect(edges).toContainEqual({ from: join('components', 'keyhole-login.ts'), to: join('session', 'sign-in.ts') });
    expect(edges).toContainEqual({ from: join('session', 'kdf.ts'), to: join('session', 'kdf-worker.ts') });
  });

  it('resolves every relative import', () => {
    expect(unresolved).toEqual([]);
  });

  it('imports folders only downwards, as LAYERS allows', () => {
    expect(layerViolations(edges)).toEqual([]);
  });

  it('has no import cycle between modules', () => {
    expect(cycles(edges)).toEqual([]);
  });

  it('has a layer table without a cycle between folders', () => {
    const folderEdges = Object.entries(LAYERS).flatMap(([from, tos]) => tos.map((to) => ({ from, to })));
    expect(cycles(folderEdges)).toEqual([]);
  });

  it('would catch a wrong-way import and a cycle', () => {
    // The checks on a made-up graph, so a rule that can never fail does not pass unnoticed.
    const api = join('api', 'http.ts');
    const session = join('session', 'sign-in.ts');
    expect(layerViolations([{ from: api, to: session }])).toEqual([
      `${api} → ${session}: api/ may import only i18n/, crypto/, vault/`,
    ]);
    expect(
      cycles([
        { from: 'a.ts', to: 'b.ts' },
        { from: 'b.ts', to: 'a.ts' },
      ]),
    ).toEqual(['a.ts → b.ts → a.ts']);
    expect(layerViolations([{ from: session, to: join('..', 'build', 'brand-icon-build.ts') }])).toHaveLength(1);
  });
});
