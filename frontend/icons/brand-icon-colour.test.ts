import { describe, expect, it } from 'vitest';
import { readSimpleIcons } from '../../build/brand-icon-build';
import { CARD_BACKGROUND, MIN_CONTRAST, contrast, rgb, themedColour } from './brand-icon-colour';

const onLight = (hex: string) => contrast(rgb(hex), rgb(CARD_BACKGROUND.light));
const onDark = (hex: string) => contrast(rgb(hex), rgb(CARD_BACKGROUND.dark));

describe('brand colours on the card', () => {
  it('keep a near-black brand as it is on the light theme and lighten it just enough on the dark one', () => {
    const github = themedColour('181717');

    expect(github.light).toBe('#181717');
    expect(onDark('#181717')).toBeLessThan(2);
    expect(onDark(github.dark)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(onDark(github.dark)).toBeLessThan(MIN_CONTRAST + 0.6);
  });

  it('darken a near-white brand on the light theme only', () => {
    const white = themedColour('FFFFFF');

    expect(white.dark).toBe('#ffffff');
    expect(onLight(white.light)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(onLight(white.light)).toBeLessThan(MIN_CONTRAST + 0.6);
  });

  it('leave a colour alone where it is legible already', () => {
    // Google's blue reads on both cards.
    expect(themedColour('4285F4')).toEqual({ light: '#4285f4', dark: '#4285f4' });
    // A red that reads on the light card only.
    expect(themedColour('E60505').light).toBe('#e60505');
    expect(themedColour('E60505').dark).not.toBe('#e60505');
  });

  it('are legible in both themes for every icon of the set', async () => {
    for (const [slug, , hex] of await readSimpleIcons()) {
      const colour = themedColour(hex);
      expect({ slug, light: onLight(colour.light) >= MIN_CONTRAST, dark: onDark(colour.dark) >= MIN_CONTRAST }).toEqual({
        slug,
        light: true,
        dark: true,
      });
    }
  });

  it('measure contrast as WCAG does', () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrast([119, 119, 119], [255, 255, 255])).toBeCloseTo(4.48, 2);
    expect(contrast([10, 20, 30], [10, 20, 30])).toBe(1);
  });
});
