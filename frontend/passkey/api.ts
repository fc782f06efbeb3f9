// The server's passkey endpoints (the passkey HTTP contract): the viewer's own under /web/passkeys
// (session cookie + CSRF), and the sync API's second-factor ceremony under /users/two-factor/passkeys.
import type { Base64 } from '../crypto/sodium';
import type { KeyAttributes } from '../vault/types';
import { getJson, sendJson } from '../api/http';
import type { PrfWrappedKey } from './prf-key';
import type { CredentialJson, RegistrationOptionsJson, RequestOptionsJson } from './webauthn';

/** A registered passkey as listed; times are epoch microseconds. */
export interface Passkey {
  id: string;
  name: string;
  createdAt: number;
  lastUsedAt: number | null;
  unlocksVault: boolean;
}

export interface PasskeyList {
  passkeys: Passkey[];
  requiredAfterPassword: boolean;
  max: number;
  /** The one origin passkeys work on (the server's keyhole.public-url). */
  origin: string;
}

export interface PasskeySignedIn {
  sessionKey: Base64;
  next: string;
  csrfToken?: string;
  prf: PrfWrappedKey | null;
}

/** Ente's begin response: the options sit under options.publicKey, with a credential list. */
export interface SecondFactorBegun {
  ceremonySessionID: string;
  options: {
    publicKey: {
      challenge: string;
      rpId: string;
      timeout?: number;
      userVerification?: string;
      allowCredentials?: { type: string; id: string }[];
    };
  };
}

/** What verify-session would have answered without the policy. */
export interface SecondFactorPassed {
  id: number;
  keyAttributes: KeyAttributes;
  encryptedToken: Base64;
}

const WEB = '/web/passkeys';
const path = (id: string) => `${WEB}/${encodeURIComponent(id)}`;

export const registrationOptions = () => sendJson<RegistrationOptionsJson>('POST', `${WEB}/registration/options`);
export const register = (name: string, credential: CredentialJson) =>
  sendJson<Passkey>('POST', `${WEB}/registration`, { name, credential });
export const attachPrfKey = (id: string, key: PrfWrappedKey) => sendJson<void>('PUT', `${path(id)}/prf-key`, key);
export const listPasskeys = () => getJson<PasskeyList>(WEB);
export const renamePasskey = (id: string, name: string) => sendJson<void>('PATCH', path(id), { name });
export const deletePasskey = (id: string) => sendJson<void>('DELETE', path(id));
export const requireAfterPassword = (requiredAfterPassword: boolean) =>
  sendJson<void>('PUT', `${WEB}/policy`, { requiredAfterPassword });

export const unlockOptions = () => sendJson<RequestOptionsJson & { prfSalt: string }>('POST', `${WEB}/unlock/options`);
export const unlock = (credential: CredentialJson) => sendJson<{ prf: PrfWrappedKey }>('POST', `${WEB}/unlock`, { credential });

export const signInOptions = () => sendJson<RequestOptionsJson & { prfSalt: string }>('POST', `${WEB}/sign-in/options`);
export const signIn = (credential: CredentialJson) => sendJson<PasskeySignedIn>('POST', `${WEB}/sign-in`, { credential });

export const beginSecondFactor = (sessionID: string) =>
  sendJson<SecondFactorBegun>('POST', `/users/two-factor/passkeys/begin?sessionID=${encodeURIComponent(sessionID)}`);
export const finishSecondFactor = (ceremonySessionID: string, sessionID: string, credential: CredentialJson) =>
  sendJson<SecondFactorPassed>(
    'POST',
    `/users/two-factor/passkeys/finish?ceremonySessionID=${encodeURIComponent(ceremonySessionID)}&sessionID=${encodeURIComponent(sessionID)}`,
    credential,
  );
