// Guards enforced in main: outbox:submit refuses what needs a clearance it lacks, and a clearance is single
// use, bound to one content digest and one set of accounts, issued only for the right typed handle.
import { afterEach, describe, expect, it } from 'vitest';
import { computeContentDigest } from '../../../src-shared/guards/digest.ts';
import { createHarness, post, type Harness } from './support/harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const submit = (harness: Harness, p: ReturnType<typeof post>, clearanceId: string | null) =>
  harness.module.service.submit({ draftId: null, post: p, clearanceId, undoSeconds: 0, campaign: null });

const clear = (
  harness: Harness,
  p: ReturnType<typeof post>,
  typed: Record<string, string>,
  acknowledged: string[] = [],
) =>
  harness.module.service.clear({
    post: p,
    digest: computeContentDigest(p),
    typedHandles: typed,
    acknowledged,
  });

describe('clearance rules', () => {
  it('asks for the protected account’s handle and refuses a submit without a clearance', async () => {
    h = await createHarness();
    const p = post('Brand news', ['acct-3']);
    const preflight = h.module.service.preflight(p);
    expect(preflight.typeHandleFor).toEqual(['acct-3']);
    expect(preflight.blocked).toBe(false);
    expect(preflight.digest).toBe(computeContentDigest(p));
    expect(() => submit(h!, p, null)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => submit(h!, p, 'made-up-id')).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(h.module.repo.list()).toHaveLength(0);
  });

  it('refuses a wrong typed handle and accepts the handle case-insensitively with an optional @', async () => {
    h = await createHarness();
    const p = post('Brand news', ['acct-3']);
    expect(() => clear(h!, p, { 'acct-3': 'brand.exampl' })).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
    expect(() => clear(h!, p, {})).toThrow(expect.objectContaining({ code: 'forbidden' }));
    const { clearanceId } = clear(h, p, { 'acct-3': ' @BRAND.EXAMPLE ' });
    const { jobs } = submit(h, p, clearanceId);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.guardRecords).toEqual([
      expect.objectContaining({
        guard: 'protected-account',
        outcome: 'typed',
        confirmedBy: 'tester',
        digest: computeContentDigest(p),
      }),
    ]);
    await h.time.advance(0);
    expect(h.network.posts.size).toBe(1);
  });

  it('refuses a clearance issued for other content, for other accounts, or already used', async () => {
    h = await createHarness();
    const p = post('Brand news', ['acct-3']);
    const other = clear(h, post('Different words', ['acct-3']), { 'acct-3': 'brand.example' });
    expect(() => submit(h!, p, other.clearanceId)).toThrow(expect.objectContaining({ code: 'forbidden' }));

    const wider = post('Brand news', ['acct-3', 'acct-1']);
    const forWider = clear(h, wider, { 'acct-3': 'brand.example' });
    expect(() => submit(h!, p, forWider.clearanceId)).toThrow(expect.objectContaining({ code: 'forbidden' }));

    const good = clear(h, p, { 'acct-3': 'brand.example' });
    submit(h, p, good.clearanceId);
    expect(() => submit(h!, p, good.clearanceId)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(h.module.repo.list()).toHaveLength(1);
  });

  it('lets a clearance expire after a few minutes', async () => {
    h = await createHarness();
    const p = post('Brand news', ['acct-3']);
    const grant = clear(h, p, { 'acct-3': 'brand.example' });
    await h.time.advance(6 * 60_000);
    expect(() => submit(h!, p, grant.clearanceId)).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it('refuses a clear whose digest is not the content’s', async () => {
    h = await createHarness();
    const p = post('Brand news', ['acct-3']);
    expect(() =>
      h!.module.service.clear({
        post: p,
        digest: 'sha256:00',
        typedHandles: { 'acct-3': 'brand.example' },
        acknowledged: [],
      }),
    ).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it('always refuses block-level decisions (block list), clearance or not', async () => {
    h = await createHarness();
    const p = post('Free stuff at https://login.malware.example/win', ['acct-1']);
    const preflight = h.module.service.preflight(p);
    expect(preflight.blocked).toBe(true);
    expect(() => clear(h!, p, {}, preflight.acknowledge)).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
    expect(() => submit(h!, p, null)).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it('needs an acknowledgement for the same text twice within 24 hours on one account', async () => {
    h = await createHarness();
    submit(h, post('Same words'), null);
    await h.time.advance(0);
    const again = post('Same words');
    const preflight = h.module.service.preflight(again);
    expect(preflight.acknowledge).toHaveLength(1);
    expect(() => submit(h!, again, null)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    const grant = clear(h, again, {}, preflight.acknowledge);
    const [job] = submit(h, again, grant.clearanceId).jobs;
    expect(job!.guardRecords[0]).toMatchObject({ guard: 'duplicate', outcome: 'acknowledged' });
    // Another account may post the same words without confirming.
    expect(submit(h, post('Same words', ['acct-2']), null).jobs).toHaveLength(1);
  });

  it('honours blocked terms from the settings', async () => {
    h = await createHarness({
      settings: { blockedTerms: ['secret launch'], levels: { 'blocked-term': 'block' } },
    });
    expect(() => submit(h!, post('The Secret Launch is tomorrow'), null)).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
  });
});

describe('best times', () => {
  it('suggests weekday default slots until there is history', async () => {
    h = await createHarness();
    const best = await h.module.service.bestTimes('acct-1');
    expect(best.basis).toBe('default');
    expect(best.slots.length).toBeGreaterThan(3);
    for (const slot of best.slots) {
      const local = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Paris',
        weekday: 'short',
        hour: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(slot.at));
      expect(local).toMatch(/^(Mon|Tue|Wed|Thu|Fri),? 1[1-3]$/);
      expect(Date.parse(slot.at)).toBeGreaterThan(h.now());
    }
    await expect(h.module.service.bestTimes('nobody')).rejects.toMatchObject({ code: 'not_found' });
  });
});
