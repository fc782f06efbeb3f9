import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';

@customElement('keyhole-browser-check')
export class BrowserCheck extends LitElement {
  @state() private status = 'loading';

  async connectedCallback() {
    super.connectedCallback();
    const sodium = (await import('libsodium-wrappers-sumo')).default;
    await sodium.ready;
    this.status = `libsodium ${sodium.sodium_version_string()}`;
  }

  render() {
    return html`<p data-testid="browser-check-status">${this.status}</p>`;
  }
}
