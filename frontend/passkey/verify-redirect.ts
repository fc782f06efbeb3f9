// Where the /passkeys/verify page sends the browser after approving a sign-in for another app, as Ente's
// accounts page does: back into the app that opened it, with the finish response for the app to read.
import { toBase64Url } from '../crypto/base64';

// Only the apps' own schemes: an http(s) redirect would let any site that links here receive the answer.
const APP_SCHEMES = ['enteauth:', 'ente:', 'ente-cli:'];

/** The redirect to follow, or undefined when there is none or it is not an app's scheme. */
export function appRedirect(redirect: string | null, passkeySessionID: string, response: unknown): string | undefined {
  if (!redirect || !APP_SCHEMES.some((scheme) => redirect.toLowerCase().startsWith(scheme))) return undefined;
  const encoded = toBase64Url(new TextEncoder().encode(JSON.stringify(response)));
  const separator = redirect.includes('?') ? '&' : '?';
  return `${redirect}${separator}passkeySessionID=${encodeURIComponent(passkeySessionID)}&response=${encoded}`;
}
