import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startIdleLock } from './idle-lock';

describe('the idle lock', () => {
  let page: EventTarget & { visibilityState: string };

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
    vi.stubGlobal('window', Object.assign(new EventTarget(), { setInterval, clearInterval }));
    page = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    vi.stubGlobal('document', page);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('fires once after the delay without input, and not before', () => {
    const onIdle = vi.fn();
    startIdleLock(60_000, onIdle);

    vi.advanceTimersByTime(59_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(120_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('starts the delay again at each input', () => {
    const onIdle = vi.fn();
    startIdleLock(60_000, onIdle);

    vi.advanceTimersByTime(50_000);
    window.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(50_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('never fires once stopped', () => {
    const onIdle = vi.fn();
    startIdleLock(1_000, onIdle).stop();

    vi.advanceTimersByTime(10_000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
