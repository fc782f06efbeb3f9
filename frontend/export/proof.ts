// The export asks the server only whether this web session proved its owner lately (a sign-in or a
// passkey unlock within the window the passkey settings use): a bare GET that names no code and no format.
import { getJson } from '../api/http';

export const PROOF_PATH = '/web/export/proof';

/** Resolves when the proof is fresh; an HttpError 403 RECENT_SIGN_IN_REQUIRED when it is not. */
export async function requireFreshProof(): Promise<void> {
  await getJson<unknown>(PROOF_PATH);
}
