// Synthetic activity around the demo brand at a steady rate: mentions, #tag posts, replies and likes written
// by the demo people, and inquiries — questions to the brand in English and French, followed up in their
// thread — so streams and the inquiry desk have something live to show.
import type { RecordRef } from '../support/sandbox-client.ts';
import type { SandboxActions } from './actions.ts';
import { followUpText, inquiryText, type InquiryLang } from './inquiries.ts';

export interface TrafficOptions {
  /** Actions per second. */
  rate: number;
  brandHandle: string;
  tag: string;
  authors: string[];
  log: (line: string) => void;
  /** Math.random unless a test fixes the sequence. */
  random?: () => number;
}

/** The kinds of action, by the share of ticks each takes (the last one takes what is left). */
export const TRAFFIC_SHARES = [
  ['mention', 0.3],
  ['tag', 0.15],
  ['reply', 0.15],
  ['like', 0.1],
  ['inquiry', 0.18],
  ['followUp', 0.12],
] as const;
export type TrafficKind = (typeof TRAFFIC_SHARES)[number][0];

export function kindFor(roll: number): TrafficKind {
  let floor = 0;
  for (const [kind, share] of TRAFFIC_SHARES) {
    floor += share;
    if (roll < floor) return kind;
  }
  return 'followUp';
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

/** Open questions kept to follow up on; older ones are left alone, as people give up. */
const MAX_OPEN_INQUIRIES = 20;

type Actions = Pick<SandboxActions, 'post' | 'like'>;

/** One tick's action; returns its kind. Kept apart from the timer so a test can drive it step by step. */
export function createTrafficActor(actions: Actions, options: TrafficOptions): () => Promise<TrafficKind> {
  const random = options.random ?? Math.random;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const recent: RecordRef[] = [];
  const inquiries: { author: string; ref: RecordRef; lang: InquiryLang }[] = [];
  let count = 0;

  const remember = (ref: RecordRef): void => {
    recent.push(ref);
    if (recent.length > 50) recent.shift();
  };

  const ask = async (author: string): Promise<void> => {
    const inquiry = inquiryText(options.brandHandle, count, random);
    const ref = await actions.post(author, inquiry.text, undefined, [inquiry.lang]);
    // The brand's own replies (the reply kind) may answer it too, as a social media team would.
    remember(ref);
    inquiries.push({ author, ref, lang: inquiry.lang });
    if (inquiries.length > MAX_OPEN_INQUIRIES) inquiries.shift();
  };

  return async () => {
    count += 1;
    const author = pick(options.authors);
    const kind = recent.length === 0 ? 'mention' : kindFor(random());
    if (kind === 'mention') {
      remember(
        await actions.post(
          author,
          `${pick(openers)} @${options.brandHandle}, what about ${pick(topics)}? (no. ${count})`,
        ),
      );
    } else if (kind === 'tag') {
      remember(await actions.post(author, `Talking about ${pick(topics)} today #${options.tag} (${count})`));
    } else if (kind === 'reply') {
      const replier = random() < 0.5 ? options.brandHandle : author;
      remember(
        await actions.post(replier, `Thanks for asking about ${pick(topics)}! (${count})`, pick(recent)),
      );
    } else if (kind === 'like') {
      await actions.like(author, pick(recent));
    } else if (kind === 'inquiry' || inquiries.length === 0) {
      await ask(author);
      return 'inquiry';
    } else {
      // The one who asked writes again under their last post in the thread, so it joins their conversation.
      const open = pick(inquiries);
      const text = followUpText(options.brandHandle, open.lang, count, random);
      open.ref = await actions.post(open.author, text, open.ref, [open.lang]);
    }
    return kind;
  };
}

export function startTraffic(actions: SandboxActions, options: TrafficOptions): { stop(): void } {
  const act = createTrafficActor(actions, options);
  let inFlight = 0;

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
