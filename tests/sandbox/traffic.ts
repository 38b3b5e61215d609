// Synthetic activity around the demo brand at a steady rate: mentions, #tag posts, replies and likes written
// by the demo people, so streams and the inquiry desk have something live to show.
import type { RecordRef } from '../support/sandbox-client.ts';
import type { SandboxActions } from './actions.ts';

export interface TrafficOptions {
  /** Actions per second. */
  rate: number;
  brandHandle: string;
  tag: string;
  authors: string[];
  log: (line: string) => void;
}

const topics = [
  'delivery',
  'sizes',
  'the new app',
  'opening hours',
  'a refund',
  'gift cards',
  'the spring collection',
];
const openers = ['Quick question', 'Hello', 'Hi there', 'Any news', 'Help please'];
// Several writes in flight is plenty on two cores; beyond that ticks are dropped rather than queued.
const MAX_IN_FLIGHT = 8;

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T;
}

export function startTraffic(actions: SandboxActions, options: TrafficOptions): { stop(): void } {
  const recent: RecordRef[] = [];
  let inFlight = 0;
  let count = 0;

  const remember = (ref: RecordRef): void => {
    recent.push(ref);
    if (recent.length > 50) recent.shift();
  };

  const act = async (): Promise<void> => {
    count += 1;
    const author = pick(options.authors);
    const roll = Math.random();
    if (roll < 0.4 || recent.length === 0) {
      remember(
        await actions.post(
          author,
          `${pick(openers)} @${options.brandHandle}, what about ${pick(topics)}? (no. ${count})`,
        ),
      );
    } else if (roll < 0.6) {
      remember(await actions.post(author, `Talking about ${pick(topics)} today #${options.tag} (${count})`));
    } else if (roll < 0.8) {
      const replier = Math.random() < 0.5 ? options.brandHandle : author;
      remember(
        await actions.post(replier, `Thanks for asking about ${pick(topics)}! (${count})`, pick(recent)),
      );
    } else {
      await actions.like(author, pick(recent));
    }
  };

  const timer = setInterval(() => {
    if (inFlight >= MAX_IN_FLIGHT) return;
    inFlight += 1;
    act()
      .catch((error: unknown) =>
        options.log(`traffic: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        inFlight -= 1;
      });
  }, 1000 / options.rate);

  return { stop: () => clearInterval(timer) };
}
