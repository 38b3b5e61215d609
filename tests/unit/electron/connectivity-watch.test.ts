// Network changes are reported once per change, probed on every tick and on demand, and stop cleanly.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startConnectivityWatch } from '../../../src-main/electron/connectivity-watch.ts';

describe('startConnectivityWatch', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports the initial state and then only changes', () => {
    let online = true;
    const reports: boolean[] = [];
    const watch = startConnectivityWatch({
      isOnline: () => online,
      onChange: (o) => reports.push(o),
      intervalMs: 5000,
    });
    expect(reports).toEqual([true]);
    vi.advanceTimersByTime(15_000);
    expect(reports).toEqual([true]);
    online = false;
    vi.advanceTimersByTime(4_999);
    expect(reports).toEqual([true]);
    vi.advanceTimersByTime(1);
    expect(reports).toEqual([true, false]);
    online = true;
    watch.check();
    expect(reports).toEqual([true, false, true]);
    watch.stop();
  });

  it('stops probing after stop()', () => {
    let probes = 0;
    const watch = startConnectivityWatch({
      isOnline: () => (probes += 1) > 0,
      onChange: () => {},
      intervalMs: 5000,
    });
    watch.stop();
    const before = probes;
    vi.advanceTimersByTime(60_000);
    watch.check();
    expect(probes).toBe(before);
  });
});
