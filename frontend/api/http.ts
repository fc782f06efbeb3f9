// Same-origin JSON calls of the viewer: the sync API's public sign-in endpoints and the viewer's own
// session-authenticated /web/** endpoints. Errors become an HttpError (status + the server's stable
// code) or a NetworkError, so that the UI can map them to messages without looking at response text.

/** The server answered with an error status; `code` is the stable machine code of its {code, message}. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`HTTP ${status} ${code}`);
  }
}

/** No answer at all: the server is down, the network is off, or the request was refused by the browser. */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

// Identifies the viewer in the account's sessions list (any X-Client-Package is accepted).
const CLIENT_PACKAGE = 'dev.keyhole.viewer';

interface Csrf {
  header: string;
  token: string;
}
let csrf: Csrf | undefined;

/**
 * Spring Security wants its CSRF token on every mutating request of the session-cookie chain; Vaadin's
 * bootstrap page carries it in <meta name="_csrf"> and <meta name="_csrf_header">.
 */
function csrfFromPage(): Csrf | undefined {
  const token = document.querySelector<HTMLMetaElement>('meta[name="_csrf"]')?.content;
  const header = document.querySelector<HTMLMetaElement>('meta[name="_csrf_header"]')?.content;
  return token && header ? { header, token } : undefined;
}

/** Signing in rotates the CSRF token; the page's meta tag is stale until the next full load. */
export function useCsrfToken(token: string): void {
  const current = csrf ?? csrfFromPage();
  csrf = { header: current?.header ?? 'X-CSRF-TOKEN', token };
}

export function getJson<T>(path: string): Promise<T> {
  return request<T>('GET', path);
}

export function sendJson<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  return request<T>(method, path, body);
}

/**
 * A sync API call with a token (sign-up, recovery and password change act as an Ente client). The
 * session cookie is not sent: the token alone says who is asking, as for any other sync client.
 */
export function sendWithToken<T>(method: 'POST' | 'PUT', path: string, token: string, body?: unknown): Promise<T> {
  return request<T>(method, path, body, token);
}

async function request<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Client-Package': CLIENT_PACKAGE };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token !== undefined) headers['X-Auth-Token'] = token;
  else if (method !== 'GET') {
    csrf ??= csrfFromPage();
    if (csrf) headers[csrf.header] = csrf.token;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: token === undefined ? 'same-origin' : 'omit',
      cache: 'no-store',
      redirect: 'error',
    });
  } catch {
    throw new NetworkError('the server could not be reached');
  }
  const text = await response.text().catch(() => '');
  const json = parse(text);
  if (!response.ok) {
    const code = typeof json === 'object' && json !== null && 'code' in json ? String(json.code) : '';
    throw new HttpError(response.status, code);
  }
  return json as T;
}

function parse(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
