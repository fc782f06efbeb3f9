import { describe, expect, it } from 'vitest';
import { clockOffsetMillis, correctedNow, microsToMillis } from './clock';

describe('clock correction', () => {
  const serverMicros = 1_700_000_000_123_456;
  const serverMillis = 1_700_000_000_123;

  it('reads the diff timestamp as epoch microseconds', () => {
    expect(microsToMillis(serverMicros)).toBe(serverMillis);
  });

  it('corrects a local clock that runs 40 s fast back to the server time', () => {
    const localAtReceipt = serverMillis + 40_000;
    const offset = clockOffsetMillis(microsToMillis(serverMicros), localAtReceipt);
    expect(offset).toBe(-40_000);
    // Ten seconds later on the local clock, the corrected time is ten seconds after the server's stamp.
    expect(correctedNow(offset, localAtReceipt + 10_000)).toBe(serverMillis + 10_000);
  });

  it('corrects a local clock that runs slow forward', () => {
    const offset = clockOffsetMillis(serverMillis, serverMillis - 5_000);
    expect(correctedNow(offset, serverMillis - 5_000)).toBe(serverMillis);
  });

  it('uses the current local time by default', () => {
    const before = Date.now();
    const now = correctedNow(1_000);
    expect(now).toBeGreaterThanOrEqual(before + 1_000);
    expect(now).toBeLessThanOrEqual(Date.now() + 1_000);
  });
});
