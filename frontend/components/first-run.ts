// What an account with no codes yet sees: how to bring codes in, with this server's address filled in.
import { html, type TemplateResult } from 'lit';

export function firstRun(serverUrl: string): TemplateResult {
  return html`<section class="first-run" data-testid="first-run" aria-labelledby="first-run-title">
    <h2 id="first-run-title">No codes yet</h2>
    <p>
      Keyhole shows the codes that your authenticator apps sync here; this page never adds or changes one. Bring yours in one of
      these ways, and they appear here within seconds.
    </p>
    <h3>Import an export file with the Keyhole CLI</h3>
    <p>From the Keyhole checkout, sign in once, then import (Ente, Aegis, 2FAS, Google Authenticator, Bitwarden, …):</p>
    <pre data-testid="first-run-cli"><code>./dev cli login --server ${serverUrl} --email <var>you@example.org</var>
./dev cli import --server ${serverUrl} <var>export-file</var></code></pre>
    <h3>Sync from Ente Auth</h3>
    <p>
      On the app's first screen, before signing in, tap the screen 7 times, confirm the developer settings, enter
      <code data-testid="first-run-server">${serverUrl}</code> as the server and sign in with this account. The codes you add in
      the app then show up here.
    </p>
  </section>`;
}
