import { css } from 'lit';

export const codesStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    height: 100%;
    box-sizing: border-box;
    color: var(--lumo-body-text-color);
    background: var(--lumo-base-color);
    font-family: var(--lumo-font-family);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--lumo-space-s);
    padding: var(--lumo-space-s) var(--lumo-space-m);
    border-bottom: 1px solid var(--lumo-contrast-10pct);
  }
  h1 {
    margin: 0;
    font-size: var(--lumo-font-size-l);
  }
  input[type='search'] {
    flex: 1 1 12rem;
    min-width: 0;
    font: inherit;
    color: inherit;
    padding: var(--lumo-space-xs) var(--lumo-space-s);
    border: 1px solid var(--lumo-contrast-30pct);
    border-radius: var(--lumo-border-radius-m);
    background: var(--lumo-contrast-5pct);
  }
  header button,
  header a,
  .chips button {
    font: inherit;
    font-size: var(--lumo-font-size-s);
    color: var(--lumo-primary-text-color);
    background: none;
    border: 1px solid var(--lumo-contrast-20pct);
    border-radius: var(--lumo-border-radius-m);
    padding: var(--lumo-space-xs) var(--lumo-space-s);
    cursor: pointer;
    text-decoration: none;
  }
  .count {
    font-size: var(--lumo-font-size-s);
    color: var(--lumo-secondary-text-color);
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--lumo-space-xs);
    padding: var(--lumo-space-xs) var(--lumo-space-m);
  }
  .chips button[aria-pressed='true'] {
    background: var(--lumo-primary-color);
    color: var(--lumo-primary-contrast-color);
  }
  :focus-visible {
    outline: 2px solid var(--lumo-primary-color);
    outline-offset: 2px;
  }
  vaadin-virtual-list {
    flex: 1;
    --vaadin-virtual-list-padding-block: var(--lumo-space-s);
  }
  /* One virtual row holds --columns cards side by side (dashboard/grid.ts). */
  .row {
    display: grid;
    grid-template-columns: repeat(var(--columns), minmax(0, 1fr));
    gap: var(--lumo-space-s);
    max-width: 96rem;
    margin: 0 auto;
    padding: 0 var(--lumo-space-m) var(--lumo-space-s);
  }
  .card {
    position: relative;
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    column-gap: var(--lumo-space-s);
    row-gap: var(--lumo-space-xs);
    align-items: center;
    padding: var(--lumo-space-s) var(--lumo-space-m) var(--lumo-space-m);
    border-radius: var(--lumo-border-radius-l);
    background: var(--lumo-contrast-5pct);
    overflow: hidden;
    cursor: copy;
  }
  .card.broken {
    cursor: default;
  }
  .names {
    min-width: 0;
  }
  .issuer,
  .account {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  /* The code under the names, across the card, the largest thing on it; next code and countdown beside it. */
  .grid .codes {
    grid-column: 1 / -1;
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
    column-gap: var(--lumo-space-s);
  }
  .grid .current {
    grid-row: span 2;
  }
  .grid .next,
  .grid .countdown {
    text-align: end;
    white-space: nowrap;
  }
  /* A phone: one line per code, the code on the right. */
  .compact .row {
    padding-inline: var(--lumo-space-s);
    gap: var(--lumo-space-xs);
    padding-bottom: var(--lumo-space-xs);
  }
  .compact .card {
    grid-template-columns: auto minmax(0, 1fr) auto;
    padding: var(--lumo-space-xs) var(--lumo-space-s);
  }
  .compact .avatar {
    width: 2rem;
    height: 2rem;
  }
  .compact .avatar.brand svg {
    width: 1.5rem;
    height: 1.5rem;
  }
  .compact .note {
    display: none;
  }
  .compact .codes {
    text-align: end;
  }
  .compact .current {
    font-size: var(--lumo-font-size-xl);
  }
  .compact .next,
  .compact .countdown {
    display: inline;
    font-size: var(--lumo-font-size-xs);
  }
  .compact .countdown::before {
    content: ' · ';
  }
  .card.broken .unreadable {
    grid-column: auto;
  }
  .raw {
    grid-column: 1 / -1;
    justify-self: start;
    font: inherit;
    font-size: var(--lumo-font-size-s);
    color: var(--lumo-primary-text-color);
    background: none;
    border: 1px solid var(--lumo-contrast-30pct);
    border-radius: var(--lumo-border-radius-m);
    padding: var(--lumo-space-xs) var(--lumo-space-s);
    cursor: pointer;
  }
  .sync {
    font-size: var(--lumo-font-size-s);
    color: var(--lumo-secondary-text-color);
  }
  .offline {
    margin: var(--lumo-space-s) var(--lumo-space-m) 0;
    padding: var(--lumo-space-s) var(--lumo-space-m);
    border-radius: var(--lumo-border-radius-m);
    border: 1px solid var(--lumo-error-color);
    background: var(--lumo-error-color-10pct);
    color: var(--lumo-error-text-color);
  }
  .first-run {
    max-width: 40rem;
    margin: var(--lumo-space-l) auto;
    padding: 0 var(--lumo-space-m);
    overflow-wrap: anywhere;
  }
  .first-run h2 {
    font-size: var(--lumo-font-size-xl);
  }
  .first-run h3 {
    font-size: var(--lumo-font-size-l);
    margin-bottom: var(--lumo-space-xs);
  }
  .first-run pre {
    padding: var(--lumo-space-s) var(--lumo-space-m);
    border-radius: var(--lumo-border-radius-m);
    background: var(--lumo-contrast-5pct);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .first-run var {
    color: var(--lumo-primary-text-color);
  }
  .avatar {
    display: grid;
    place-items: center;
    width: 2.5rem;
    height: 2.5rem;
    border-radius: 50%;
    font-weight: 700;
    color: white;
    background: hsl(var(--hue) 55% 42%);
  }
  /* Brand colours arrive adjusted per theme (brand-icon-colour.ts); light-dark() follows Lumo's color-scheme. */
  .avatar.brand {
    background: none;
    color: light-dark(var(--brand-light), var(--brand-dark));
  }
  .avatar.brand svg {
    width: 2rem;
    height: 2rem;
    fill: currentColor;
  }
  .issuer {
    font-weight: 600;
  }
  .pin {
    width: 1em;
    height: 1em;
    vertical-align: -0.15em;
    color: var(--lumo-primary-text-color);
  }
  .account,
  .note,
  .next,
  .countdown {
    font-size: var(--lumo-font-size-s);
    color: var(--lumo-secondary-text-color);
    overflow-wrap: anywhere;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--lumo-space-xs);
  }
  .tag {
    font-size: var(--lumo-font-size-xs);
    padding: 0 var(--lumo-space-xs);
    border-radius: var(--lumo-border-radius-s);
    background: var(--lumo-contrast-10pct);
  }
  .current {
    font-family: ui-monospace, monospace;
    font-size: var(--lumo-font-size-xxl);
    font-weight: 600;
    letter-spacing: 0.05em;
    white-space: nowrap;
  }
  .unreadable {
    color: var(--lumo-error-text-color);
    font-size: var(--lumo-font-size-s);
  }
  .bar {
    position: absolute;
    left: 0;
    bottom: 0;
    width: 100%;
    height: 3px;
    transform-origin: left;
    background: var(--lumo-primary-color);
  }
  .bar.ending {
    background: var(--lumo-error-color);
  }
  .empty,
  .status {
    padding: var(--lumo-space-l);
    text-align: center;
    color: var(--lumo-secondary-text-color);
  }
  .toast {
    position: fixed;
    left: 50%;
    bottom: var(--lumo-space-l);
    transform: translateX(-50%);
    padding: var(--lumo-space-s) var(--lumo-space-m);
    border-radius: var(--lumo-border-radius-m);
    background: var(--lumo-contrast-90pct);
    color: var(--lumo-base-color);
  }
`;
