// Sends at least 1,000 malformed payloads to every team server method over real HTTP, with a valid owner
// session (so the input schema is what refuses them, not the missing session), and checks each is refused with
// invalid_input while the server keeps serving; then malformed bodies, unknown methods and feed upgrades.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { TEAM_METHODS, teamRequests, type TeamMethod } from '../../src-shared/team/team-contract.ts';
import { hostileValue, mutateValid, seededRandom } from '../unit/support/fuzz.ts';
import { startTeamFixture, type TeamFixture } from './support/team-fixture.ts';
import { DESK_INPUTS } from './support/desk-inputs.ts';
import { GOVERNANCE_INPUTS } from './support/governance-inputs.ts';

const PAYLOADS_PER_METHOD = 1000;
const PARALLEL = 8;

const VALID: Record<TeamMethod, Record<string, unknown>> = {
  'invitations:accept': {
    code: 'A'.repeat(43),
    displayName: 'Ada',
    deviceName: 'Laptop',
    publicKey: 'MCowBQYDK2VwAyEA' + 'A'.repeat(43),
  },
  'auth:challenge': { deviceId: 'A'.repeat(22) },
  'auth:login': { deviceId: 'A'.repeat(22), challenge: 'B'.repeat(43), signature: 'C'.repeat(86) },
  'session:whoami': {},
  'session:logout': {},
  'invitations:create': { role: 'viewer', expiresInHours: 1 },
  'invitations:revoke': { id: ulid() },
  'invitations:list': {},
  'members:list': {},
  'members:setRole': { memberId: ulid(), role: 'viewer', version: 1 },
  'members:revoke': { memberId: ulid() },
  'devices:list': {},
  'devices:revoke': { deviceId: 'A'.repeat(22) },
  'devices:invite': { expiresInHours: 1 },
  'notes:create': { text: 'hello' },
  'notes:update': { id: ulid(), text: 'hello', version: 1 },
  'audit:list': { afterId: 0, limit: 10 },
  'brandAccounts:connect': {
    network: 'bluesky',
    service: 'http://127.0.0.1:9',
    handle: 'nobody.test',
    appPassword: 'aaaa-bbbb-cccc-dddd',
  },
  'brandAccounts:list': {},
  'brandAccounts:remove': { id: ulid() },
  'brandAccounts:setAccess': { accountId: ulid(), memberId: ulid(), access: 'reply' },
  'brandAccounts:access': { accountId: ulid() },
  'brandPosts:submit': {
    accountId: ulid(),
    text: 'hello',
    replyTo: {
      network: 'bluesky',
      remoteId: 'at://did:plc:x/app.bsky.feed.post/1',
      cid: 'c',
      sourceAccountId: null,
    },
  },
  'brandPosts:status': { id: ulid() },
  'approvals:request': { accountId: ulid(), text: 'hello', replyTo: null, scheduledAt: 1 },
  'approvals:approve': { id: ulid() },
  'approvals:reject': { id: ulid(), note: 'no' },
  'approvals:note': { id: ulid(), text: 'a note' },
  'approvals:list': { view: 'to_approve' },
  'approvals:setPolicy': {
    accountId: ulid(),
    policy: { steps: [{ approvers: { kind: 'role', role: 'lead' }, quorum: 'any' }] },
  },
  'approvals:policy': { accountId: ulid() },
  ...DESK_INPUTS,
  ...GOVERNANCE_INPUTS,
};

function malformedPayloads(method: TeamMethod, seed: number): unknown[] {
  const random = seededRandom(seed);
  const payloads: unknown[] = [];
  while (payloads.length < PAYLOADS_PER_METHOD) {
    const generated = random() < 0.5 ? hostileValue(random) : mutateValid(random, VALID[method]);
    const candidate: unknown = JSON.parse(JSON.stringify(generated) ?? 'null');
    // Only inputs the schema must refuse count; a random value that happens to be valid is skipped.
    if (!teamRequests[method].input.safeParse(candidate).success) payloads.push(candidate);
  }
  return payloads;
}

describe('team server fuzzing', () => {
  let team: TeamFixture;
  let headers: Record<string, string>;
  beforeAll(async () => {
    team = await startTeamFixture();
    const session = await team.owner.client.session();
    if (!session.ok) throw new Error(session.error.code);
    headers = { authorization: `Bearer ${session.value.token}` };
  });
  afterAll(() => team.stop());

  it('starts from valid inputs, so mutations test the schema and not a typo', () => {
    for (const method of TEAM_METHODS)
      expect(teamRequests[method].input.safeParse(VALID[method]).success).toBe(true);
  });

  it.each(TEAM_METHODS.map((method, index) => [method, index] as const))(
    '%s refuses every malformed payload with invalid_input',
    async (method, index) => {
      const payloads = malformedPayloads(method, 5000 + index);
      const codes = new Map<string, number>();
      for (let i = 0; i < payloads.length; i += PARALLEL) {
        const batch = payloads.slice(i, i + PARALLEL);
        const answers = await Promise.all(
          batch.map((input) =>
            team.owner.client.raw(method, input, { ...headers, 'idempotency-key': ulid() }),
          ),
        );
        for (const { result } of answers) {
          const code = result.ok ? 'ok' : result.error.code;
          codes.set(code, (codes.get(code) ?? 0) + 1);
        }
      }
      expect(Object.fromEntries(codes)).toEqual({ invalid_input: PAYLOADS_PER_METHOD });
      expect((await team.owner.client.raw('session:whoami', {}, headers)).result.ok).toBe(true);
    },
  );

  it('refuses malformed bodies, huge bodies, unknown methods and bad feed upgrades, and keeps serving', async () => {
    const post = (path: string, body: string) =>
      fetch(`${team.server.url}${path}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body,
      });
    expect((await post('/v1/members:list', 'not json')).status).toBe(400);
    expect((await post('/v1/members:list', '{"a":')).status).toBe(400);
    expect((await post('/v1/members:list', 'x'.repeat(100_000))).status).toBe(413);
    expect((await post('/v1/__proto__', '{}')).status).toBe(404);
    expect((await post('/v1/members%3Adrop', '{}')).status).toBe(404);
    expect((await post('/elsewhere', '{}')).status).toBe(404);
    const { default: WebSocket } = await import('ws');
    const upgrade = (query: string, auth: string | undefined) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${team.server.url.replace('http', 'ws')}/v1/feed${query}`, {
          headers: auth ? { authorization: auth } : {},
        });
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => (ws.close(), resolve(101)));
        ws.on('error', () => resolve(-1));
      });
    expect(await upgrade('?after=0', undefined)).toBe(401);
    expect(await upgrade('?after=-1', headers.authorization)).toBe(400);
    expect(await upgrade('?after=abc', headers.authorization)).toBe(400);
    expect(await upgrade('?after=999999999', headers.authorization)).toBe(409);
    expect(await upgrade('?after=0', 'Bearer forged.token')).toBe(401);
    expect(await upgrade('?after=0', headers.authorization)).toBe(101);
    expect((await team.owner.client.call('members:list', {})).ok).toBe(true);
  });
});
