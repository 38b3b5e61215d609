// Events wait for the page to be ready, arrive in order, and a page that never gets ready cannot grow the queue.
import { describe, expect, it } from 'vitest';
import { createEventGate } from '../../../src-main/rpc/event-gate.ts';

describe('createEventGate', () => {
  it('queues until opened, then flushes in order and delivers directly', () => {
    const delivered: number[] = [];
    const gate = createEventGate<number>((n) => delivered.push(n));
    gate.push(1);
    gate.push(2);
    expect(delivered).toEqual([]);
    expect(gate.queued).toBe(2);
    expect(gate.open()).toBe(2);
    expect(delivered).toEqual([1, 2]);
    gate.push(3);
    expect(delivered).toEqual([1, 2, 3]);
    expect(gate.queued).toBe(0);
    expect(gate.isOpen).toBe(true);
  });

  it('queues again after close (the page reloads)', () => {
    const delivered: string[] = [];
    const gate = createEventGate<string>((s) => delivered.push(s));
    gate.open();
    gate.close();
    gate.push('a');
    expect(delivered).toEqual([]);
    expect(gate.open()).toBe(1);
    expect(delivered).toEqual(['a']);
  });

  it('drops the oldest events beyond the limit and counts them', () => {
    const delivered: number[] = [];
    const gate = createEventGate<number>((n) => delivered.push(n), { maxQueued: 3 });
    for (let n = 1; n <= 5; n += 1) gate.push(n);
    expect(gate.queued).toBe(3);
    expect(gate.dropped).toBe(2);
    gate.open();
    expect(delivered).toEqual([3, 4, 5]);
  });

  it('keeps order when a delivery pushes another event during the flush', () => {
    const delivered: string[] = [];
    const gate = createEventGate<string>((s) => {
      delivered.push(s);
      if (s === 'a') gate.push('c');
    });
    gate.push('a');
    gate.push('b');
    expect(gate.open()).toBe(3);
    expect(delivered).toEqual(['a', 'b', 'c']);
  });

  it('refuses a nonsensical limit', () => {
    expect(() => createEventGate(() => {}, { maxQueued: 0 })).toThrow(RangeError);
  });
});
