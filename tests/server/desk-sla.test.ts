// SLA on the team server, on SQLite and PostgreSQL: a conversation's first-response deadline comes from the
// desk's policy and calendar; once it passes, the ticker records the breach once — a conversation change
// (the summary shows it breached, the `breaching` view lists it) and an audit entry — however often it runs.
import { afterEach, describe, expect, it } from 'vitest';
import { must, startDeskTeam, type DeskTeam } from './support/desk-team.ts';
import { queryDatabase, stopPostgresAfterAll, TEAM_ENGINES } from './support/engines.ts';

stopPostgresAfterAll();

describe.each(TEAM_ENGINES)('inquiry desk SLA (%s)', (engine) => {
  let desk: DeskTeam;
  afterEach(async () => desk?.stop());

  it('records a first-response breach once, as a change and an audit entry', async () => {
    let clock = Date.UTC(2026, 11, 7, 10, 0);
    desk = await startDeskTeam(engine, { now: () => clock });
    const settings = await must(desk.team.owner.client, 'deskSettings:get', {});
    await must(desk.team.owner.client, 'deskSettings:update', {
      ...settings,
      desk: {
        ...settings.desk,
        sla: {
          calendar: {
            timeZone: 'UTC',
            week: Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]),
            holidays: [],
          },
          tiers: [
            { minPriority: 0, firstResponseMinutes: 5, nextResponseMinutes: 60, resolutionMinutes: 600 },
          ],
          warnBeforeMinutes: 2,
        },
      },
    });
    const refused = await desk.team.owner.client.call('deskSettings:update', {
      ...settings,
      awayReasons: ['A', 'a'],
    });
    expect(refused.ok ? null : refused.error.code).toBe('invalid_input');

    await desk.receive([{ n: 's1', text: 'hello?' }]);
    const [conversation] = await desk.view('team');
    expect(conversation!.sla).toEqual({ clock: 'first_response', state: 'ok', deadline: clock + 5 * 60_000 });

    clock += 4 * 60_000;
    expect(await desk.team.server.desk.tickSla()).toBe(0);
    expect((await desk.view('breaching')).map((c) => c.sla?.state)).toEqual(['at_risk']);
    clock += 2 * 60_000;
    expect(await desk.team.server.desk.tickSla()).toBe(1);
    expect(await desk.team.server.desk.tickSla()).toBe(0);
    expect((await desk.view('breaching')).map((c) => c.sla?.state)).toEqual(['breached']);

    const audits = await queryDatabase(
      desk.team.storage,
      "SELECT target, after_json FROM audit_log WHERE action = 'desk:slaBreach'",
    );
    expect(audits).toEqual([
      { target: conversation!.id, after_json: expect.stringContaining('first_response') },
    ]);
    const events = await queryDatabase(
      desk.team.storage,
      `SELECT kind FROM desk_events WHERE conversation_id = '${conversation!.id}' ORDER BY at, id`,
    );
    expect(events.map((e) => e['kind'])).toEqual(['created', 'sla_warning', 'sla_breach']);
    const changes = await queryDatabase(
      desk.team.storage,
      `SELECT version FROM changes WHERE entity = 'conversation' AND entity_id = '${conversation!.id}'`,
    );
    expect(changes.map((c) => Number(c['version']))).toEqual([1, 2, 3]);
  });
});
