// Behind a load balancer the viewer's HTTP session lives on one node (docs/scale-out.md). When that node
// is gone, or the balancer is not sticky, the page's next CSRF-checked request lands on a node that never
// saw its session. These helpers make that cost one cheap request and one clear message, never a wasted
// key derivation (docs/design-decisions/0024-check-the-node-before-the-key-derivation.md).
import { HttpError, sendJson } from '../api/http';
import { t } from '../i18n/i18n';

/** This page's server session is not on the node that answered (node gone, not sticky, or timed out). */
export class PageSessionLost extends Error {
  override name = 'PageSessionLost';
}

/**
 * Resolves when the node that answers still holds the session this page was loaded with (its CSRF token
 * passes); rejects with PageSessionLost when it does not. Any other failure (offline, a 5xx) is left to the
 * step that follows, which reports it as it always has.
 */
export async function checkPageSession(): Promise<void> {
  try {
    await sendJson('POST', '/web/page-session');
  } catch (error) {
    if (error instanceof HttpError && error.status === 403) throw new PageSessionLost('page session not on this node');
  }
}

/** The sign-in page's text for PageSessionLost; undefined for any other error. */
export function pageSessionLostMessage(error: unknown): string | undefined {
  return error instanceof PageSessionLost ? t('node.pageSessionLost') : undefined;
}

const ENDED_KEY = 'keyhole.node.sessionEnded';

/** A dashboard found its web session gone (401/403 on a poll): say why on the sign-in page it reloads into. */
export function noteSessionEnded(): void {
  try {
    sessionStorage.setItem(ENDED_KEY, '1');
  } catch {
    // Storage disabled: the sign-in page then opens without the explanation.
  }
}

/** Whether a poll's error means the web session is gone from the server (not a network problem). */
export function isSessionEnded(error: unknown): boolean {
  return error instanceof HttpError && (error.status === 401 || error.status === 403);
}

/** The explanation noted by noteSessionEnded(), once; '' when there is none. */
export function takeSessionEndedNotice(): string {
  try {
    if (sessionStorage.getItem(ENDED_KEY) === null) return '';
    sessionStorage.removeItem(ENDED_KEY);
    return t('node.sessionEnded');
  } catch {
    return '';
  }
}
