// Styles shared by the viewer's elements, built on Lumo's custom properties so that dark and light follow
// the page theme.
import { css } from 'lit';

export const formStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    /* Padding, not a margin on the form: a margin would collapse through the view and scroll the page. */
    padding: 10vh var(--lumo-space-m) var(--lumo-space-m);
    color: var(--lumo-body-text-color);
    font-family: var(--lumo-font-family);
  }
  a {
    color: var(--lumo-primary-text-color);
  }
  form {
    display: flex;
    flex-direction: column;
    gap: var(--lumo-space-m);
    max-width: 22rem;
    margin: 0 auto;
    padding: var(--lumo-space-l);
    border-radius: var(--lumo-border-radius-l);
    background: var(--lumo-base-color);
    box-shadow: var(--lumo-box-shadow-s);
  }
  h1 {
    margin: 0;
    font-size: var(--lumo-font-size-xxl);
  }
  label {
    display: flex;
    flex-direction: column;
    gap: var(--lumo-space-xs);
    font-size: var(--lumo-font-size-s);
    color: var(--lumo-secondary-text-color);
  }
  input,
  select {
    font: inherit;
    font-size: var(--lumo-font-size-m);
    color: var(--lumo-body-text-color);
    padding: var(--lumo-space-s) var(--lumo-space-m);
    border: 1px solid var(--lumo-contrast-30pct);
    border-radius: var(--lumo-border-radius-m);
    background: var(--lumo-contrast-5pct);
  }
  input:focus-visible,
  select:focus-visible,
  button:focus-visible,
  a:focus-visible {
    outline: 2px solid var(--lumo-primary-color);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    font-weight: 600;
    padding: var(--lumo-space-s) var(--lumo-space-m);
    border: none;
    border-radius: var(--lumo-border-radius-m);
    background: var(--lumo-primary-color);
    color: var(--lumo-primary-contrast-color);
    cursor: pointer;
  }
  button[disabled] {
    opacity: 0.6;
    cursor: progress;
  }
  button.link {
    background: none;
    color: var(--lumo-primary-text-color);
    padding: 0;
    font-weight: normal;
    align-self: flex-start;
  }
  .error {
    color: var(--lumo-error-text-color);
    font-size: var(--lumo-font-size-s);
  }
  .progress {
    display: flex;
    align-items: center;
    gap: var(--lumo-space-s);
    font-size: var(--lumo-font-size-s);
    color: var(--lumo-secondary-text-color);
  }
  .spinner {
    width: 1em;
    height: 1em;
    border: 2px solid var(--lumo-contrast-20pct);
    border-top-color: var(--lumo-primary-color);
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 3s;
    }
  }
`;
