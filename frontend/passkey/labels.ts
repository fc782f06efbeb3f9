// How passkeys are named and dated on the settings page. Pure functions, so that they can be tested
// without a browser.

/** A name the person may keep: the platform is what tells two passkeys of one account apart. */
export function defaultPasskeyName(platform: string | undefined): string {
  const known = [
    [/android/i, 'Android'],
    [/iphone|ipad|ios/i, 'iOS'],
    [/mac/i, 'macOS'],
    [/win/i, 'Windows'],
    [/cros|chrome ?os/i, 'ChromeOS'],
    [/linux/i, 'Linux'],
  ] as const;
  const match = known.find(([pattern]) => pattern.test(platform ?? ''));
  return match ? `Passkey on ${match[1]}` : 'Passkey';
}

/** The browser's idea of its platform: User-Agent Client Hints where there are any, else navigator.platform. */
export function browserPlatform(): string | undefined {
  const hints = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData;
  return hints?.platform || navigator.platform || undefined;
}

/** Epoch microseconds (the server's unit) as a local date and time; `never` for null. */
export function passkeyTime(micros: number | null, locale?: string): string {
  if (micros === null) return 'never';
  return new Date(Math.floor(micros / 1000)).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}
