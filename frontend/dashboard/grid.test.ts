import { describe, expect, it } from 'vitest';
import { columnsFor, moveFocus, toRows } from './grid';

describe('dashboard grid', () => {
  it('uses one column on a phone and more on wider screens, up to four', () => {
    expect(columnsFor(390)).toBe(1);
    expect(columnsFor(700)).toBe(2);
    expect(columnsFor(1280)).toBe(4);
    expect(columnsFor(1000)).toBe(3);
    expect(columnsFor(3000)).toBe(4);
  });

  it('cuts the list into rows that remember where they start', () => {
    expect(toRows(['a', 'b', 'c', 'd', 'e'], 2)).toEqual([
      { first: 0, items: ['a', 'b'] },
      { first: 2, items: ['c', 'd'] },
      { first: 4, items: ['e'] },
    ]);
    expect(toRows([], 3)).toEqual([]);
  });

  it('moves the focus by rows and columns, and Home and End to the first and last card', () => {
    expect(moveFocus('ArrowDown', 1, 10, 3)).toBe(4);
    expect(moveFocus('ArrowDown', 8, 10, 3)).toBe(9);
    expect(moveFocus('ArrowUp', 4, 10, 3)).toBe(1);
    expect(moveFocus('ArrowUp', 1, 10, 3)).toBeUndefined();
    expect(moveFocus('ArrowRight', 9, 10, 3)).toBe(9);
    expect(moveFocus('ArrowLeft', 0, 10, 3)).toBe(0);
    expect(moveFocus('Home', 7, 10, 3)).toBe(0);
    expect(moveFocus('End', 0, 10, 3)).toBe(9);
  });
});
