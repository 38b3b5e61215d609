// A card's time, following the shared minute clock itself: when the minute turns, only these small
// elements re-render, not every card on screen at once (which made one long task a minute on a full deck).
import { relativeTime, useMinuteClock } from './minute-clock.ts';

export function RelativeTime({ iso, now, locale }: { iso: string; now?: number; locale: string }) {
  const clock = useMinuteClock();
  return (
    <time className="item__time" dateTime={iso} title={iso}>
      {relativeTime(iso, now ?? clock, locale)}
    </time>
  );
}
