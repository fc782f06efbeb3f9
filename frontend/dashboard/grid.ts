// The dashboard's layout: the virtual list scrolls rows, and a row holds as many cards as the width
// allows. A grid of cards inside one virtual list keeps only the visible rows in the DOM, as before.

/** Below this width the cards become compact one-line rows (a phone held upright). */
export const COMPACT_BELOW_PX = 600;
/** The narrowest a card may be in the grid; wider screens get more columns, up to MAX_COLUMNS. */
const MIN_CARD_PX = 300;
const MAX_COLUMNS = 4;

export function columnsFor(widthPx: number): number {
  if (widthPx < COMPACT_BELOW_PX) return 1;
  return Math.max(1, Math.min(MAX_COLUMNS, Math.floor(widthPx / MIN_CARD_PX)));
}

export interface Row<T> {
  /** Index in the filtered list of the row's first card. */
  first: number;
  items: readonly T[];
}

export function toRows<T>(items: readonly T[], columns: number): Row<T>[] {
  const rows: Row<T>[] = [];
  for (let first = 0; first < items.length; first += columns) rows.push({ first, items: items.slice(first, first + columns) });
  return rows;
}

/** Where a navigation key moves the focus in a grid of `count` cards; undefined leaves the list (up, to search). */
export function moveFocus(key: string, index: number, count: number, columns: number): number | undefined {
  const last = count - 1;
  switch (key) {
    case 'ArrowDown':
      return Math.min(index + columns, last);
    case 'ArrowUp':
      return index - columns < 0 ? undefined : index - columns;
    case 'ArrowRight':
      return Math.min(index + 1, last);
    case 'ArrowLeft':
      return Math.max(index - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return index;
  }
}
