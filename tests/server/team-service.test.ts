// Main's team service (Settings → Team's back end) against a real team server on loopback: its state machine
// (none → connecting → connected → revoked / none), joining by pasted link, a refused invitation leaving no
// key behind, a role change arriving through the feed, revocation erasing the cache within a second and the
// next call refused, a revocation learnt on restart after being away, leaving, and the audit filters.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TeamStatus } from '../../src-shared/contract/team-desk-contract.ts';
import type { TeamRole } from '../../src-shared/team/team-contract.ts';
import { createTeamService, type TeamService } from '../../src-main/team/team-service.ts';
import { memoryKeyStore, startTeamFixture, type TeamFixture } from './support/team-fixture.ts';

const temp = mkdtempSync(path.join(tmpdir(), 'roost-team-service-'));

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

interface Desk {
  readonly service: TeamService;
  readonly dir: string;
  readonly keyStore: ReturnType<typeof memoryKeyStore>;
  readonly statuses: TeamStatus[];
  readonly revocations: Array<{ scope: string; at: number }>;
  readonly changes: Array<{ seq: number; entity: string }>;
}

let serviceCount = 0;
const open: TeamService[] = [];

function desk(reuse?: Pick<Desk, 'dir' | 'keyStore'>): Desk {
  serviceCount += 1;
  const dir = reuse?.dir ?? path.join(temp, `desk-${serviceCount}`);
  const keyStore = reuse?.keyStore ?? memoryKeyStore();
  const statuses: TeamStatus[] = [];
  const revocations: Desk['revocations'] = [];
  const changes: Desk['changes'] = [];
  const service = createTeamService({
    dir,
    keyStore,
    deviceName: 'Test laptop',
    feedBackoffMs: { min: 20, max: 200 },
    onStatus: (status) => statuses.push(status),
    onChanged: (seq, entity) => changes.push({ seq, entity }),
    onRevoked: (scope, at) => revocations.push({ scope, at }),
  });
  open.push(service);
  return { service, dir, keyStore, statuses, revocations, changes };
}

describe('team service', () => {
  let team: TeamFixture;
  beforeAll(async () => {
    team = await startTeamFixture();
  });
  afterEach(async () => {
    for (const service of open.splice(0)) await service.stop();
  });
  afterAll(async () => {
    await team.stop();
    rmSync(temp, { recursive: true, force: true });
  });

  async function invitationLink(role: TeamRole): Promise<string> {
    const created = await team.owner.client.call('invitations:create', { role, expiresInHours: 1 });
    if (!created.ok) throw new Error(created.error.code);
    return `${team.server.url}/join#${created.value.code}`;
  }

  it('starts with no team, joins by link, follows the feed to connected and survives a restart', async () => {
    const d = desk();
    expect(d.service.status()).toMatchObject({ state: 'none', serverUrl: null, role: null });
    const joined = await d.service.join(await invitationLink('expert'), 'Esther');
    expect(joined).toMatchObject({ state: 'connecting', role: 'expert', displayName: 'Esther' });
    expect(joined.serverUrl).toBe(team.server.url);
    expect(d.keyStore.keys.size).toBe(1);
    await until(() => d.service.status().state === 'connected');
    expect(d.service.status().cursor).toBeGreaterThan(0);
    const members = await d.service.call('members:list', {});
    expect(members.map((m) => m.displayName)).toContain('Esther');

    await d.service.stop();
    const again = desk(d);
    expect(again.service.status()).toMatchObject({ state: 'connecting', memberId: joined.memberId });
    await until(() => again.service.status().state === 'connected');
    expect(again.service.status().cursor).toBeGreaterThanOrEqual(joined.cursor);
  });

  it('refuses a pasted text that is no link, and a used invitation without keeping a key', async () => {
    const d = desk();
    await expect(d.service.join('hello', 'X')).rejects.toMatchObject({ code: 'invalid_input' });
    const link = await invitationLink('viewer');
    await desk().service.join(link, 'First');
    await expect(d.service.join(link, 'Second')).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'link', message: 'invitation_invalid' }],
    });
    expect(d.keyStore.keys.size).toBe(0);
    expect(d.service.status().state).toBe('none');
  });

  it('follows a role change made by an admin', async () => {
    const d = desk();
    const joined = await d.service.join(await invitationLink('viewer'), 'Vera');
    await until(() => d.service.status().state === 'connected');
    const set = await team.owner.client.call('members:setRole', {
      memberId: joined.memberId ?? '',
      role: 'lead',
      version: 1,
    });
    expect(set.ok).toBe(true);
    await until(() => d.service.status().role === 'lead');
    expect(d.statuses.at(-1)?.role).toBe('lead');
  });

  it('erases the cache within a second of a revocation and its next call is refused', async () => {
    const d = desk();
    const joined = await d.service.join(await invitationLink('expert'), 'Rex');
    await until(() => d.service.status().state === 'connected');
    expect(d.service.cache()?.records('member').length).toBeGreaterThan(0);

    const started = Date.now();
    const revoked = await team.owner.client.call('members:revoke', { memberId: joined.memberId ?? '' });
    expect(revoked.ok).toBe(true);
    await until(() => d.revocations.length === 1, 1_000);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(1_000);
    expect(d.revocations[0]?.scope).toBe('member');
    expect(d.service.status()).toMatchObject({ state: 'revoked', cursor: 0 });
    expect(d.service.cache()?.records('member')).toEqual([]);
    await expect(d.service.call('members:list', {})).rejects.toMatchObject({ code: 'auth_failed' });
  });

  it('learns of a device revoked while it was away when it next connects', async () => {
    const d = desk();
    const joined = await d.service.join(await invitationLink('expert'), 'Away');
    await until(() => d.service.status().state === 'connected');
    await d.service.stop();
    const revoked = await team.owner.client.call('devices:revoke', { deviceId: joined.deviceId ?? '' });
    expect(revoked.ok).toBe(true);

    const back = desk(d);
    await until(() => back.service.status().state === 'revoked');
    expect(back.revocations).toHaveLength(1);
    expect(back.service.status().cursor).toBe(0);
  });

  it('leaves: the session ends, the key and the membership are forgotten', async () => {
    const d = desk();
    await d.service.join(await invitationLink('limited'), 'Lou');
    await until(() => d.service.status().state === 'connected');
    const left = await d.service.leave();
    expect(left).toMatchObject({ state: 'none', serverUrl: null, cursor: 0 });
    expect(d.keyStore.keys.size).toBe(0);
    expect(existsSync(path.join(d.dir, 'membership.json'))).toBe(false);
    await expect(d.service.call('members:list', {})).rejects.toMatchObject({ code: 'not_found' });
  });

  it('filters the audit log by action, actor and time, newest first', async () => {
    const admin = desk();
    const joined = await admin.service.join(await invitationLink('admin'), 'Ada');
    await until(() => admin.service.status().state === 'connected');
    const before = Date.now();
    const a = await admin.service.call('invitations:create', { role: 'viewer', expiresInHours: 2 });
    const b = await admin.service.call('invitations:create', { role: 'expert', expiresInHours: 2 });
    await admin.service.call('invitations:revoke', { id: a.invitation.id });

    const created = await admin.service.audit({
      action: 'invitations:create',
      actorId: joined.memberId ?? '',
    });
    expect(created.map((e) => e.target)).toEqual([b.invitation.id, a.invitation.id]);
    expect(created.every((e) => e.memberId === joined.memberId)).toBe(true);
    const recent = await admin.service.audit({ from: before });
    expect(recent.map((e) => e.action)).toContain('invitations:revoke');
    expect(recent.every((e) => e.at >= before)).toBe(true);
    expect(await admin.service.audit({ to: before - 60_000 })).toEqual([]);
    expect(await admin.service.audit({ limit: 1 })).toHaveLength(1);
  });
});
