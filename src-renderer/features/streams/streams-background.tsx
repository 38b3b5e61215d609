// Mounted once in the app frame: keeps the stream hub and main's column subscriptions alive for the app's
// lifetime, so alert columns notify (and unread counts grow) while the user is in another section.
import { useDeckSetup, type DeckSetup } from './deck-setup.tsx';
import { useStreamsRuntime } from './use-streams-runtime.ts';

export function StreamsBackground() {
  const { setup } = useDeckSetup();
  return setup ? <HoldRuntime setup={setup} /> : null;
}

function HoldRuntime({ setup }: { setup: DeckSetup }) {
  useStreamsRuntime(setup);
  return null;
}
