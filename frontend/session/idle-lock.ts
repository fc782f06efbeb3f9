// Locks the vault after a stretch without user input. Timed on the monotonic clock, so that a wrong or
// changing wall clock neither locks early nor never; a tab that slept (laptop lid, background throttling)
// is checked as soon as it is visible again.

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;
const CHECK_EVERY_MS = 1000;

export interface IdleLock {
  stop(): void;
}

export function startIdleLock(timeoutMs: number, onIdle: () => void): IdleLock {
  let lastActivity = performance.now();
  const touch = () => {
    lastActivity = performance.now();
  };
  const check = () => {
    if (performance.now() - lastActivity >= timeoutMs) {
      stop();
      onIdle();
    }
  };
  const onVisibility = () => document.visibilityState === 'visible' && check();
  for (const type of ACTIVITY) window.addEventListener(type, touch, { passive: true, capture: true });
  document.addEventListener('visibilitychange', onVisibility);
  const timer = window.setInterval(check, Math.min(CHECK_EVERY_MS, timeoutMs));
  function stop() {
    window.clearInterval(timer);
    for (const type of ACTIVITY) window.removeEventListener(type, touch, { capture: true });
    document.removeEventListener('visibilitychange', onVisibility);
  }
  return { stop };
}
