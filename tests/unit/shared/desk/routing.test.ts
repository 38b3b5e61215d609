// Routing: the eligibility matrix (skills × availability × working hours × capacity, plus out of office and
// the hourly cap), the skills timeout, round robin and balanced order, the holding queue's drain order, the
// fair-distribution cap and re-routing when a conversation reopens while its owner is away.
import { describe, expect, test } from 'vitest';
import { alwaysOpen, checkCalendar } from '../../../../src-shared/desk/business-calendar.ts';
import {
  chooseExpert,
  drainQueue,
  ineligibility,
  ownerOnReopen,
  requiredSkills,
  type Availability,
  type Expert,
  type Inquiry,
  type RoutingConfig,
  type Skill,
} from '../../../../src-shared/desk/routing.ts';

const MIN = 60_000;
const at = (iso: string) => Date.parse(iso);
const MONDAY_10_PARIS = at('2026-12-07T09:00:00Z');
const MONDAY_20_PARIS = at('2026-12-07T19:00:00Z');

const billing: Skill = {
  id: 'billing',
  phrases: ['refund', 'invoice', 'facture'],
  languages: [],
  networks: [],
  brandAccountIds: [],
};
const french: Skill = { id: 'french', phrases: [], languages: ['fr'], networks: [], brandAccountIds: [] };
const mastodonDesk: Skill = {
  id: 'mastodon',
  phrases: [],
  languages: [],
  networks: ['mastodon'],
  brandAccountIds: [],
};
const brandB: Skill = { id: 'brand-b', phrases: [], languages: [], networks: [], brandAccountIds: ['acc-b'] };
const skills = [billing, french, mastodonDesk, brandB];

const officeHours = checkCalendar({
  timeZone: 'Europe/Paris',
  week: [[], ...Array.from({ length: 5 }, () => [{ start: '09:00', end: '18:00' }]), []],
  holidays: [],
});

const expert = (id: string, over: Partial<Expert> = {}): Expert => ({
  id,
  skills: [],
  availability: 'available',
  hours: officeHours,
  outOfOffice: [],
  capacity: 5,
  openAssigned: 0,
  lastAssignedAt: null,
  recentAssignments: [],
  ...over,
});

const inquiry = (id: string, over: Partial<Inquiry> = {}): Inquiry => ({
  id,
  text: 'hello',
  lang: 'en',
  network: 'bluesky',
  brandAccountId: 'acc-a',
  priority: 0,
  createdAt: MONDAY_10_PARIS - 60_000,
  ...over,
});

const config: RoutingConfig = { order: 'round_robin', skillsTimeoutMinutes: null, hourlyCap: null };

describe('required skills', () => {
  test('topic, language, network and brand account rules', () => {
    expect(requiredSkills(inquiry('1', { text: 'I need a refund' }), skills)).toEqual(['billing']);
    expect(requiredSkills(inquiry('2', { text: 'ma facture', lang: 'fr-FR' }), skills)).toEqual([
      'billing',
      'french',
    ]);
    expect(requiredSkills(inquiry('3', { network: 'mastodon', brandAccountId: 'acc-b' }), skills)).toEqual([
      'mastodon',
      'brand-b',
    ]);
    expect(requiredSkills(inquiry('4', { lang: null }), skills)).toEqual([]);
  });
});

describe('eligibility matrix', () => {
  const billingInquiry = inquiry('q', { text: 'refund please' });
  const needed = requiredSkills(billingInquiry, skills);
  const cases: {
    skills: string[];
    availability: Availability;
    now: number;
    openAssigned: number;
    expected: string[];
  }[] = [];
  for (const hasSkill of [true, false]) {
    for (const availability of ['available', 'away', 'offline'] as const) {
      for (const inHours of [true, false]) {
        for (const full of [false, true]) {
          const expected: string[] = [];
          if (availability !== 'available') expected.push(availability);
          else if (!inHours) expected.push('out_of_hours');
          if (full) expected.push('at_capacity');
          if (!hasSkill) expected.push('missing_skills');
          cases.push({
            skills: hasSkill ? ['billing'] : ['french'],
            availability,
            now: inHours ? MONDAY_10_PARIS : MONDAY_20_PARIS,
            openAssigned: full ? 5 : 4,
            expected,
          });
        }
      }
    }
  }

  test.each(cases)('skills $skills, $availability, at $now, $openAssigned open → $expected', (c) => {
    const e = expert('e', { skills: c.skills, availability: c.availability, openAssigned: c.openAssigned });
    expect(ineligibility(e, billingInquiry, needed, c.now, config)).toEqual(c.expected);
  });

  test('exactly one of the 24 combinations is eligible', () => {
    expect(cases.filter((c) => c.expected.length === 0)).toHaveLength(1);
  });

  test('out of office covers whole local days in the expert zone', () => {
    const e = expert('e', { outOfOffice: [{ from: '2026-12-07', to: '2026-12-08' }] });
    expect(ineligibility(e, inquiry('q'), [], MONDAY_10_PARIS, config)).toEqual(['out_of_office']);
    expect(ineligibility(e, inquiry('q'), [], at('2026-12-09T09:00:00Z'), config)).toEqual([]);
  });

  test('working hours are the expert’s own: Tokyo is asleep when Paris works', () => {
    const tokyoHours = { ...officeHours, timeZone: 'Asia/Tokyo' };
    const tokyo = expert('tokyo', { hours: tokyoHours });
    expect(ineligibility(tokyo, inquiry('q'), [], MONDAY_10_PARIS, config)).toEqual(['out_of_hours']);
    expect(ineligibility(tokyo, inquiry('q'), [], at('2026-12-07T01:00:00Z'), config)).toEqual([]);
  });
});

describe('choosing an expert', () => {
  test('all required skills are needed', () => {
    const q = inquiry('q', { text: 'facture', lang: 'fr' });
    const onlyBilling = expert('a', { skills: ['billing'] });
    const both = expert('b', { skills: ['billing', 'french'] });
    expect(chooseExpert(q, [onlyBilling, both], skills, MONDAY_10_PARIS, config)?.id).toBe('b');
    expect(chooseExpert(q, [onlyBilling], skills, MONDAY_10_PARIS, config)).toBeNull();
  });

  test('the skills timeout lets any available expert take it after N minutes', () => {
    const q = inquiry('q', { text: 'refund', createdAt: MONDAY_10_PARIS - 9 * MIN });
    const generalist = expert('g');
    const withTimeout = { ...config, skillsTimeoutMinutes: 10 };
    expect(chooseExpert(q, [generalist], skills, MONDAY_10_PARIS, withTimeout)).toBeNull();
    expect(chooseExpert(q, [generalist], skills, MONDAY_10_PARIS + MIN, withTimeout)?.id).toBe('g');
    const away = expert('away', { availability: 'away' });
    expect(chooseExpert(q, [away], skills, MONDAY_10_PARIS + MIN, withTimeout)).toBeNull();
  });

  test('round robin: longest since last assignment; never-assigned first', () => {
    const experts = [
      expert('a', { lastAssignedAt: 300 }),
      expert('b', { lastAssignedAt: 100 }),
      expert('c', { lastAssignedAt: 200 }),
    ];
    expect(chooseExpert(inquiry('q'), experts, [], MONDAY_10_PARIS, config)?.id).toBe('b');
    expect(chooseExpert(inquiry('q'), [...experts, expert('d')], [], MONDAY_10_PARIS, config)?.id).toBe('d');
  });

  test('balanced: fewest open', () => {
    const experts = [
      expert('a', { openAssigned: 3, lastAssignedAt: 1 }),
      expert('b', { openAssigned: 1, lastAssignedAt: 500 }),
    ];
    const balanced = { ...config, order: 'balanced' as const };
    expect(chooseExpert(inquiry('q'), experts, [], MONDAY_10_PARIS, balanced)?.id).toBe('b');
  });
});

describe('holding queue', () => {
  test('drains by priority then age, skipping what nobody can take without blocking the rest', () => {
    const queue = [
      inquiry('old-low', { priority: 0, createdAt: 1 }),
      inquiry('new-high', { priority: 50, createdAt: 5 }),
      inquiry('french', { priority: 90, lang: 'fr', createdAt: 2 }),
      inquiry('new-low', { priority: 0, createdAt: 3 }),
    ];
    const experts = [expert('a', { capacity: 2 }), expert('b', { capacity: 1 })];
    const {
      assignments,
      waiting,
      experts: after,
    } = drainQueue(queue, experts, skills, MONDAY_10_PARIS, config);
    expect(assignments).toEqual([
      { inquiryId: 'new-high', expertId: 'a' },
      { inquiryId: 'old-low', expertId: 'b' },
      { inquiryId: 'new-low', expertId: 'a' },
    ]);
    expect(waiting.map((q) => q.id)).toEqual(['french']);
    expect(after.map((e) => e.openAssigned)).toEqual([2, 1]);
  });

  test('nothing drains while everyone is away; all drain in order once someone is available', () => {
    const queue = [
      inquiry('1', { createdAt: 1 }),
      inquiry('2', { createdAt: 2 }),
      inquiry('3', { createdAt: 3 }),
    ];
    const away = [expert('a', { availability: 'away' })];
    expect(drainQueue(queue, away, [], MONDAY_10_PARIS, config).assignments).toEqual([]);
    const back = [expert('a')];
    expect(drainQueue(queue, back, [], MONDAY_10_PARIS, config).assignments.map((a) => a.inquiryId)).toEqual([
      '1',
      '2',
      '3',
    ]);
  });

  test('the fair-distribution cap spreads a burst and holds the rest for the next hour', () => {
    const queue = Array.from({ length: 7 }, (_, i) => inquiry(`q${i}`, { createdAt: i }));
    const capped = { ...config, hourlyCap: 3 };
    const experts = [expert('a', { capacity: 100 }), expert('b', { capacity: 100 })];
    const first = drainQueue(queue, experts, [], MONDAY_10_PARIS, capped);
    expect(first.assignments).toHaveLength(6);
    expect(first.assignments.filter((a) => a.expertId === 'a')).toHaveLength(3);
    expect(first.waiting.map((q) => q.id)).toEqual(['q6']);
    const sameHour = drainQueue(first.waiting, first.experts, [], MONDAY_10_PARIS + 59 * MIN, capped);
    expect(sameHour.assignments).toEqual([]);
    const nextHour = drainQueue(first.waiting, first.experts, [], MONDAY_10_PARIS + 61 * MIN, capped);
    expect(nextHour.assignments).toHaveLength(1);
  });

  test('always-open hours never block a team of one', () => {
    const me = expert('me', { hours: alwaysOpen('UTC'), capacity: Number.MAX_SAFE_INTEGER });
    expect(chooseExpert(inquiry('q'), [me], [], MONDAY_20_PARIS, config)?.id).toBe('me');
  });
});

describe('re-routing on reopen', () => {
  test('the owner keeps it when available, even at capacity; otherwise it goes back to the queue', () => {
    const busy = expert('owner', { openAssigned: 5 });
    expect(ownerOnReopen('owner', [busy], MONDAY_10_PARIS)).toBe('owner');
    expect(ownerOnReopen('owner', [expert('owner', { availability: 'away' })], MONDAY_10_PARIS)).toBeNull();
    expect(ownerOnReopen('owner', [expert('owner')], MONDAY_20_PARIS)).toBeNull();
    expect(ownerOnReopen('gone', [expert('owner')], MONDAY_10_PARIS)).toBeNull();
    expect(ownerOnReopen(null, [expert('owner')], MONDAY_10_PARIS)).toBeNull();
  });
});
