import { beforeAll, describe, expect, it } from 'vitest';
import { readSimpleIcons } from '../../build/brand-icon-build';
import { IconIndex, candidateNames, nameKey } from './brand-icon-match';
import type { BrandIconRecord } from './brand-icon-set';

// The real set, as the build extracts it from the pinned simple-icons package.
let records: BrandIconRecord[];
let icons: IconIndex;
const slugOf = (issuer: string, choice?: { iconSrc?: string; iconID?: string }) => icons.find(issuer, choice)?.slug;

beforeAll(async () => {
  records = await readSimpleIcons();
  icons = new IconIndex(records);
});

describe('names are folded', () => {
  it('ignores case, accents, spaces and punctuation', () => {
    expect(nameKey('Proton Mail')).toBe('protonmail');
    expect(nameKey('Île-de-France Mobilités')).toBe('iledefrancemobilites');
    expect(nameKey("L'Équipe")).toBe('lequipe');
    expect(nameKey('AT&T')).toBe('atandt');
    expect(nameKey('Disney+')).toBe('disneyplus');
  });

  it('tries a host name without its top-level domain, then its brand label, then the part before a bracket', () => {
    expect(candidateNames('github.com')).toEqual(['github.com', 'github', 'github']);
    expect(candidateNames('accounts.google.com')).toEqual(['accounts.google.com', 'accounts.google', 'google']);
    expect(candidateNames('www.example.co.uk')).toEqual(['www.example.co.uk', 'example', 'example']);
    expect(candidateNames('GitHub (work)')).toEqual(['GitHub (work)', 'GitHub ']);
    expect(candidateNames('Proton Mail')).toEqual(['Proton Mail']);
  });
});

describe('an issuer finds its brand icon', () => {
  it.each([
    ['GitHub', 'github'],
    ['github', 'github'],
    ['GITHUB', 'github'],
    [' GitHub ', 'github'],
    ['github.com', 'github'],
    ['GitHub (work)', 'github'],
    ['google', 'google'],
    ['Google', 'google'],
    ['accounts.google.com', 'google'],
    ['Steam', 'steam'],
    ['Steam Deck', 'steamdeck'],
    ['Proton Mail', 'protonmail'],
    ['ProtonMail', 'protonmail'],
    ['protonmail', 'protonmail'],
    ['Proton', 'proton'],
    ['proton.me', 'proton'],
    ['Bitwarden', 'bitwarden'],
    ['Booking.com', 'bookingdotcom'],
    ['discord.js', 'discorddotjs'],
    ['discord.com', 'discord'],
  ])('%s → %s', (issuer, slug) => {
    expect(slugOf(issuer)).toBe(slug);
  });

  it('with or without accents', () => {
    expect(slugOf('Métro de Paris')).toBe('metrodeparis');
    expect(slugOf('Metro de Paris')).toBe('metrodeparis');
    expect(slugOf('Müller')).toBe('muller');
    expect(slugOf('Muller')).toBe('muller');
    expect(slugOf('ÖBB')).toBe('obb');
  });

  it('by the other names simple-icons lists: also known as, former, localised, and a shared icon with its own colour', () => {
    expect(slugOf('Twitter')).toBe('x');
    expect(slugOf('Österreichische Bundesbahnen')).toBe('obb');
    expect(slugOf('Google Bard')).toBe('googlegemini');
    expect(slugOf('구글')).toBe('google');
    const radioCanada = icons.find('Radio Canada');
    expect(radioCanada?.slug).toBe('cbc');
    expect(radioCanada?.hex).toBe('FF0000');
    expect(icons.find('CBC')?.hex).toBe('E60505');
  });

  it("prefers an icon's own name to another icon's alias", () => {
    expect(slugOf('X')).toBe('x');
    // Two icons are titled "Backstage"; the one whose slug is that name wins.
    expect(slugOf('Backstage')).toBe('backstage');
  });

  it('finds nothing for issuers the set has no icon for', () => {
    expect(slugOf('Keyhole Test Bank')).toBeUndefined();
    expect(slugOf('')).toBeUndefined();
    expect(slugOf('   ')).toBeUndefined();
    expect(slugOf('example.com')).toBeUndefined();
  });

  it('finds nothing for Amazon Web Services: simple-icons no longer carries Amazon icons', () => {
    expect(records.filter(([slug, title]) => /amazon|aws/i.test(slug + title))).toEqual([]);
    expect(slugOf('Amazon Web Services')).toBeUndefined();
    expect(slugOf('AWS')).toBeUndefined();
    expect(slugOf('aws.amazon.com')).toBeUndefined();
  });
});

describe('the icon picked in Ente (codeDisplay iconID) wins', () => {
  it('over the issuer', () => {
    expect(slugOf('GitHub', { iconSrc: 'simpleIcon', iconID: 'gitlab' })).toBe('gitlab');
    expect(slugOf('Work mail', { iconSrc: 'simpleIcon', iconID: 'protonmail' })).toBe('protonmail');
    expect(slugOf('', { iconSrc: 'simpleIcon', iconID: 'steam' })).toBe('steam');
  });

  it('whichever set Ente took it from, when this one has an icon of that name', () => {
    expect(slugOf('Mail', { iconSrc: 'customIcon', iconID: 'protonmail' })).toBe('protonmail');
  });

  it('and the issuer decides when the picked icon is not bundled or none was picked', () => {
    expect(slugOf('GitHub', { iconSrc: 'customIcon', iconID: 'an-ente-only-icon' })).toBe('github');
    // What Ente writes for a code whose icon nobody picked.
    expect(slugOf('GitHub', { iconSrc: 'ente', iconID: '' })).toBe('github');
    expect(slugOf('Keyhole Test Bank', { iconSrc: 'simpleIcon', iconID: 'no-such-icon' })).toBeUndefined();
  });

  it('remembers each answer without mixing issuers and picks', () => {
    expect(slugOf('GitHub', { iconID: 'steam' })).toBe('steam');
    expect(slugOf('GitHub')).toBe('github');
    expect(slugOf('GitHub', { iconID: 'steam' })).toBe('steam');
  });
});
