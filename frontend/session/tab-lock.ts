// Locking a tab: the master key is wiped from memory and from this tab's storage first, then every element
// of the page that shows secrets hears LOCKED_EVENT on window and drops them. A locked tab stays locked on
// each of its pages, because none of them finds a key to open the vault with until the password (or a
// passkey) is given again.
import { forgetMasterKey, isMasterKeyKept } from './key-cache';

export const LOCKED_EVENT = 'keyhole-locked';

/** Told on window when the person changes the auto-lock delay, so that the running idle lock takes it. */
export const AUTO_LOCK_CHANGED_EVENT = 'keyhole-auto-lock-changed';

/** Why the tab locked: the idle timer, the person (button or shortcut), or signing out. */
export type LockReason = 'idle' | 'manual' | 'sign-out';

export interface LockedDetail {
  reason: LockReason;
}

/** Locks the tab; returns whether it held a key (an already locked tab has nothing to wipe). */
export function lockTab(reason: LockReason): boolean {
  const held = isMasterKeyKept();
  forgetMasterKey();
  window.dispatchEvent(new CustomEvent<LockedDetail>(LOCKED_EVENT, { detail: { reason } }));
  return held;
}

/** The key that locks at once, on every page and even while typing in a field: Alt+Shift+L. */
export const LOCK_SHORTCUT = 'Alt+Shift+L';

/** By the key's position (code), so that a layout or macOS's Option characters do not change it. */
export function isLockShortcut(event: Pick<KeyboardEvent, 'code' | 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey'>) {
  return event.code === 'KeyL' && event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey;
}
