// The browser's WebAuthn API, spoken in the JSON the server uses (binary values as unpadded base64url),
// always with user verification and, where a PRF salt is given, the PRF extension. Credentials go back
// as PublicKeyCredential.toJSON(), minus the PRF results: those are the secret that unwraps the master
// key, and a JSON serialisation of the client extension outputs would otherwise carry them to the server.
import { asBase64Url, bytesOf, fromBase64Url, toBase64Url, type Base64Url } from '../crypto/base64';

const TIMEOUT_MS = 300_000;
// ES256, EdDSA, RS256: what the server verifies (dev.keyhole.passkey.internal.PasskeyVerifier.ALGORITHMS).
const ALGORITHMS = [-7, -8, -257];

/** The person cancelled, the request timed out, or the page aborted it (WebAuthn does not tell them apart). */
export class PasskeyCancelled extends Error {
  override name = 'PasskeyCancelled';
}

/** This browser has no WebAuthn (or the page is not a secure context). */
export class PasskeyUnavailable extends Error {
  override name = 'PasskeyUnavailable';
}

/** The authenticator already holds a passkey of this account (it was in excludeCredentials). */
export class PasskeyAlreadyRegistered extends Error {
  override name = 'PasskeyAlreadyRegistered';
}

/** Any other refusal by the browser or the authenticator. */
export class PasskeyFailed extends Error {
  override name = 'PasskeyFailed';
}

/** The server's RegistrationOptions (dev.keyhole.passkey.RegistrationOptions). */
export interface RegistrationOptionsJson {
  challenge: string;
  rpId: string;
  rpName: string;
  userHandle: string;
  userName: string;
  excludeCredentialIds: string[];
  prfSalt: string;
}

/** What an assertion needs: SignInOptions, unlock options (with a credential list) or a second-factor request. */
export interface RequestOptionsJson {
  challenge: string;
  rpId: string;
  prfSalt?: string;
  allowCredentialIds?: string[];
  timeout?: number;
}

/** A credential as the server parses it: the browser's toJSON() shape, without PRF results. */
export type CredentialJson = Record<string, unknown> & { id: string };

export interface Created {
  credential: CredentialJson;
  /** Whether the authenticator can evaluate PRF for this credential (`prf.enabled`). */
  prfEnabled: boolean;
  /** Some authenticators evaluate PRF during create() already; the caller wipes it. */
  prfOutput?: Uint8Array;
}

export interface Asserted {
  credential: CredentialJson;
  credentialId: Base64Url;
  /** The PRF output for the requested salt, if the authenticator gave one; the caller wipes it. */
  prfOutput?: Uint8Array;
}

export function webAuthnAvailable(): boolean {
  return (
    typeof window !== 'undefined' &&
    window.isSecureContext &&
    typeof window.PublicKeyCredential === 'function' &&
    typeof navigator.credentials?.create === 'function' &&
    typeof navigator.credentials?.get === 'function'
  );
}

/** Whether the browser offers passkeys in the autofill of a field marked autocomplete="… webauthn". */
export async function conditionalMediationAvailable(): Promise<boolean> {
  if (!webAuthnAvailable()) return false;
  try {
    return (await PublicKeyCredential.isConditionalMediationAvailable?.()) === true;
  } catch {
    return false;
  }
}

export function creationOptions(json: RegistrationOptionsJson): PublicKeyCredentialCreationOptions {
  return {
    challenge: fromBase64Url(json.challenge),
    rp: { id: json.rpId, name: json.rpName },
    user: { id: fromBase64Url(json.userHandle), name: json.userName, displayName: json.userName },
    pubKeyCredParams: ALGORITHMS.map((alg) => ({ type: 'public-key', alg })),
    excludeCredentials: json.excludeCredentialIds.map((id) => ({ type: 'public-key', id: fromBase64Url(id) })),
    // Discoverable, so that sign-in needs no email; verified, so that the passkey is a factor on its own.
    authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
    attestation: 'none',
    timeout: TIMEOUT_MS,
    extensions: { prf: { eval: { first: fromBase64Url(json.prfSalt) } } },
  };
}

export function requestOptions(json: RequestOptionsJson): PublicKeyCredentialRequestOptions {
  const options: PublicKeyCredentialRequestOptions = {
    challenge: fromBase64Url(json.challenge),
    rpId: json.rpId,
    userVerification: 'required',
    timeout: json.timeout ?? TIMEOUT_MS,
  };
  if (json.allowCredentialIds) {
    options.allowCredentials = json.allowCredentialIds.map((id) => ({ type: 'public-key', id: fromBase64Url(id) }));
  }
  if (json.prfSalt) options.extensions = { prf: { eval: { first: fromBase64Url(json.prfSalt) } } };
  return options;
}

export async function createCredential(options: PublicKeyCredentialCreationOptions, signal?: AbortSignal): Promise<Created> {
  requireWebAuthn();
  const credential = await ceremony(() => navigator.credentials.create({ publicKey: options, signal }));
  const prf = credential.getClientExtensionResults().prf;
  return {
    credential: credentialJson(credential),
    prfEnabled: prf?.enabled === true || prf?.results?.first !== undefined,
    prfOutput: takePrfOutput(prf),
  };
}

export async function getCredential(
  options: PublicKeyCredentialRequestOptions,
  { mediation, signal }: { mediation?: CredentialMediationRequirement; signal?: AbortSignal } = {},
): Promise<Asserted> {
  requireWebAuthn();
  const credential = await ceremony(() => navigator.credentials.get({ publicKey: options, mediation, signal }));
  const prf = credential.getClientExtensionResults().prf;
  return {
    credential: credentialJson(credential),
    credentialId: toBase64Url(credential.rawId),
    prfOutput: takePrfOutput(prf),
  };
}

/**
 * The toJSON() form (Chromium, Firefox and Safari have it), built by hand where it is missing. Either
 * way the PRF outputs are removed from clientExtensionResults before anything is serialised.
 */
export function credentialJson(credential: PublicKeyCredential): CredentialJson {
  const json = (typeof credential.toJSON === 'function' ? credential.toJSON() : manualJson(credential)) as CredentialJson;
  const extensions = { ...((json.clientExtensionResults as Record<string, unknown> | undefined) ?? {}) };
  delete extensions.prf;
  return { ...json, clientExtensionResults: extensions };
}

function manualJson(credential: PublicKeyCredential): CredentialJson {
  const response = credential.response;
  const common = { clientDataJSON: toBase64Url(response.clientDataJSON) };
  const body =
    'attestationObject' in response
      ? {
          ...common,
          attestationObject: toBase64Url((response as AuthenticatorAttestationResponse).attestationObject),
          transports: (response as AuthenticatorAttestationResponse).getTransports?.() ?? [],
        }
      : {
          ...common,
          authenticatorData: toBase64Url((response as AuthenticatorAssertionResponse).authenticatorData),
          signature: toBase64Url((response as AuthenticatorAssertionResponse).signature),
          userHandle: nullable((response as AuthenticatorAssertionResponse).userHandle),
        };
  return {
    id: asBase64Url(credential.id),
    rawId: toBase64Url(credential.rawId),
    type: credential.type,
    authenticatorAttachment: credential.authenticatorAttachment,
    response: body,
    clientExtensionResults: {},
  };
}

function nullable(buffer: ArrayBuffer | null): string | null {
  return buffer === null ? null : toBase64Url(buffer);
}

/** A copy of the PRF output; the browser's own buffer is overwritten so that only the copy remains. */
function takePrfOutput(prf: AuthenticationExtensionsPRFOutputs | undefined): Uint8Array | undefined {
  const first = prf?.results?.first;
  if (first === undefined) return undefined;
  const view = bytesOf(first);
  const copy = view.slice();
  view.fill(0);
  return copy;
}

function requireWebAuthn(): void {
  if (!webAuthnAvailable()) throw new PasskeyUnavailable('this browser has no WebAuthn');
}

async function ceremony(call: () => Promise<Credential | null>): Promise<PublicKeyCredential> {
  let credential: Credential | null;
  try {
    credential = await call();
  } catch (error) {
    throw translated(error);
  }
  if (credential === null || credential.type !== 'public-key') throw new PasskeyCancelled('no credential was chosen');
  return credential as PublicKeyCredential;
}

function translated(error: unknown): Error {
  const name =
    error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException) ? (error as Error).name : '';
  if (name === 'NotAllowedError' || name === 'AbortError')
    return new PasskeyCancelled('the passkey request was cancelled or timed out');
  if (name === 'InvalidStateError')
    return new PasskeyAlreadyRegistered('this authenticator already has a passkey of this account');
  return new PasskeyFailed(`the passkey request failed (${name || 'unknown error'})`);
}
