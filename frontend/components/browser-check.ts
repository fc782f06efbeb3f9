import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { deriveKekOffMainThread } from '../session/kdf';
import { followSystemTheme } from './theme';
import { t } from '../i18n/i18n';
import {
  argon2id,
  asBase64,
  fromBase64,
  loadSodium,
  loginKey,
  sealedBoxOpen,
  secretbox,
  secretboxOpen,
  secretstreamDecrypt,
  secretstreamEncrypt,
  toBase64,
} from '../crypto/sodium';

/** The subset of the shared test vectors' sodium.json that the known-answer hook reads. */
export interface SodiumInputs {
  argon2id: { password: string; salt: string; memLimit: number; opsLimit: number }[];
  kdfLoginKey: { kekB64: string };
  secretbox: { keyB64: string; nonceB64: string; plaintext: string; ciphertextB64: string };
  secretstreamSingleChunk: {
    keyB64: string;
    plaintext: string;
    finalTag: { header: string; ciphertext: string };
    messageTag: { header: string; ciphertext: string };
  };
  sealedBox: { publicKeyB64: string; privateKeyB64: string; ciphertextB64: string };
}

const b64 = (value: string) => fromBase64(asBase64(value));
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const MiB = 1024 * 1024;
/**
 * The derivation a new password gets (Ente's "sensitive" parameters, as Keyhole's CLI and Ente's apps use),
 * and the one they fall back to when a browser cannot have 256 MiB: what signing in costs here.
 */
const DEFAULT_DERIVATION = { memLimit: 256 * MiB, opsLimit: 16 };
const FALLBACK_DERIVATION = { memLimit: 128 * MiB, opsLimit: 32 };

/**
 * Tells a person whether this browser can run Keyhole: libsodium as WebAssembly, how long a key derivation
 * takes here, and the platform features sign-in relies on. Runs only on this page, with no account data.
 */
@customElement('keyhole-browser-check')
export class BrowserCheck extends LitElement {
  static styles = css`
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: var(--lumo-space-s) var(--lumo-space-m);
    }
    dt {
      font-weight: 600;
    }
  `;

  @state() private sodiumVersion = t('browserCheck.loading');
  @state() private argonMillis = t('browserCheck.measuring');
  @state() private derivation = DEFAULT_DERIVATION;

  async connectedCallback() {
    super.connectedCallback();
    followSystemTheme();
    try {
      const sodium = await loadSodium();
      this.sodiumVersion = sodium.sodium_version_string();
      // Digits only, ungrouped: the figure is read (and matched by tests) as a plain number of ms.
      this.argonMillis = t('browserCheck.millis', { millis: String(await this.timeDerivation()) });
    } catch {
      this.sodiumVersion = t('browserCheck.unavailable');
      this.argonMillis = '—';
    }
  }

  /** Milliseconds of one derivation at the default, or at the fallback if this browser cannot have the memory. */
  private async timeDerivation(): Promise<number> {
    try {
      return await this.timed(DEFAULT_DERIVATION);
    } catch {
      return await this.timed(FALLBACK_DERIVATION);
    }
  }

  private async timed(derivation: typeof DEFAULT_DERIVATION): Promise<number> {
    this.derivation = derivation;
    const started = performance.now();
    // In a worker, as sign-in derives: the page keeps answering, and the time includes what sign-in pays.
    await deriveKekOffMainThread('probe', { kekSalt: toBase64(new Uint8Array(16)), ...derivation });
    return Math.round(performance.now() - started);
  }

  /**
   * Runs libsodium on given inputs and returns every output, so that a test can compare this browser's
   * results with the server's library. Pure computation over the caller's data.
   */
  async runKnownAnswers(inputs: SodiumInputs) {
    const argon = [];
    for (const c of inputs.argon2id) {
      argon.push(toBase64(await argon2id(c.password, b64(c.salt), c.opsLimit, c.memLimit)));
    }
    const box = inputs.secretbox;
    const stream = inputs.secretstreamSingleChunk;
    const sealed = inputs.sealedBox;
    const encrypted = await secretstreamEncrypt(new TextEncoder().encode(stream.plaintext), b64(stream.keyB64));
    return {
      argon2id: argon,
      loginKey: toBase64(await loginKey(b64(inputs.kdfLoginKey.kekB64))),
      secretboxCiphertext: toBase64(
        (await secretbox(new TextEncoder().encode(box.plaintext), b64(box.keyB64), b64(box.nonceB64))).ciphertext,
      ),
      secretboxPlaintext: text(await secretboxOpen(b64(box.ciphertextB64), b64(box.nonceB64), b64(box.keyB64))),
      secretstreamFinal: text(
        await secretstreamDecrypt(b64(stream.finalTag.ciphertext), b64(stream.finalTag.header), b64(stream.keyB64)),
      ),
      secretstreamMessage: text(
        await secretstreamDecrypt(b64(stream.messageTag.ciphertext), b64(stream.messageTag.header), b64(stream.keyB64)),
      ),
      secretstreamEncrypted: { header: toBase64(encrypted.header), ciphertext: toBase64(encrypted.ciphertext) },
      sealedBoxPlaintext: toBase64(
        await sealedBoxOpen(b64(sealed.ciphertextB64), b64(sealed.publicKeyB64), b64(sealed.privateKeyB64)),
      ),
    };
  }

  render() {
    return html`<dl>
      <dt>${t('browserCheck.libsodium')}</dt>
      <dd data-testid="browser-check-sodium">${this.sodiumVersion}</dd>
      <dt>${t('browserCheck.derivation', { memory: this.derivation.memLimit / MiB, ops: this.derivation.opsLimit })}</dt>
      <dd data-testid="browser-check-argon" data-mem-limit=${this.derivation.memLimit} data-ops-limit=${this.derivation.opsLimit}>
        ${this.argonMillis}
      </dd>
      <dt>${t('browserCheck.secureContext')}</dt>
      <dd>${window.isSecureContext ? t('browserCheck.yes') : t('browserCheck.noHttps')}</dd>
      <dt>${t('browserCheck.passkeys')}</dt>
      <dd>${'PublicKeyCredential' in window ? t('browserCheck.supported') : t('browserCheck.notSupported')}</dd>
    </dl>`;
  }
}
