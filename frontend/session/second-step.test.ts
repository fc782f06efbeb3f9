import { afterEach, describe, expect, it, vi } from 'vitest';
import { HttpError } from '../api/http';
import { passTotp, signInWithEmailedCode, totpSessionOf, type CodeKind } from './second-step';

interface Call {
  path: string;
  body: unknown;
}

function fakeServer(answers: Array<{ status: number; body: unknown }>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('document', { querySelector: () => null });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init: RequestInit) => {
      calls.push({ path, body: init.body ? JSON.parse(init.body as string) : undefined });
      const next = answers.shift() ?? { status: 500, body: { code: 'UNEXPECTED', message: '' } };
      return new Response(next.body === undefined ? '' : JSON.stringify(next.body), {
        status: next.status,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('the second step of a sign-in', () => {
  it('emails a code, then signs in with the one the person types, asking again after a wrong one', async () => {
    const calls = fakeServer([
      { status: 200, body: undefined },
      { status: 401, body: { code: 'INCORRECT_CODE', message: 'no' } },
      { status: 200, body: { twoFactorSessionID: 'held' } },
    ]);
    const asked: Array<[CodeKind, boolean]> = [];
    const typed = ['111 111', '222222'];

    const answer = await signInWithEmailedCode('a@example.test', async (kind, refused) => {
      asked.push([kind, refused]);
      return typed.shift()!;
    });

    expect(answer).toEqual({ twoFactorSessionID: 'held' });
    expect(asked).toEqual([
      ['email', false],
      ['email', true],
    ]);
    expect(calls.map((c) => c.path)).toEqual(['/users/ott', '/users/verify-email', '/users/verify-email']);
    expect(calls[0].body).toEqual({ email: 'a@example.test', purpose: 'login' });
    expect(calls[1].body).toEqual({ email: 'a@example.test', ott: '111111' });
  });

  it('sends the TOTP code with the session id and stops at anything but a wrong code', async () => {
    const calls = fakeServer([{ status: 404, body: { code: 'TWO_FACTOR_SESSION_EXPIRED', message: 'gone' } }]);

    const failed = passTotp('session-1', async () => '123456');

    await expect(failed).rejects.toEqual(new HttpError(404, 'TWO_FACTOR_SESSION_EXPIRED'));
    expect(calls).toEqual([{ path: '/users/two-factor/verify', body: { sessionID: 'session-1', code: '123456' } }]);
  });

  it('finds the TOTP session under either of its names', () => {
    expect(totpSessionOf({ twoFactorSessionID: 'a' })).toBe('a');
    expect(totpSessionOf({ passkeySessionID: 'p', twoFactorSessionIDV2: 'b' })).toBe('b');
    expect(totpSessionOf({ passkeySessionID: 'p' })).toBe('');
  });
});
