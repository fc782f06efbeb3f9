import { beforeEach, describe, expect, it } from 'vitest';
import { rememberViewFragment, takeViewFragment } from './view-fragment';

/** sessionStorage's three methods over a map (the tests run without a DOM). */
class MapStorage {
  private readonly values = new Map<string, string>();
  getItem = (key: string) => this.values.get(key) ?? null;
  setItem = (key: string, value: string) => void this.values.set(key, value);
  removeItem = (key: string) => void this.values.delete(key);
}

describe('view fragment across sign-in', () => {
  let storage: MapStorage;
  beforeEach(() => (storage = new MapStorage()));

  it('hands the fragment of the sign-in page to the dashboard once', () => {
    rememberViewFragment('#q=bank&tag=home', storage);
    expect(takeViewFragment(storage)).toBe('#q=bank&tag=home');
    expect(takeViewFragment(storage)).toBe('');
  });

  it('forgets an older fragment when sign-in starts without one, and ignores other fragments', () => {
    rememberViewFragment('#q=bank', storage);
    rememberViewFragment('', storage);
    expect(takeViewFragment(storage)).toBe('');
    rememberViewFragment('#section-2', storage);
    expect(takeViewFragment(storage)).toBe('');
  });
});
