// SLA on the server: each due conversation's warnings and breaches since it was last checked are recorded
// once — a conversation change (its summary shows the clock's state) and, for a breach, an audit entry. The
// check time is stored per conversation, so a late tick or a second server process reports nothing twice.
import { ulid } from 'ulid';
import type { DeskSettings } from '../../src-shared/desk/desk-settings.ts';
import { slaEventsBetween } from '../../src-shared/desk/sla.ts';
import { appendAudit } from '../storage/audit-log.ts';
import type { SqlExecutor } from '../storage/sql-engine.ts';
import { markSlaChecked, readDeskSettings, saveConversation, slaCheckedAt, slaDue } from './desk-store.ts';

const TICK_LIMIT = 500;

/** Records every SLA warning and breach due by `now`; returns how many breaches. */
export async function recordSlaEvents(tx: SqlExecutor, now: number): Promise<number> {
  const { settings } = await readDeskSettings(tx);
  const policy = (settings.desk as DeskSettings).sla;
  let breaches = 0;
  for (const due of await slaDue(tx, now, TICK_LIMIT)) {
    let record = due;
    const since = await slaCheckedAt(tx, due.id);
    for (const event of slaEventsBetween(record.clocks, since, now, policy)) {
      record = { ...record, version: record.version + 1 };
      const kind = event.kind === 'breach' ? 'sla_breach' : 'sla_warning';
      const detail = { clock: event.clock, at: event.at };
      await saveConversation(tx, record, {
        event: kind,
        detail,
        actorId: null,
        at: now,
        policy,
        eventId: ulid(now),
      });
      if (event.kind !== 'breach') continue;
      breaches += 1;
      await appendAudit(tx, {
        at: now,
        actorType: 'system',
        memberId: null,
        deviceId: null,
        action: 'desk:slaBreach',
        target: record.id,
        before: null,
        after: { ...detail, accountId: record.accountId, ownerId: record.life.ownerId },
        requestId: null,
        clientAddress: null,
        result: 'ok',
      });
    }
    await markSlaChecked(tx, record, now, policy);
  }
  return breaches;
}
