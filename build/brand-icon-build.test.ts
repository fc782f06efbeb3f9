import * as simpleIcons from 'simple-icons';
import { describe, expect, it } from 'vitest';
import { getIconSlug, getIconsData } from 'simple-icons/sdk';
import { brandIcons, iconSetModuleSource, isCc0, readSimpleIcons } from './brand-icon-build';
import { ICON_SET_MODULE, type BrandIconRecord } from '../frontend/icons/brand-icon-set';

describe('the icon set built from simple-icons', () => {
  it('holds every icon the package gives under CC0, with its colour and path, and no more than a card needs', async () => {
    const records = await readSimpleIcons();
    const data = await getIconsData();
    const cc0 = data
      .filter((icon) => isCc0(icon))
      .map(getIconSlug)
      .sort();

    expect(records.map(([slug]) => slug)).toEqual(cc0);
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

  it('leaves out the icons simple-icons puts under another licence', async () => {
    const slugs = new Set((await readSimpleIcons()).map(([slug]) => slug));
    const data = await getIconsData();
    const licensed = data.filter((icon) => icon.license && icon.license.type !== 'CC0-1.0').map(getIconSlug);

    expect(licensed.length).toBeGreaterThan(0);
    expect(licensed.filter((slug) => slugs.has(slug))).toEqual([]);
    // Examples: GPL, share-alike, no-derivatives and custom terms.
    expect(['weblate', 'debian', 'tauri', 'keycloak'].filter((slug) => slugs.has(slug))).toEqual([]);
    expect(slugs.has('dotnet')).toBe(true);
    expect(isCc0(undefined)).toBe(false);
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
    expect(await load('/frontend/dashboard/format.ts')).toBeUndefined();
    expect(await load(resolved!)).toBe(iconSetModuleSource(await readSimpleIcons()));
  });
});
