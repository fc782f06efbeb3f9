// The few styles the passkey parts add to the shared form styles: a quieter button for the second way
// in, and the list of passkeys on the settings page.
import { css } from 'lit';

export const passkeyStyles = css`
  /* Body text, not the primary text colour: that one on the tinted background at the small size of the
     passkey list's buttons measured 4.41:1, under WCAG's 4.5:1. */
  button.secondary {
    background: var(--lumo-contrast-10pct);
    color: var(--lumo-body-text-color);
  }
  ul.passkeys {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--lumo-space-s);
  }
  ul.passkeys li {
    display: flex;
    flex-direction: column;
    gap: var(--lumo-space-xs);
    padding: var(--lumo-space-s) var(--lumo-space-m);
    border-radius: var(--lumo-border-radius-m);
    background: var(--lumo-contrast-5pct);
  }
  .meta {
    font-size: var(--lumo-font-size-s);
    color: var(--lumo-secondary-text-color);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--lumo-space-s);
  }
  .actions button {
    font-size: var(--lumo-font-size-s);
    padding: var(--lumo-space-xs) var(--lumo-space-s);
  }
  .badge {
    font-size: var(--lumo-font-size-xs);
    color: var(--lumo-success-text-color);
  }
  label.inline {
    flex-direction: row;
    align-items: center;
    gap: var(--lumo-space-s);
  }
  h2 {
    margin: 0;
    font-size: var(--lumo-font-size-l);
  }
`;
