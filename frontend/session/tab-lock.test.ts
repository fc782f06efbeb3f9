import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { holdMasterKey, heldMasterKey } from './key-cache';
import { isLockShortcut, lockTab, LOCKED_EVENT, type LockedDetail } from './tab-lock';

function fakeSessionStorage(): Map<string, string> {
  const items = new Map<string, string>();
  vi.stubGlobal('sessionStorage', {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => items.set(key, value),
    removeItem: (key: string) => items.delete(key),
  });
  return items;
}

describe('locking a tab', () => {
  let stored: Map<string, string>;

  beforeEach(() => {
    stored = fakeSessionStorage();
    vi.stubGlobal('window', new EventTarget());
  });
  afterEach(() => vi.unstubAllGlobals());

  it('wipes the key in memory and in storage before the page hears of it', () => {
    const key = new Uint8Array(32).fill(7);
    holdMasterKey(key);
    stored.set('keyhole.wrappedMasterKey', '{}');
    const heard: Array<{ reason: string; keyLeft: boolean; storedLeft: boolean }> = [];
    window.addEventListener(LOCKED_EVENT, (event) =>
      heard.push({
        reason: (event as CustomEvent<LockedDetail>).detail.reason,
        keyLeft: heldMasterKey() !== undefined,
        storedLeft: stored.size > 0,
      }),
    );

    expect(lockTab('idle')).toBe(true);

    expect(heard).toEqual([{ reason: 'idle', keyLeft: false, storedLeft: false }]);
    expect(key.every((byte) => byte === 0)).toBe(true);
  });

  it('counts a key kept only for a reload as held', () => {
    stored.set('keyhole.wrappedMasterKey', '{}');
    expect(lockTab('manual')).toBe(true);
    expect(lockTab('manual')).toBe(false);
  });
});

describe('the lock shortcut', () => {
  const key = (code: string, modifiers: Partial<Record<'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey', boolean>>) => ({
    code,
    altKey: false,
    shiftKey: false,
    ctrlKey: false,
    metaKey: false,
    ...modifiers,
  });

  it('is Alt+Shift+L by position, whatever character the layout makes of it', () => {
    expect(isLockShortcut(key('KeyL', { altKey: true, shiftKey: true }))).toBe(true);
  });

  it('is not a plain L, Alt+L, or a browser shortcut with Ctrl or Meta', () => {
    expect(isLockShortcut(key('KeyL', {}))).toBe(false);
    expect(isLockShortcut(key('KeyL', { altKey: true }))).toBe(false);
    expect(isLockShortcut(key('KeyL', { altKey: true, shiftKey: true, ctrlKey: true }))).toBe(false);
    expect(isLockShortcut(key('KeyL', { altKey: true, shiftKey: true, metaKey: true }))).toBe(false);
    expect(isLockShortcut(key('KeyK', { altKey: true, shiftKey: true }))).toBe(false);
  });
});
