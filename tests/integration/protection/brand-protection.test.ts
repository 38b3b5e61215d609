// Brand protection against the local Bluesky network, through main's real services over the browser-mode
// WebSocket: the first check is a baseline; a post sent through Roost's outbox raises nothing; a post, a
// profile change and a deletion made directly through the API (as another client would) each raise an
// alert that "This was us" acknowledges; and a mention from a look-alike handle, carrying a blocked link,
// arrives flagged in the columns' items and in the desk.
import { AtpAgent, RichText } from '@atproto/api';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ConversationSummary } from '../../../src-shared/contract/desk-contract.ts';
import type { HijackAlert } from '../../../src-shared/contract/protection-contract.ts';
import type { StreamItem } from '../../../src-shared/domain/stream-item.ts';
import { SandboxClient, type SandboxAccount } from '../../support/sandbox-client.ts';
import { startWireSession, type Answer, type WireSession } from '../support/wire-session.ts';

const info = inject('sandbox');
const sandbox = new SandboxClient(info);
const run = Math.random().toString(36).slice(2, 8);

let session: WireSession;
let brand: SandboxAccount;
let brandAgent: AtpAgent;

/**
 * Lets the AppView index what was written, then checks every account now. The background round may get
 * there first, so tests read the alert list rather than how many this call raised.
 */
async function check(): Promise<void> {
  await sandbox.processAll();
  expect(await session.value('protection:check', {})).toMatchObject({ checked: 1 });
}

const openAlerts = () => session.value<HijackAlert[]>('protection:alerts', { includeAcknowledged: false });

beforeAll(async () => {
  brand = await sandbox.createAccount({ handlePrefix: 'acme', displayName: `Acme Care ${run}` });
  brandAgent = new AtpAgent({ service: info.pdsUrl });
  await brandAgent.login({ identifier: brand.handle, password: brand.appPassword });
  // Indexed before Roost starts, so the baseline (a background round may take it first) holds it.
  await brandAgent.post({ text: `Hello from before Roost (${run})` });
  await sandbox.processAll();
  session = await startWireSession(info, brand);
}, 120_000);

afterAll(async () => {
  await session?.stop();
});

describe('hijack detection on the local Bluesky network', () => {
  let roostPostUri: string;

  it('takes the first check as the baseline: what was there before raises nothing', async () => {
    await check();
    expect(await openAlerts()).toEqual([]);
  }, 60_000);

  it('never alerts for a post sent through Roost’s outbox', async () => {
    const job = await session.postThroughOutbox(`Sent through Roost (${run})`);
    expect(job.state).toBe('sent');
    roostPostUri = job.remoteId!;
    await check();
    expect(await openAlerts()).toEqual([]);
  }, 60_000);

  it('alerts for a post made directly through the API, once', async () => {
    const direct = await brandAgent.post({ text: `Free coins at my link (${run})` });
    await check();
    const alerts = await openAlerts();
    expect(alerts).toMatchObject([
      {
        accountId: session.accountId,
        kind: 'post',
        uri: direct.uri,
        handle: brand.handle,
        acknowledgedAt: null,
      },
    ]);
    expect(alerts[0]!.text).toContain('Free coins');
    // The next check has nothing new to say.
    await check();
    expect(await openAlerts()).toHaveLength(1);
  }, 60_000);

  it('alerts for a profile change and for a deletion made elsewhere, and the event announces them', async () => {
    await brandAgent.upsertProfile((p) => ({ ...p, displayName: `Acme Giveaways ${run}` }));
    await brandAgent.deletePost(roostPostUri);
    await check();
    const alerts = await openAlerts();
    expect(alerts.map((a) => [a.kind, a.field, a.uri]).sort()).toEqual(
      [
        ['deletion', null, roostPostUri],
        ['post', null, expect.any(String)],
        ['profile', 'displayName', null],
      ].sort(),
    );
    expect(alerts.find((a) => a.kind === 'profile')?.text).toBe(`Acme Giveaways ${run}`);
    const announced = session
      .events<{ alerts: HijackAlert[] }>('protection:alerts')
      .flatMap((payload) => payload.alerts);
    expect(announced.map((a) => a.id).sort()).toEqual(alerts.map((a) => a.id).sort());
  }, 60_000);

  it('"This was us" acknowledges an alert: it leaves the open list and stays on record', async () => {
    const [first] = await openAlerts();
    const acknowledged = await session.value<HijackAlert>('protection:acknowledge', { id: first!.id });
    expect(acknowledged.acknowledgedAt).toEqual(expect.any(Number));
    expect((await openAlerts()).map((a) => a.id)).not.toContain(first!.id);
    const all = await session.value<HijackAlert[]>('protection:alerts', { includeAcknowledged: true });
    expect(all.find((a) => a.id === first!.id)?.acknowledgedAt).toBe(acknowledged.acknowledgedAt);
    const missing: Answer = await session.call('protection:acknowledge', { id: 'no-such-alert' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
  }, 60_000);
});

describe('impostors and links in incoming items', () => {
  it('flags a mention from a look-alike handle, and its blocked link, in the items and in the desk', async () => {
    // `acmexxxx-test.test` imitates `acmexxxx.test`: the brand's handle with its dot turned into a hyphen.
    const impostorHandle = brand.handle.replace(/\.test$/, '-test.test');
    const impostor = new AtpAgent({ service: info.pdsUrl });
    await impostor.createAccount({
      handle: impostorHandle,
      password: `pw-${run}-impostor`,
      email: `${run}-impostor@sandbox.example`,
    });
    const text = `@${brand.handle} your account is locked, verify at https://blocked.example/verify (${run})`;
    const rt = new RichText({ text });
    await rt.detectFacets(impostor);
    await impostor.post({ text: rt.text, facets: rt.facets });

    let conversation: ConversationSummary | undefined;
    for (let i = 0; i < 60 && !conversation; i++) {
      await sandbox.processAll();
      await session.value('desk:refresh', {});
      await new Promise((r) => setTimeout(r, 250));
      const list = await session.value<ConversationSummary[]>('desk:list', { view: 'unassigned' });
      conversation = list.find((c) => c.excerpt.includes(run));
    }
    expect(conversation?.contact).toMatchObject({
      handle: impostorHandle,
      impostor: { imitates: brand.handle, reason: 'handle' },
    });

    const delivered = session
      .events<{ items: StreamItem[] }>('streams:items')
      .flatMap((payload) => payload.items)
      .find((item) => item.text.includes(run));
    expect(delivered?.flags).toEqual({
      impostor: { imitates: brand.handle, reason: 'handle' },
      links: [
        {
          url: 'https://blocked.example/verify',
          host: 'blocked.example',
          reason: 'blocked',
          detail: 'blocked.example',
        },
      ],
    });
  }, 90_000);
});
