import { afterEach, describe, expect, it, vi } from 'vitest';
import { endSession, listSessions, type AccountSession } from './sessions-api';

function session(id: string, lastUsedAt: number, current = false): AccountSession {
  return { id, browser: true, client: 'Web viewer', userAgent: '', ip: '127.0.0.1', createdAt: 1, lastUsedAt, current };
}

describe('the sessions list', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('puts this browser first, then the most recently used', async () => {
    const sessions = [session('old', 10), session('here', 5, true), session('new', 20)];
    vi.stubGlobal('document', { querySelector: () => null });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ sessions }), { status: 200 })),
    );

    expect((await listSessions()).map((s) => s.id)).toEqual(['here', 'new', 'old']);
  });

  it('ends a session by its id, escaped into the path', async () => {
    const fetched = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('document', { querySelector: () => null });
    vi.stubGlobal('fetch', fetched);

    await endSession('a/b');

    expect(fetched).toHaveBeenCalledWith('/web/sessions/a%2Fb', expect.objectContaining({ method: 'DELETE' }));
  });
});
