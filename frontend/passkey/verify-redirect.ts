// Where the /passkeys/verify page sends the browser after approving a sign-in for another app, as Ente's
// accounts page does: back into the app that opened it, with the finish response for the app to read.
import { toBase64Url } from '../crypto/base64';
import { t } from '../i18n/i18n';

// The apps' own schemes: only the app registered for one can receive it.
const APP_SCHEMES = ['enteauth:', 'ente:', 'ente-cli:'];

/**
 * Whether the page may send the answer to `redirect`: an app's scheme, or an http(s) page on one of the
 * origins the server lists (keyhole.web-app-origins). Any other site that linked here would receive the
 * sign-in, so it is refused.
 */
export function redirectAllowed(redirect: string, allowedOrigins: readonly string[]): boolean {
  if (APP_SCHEMES.some((scheme) => redirect.toLowerCase().startsWith(scheme))) return true;
  const origin = webOrigin(redirect);
  return origin !== undefined && allowedOrigins.includes(origin);
}

/** What the page says instead of asking for a passkey, when the redirect is not allowed; else undefined. */
export function redirectRefusal(redirect: string | null, allowedOrigins: readonly string[]): string | undefined {
  if (!redirect || redirectAllowed(redirect, allowedOrigins)) return undefined;
  const origin = webOrigin(redirect);
  return origin ? t('passkeyVerify.refusedOrigin', { origin }) : t('passkeyVerify.refusedAddress');
}

/** The redirect to follow, with the answer in Ente's shape; undefined when there is none or it is refused. */
export function appRedirect(
  redirect: string | null,
  passkeySessionID: string,
  response: unknown,
  allowedOrigins: readonly string[],
): string | undefined {
  if (!redirect || !redirectAllowed(redirect, allowedOrigins)) return undefined;
  // Ente's accounts app: base64url without padding of the finish response's JSON.
  const encoded = toBase64Url(new TextEncoder().encode(JSON.stringify(response)));
  if (webOrigin(redirect)) {
    // As Ente's accounts app does, set (not append) both parameters on the page's own query.
    const url = new URL(redirect);
    url.searchParams.set('passkeySessionID', passkeySessionID);
    url.searchParams.set('response', encoded);
    return url.href;
  }
  const separator = redirect.includes('?') ? '&' : '?';
  return `${redirect}${separator}passkeySessionID=${encodeURIComponent(passkeySessionID)}&response=${encoded}`;
}

function webOrigin(redirect: string): string | undefined {
  try {
    const url = new URL(redirect);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return undefined;
    return url.origin.toLowerCase();
  } catch {
    return undefined;
  }
}
