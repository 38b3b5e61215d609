// A card's time follows the shared minute clock on its own: when the minute turns, the time re-renders
// without the column handing every card a new `now` (which re-rendered every card on screen at once).
import { render } from 'vitest-browser-react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { RelativeTime } from '../../../src-renderer/features/streams/components/relative-time.tsx';

afterEach(() => {
  vi.useRealTimers();
});

describe('RelativeTime', () => {
  test('moves on with the minute clock', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const iso = new Date(Date.now() - 30_000).toISOString();
    const screen = await render(<RelativeTime iso={iso} locale="en" />);
    const time = screen.container.querySelector('time')!;
    expect(time.textContent).toBe('this minute');
    await vi.advanceTimersByTimeAsync(60_000);
    await expect.poll(() => time.textContent).toBe('1m ago');
    expect(time.dateTime).toBe(iso);
  });

  test('a fixed `now` wins over the clock', async () => {
    const iso = new Date(Date.UTC(2026, 0, 1, 12, 0)).toISOString();
    const screen = await render(<RelativeTime iso={iso} now={Date.UTC(2026, 0, 1, 15, 0)} locale="en" />);
    expect(screen.container.querySelector('time')!.textContent).toBe('3h ago');
  });
});
