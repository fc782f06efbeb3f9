// How passkeys are named and dated on the settings page. Pure functions, so that they can be tested
// without a browser.
import { formatDateTime, t } from '../i18n/i18n';

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
  return match ? t('passkeys.defaultName', { platform: match[1] }) : t('passkeys.defaultNameBare');
}

/** The browser's idea of its platform: User-Agent Client Hints where there are any, else navigator.platform. */
export function browserPlatform(): string | undefined {
  const hints = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData;
  return hints?.platform || navigator.platform || undefined;
}

/** Epoch microseconds (the server's unit) as a date and time in the viewer's language; `never` for null. */
export function passkeyTime(micros: number | null): string {
  if (micros === null) return t('passkeys.never');
  return formatDateTime(Math.floor(micros / 1000));
}
