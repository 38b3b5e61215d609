// A Roost main on a temporary data folder, driven over the browser-mode WebSocket like the renderer drives
// it, with one sandbox Bluesky account added: the set-up integration tests of main's domains share.
import { expect } from 'vitest';
import type { RequestMethod } from '../../../src-shared/contract/contract.ts';
import type { OutboxJob } from '../../../src-shared/contract/publishing-contract.ts';
import type { SandboxAccount, SandboxInfo } from '../../support/sandbox-client.ts';
import {
  connectWire,
  startHostFixture,
  type HostFixture,
  type WireClient,
} from '../../unit/support/host-fixture.ts';

export type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

export interface WireSession {
  readonly fixture: HostFixture;
  readonly client: WireClient;
  readonly accountId: string;
  call(method: RequestMethod, input: unknown): Promise<Answer>;
  value<T>(method: RequestMethod, input: unknown): Promise<T>;
  /** Waits until the outbox job reaches a final state. */
  settled(jobId: string): Promise<OutboxJob>;
  /** Publishes `text` as the account through the outbox (no undo window) and waits until it is sent. */
  postThroughOutbox(text: string): Promise<OutboxJob>;
  /** Payloads of every event of this name pushed so far. */
  events<T>(name: string): T[];
  stop(): Promise<void>;
}

export async function startWireSession(info: SandboxInfo, account: SandboxAccount): Promise<WireSession> {
  const fixture = await startHostFixture();
  const client = await connectWire(fixture.rpcUrl(), fixture.origin);
  const call = async (method: RequestMethod, input: unknown) =>
    (await client.request(method, input)).result as Answer;
  const value = async <T>(method: RequestMethod, input: unknown): Promise<T> => {
    const answer = await call(method, input);
    if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
    return answer.value as T;
  };
  await value('app:ready', {});
  const { id: accountId } = await value<{ id: string }>('accounts:add', {
    network: 'bluesky',
    service: info.pdsUrl,
    identifier: account.handle,
    appPassword: account.appPassword,
  });
  const settled = async (jobId: string): Promise<OutboxJob> => {
    for (let i = 0; i < 300; i++) {
      const jobs = await value<OutboxJob[]>('outbox:list', { accountIds: [accountId] });
      const job = jobs.find((j) => j.id === jobId);
      if (job && ['sent', 'failed', 'needs_attention', 'cancelled'].includes(job.state)) return job;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`job ${jobId} did not settle`);
  };
  return {
    fixture,
    client,
    accountId,
    call,
    value,
    settled,
    async postThroughOutbox(text) {
      const target = { accountId, network: 'bluesky', text, contentWarning: null, media: [] };
      const post = { targets: [target], replyTo: null, quote: null, scheduledAt: null };
      const preflight = await value<{ typeHandleFor: string[] }>('publish:preflight', { post });
      expect(preflight.typeHandleFor).toEqual([]);
      const submit = { draftId: null, post, clearanceId: null, undoSeconds: 0, campaign: null };
      const { jobs } = await value<{ jobs: OutboxJob[] }>('outbox:submit', submit);
      return settled(jobs[0]!.id);
    },
    events: <T>(name: string) =>
      client.events.flatMap((e) => (e.kind === 'event' && e.name === name ? [e.payload as T] : [])),
    async stop() {
      client.close();
      await fixture.stop();
    },
  };
}
