// Tests only: a scripted server behind fetch, and a fake authenticator behind navigator.credentials,
// installed as globals so that the passkey flows run unchanged in Node.
import { createHmac } from 'node:crypto';
import { vi } from 'vitest';
import { bytesOf, toBase64Url } from '../crypto/base64';

export interface Call {
  method: string;
  path: string;
  body: unknown;
  rawBody: string;
}

type Handler = (body: unknown, path: string) => { status: number; json?: unknown };

/** Answers fetch by "METHOD /path" (the query string is ignored for matching) and records every call. */
export class FakeServer {
  readonly calls: Call[] = [];
  private readonly routes = new Map<string, Handler>();

  on(method: string, path: string, handler: Handler | unknown): this {
    this.routes.set(
      `${method} ${path}`,
      typeof handler === 'function' ? (handler as Handler) : () => ({ status: 200, json: handler }),
    );
    return this;
  }

  install(): void {
    vi.stubGlobal('document', { querySelector: () => null });
    vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      const rawBody = typeof init.body === 'string' ? init.body : '';
      const body = rawBody ? JSON.parse(rawBody) : undefined;
      this.calls.push({ method, path: input, body, rawBody });
      const handler = this.routes.get(`${method} ${input.split('?')[0]}`);
      if (!handler) return new Response(JSON.stringify({ code: 'NOT_FOUND', message: 'no route' }), { status: 404 });
      const { status, json } = handler(body, input);
      return new Response(json === undefined ? null : JSON.stringify(json), { status });
    });
  }

  sent(method: string, path: string): Call[] {
    return this.calls.filter((call) => call.method === method && call.path.split('?')[0] === path);
  }
}

export interface FakeCredentialOptions {
  /** Whether the authenticator speaks PRF at all. */
  prf: boolean;
  /** Whether create() already evaluates PRF (most authenticators do not). */
  prfAtCreate?: boolean;
}

/** One discoverable credential; its PRF output is a keyed hash of the salt under a per-credential secret. */
export class FakeAuthenticator {
  readonly rawId = crypto.getRandomValues(new Uint8Array(16));
  readonly id = toBase64Url(this.rawId);
  private readonly prfSecret = crypto.getRandomValues(new Uint8Array(32));
  readonly requests: { kind: 'create' | 'get'; options: CredentialCreationOptions | CredentialRequestOptions }[] = [];
  /** Set to a DOMException name to make the next ceremony fail as a browser would. */
  failWith: string | undefined;

  constructor(private readonly options: FakeCredentialOptions) {}

  prfOutput(salt: Uint8Array | ArrayBuffer): Uint8Array<ArrayBuffer> {
    return new Uint8Array(createHmac('sha256', this.prfSecret).update(bytesOf(salt)).digest());
  }

  install(): void {
    vi.stubGlobal('window', { isSecureContext: true, PublicKeyCredential: function PublicKeyCredential() {} });
    vi.stubGlobal('PublicKeyCredential', { isConditionalMediationAvailable: async () => true });
    vi.stubGlobal('navigator', {
      credentials: {
        create: async (options: CredentialCreationOptions) => this.ceremony('create', options),
        get: async (options: CredentialRequestOptions) => this.ceremony('get', options),
      },
    });
  }

  private ceremony(kind: 'create' | 'get', options: CredentialCreationOptions | CredentialRequestOptions) {
    this.requests.push({ kind, options });
    if (this.failWith) {
      const name = this.failWith;
      this.failWith = undefined;
      throw new DOMException('refused', name);
    }
    const salt = options.publicKey?.extensions?.prf?.eval?.first as Uint8Array | undefined;
    const evaluate = this.options.prf && salt !== undefined && (kind === 'get' || this.options.prfAtCreate);
    const prf = this.options.prf
      ? { enabled: kind === 'create' ? true : undefined, results: evaluate ? { first: this.prfOutput(salt).buffer } : undefined }
      : undefined;
    const extensions = prf ? { prf } : {};
    const response =
      kind === 'create'
        ? { attestationObject: 'bzE', clientDataJSON: 'Y2Q' }
        : { authenticatorData: 'YWQ', signature: 'c2ln', clientDataJSON: 'Y2Q' };
    return {
      id: this.id,
      rawId: this.rawId.buffer,
      type: 'public-key',
      getClientExtensionResults: () => extensions,
      // As Chromium does: toJSON() serialises the PRF results too (the code under test must drop them).
      toJSON: () => ({
        id: this.id,
        rawId: this.id,
        type: 'public-key',
        response,
        clientExtensionResults: prf
          ? { prf: { enabled: prf.enabled, results: prf.results ? { first: toBase64Url(prf.results.first) } : undefined } }
          : {},
      }),
    };
  }
}
