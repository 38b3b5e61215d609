// The Inbox's keyboard and clock, the same for a team of one and for a team: j/k walk the queue, n and r
// focus the note and reply boxes, ? opens the help; the caller adds its own actions (e resolve, a claim).
import { useEffect, useState, type RefObject } from 'react';

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/** The clock badges count down against; a minute is as fine as an SLA badge reads. */
export function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function useDeskKeys(options: {
  conversations: readonly { readonly id: string }[];
  selectedId: string | null;
  setSelectedId: (id: string) => void;
  /** While settings are open, letters are typed, not commands. */
  paused: boolean;
  keys: Record<string, () => void>;
  pane: RefObject<{ focusNote(): void; focusReply(): void } | null>;
  onHelp: () => void;
}): void {
  const { conversations, selectedId, setSelectedId, paused, keys, pane, onHelp } = options;
  useEffect(() => {
    const move = (step: 1 | -1) => {
      if (conversations.length === 0) return;
      const index = conversations.findIndex((c) => c.id === selectedId);
      const next = index < 0 ? 0 : Math.min(conversations.length - 1, Math.max(0, index + step));
      setSelectedId(conversations[next]!.id);
    };
    const onKey = (e: KeyboardEvent) => {
      if (paused || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const handled: Record<string, () => void> = {
        j: () => move(1),
        k: () => move(-1),
        n: () => pane.current?.focusNote(),
        r: () => pane.current?.focusReply(),
        '?': onHelp,
        ...keys,
      };
      const run = handled[e.key];
      if (!run) return;
      e.preventDefault();
      run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [conversations, selectedId, setSelectedId, paused, keys, pane, onHelp]);
}
