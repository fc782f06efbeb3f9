import { afterEach, describe, expect, it, vi } from 'vitest';
import { useLanguageForTests } from '../i18n/i18n';
import { authorize, type SignInPhase } from './sign-in';
import { isSessionEnded, noteSessionEnded, PageSessionLost, pageSessionLostMessage, takeSessionEndedNotice } from './node-check';
import { HttpError, NetworkError } from '../api/http';

// A cheap derivation: the test asks only whether one starts (the server's floor is not at stake here).
const ATTRIBUTES = {
  srpUserID: 'user',
  srpSalt: 'c2FsdA==',
  memLimit: 65_536,
  opsLimit: 1,
  kekSalt: 'c2FsdHNhbHRzYWx0c2FsdA==',
  isEmailMFAEnabled: false,
};

function serverWhere(pageSession: number) {
  const paths: string[] = [];
  vi.stubGlobal('document', { querySelector: () => null });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      paths.push(url.split('?')[0]!);
      if (url === '/web/page-session') return new Response(null, { status: pageSession });
      if (url.startsWith('/users/srp/attributes')) return new Response(JSON.stringify({ attributes: ATTRIBUTES }));
      return new Response(JSON.stringify({ code: 'NOT_HERE', message: 'x' }), { status: 418 });
    }),
  );
  return paths;
}

describe('the node check before the key derivation', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('stops a sign-in whose page session is not on the answering node before any derivation', async () => {
    const paths = serverWhere(403);
    const phases: SignInPhase[] = [];

    await expect(authorize('a@example.test', 'password', (phase) => phases.push(phase))).rejects.toBeInstanceOf(PageSessionLost);

    expect(phases).toEqual(['looking-up']);
    expect(paths).toEqual(['/web/page-session', '/users/srp/attributes']);
  });

  it('goes on to the derivation when the node holds the page session', async () => {
    serverWhere(204);
    const phases: SignInPhase[] = [];

    // The SRP step then meets this fake server's 418: what matters is that the derivation began.
    await expect(authorize('a@example.test', 'password', (phase) => phases.push(phase))).rejects.toBeInstanceOf(HttpError);

    expect(phases).toContain('deriving');
  });

  it('leaves other failures of the check to the steps after it', async () => {
    vi.stubGlobal('document', { querySelector: () => null });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('offline'))),
    );

    await expect(authorize('a@example.test', 'password', () => undefined)).rejects.toBeInstanceOf(NetworkError);
  });

  it('words the lost page session in the page language, and nothing else', () => {
    useLanguageForTests('de');
    expect(pageSessionLostMessage(new PageSessionLost('x'))).toContain('Passwort wurde noch nicht verwendet');
    useLanguageForTests('en');
    expect(pageSessionLostMessage(new PageSessionLost('x'))).toContain('Your password was not used');
    expect(pageSessionLostMessage(new HttpError(403, 'FORBIDDEN'))).toBeUndefined();
  });
});

describe('a dashboard whose session ended', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('counts 401 and 403 as an ended session, a network failure as offline', () => {
    expect(isSessionEnded(new HttpError(401, 'NOT_SIGNED_IN'))).toBe(true);
    expect(isSessionEnded(new HttpError(403, 'FORBIDDEN'))).toBe(true);
    expect(isSessionEnded(new HttpError(503, ''))).toBe(false);
    expect(isSessionEnded(new NetworkError('down'))).toBe(false);
  });

  it('leaves the sign-in page one explanation, shown once', () => {
    const stored = new Map<string, string>();
    vi.stubGlobal('sessionStorage', {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => stored.set(key, value),
      removeItem: (key: string) => stored.delete(key),
    });
    useLanguageForTests('en');
    expect(takeSessionEndedNotice()).toBe('');

    noteSessionEnded();

    expect(takeSessionEndedNotice()).toContain('Your session on the server has ended');
    expect(takeSessionEndedNotice()).toBe('');
  });
});
