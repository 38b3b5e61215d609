// The embedded desk over main's real SQLite with a fake clock: mentions become conversations keyed by
// account, contact and thread with priority and skills; a reply joins its thread; pending wakes and a
// resolved conversation reopens on the contact's message; replies count only once the network has them;
// the collision guard lists what changed; saved replies fill their variables; SLA breaches are recorded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createDeskRepository } from '../../../src-main/desk/desk-repository.ts';
import { createDeskService, type DeskService } from '../../../src-main/desk/desk-service.ts';
import { openMainStore, type MainStore } from '../../../src-main/store/main-store.ts';
import { defaultDeskSettings } from '../../../src-shared/desk/desk-settings.ts';
import { alwaysOpen } from '../../../src-shared/desk/business-calendar.ts';
import type { Account } from '../../../src-shared/domain/account.ts';
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import type { OutboxJob } from '../../../src-shared/contract/publishing-contract.ts';
import { mentionItem } from './mention-item.ts';

const START = Date.parse('2026-12-07T10:00:00Z');
const brand: Account = {
  id: 'acc-brand',
  network: 'bluesky',
  service: 'http://127.0.0.1:1',
  remoteId: 'did:plc:brand',
  handle: 'brand.test',
  displayName: 'Brand',
  avatarUrl: null,
  status: 'active',
  protected: true,
  createdAt: new Date(0).toISOString(),
};

let dir: string;
let store: MainStore;
let desk: DeskService;
let now: number;
let changed: string[][];
let nextId: number;

function item(remoteId: string, text: string, over: Partial<StreamItem> = {}): StreamItem {
  return mentionItem(brand.id, remoteId, text, now, over);
}

function sentJob(id: string, remoteId: string, state: OutboxJob['state'] = 'sent'): OutboxJob {
  return { id, state, remoteId, url: null } as OutboxJob;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'roost-desk-'));
  store = openMainStore({ path: path.join(dir, 'main.sqlite') });
  now = START;
  changed = [];
  nextId = 1;
  const settings = defaultDeskSettings('Europe/Paris');
  desk = createDeskService({
    store,
    repo: createDeskRepository(store),
    clock: { now: () => now },
    timers: { setTimeout: () => 0, clearTimeout: () => undefined },
    settings: () => ({ ...settings, sla: { ...settings.sla, calendar: alwaysOpen('Europe/Paris') } }),
    accounts: () => [brand],
    newId: () => `id${nextId++}`,
    onChanged: (ids) => changed.push(ids),
    since: START,
  });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('intake', () => {
  test('a mention becomes a new conversation with priority, reasons and skills', () => {
    const [id] = desk.ingest(brand.id, [item('at://alice/1', 'My account was hacked, I need a refund')]);
    const [summary] = desk.list('unassigned');
    expect(summary).toMatchObject({ id, state: 'new', ownerId: null, contact: { handle: 'alice.test' } });
    expect(summary!.skills).toEqual(['billing', 'security']);
    expect(summary!.priority).toBeGreaterThanOrEqual(80);
    expect(summary!.priorityReasons).toEqual(expect.arrayContaining(['term:hacked', 'term:refund']));
    expect(summary!.sla).toMatchObject({ clock: 'first_response', state: 'ok' });
    expect(changed).toEqual([[id]]);
  });

  test('the same batch twice changes nothing; the account’s own posts, likes and old history are ignored', () => {
    const batch = [item('at://alice/1', 'hello')];
    desk.ingest(brand.id, batch);
    expect(desk.ingest(brand.id, batch)).toEqual([]);
    const own = item('at://brand/1', 'our post', {
      author: { ...item('x', '').author, id: brand.remoteId, handle: brand.handle },
    });
    const like = item('at://alice/like', '', { kind: 'like' });
    const old = item('at://alice/old', 'old', { createdAt: new Date(START - 3 * 86_400_000).toISOString() });
    expect(desk.ingest(brand.id, [own, like, old])).toEqual([]);
    expect(desk.counts().unassigned).toBe(1);
  });

  test('a reply joins the conversation of the message it answers; a fresh mention opens another', () => {
    const [first] = desk.ingest(brand.id, [item('at://alice/1', 'hello')]);
    const reply = item('at://alice/2', 'more details', {
      kind: 'reply',
      replyTo: { remoteId: 'at://alice/1', authorHandle: null },
    });
    expect(desk.ingest(brand.id, [reply])).toEqual([first]);
    const [second] = desk.ingest(brand.id, [item('at://alice/3', 'another question')]);
    expect(second).not.toBe(first);
    expect(desk.conversation(first!).messages.map((m) => m.remoteId)).toEqual([
      'at://alice/1',
      'at://alice/2',
    ]);
    expect(desk.conversation(first!).history.map((h) => h.id)).toEqual([second]);
  });

  test('oldest first within a batch, so a reply delivered with its parent joins it', () => {
    const parent = item('at://alice/1', 'hello');
    const reply = item('at://alice/2', 'hi again', {
      replyTo: { remoteId: 'at://alice/1', authorHandle: null },
    });
    const ids = desk.ingest(brand.id, [reply, parent]); // newest first, as the poller delivers
    expect(new Set(ids).size).toBe(1);
  });
});

describe('states and replies', () => {
  test('pending pauses the SLA; the contact’s reply moves it back to open', () => {
    const [id] = desk.ingest(brand.id, [item('at://alice/1', 'hello')]);
    desk.act(id!, { kind: 'claim' });
    expect(desk.act(id!, { kind: 'pending' }).sla).toMatchObject({ state: 'paused' });
    now += 60_000;
    desk.ingest(brand.id, [
      item('at://alice/2', 'here you go', { replyTo: { remoteId: 'at://alice/1', authorHandle: null } }),
    ]);
    expect(desk.list('mine').map((c) => [c.id, c.state])).toEqual([[id, 'open']]);
  });

  test('a reply counts once the network has it; the contact’s answer to it joins the thread', () => {
    const [id] = desk.ingest(brand.id, [item('at://alice/1', 'hello')]);
    desk.recordReply(id!, 'job1', 'Hi Alice!');
    expect(desk.list('unassigned')).toHaveLength(1); // held: not sent yet
    desk.noteJobs([sentJob('job1', 'at://brand/reply1')]);
    const mine = desk.list('mine');
    expect(mine.map((c) => c.id)).toEqual([id]);
    expect(mine[0]!.sla?.clock).toBe('resolution'); // first response met
    now += 1_000;
    const answer = item('at://alice/2', 'thanks', {
      replyTo: { remoteId: 'at://brand/reply1', authorHandle: 'brand.test' },
    });
    expect(desk.ingest(brand.id, [answer])).toEqual([id]);
    expect(desk.list('mine')[0]!.sla?.clock).toBe('next_response');
  });

  test('an undone reply is dropped from the conversation', () => {
    const [id] = desk.ingest(brand.id, [item('at://alice/1', 'hello')]);
    desk.recordReply(id!, 'job1', 'oops');
    desk.noteJobs([sentJob('job1', '', 'cancelled')]);
    expect(desk.conversation(id!).messages.map((m) => m.direction)).toEqual(['in']);
  });

  test('a reply to a resolved conversation reopens it with a fresh resolution clock', () => {
    const [id] = desk.ingest(brand.id, [item('at://alice/1', 'hello')]);
    desk.act(id!, { kind: 'claim' });
    expect(desk.act(id!, { kind: 'resolve' }).sla).toBeNull();
    now += 3_600_000;
    desk.ingest(brand.id, [
      item('at://alice/2', 'still broken', { replyTo: { remoteId: 'at://alice/1', authorHandle: null } }),
    ]);
    const [reopened] = desk.list('mine');
    expect(reopened).toMatchObject({ id, state: 'open', ownerId: 'me' });
    expect(reopened!.sla?.state).toBe('ok');
  });

  test('refused moves are clear errors', () => {
    const [id] = desk.ingest(brand.id, [item('at://alice/1', 'hello')]);
    desk.act(id!, { kind: 'resolve' });
    expect(() => desk.act(id!, { kind: 'resolve' })).toThrow(/cannot resolve/);
    expect(() => desk.act('nope', { kind: 'claim' })).toThrow(/No such conversation/);
  });

  test('snoozed until a time, then back in the queue', () => {
    const [id] = desk.ingest(brand.id, [item('at://alice/1', 'hello')]);
    desk.act(id!, { kind: 'snooze', until: now + 60_000 });
    expect(desk.list('snoozed').map((c) => c.id)).toEqual([id]);
    now += 61_000;
    desk.tick();
    expect(desk.list('unassigned').map((c) => c.id)).toEqual([id]);
  });
});

describe('collision guard, notes and saved replies', () => {
  test('lists messages and notes that arrived after the draft began', () => {
    const [id] = desk.ingest(brand.id, [item('at://alice/1', 'hello')]);
    const draftBegan = now;
    expect(desk.changesSince(id!, draftBegan)).toEqual([]);
    now += 1_000;
    desk.addNote(id!, 'Checked the order: shipped yesterday');
    desk.ingest(brand.id, [
      item('at://alice/2', 'any news?', {
        createdAt: new Date(now).toISOString(),
        replyTo: { remoteId: 'at://alice/1', authorHandle: null },
      }),
    ]);
    expect(
      desk
        .changesSince(id!, draftBegan)
        .map((c) => c.kind)
        .sort(),
    ).toEqual(['message', 'note']);
  });

  test('saved replies fill their variables in English and French and count their uses', () => {
    const [id] = desk.ingest(brand.id, [item('at://alice/1', 'hello')]);
    const saved = desk.saveReply({
      id: null,
      title: 'Thanks',
      bodyEn: 'Thank you {contact.name}, from {account.handle}',
      bodyFr: 'Merci {contact.name} ({contact.handle}) {unknown}',
    });
    expect(desk.useReply(saved.id, id!, 'en').text).toBe('Thank you Alice, from @brand.test');
    expect(desk.useReply(saved.id, id!, 'fr').text).toBe('Merci Alice (@alice.test) {unknown}');
    expect(desk.savedReplies()[0]).toMatchObject({ id: saved.id, uses: 2 });
    expect(desk.deleteReply(saved.id)).toEqual({ deleted: true });
  });
});

describe('SLA over time', () => {
  test('a breach is recorded once and the conversation shows in the breaching view', () => {
    const [id] = desk.ingest(brand.id, [item('at://alice/1', 'my account was hacked')]); // urgent: 60 min
    now += 40 * 60_000;
    desk.tick();
    expect(desk.list('breaching')[0]).toMatchObject({ id, sla: { state: 'at_risk' } });
    now += 30 * 60_000;
    desk.tick();
    desk.tick();
    expect(desk.list('breaching')[0]).toMatchObject({ id, sla: { state: 'breached' } });
    const events = createDeskRepository(store)
      .events(id!)
      .map((e) => e.kind);
    expect(events.filter((k) => k === 'sla_breach')).toHaveLength(1);
    expect(events.filter((k) => k === 'sla_warning')).toHaveLength(1);
  });

  test('views sort by priority, then the nearest deadline', () => {
    desk.ingest(brand.id, [item('at://alice/1', 'hello')]);
    now += 1_000;
    desk.ingest(brand.id, [
      item('at://bob/1', 'hacked!', {
        author: { ...item('x', '').author, id: 'did:plc:bob', handle: 'bob.test' },
      }),
    ]);
    expect(desk.list('unassigned').map((c) => c.contact.handle)).toEqual(['bob.test', 'alice.test']);
  });
});
