// The account's signed-in browsers and sync clients (/web/sessions), for the sessions page.
import { getJson, sendJson } from './http';

export interface AccountSession {
  /** Public: a token's SHA-256 or a browser's random id, never a credential. */
  id: string;
  /** A browser signed in to the viewer; otherwise an Ente app or the CLI (a sync token). */
  browser: boolean;
  client: string;
  userAgent: string;
  ip: string;
  /** Epoch microseconds, as Ente's list. */
  createdAt: number;
  lastUsedAt: number;
  /** This very browser. */
  current: boolean;
}

/** This browser first, then the most recently used. */
export async function listSessions(): Promise<AccountSession[]> {
  const { sessions } = await getJson<{ sessions: AccountSession[] }>('/web/sessions');
  return [...sessions].sort((a, b) => Number(b.current) - Number(a.current) || b.lastUsedAt - a.lastUsedAt);
}

export async function endSession(id: string): Promise<void> {
  await sendJson('DELETE', `/web/sessions/${encodeURIComponent(id)}`);
}
