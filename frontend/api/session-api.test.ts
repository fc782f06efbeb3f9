import { afterEach, describe, expect, it, vi } from 'vitest';
import { asBase64UrlPadded } from '../crypto/sodium';
import { HttpError } from './http';
import { openWebSession } from './session-api';

const token = asBase64UrlPadded('dG9rZW4tYnl0ZXMtdG9rZW4tYnl0ZXMtdG9rZW4tYnk=');

describe('exchanging the sync token for a web session', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('revokes the token when the exchange is refused, so no live token outlives the attempt', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal('document', { querySelector: () => null });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        calls.push({ url, init });
        return url === '/web/session'
          ? new Response(JSON.stringify({ code: 'FORBIDDEN', message: 'Not allowed.' }), { status: 403 })
          : new Response(null, { status: 200 });
      }),
    );

    await expect(openWebSession(token)).rejects.toEqual(new HttpError(403, 'FORBIDDEN'));

    expect(calls.map((call) => call.url)).toEqual(['/web/session', '/users/logout']);
    expect(new Headers(calls[1]!.init.headers).get('X-Auth-Token')).toBe(token);
  });

  it('does not touch the token when the exchange succeeds (the server revoked it itself)', async () => {
    const fetched = vi.fn(async () => new Response(JSON.stringify({ sessionKey: 'a2V5', next: '/codes' }), { status: 200 }));
    vi.stubGlobal('document', { querySelector: () => null });
    vi.stubGlobal('fetch', fetched);

    await expect(openWebSession(token)).resolves.toMatchObject({ next: '/codes' });

    expect(fetched).toHaveBeenCalledTimes(1);
  });
});
