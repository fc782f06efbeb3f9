import * as simpleIcons from 'simple-icons';
import { describe, expect, it } from 'vitest';
import { brandIcons, iconSetModuleSource, readSimpleIcons } from './brand-icon-build';
import { ICON_SET_MODULE, type BrandIconRecord } from './brand-icon-set';

describe('the icon set built from simple-icons', () => {
  it('holds every icon of the package with its colour and path, and no more than a card needs', async () => {
    const records = await readSimpleIcons();
    const packaged = Object.values(simpleIcons).filter((value) => typeof value === 'object' && 'path' in value);

    expect(records).toHaveLength(packaged.length);
    expect(records.length).toBeGreaterThan(3000);
    for (const [slug, title, hex, path, aliases] of records) {
      expect(slug).toMatch(/^[a-z0-9_]+$/);
      expect(title).not.toBe('');
      expect(hex).toMatch(/^[0-9A-F]{6}$/);
      expect(path).toMatch(/^[Mm]\s*[-\d.]/);
      if (aliases) expect(Object.keys(aliases).every((key) => ['aka', 'dup', 'loc', 'old'].includes(key))).toBe(true);
    }
    const github = records.find(([slug]) => slug === 'github')!;
    expect(github.slice(0, 4)).toEqual(['github', 'GitHub', '181717', simpleIcons.siGithub.path]);
  });

  it('becomes a module that yields the same records', async () => {
    const records: BrandIconRecord[] = [
      ['github', 'GitHub', '181717', 'M0 0h24v24H0z'],
      ['x', 'X', '000000', 'M1 1h2v2H1z', { aka: ['Twitter'] }],
      ['quote', 'It\'s "quoted" </script>', 'ABCDEF', 'M0 0z'],
    ];
    const source = iconSetModuleSource(records);

    const module = await import(/* @vite-ignore */ `data:text/javascript,${encodeURIComponent(source)}`);

    expect(module.default).toEqual(records);
  });

  it('is what the Vite plugin answers for the virtual module, and only for it', async () => {
    const plugin = brandIcons();
    const resolveId = plugin.resolveId as (id: string) => string | undefined;
    const load = plugin.load as (id: string) => Promise<string | undefined>;

    const resolved = resolveId(ICON_SET_MODULE);

    expect(resolved).toBeDefined();
    expect(resolveId('./something-else')).toBeUndefined();
    expect(await load('/frontend/viewer/format.ts')).toBeUndefined();
    expect(await load(resolved!)).toBe(iconSetModuleSource(await readSimpleIcons()));
  });
});
