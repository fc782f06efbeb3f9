// The viewer's own endpoints under /web/** (session cookie; see dev.keyhole.viewer on the server).
import type { Base64, Base64UrlPadded } from '../crypto/sodium';
import type { Entity, KeyAttributes, WrappedAuthenticatorKey } from '../vault/types';
import { getJson, sendJson, useCsrfToken } from './http';

export interface WebSession {
  /** The key that wraps this tab's copy of the master key; it lives in the server's HTTP session only. */
  sessionKey: Base64;
  /** Where to go now: the bookmarked view that sent the browser to sign in, else the dashboard. */
  next: string;
  /** Signing in rotated the CSRF token. */
  csrfToken?: string;
}

export interface VaultSnapshot {
  keyAttributes: KeyAttributes;
  /** Absent (the server leaves nulls out) before any sync client created one. */
  authenticatorKey?: WrappedAuthenticatorKey | null;
  /** Every entity changed after sinceTime (tombstones included), oldest change first. */
  diff: Entity[];
  /** The server's time in epoch microseconds, for clock correction. */
  timestamp: number;
}

export interface ViewerSettings {
  autoLockMinutes: number;
  minAutoLockMinutes: number;
  maxAutoLockMinutes: number;
  /** Seconds after a copy before the dashboard empties the clipboard; 0: never. */
  clipboardClearSeconds: number;
  maxClipboardClearSeconds: number;
  /** Codes show as dots until their card is clicked. */
  hideCodes: boolean;
}

/** The preferences a save changes; the ones left out stay as they are. */
export type SettingsChange = Partial<Pick<ViewerSettings, 'autoLockMinutes' | 'clipboardClearSeconds' | 'hideCodes'>>;

/**
 * Exchanges the sync token for a web session. The server revokes the token: it is useless afterwards.
 * When the exchange fails before the server saw the token (e.g. a page whose CSRF token expired), the
 * token is revoked here instead, so that no live sync token outlives the attempt.
 */
export async function openWebSession(token: Base64UrlPadded): Promise<WebSession> {
  let session: WebSession;
  try {
    session = await sendJson<WebSession>('POST', '/web/session', { token });
  } catch (error) {
    await revokeSyncToken(token);
    throw error;
  }
  if (session.csrfToken) useCsrfToken(session.csrfToken);
  return session;
}

/** Best effort: the sync API's logout ends the token's session (Ente's POST /users/logout). */
async function revokeSyncToken(token: Base64UrlPadded): Promise<void> {
  try {
    await fetch('/users/logout', { method: 'POST', headers: { 'X-Auth-Token': token }, credentials: 'omit', cache: 'no-store' });
  } catch {
    // Unreachable server: nothing more can be done from here; the token was never stored anywhere.
  }
}

export async function fetchSessionKey(): Promise<Base64> {
  return (await getJson<{ sessionKey: Base64 }>('/web/session-key')).sessionKey;
}

export function fetchVault(sinceTime: number): Promise<VaultSnapshot> {
  return getJson<VaultSnapshot>(`/web/vault?sinceTime=${encodeURIComponent(String(sinceTime))}`);
}

export function logOut(): Promise<unknown> {
  return sendJson('POST', '/web/logout');
}

export function fetchSettings(): Promise<ViewerSettings> {
  return getJson<ViewerSettings>('/web/settings');
}

export function saveSettings(change: SettingsChange): Promise<ViewerSettings> {
  return sendJson<ViewerSettings>('PUT', '/web/settings', change);
}
