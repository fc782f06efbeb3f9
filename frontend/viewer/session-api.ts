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
  authenticatorKey: WrappedAuthenticatorKey | null;
  /** Every entity changed after sinceTime (tombstones included), oldest change first. */
  diff: Entity[];
  /** The server's time in epoch microseconds, for clock correction. */
  timestamp: number;
}

export interface ViewerSettings {
  autoLockMinutes: number;
  minAutoLockMinutes: number;
  maxAutoLockMinutes: number;
}

/** Exchanges the sync token for a web session. The server revokes the token: it is useless afterwards. */
export async function openWebSession(token: Base64UrlPadded): Promise<WebSession> {
  const session = await sendJson<WebSession>('POST', '/web/session', { token });
  if (session.csrfToken) useCsrfToken(session.csrfToken);
  return session;
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

export function saveSettings(autoLockMinutes: number): Promise<ViewerSettings> {
  return sendJson<ViewerSettings>('PUT', '/web/settings', { autoLockMinutes });
}
