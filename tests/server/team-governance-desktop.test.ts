// Settings → Governance's back end on two desktops in one team, against a real team server on loopback: a
// viewer's desktop shows the team's policy read-only and cannot save it; an admin's desktop saves it to the
// server; the viewer's main caches it from the feed and lays it over its own guards' settings and block list;
// with the server gone, the cached copy is still shown (and still enforced).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GovernancePolicy } from '../../src-shared/contract/governance-contract.ts';
import type { TeamRole } from '../../src-shared/team/team-contract.ts';
import { governanceHandlers } from '../../src-main/governance/governance-handlers.ts';
import { withTeamPolicy } from '../../src-main/governance/team-policy.ts';
import { loadBlockList, loadPublishingSettings } from '../../src-main/publishing/publishing-settings.ts';
import { teamPolicyPort } from '../../src-main/team/team-handlers.ts';
import { createTeamService, type TeamService } from '../../src-main/team/team-service.ts';
import { memoryKeyStore, startTeamFixture, type TeamFixture } from './support/team-fixture.ts';

const temp = mkdtempSync(path.join(tmpdir(), 'roost-team-governance-'));
const CALL = {} as never;

const TEAM_POLICY: GovernancePolicy = {
  orgDomains: ['example.org'],
  blockedTerms: ['launch code'],
  quietHours: { '*': { start: '22:00', end: '07:00', timeZone: 'Europe/Paris' } },
  levels: { 'link-shortener': 'block' },
  blockList: 'bad.example\n',
};

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("the team's policy on desktops", () => {
  let team: TeamFixture;
  const services: TeamService[] = [];

  async function desktop(role: TeamRole, name: string) {
    const created = await team.owner.client.call('invitations:create', { role, expiresInHours: 1 });
    if (!created.ok) throw new Error(created.error.code);
    const dir = path.join(temp, name);
    const service = createTeamService({
      dir: path.join(dir, 'team'),
      keyStore: memoryKeyStore(),
      deviceName: `${name}'s laptop`,
      feedBackoffMs: { min: 20, max: 200 },
      onStatus: () => {},
      onChanged: () => {},
      onRevoked: () => {},
    });
    services.push(service);
    await service.join(`${team.server.url}/join#${created.value.code}`, name);
    await until(() => service.status().state === 'connected');
    const port = teamPolicyPort(service);
    return { dir, port, handlers: governanceHandlers({ dataDir: dir, accounts: () => [], team: port }) };
  }

  let admin: Awaited<ReturnType<typeof desktop>>;
  let viewer: Awaited<ReturnType<typeof desktop>>;
  beforeAll(async () => {
    team = await startTeamFixture();
    admin = await desktop('admin', 'Ada');
    viewer = await desktop('viewer', 'Vic');
  });
  afterAll(async () => {
    for (const service of services) await service.stop();
    await team.stop();
    rmSync(temp, { recursive: true, force: true });
  });

  it("shows a viewer the team's policy read-only and refuses the viewer's save", async () => {
    const view = await viewer.handlers['governance:get']({}, CALL);
    expect(view.team).toEqual({ editable: false, version: 0, live: true });
    await expect(
      viewer.handlers['governance:update']({ policy: TEAM_POLICY, teamVersion: 0 }, CALL),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect((await admin.handlers['governance:get']({}, CALL)).team).toMatchObject({ version: 0 });
  });

  it("saves an admin's edit to the server, and the viewer's main caches it from the feed", async () => {
    const saved = await admin.handlers['governance:update']({ policy: TEAM_POLICY, teamVersion: 0 }, CALL);
    expect(saved.team).toEqual({ editable: true, version: 1, live: true });
    expect(saved.policy).toEqual(TEAM_POLICY);
    await until(() => viewer.port.cached()?.version === 1);
    expect((await viewer.handlers['governance:get']({}, CALL)).policy).toEqual(TEAM_POLICY);
    // A save based on the version before it is refused, not merged over the newer policy.
    await expect(
      admin.handlers['governance:update'](
        { policy: { ...TEAM_POLICY, blockedTerms: [] }, teamVersion: 0 },
        CALL,
      ),
    ).rejects.toMatchObject({ code: 'invalid_input', issues: [{ path: 'version', message: 'conflict' }] });
  });

  it("lays the team's policy over the viewer's own guard settings and block list", () => {
    const cached = viewer.port.cached()!.policy;
    const settings = withTeamPolicy(loadPublishingSettings(viewer.dir), cached);
    expect(settings.blockedTerms).toContain('launch code');
    expect(settings.orgDomains).toContain('example.org');
    expect(settings.levels['link-shortener']).toBe('block');
    expect(settings.quietHours['*']).toMatchObject({ start: '22:00' });
    expect(loadBlockList(viewer.dir, undefined, cached.blockList).domains.has('bad.example')).toBe(true);
    expect(loadBlockList(viewer.dir).domains.has('bad.example')).toBe(false);
  });

  it('shows the cached policy, marked as such, when the team server cannot be reached', async () => {
    await team.stop();
    const view = await viewer.handlers['governance:get']({}, CALL);
    expect(view.team).toEqual({ editable: false, version: 1, live: false });
    expect(view.policy).toEqual(TEAM_POLICY);
  });
});
