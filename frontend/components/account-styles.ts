// What the account pages add to the form styles: the recovery words, a row of buttons, a checkbox line.
import { css } from 'lit';

export const accountStyles = css`
  p {
    margin: 0;
    font-size: var(--lumo-font-size-s);
    color: var(--lumo-body-text-color);
  }
  ol.words {
    display: grid;
    grid-template-columns: repeat(3, 1fr);
    gap: var(--lumo-space-xs) var(--lumo-space-m);
    margin: 0;
    padding: var(--lumo-space-s) var(--lumo-space-s) var(--lumo-space-s) calc(var(--lumo-space-l) + var(--lumo-space-s));
    border-radius: var(--lumo-border-radius-m);
    background: var(--lumo-contrast-5pct);
    font-family: var(--lumo-font-family);
    font-size: var(--lumo-font-size-m);
  }
  ol.words li::marker {
    color: var(--lumo-secondary-text-color);
    font-size: var(--lumo-font-size-xs);
  }
  textarea {
    font: inherit;
    font-size: var(--lumo-font-size-m);
    color: var(--lumo-body-text-color);
    padding: var(--lumo-space-s) var(--lumo-space-m);
    border: 1px solid var(--lumo-contrast-30pct);
    border-radius: var(--lumo-border-radius-m);
    background: var(--lumo-contrast-5pct);
    resize: vertical;
  }
  textarea:focus-visible {
    outline: 2px solid var(--lumo-primary-color);
    outline-offset: 2px;
  }
  label.check {
    flex-direction: row;
    align-items: flex-start;
    gap: var(--lumo-space-s);
    color: var(--lumo-body-text-color);
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--lumo-space-s);
    font-size: var(--lumo-font-size-s);
  }
  [role='status'].done {
    color: var(--lumo-success-text-color);
  }
`;
