// desk:stats over the embedded desk's real SQLite with a fake clock: conversations started in the period
// per bucket, and per expert and per desk the median first-response time and the first-response SLA hit
// rate — a reply in time is met, a reply after a recorded breach is missed, one still waiting is neither.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createEmbeddedDesk, type EmbeddedDesk } from '../../../src-main/desk/embedded-desk.ts';
import { LOCAL_USER } from '../../../src-main/rpc/call-context.ts';
import { openMainStore, type MainStore } from '../../../src-main/store/main-store.ts';
import { requests } from '../../../src-shared/contract/contract.ts';
import { alwaysOpen } from '../../../src-shared/desk/business-calendar.ts';
import { defaultDeskSettings } from '../../../src-shared/desk/desk-settings.ts';
import { median } from '../../../src-shared/desk/desk-stats.ts';
import type { Account } from '../../../src-shared/domain/account.ts';
import type { OutboxJob } from '../../../src-shared/contract/publishing-contract.ts';
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import { mentionItem } from './mention-item.ts';

const HOUR = 3_600_000;
const MIN = 60_000;
const START = Date.parse('2026-12-07T10:00:00Z');
const brand = {
  id: 'acc-brand',
  network: 'bluesky',
  remoteId: 'did:plc:brand',
  handle: 'brand.test',
} as Account;

let dir: string;
let store: MainStore;
let desk: EmbeddedDesk;
let now: number;

function mention(remoteId: string, author: string, text: string): StreamItem {
  const who = { id: `did:plc:${author}`, handle: `${author}.test`, displayName: author };
  return mentionItem(brand.id, remoteId, text, now, {
    author: { ...who, avatarUrl: null, profileUrl: null, server: null, location: null },
  });
}

function reply(conversationId: string, job: string): void {
  desk.service.recordReply(conversationId, job, 'Hello!');
  desk.service.noteJobs([{ id: job, state: 'sent', remoteId: `at://brand/${job}`, url: null } as OutboxJob]);
}

const stats = (from: number, to: number, bucketMs = HOUR) =>
  desk.handlers['desk:stats']({ from, to, bucketMs }, { transport: 'browser', actor: LOCAL_USER });

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'roost-desk-stats-'));
  store = openMainStore({ path: path.join(dir, 'main.sqlite') });
  now = START;
  const settings = defaultDeskSettings('Europe/Paris');
  desk = createEmbeddedDesk({
    store,
    accounts: () => [brand],
    onChanged: () => undefined,
    onError: (error) => {
      throw error;
    },
    settings: { ...settings, sla: { ...settings.sla, calendar: alwaysOpen('Europe/Paris') } },
    clock: { now: () => now },
    findJob: () => null,
  });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

test('volume per bucket, first-response median and SLA hit rate per expert and per desk', async () => {
  // A: an ordinary question (240 min target), answered after 30 min: within the SLA.
  const [a] = desk.service.ingest(brand.id, [
    mention('at://alice/1', 'alice', 'a question about opening hours'),
  ]);
  now += MIN;
  // B: urgent (60 min target); the SLA tick records the breach at 70 min, the reply comes at 80.
  const [b] = desk.service.ingest(brand.id, [mention('at://bob/1', 'bob', 'my account was hacked')]);
  now += 30 * MIN - MIN;
  reply(a!, 'job-a');
  now = START + MIN + 70 * MIN;
  desk.service.tick();
  now = START + MIN + 80 * MIN;
  reply(b!, 'job-b');
  // C: two hours later, still waiting (not judged yet).
  now = START + 2 * HOUR + 5 * MIN;
  desk.service.ingest(brand.id, [mention('at://carol/1', 'carol', 'hi there')]);

  const result = await stats(START, START + 3 * HOUR);
  expect(result.volume).toEqual([
    { start: START, conversations: 2 },
    { start: START + HOUR, conversations: 0 },
    { start: START + 2 * HOUR, conversations: 1 },
  ]);
  expect(result.experts).toEqual([
    { key: 'me', conversations: 2, responded: 2, medianFirstResponseMs: 55 * MIN, slaMet: 1, slaMissed: 1 },
    { key: '', conversations: 1, responded: 0, medianFirstResponseMs: null, slaMet: 0, slaMissed: 0 },
  ]);
  expect(result.desks).toEqual([
    {
      key: brand.id,
      conversations: 3,
      responded: 2,
      medianFirstResponseMs: 55 * MIN,
      slaMet: 1,
      slaMissed: 1,
    },
  ]);
  expect(requests['desk:stats'].output.parse(result)).toEqual(result);

  // C waits past its target: it counts as missed without any reply.
  now = START + 2 * HOUR + 5 * MIN + 241 * MIN;
  const later = await stats(START + 2 * HOUR, START + 3 * HOUR);
  expect(later.desks[0]).toMatchObject({ conversations: 1, slaMet: 0, slaMissed: 1 });
  // Only conversations started in the period count.
  expect((await stats(START + HOUR, START + 2 * HOUR)).desks).toEqual([]);
});

test('the contract refuses an empty period and too many buckets', () => {
  const input = requests['desk:stats'].input;
  expect(input.safeParse({ from: 10, to: 10, bucketMs: HOUR }).success).toBe(false);
  expect(input.safeParse({ from: 0, to: 1_001 * HOUR, bucketMs: HOUR }).success).toBe(false);
  expect(input.safeParse({ from: 0, to: 1_000 * HOUR, bucketMs: HOUR }).success).toBe(true);
  expect(input.safeParse({ from: 0, to: HOUR, bucketMs: 60_000 }).success).toBe(false);
});

test('median of an even and an odd count, and of nothing', () => {
  expect(median([3, 1, 2])).toBe(2);
  expect(median([4, 1, 3, 2])).toBe(2.5);
  expect(median([])).toBeNull();
});
