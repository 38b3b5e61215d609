// Desk settings through main's real router over real SQLite: a bad entry anywhere refuses the whole update
// with invalid_input and that entry's path, and nothing is written; accepted settings survive a restart and
// apply to the next conversation (a new skill rule routes it, a new SLA target times it); and the checks
// themselves (time zones, periods, holidays, duplicate ids, unknown accounts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createEmbeddedDesk, type EmbeddedDesk } from '../../../src-main/desk/embedded-desk.ts';
import { localUserContext } from '../../../src-main/rpc/call-context.ts';
import { createRouter, type Router } from '../../../src-main/rpc/router.ts';
import { openMainStore, type MainStore } from '../../../src-main/store/main-store.ts';
import type { DeskSettingsInput } from '../../../src-shared/contract/desk-settings-schema.ts';
import type { Result } from '../../../src-shared/contract/errors.ts';
import { alwaysOpen } from '../../../src-shared/desk/business-calendar.ts';
import { defaultDeskSettings, type DeskSettings } from '../../../src-shared/desk/desk-settings.ts';
import { checkDeskSettings } from '../../../src-shared/desk/settings-check.ts';
import type { Account } from '../../../src-shared/domain/account.ts';
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import { withOtherMethodsRefused } from '../../support/partial-handlers.ts';

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
let router: Router;
let n = 0;

function open(): void {
  store = openMainStore({ path: path.join(dir, 'main.sqlite') });
  desk = createEmbeddedDesk({
    store,
    accounts: () => [brand],
    onChanged: () => undefined,
    onError: (error) => {
      throw error;
    },
    settings: {
      ...defaultDeskSettings('UTC'),
      sla: { ...defaultDeskSettings('UTC').sla, calendar: alwaysOpen() },
    },
    clock: { now: () => START },
    findJob: () => null,
  });
  router = createRouter(withOtherMethodsRefused(desk.handlers));
}

const call = (method: string, input: unknown) =>
  router.dispatch(method, input, localUserContext('browser')) as Promise<Result<unknown>>;

/** What main answers, as a fresh copy the test may edit. */
async function current(): Promise<DeskSettingsInput> {
  const result = await call('desk:settings', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value as DeskSettingsInput;
}

function mention(text: string): string {
  n += 1;
  const item = {
    key: `bluesky:at://m/${n}`,
    network: 'bluesky',
    accountId: brand.id,
    kind: 'mention',
    remoteId: `at://m/${n}`,
    actionRef: `cid-${n}`,
    url: null,
    author: { id: `did:plc:c${n}`, handle: `c${n}.test`, displayName: `C${n}`, avatarUrl: null },
    text,
    lang: 'en',
    replyTo: null,
    createdAt: new Date(START).toISOString(),
  } as unknown as StreamItem;
  const [id] = desk.service.ingest(brand.id, [item]);
  return id!;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'roost-desk-settings-'));
  open();
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('desk settings through the contract', () => {
  test('one bad entry refuses the whole update, names the entry, and writes nothing', async () => {
    const before = await current();
    const next = structuredClone(before);
    next.skills[0]!.phrases.push('chargeback');
    const week = next.sla.calendar.week.map((day) => [...day]);
    week[2] = [{ start: '18:00', end: '09:00' }];
    const bad = { ...next, sla: { ...next.sla, calendar: { ...next.sla.calendar, week } } };
    const result = await call('desk:updateSettings', bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.issues).toEqual([
      { path: 'sla.calendar.week.2.0', message: 'a period must end after it starts' },
    ]);
    expect(await current()).toEqual(before);
  });

  test('a malformed shape is refused by the contract before main sees it', async () => {
    const bad = structuredClone(await current()) as unknown as { sla: { tiers: unknown[] } };
    bad.sla.tiers = [];
    const result = await call('desk:updateSettings', bad);
    expect(result.ok ? null : result.error.code).toBe('invalid_input');
    expect(result.ok ? [] : result.error.issues?.map((i) => i.path)).toEqual(['sla.tiers']);
  });

  test('a new skill rule and SLA target apply to the next conversation and survive a restart', async () => {
    const before = mention('I want a chargeback');
    const next = await current();
    next.skills.find((s) => s.id === 'billing')!.phrases.push('chargeback');
    next.sla.tiers.find((t) => t.minPriority === 0)!.firstResponseMinutes = 5;
    expect((await call('desk:updateSettings', next)).ok).toBe(true);

    store.close();
    open();
    expect(await current()).toEqual(next);
    const after = mention('Another chargeback please');
    const summary = (id: string) => desk.service.conversation(id).summary;
    expect(summary(before).skills).toEqual([]);
    expect(summary(after).skills).toEqual(['billing']);
    expect(summary(after).sla).toEqual({
      clock: 'first_response',
      state: 'at_risk',
      deadline: START + 5 * 60_000,
    });
    expect(summary(before).sla?.deadline).toBe(START + 240 * 60_000);
  });
});

describe('checkDeskSettings', () => {
  const accounts = new Set(['acc-brand']);
  const base = defaultDeskSettings('Europe/Paris');

  test('the defaults pass', () => {
    expect(checkDeskSettings(base, accounts)).toEqual([]);
  });

  test('every bad entry is named in form order', () => {
    const skill = base.skills[0]!;
    const bad: DeskSettings = {
      skills: [
        { ...skill, id: 'Billing!' },
        { ...skill, id: 'delivery', languages: ['english'], brandAccountIds: ['acc-gone'] },
        { ...skill, id: 'delivery', phrases: [' '] },
        { id: 'any', phrases: [], languages: [], networks: [], brandAccountIds: [] },
      ],
      priority: { ...base.priority, terms: [{ text: '', points: 5 }], vipContacts: ['two words'] },
      sla: {
        ...base.sla,
        calendar: {
          timeZone: 'Mars/Olympus',
          week: [
            [],
            [
              { start: '09:00', end: '12:00' },
              { start: '11:00', end: '13:00' },
            ],
            [{ start: '9h', end: '18:00' }],
            [],
            [],
            [],
            [],
          ],
          holidays: ['2026-02-30', '2026-12-25'],
        },
        tiers: [
          { minPriority: 10, firstResponseMinutes: 60, nextResponseMinutes: 60, resolutionMinutes: 60 },
          { minPriority: 10, firstResponseMinutes: 30, nextResponseMinutes: 30, resolutionMinutes: 30 },
        ],
      },
    };
    expect(checkDeskSettings(bad, accounts).map((i) => i.path)).toEqual([
      'skills.0.id',
      'skills.1.languages.0',
      'skills.1.brandAccountIds.0',
      'skills.2.id',
      'skills.2.phrases.0',
      'skills.3',
      'priority.terms.0.text',
      'priority.vipContacts.0',
      'sla.calendar.timeZone',
      'sla.calendar.week.1.1',
      'sla.calendar.week.2.0',
      'sla.calendar.holidays.0',
      'sla.tiers.1.minPriority',
      'sla.tiers',
    ]);
  });
});
