// The permission matrix: every server method called by every role, expecting exactly the calls the table in
// src-server/identity/permissions.ts allows to get past the role check (they may still fail later for their
// own reasons, such as not_found — never with `forbidden` from the role check).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import {
  PUBLIC_TEAM_METHODS,
  TEAM_METHODS,
  TEAM_ROLES,
  type TeamMethod,
  type TeamRole,
} from '../../src-shared/team/team-contract.ts';
import { PERMISSIONS } from '../../src-server/identity/permissions.ts';
import { startTeamFixture, type Desktop, type TeamFixture } from './support/team-fixture.ts';
import { DESK_INPUTS } from './support/desk-inputs.ts';
import { GOVERNANCE_INPUTS } from './support/governance-inputs.ts';
import { stopPostgresAfterAll, TEAM_ENGINES } from './support/engines.ts';

stopPostgresAfterAll();

/** The set of methods each role may call, written out by hand so the table cannot grade itself. */
const EXPECTED: Record<TeamRole, readonly string[]> = {
  owner: ['*'],
  admin: ['*'],
  lead: [
    'session:whoami',
    'session:logout',
    'members:list',
    'devices:list',
    'devices:revoke',
    'devices:invite',
    'notes:create',
    'notes:update',
    'brandAccounts:list',
    'brandPosts:submit',
    'brandPosts:status',
    'approvals:request',
    'approvals:approve',
    'approvals:reject',
    'approvals:note',
    'approvals:list',
    'approvals:policy',
    'conversations:list',
    'conversations:counts',
    'conversations:get',
    'conversations:changesSince',
    'conversations:presence',
    'experts:list',
    'deskSettings:get',
    'savedReplies:list',
    'governance:get',
    'conversations:act',
    'conversations:bulkAct',
    'conversations:addNote',
    'conversations:reply',
    'experts:setAvailability',
    'savedReplies:use',
    'experts:update',
    'deskSettings:update',
    'savedReplies:save',
    'savedReplies:delete',
  ],
  expert: [
    'session:whoami',
    'session:logout',
    'members:list',
    'devices:list',
    'devices:revoke',
    'devices:invite',
    'notes:create',
    'notes:update',
    'brandAccounts:list',
    'brandPosts:submit',
    'brandPosts:status',
    'approvals:request',
    'approvals:approve',
    'approvals:reject',
    'approvals:note',
    'approvals:list',
    'approvals:policy',
    'conversations:list',
    'conversations:counts',
    'conversations:get',
    'conversations:changesSince',
    'conversations:presence',
    'experts:list',
    'deskSettings:get',
    'savedReplies:list',
    'governance:get',
    'conversations:act',
    'conversations:bulkAct',
    'conversations:addNote',
    'conversations:reply',
    'experts:setAvailability',
    'savedReplies:use',
  ],
  limited: [
    'session:whoami',
    'session:logout',
    'members:list',
    'devices:list',
    'devices:revoke',
    'devices:invite',
    'brandAccounts:list',
    'brandPosts:submit',
    'brandPosts:status',
    'approvals:request',
    'approvals:approve',
    'approvals:reject',
    'approvals:note',
    'approvals:list',
    'approvals:policy',
    'conversations:list',
    'conversations:counts',
    'conversations:get',
    'conversations:changesSince',
    'conversations:presence',
    'experts:list',
    'deskSettings:get',
    'savedReplies:list',
    'governance:get',
    'conversations:act',
    'conversations:bulkAct',
    'conversations:addNote',
    'conversations:reply',
    'experts:setAvailability',
    'savedReplies:use',
  ],
  viewer: [
    'session:whoami',
    'session:logout',
    'members:list',
    'devices:list',
    'devices:revoke',
    'devices:invite',
    'brandAccounts:list',
    'brandPosts:status',
    'approvals:list',
    'approvals:policy',
    'conversations:list',
    'conversations:counts',
    'conversations:get',
    'conversations:changesSince',
    'conversations:presence',
    'experts:list',
    'deskSettings:get',
    'savedReplies:list',
    'governance:get',
  ],
};

/** A valid input per method that targets nothing real, so allowed calls do no harm to the fixture. */
const INPUT: Record<TeamMethod, unknown> = {
  'invitations:accept': {},
  'auth:challenge': {},
  'auth:login': {},
  'session:whoami': {},
  'session:logout': {},
  'invitations:create': { role: 'viewer', expiresInHours: 1 },
  'invitations:revoke': { id: ulid() },
  'invitations:list': {},
  'members:list': {},
  'members:setRole': { memberId: ulid(), role: 'viewer', version: 1 },
  'members:revoke': { memberId: ulid() },
  'devices:list': {},
  'devices:revoke': { deviceId: 'AAAAAAAAAAAAAAAAAAAAAA' },
  'devices:invite': { expiresInHours: 1 },
  'notes:create': { text: 'matrix' },
  'notes:update': { id: ulid(), text: 'matrix', version: 1 },
  'audit:list': {},
  // A closed loopback port: an allowed connect fails fast with brand_unreachable, never reaching a network.
  'brandAccounts:connect': {
    network: 'bluesky',
    service: 'http://127.0.0.1:9',
    handle: 'nobody.test',
    appPassword: 'aaaa-bbbb-cccc-dddd',
  },
  'brandAccounts:list': {},
  'brandAccounts:remove': { id: ulid() },
  'brandAccounts:setAccess': { accountId: ulid(), memberId: ulid(), access: 'view' },
  'brandAccounts:access': { accountId: ulid() },
  'brandPosts:submit': { accountId: ulid(), text: 'matrix', replyTo: null },
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

describe.each(TEAM_ENGINES)('permission matrix (%s)', (engine) => {
  let team: TeamFixture;
  const desktops = new Map<TeamRole, Desktop>();
  beforeAll(async () => {
    team = await startTeamFixture({ engine });
    desktops.set('owner', team.owner);
    for (const role of TEAM_ROLES.filter((r) => r !== 'owner')) desktops.set(role, await team.join(role));
  });
  afterAll(() => team.stop());

  it('lists every session method in the table', () => {
    const sessionMethods = TEAM_METHODS.filter((m) => !PUBLIC_TEAM_METHODS.has(m));
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...sessionMethods].sort());
  });

  for (const role of TEAM_ROLES) {
    it(`lets a ${role} call exactly the allowed methods`, async () => {
      const desktop = desktops.get(role)!;
      const outcome: Record<string, boolean> = {};
      // session:logout last: it ends the session the others use.
      const methods = TEAM_METHODS.filter((m) => !PUBLIC_TEAM_METHODS.has(m) && m !== 'session:logout');
      for (const method of [...methods, 'session:logout' as const]) {
        const result = await desktop.client.call(method, INPUT[method] as never);
        const refusedByRole =
          !result.ok && result.error.code === 'forbidden' && result.error.message.includes(' may not call ');
        outcome[method] = !refusedByRole;
        if (!result.ok) expect(result.error.code, `${role} ${method}`).not.toBe('unauthenticated');
      }
      const expected = Object.fromEntries(
        Object.keys(outcome).map((method) => [
          method,
          EXPECTED[role][0] === '*' || EXPECTED[role].includes(method),
        ]),
      );
      expect(outcome).toEqual(expected);
    });
  }

  it('records refused calls in the audit log', async () => {
    const audit = await team.owner.client.call('audit:list', { limit: 500 });
    expect(
      audit.ok && audit.value.some((entry) => entry.result === 'refused' && entry.action === 'audit:list'),
    ).toBe(true);
  });

  it('keeps non-admins to their own devices and below-rank targets', async () => {
    const viewer = desktops.get('viewer')!;
    const others = await viewer.client.call('devices:list', { memberId: team.owner.memberId });
    expect(others).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const admin = desktops.get('admin')!;
    const promoteSelf = await admin.client.call('invitations:create', { role: 'owner', expiresInHours: 1 });
    expect(promoteSelf).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const removeOwner = await admin.client.call('members:revoke', { memberId: team.owner.memberId });
    expect(removeOwner).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const ownerDevice = await admin.client.call('devices:revoke', { deviceId: team.owner.deviceId });
    expect(ownerDevice).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
