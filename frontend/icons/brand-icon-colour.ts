// Brand colours made legible on the card in both themes. Many brands are near-black (GitHub #181717,
// Steam #000000) or near-white, which would vanish on one of them. Each colour is moved towards white on
// the dark card, or black on the light one, just until it reaches the 3:1 contrast WCAG asks of graphics
// (1.4.11), so it stays as close to the brand as legibility allows.

/** The card's background in each theme: Lumo's base colour under its 5% contrast tint (codes-styles.ts). */
export const CARD_BACKGROUND = { light: '#f4f5f7', dark: '#2c3d52' } as const;
export const MIN_CONTRAST = 3;

export interface ThemedColour {
  light: string;
  dark: string;
}

export function themedColour(hex: string): ThemedColour {
  const brand = rgb(hex);
  return {
    light: toHex(legibleOn(brand, rgb(CARD_BACKGROUND.light), [0, 0, 0])),
    dark: toHex(legibleOn(brand, rgb(CARD_BACKGROUND.dark), [255, 255, 255])),
  };
}

type Rgb = [number, number, number];

function legibleOn(colour: Rgb, background: Rgb, towards: Rgb): Rgb {
  for (let step = 0; step <= 20; step++) {
    const mixed = mix(colour, towards, step / 20);
    if (contrast(mixed, background) >= MIN_CONTRAST) return mixed;
  }
  return towards;
}

/** WCAG 2 contrast ratio, from 1 (none) to 21 (black on white). */
export function contrast(a: Rgb, b: Rgb): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

function luminance([r, g, b]: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function mix(from: Rgb, to: Rgb, amount: number): Rgb {
  return from.map((channel, i) => Math.round(channel + (to[i]! - channel) * amount)) as Rgb;
}

export function rgb(hex: string): Rgb {
  const value = Number.parseInt(hex.replace(/^#/, ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function toHex(colour: Rgb): string {
  return `#${colour.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}
