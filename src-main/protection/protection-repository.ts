// The only code that reads or writes `protection_alerts` and `protection_baselines`. Alerts are one JSON
// document each (the contract's HijackAlert); baselines keep the last feed page and profile per account.
import { HijackAlertSchema, type HijackAlert } from '../../src-shared/contract/protection-contract.ts';
import type { FeedBaseline } from '../../src-shared/protection/hijack-diff.ts';
import type { ProfileState } from '../../src-shared/protection/profile-diff.ts';
import { z } from '../../src-shared/zod.ts';
import type { MainStore } from '../store/main-store.ts';

export interface Baseline {
  readonly accountId: string;
  /** The cheap change mark read last (repo revision, status count); null forces a full read next time. */
  readonly mark: string | null;
  readonly feed: FeedBaseline;
  readonly profile: ProfileState;
  readonly checkedAt: number;
}

export interface ProtectionRepository {
  /** Inserts alerts whose dedupe key is new; returns those inserted. */
  raise(alerts: readonly { readonly alert: HijackAlert; readonly dedupe: string }[]): HijackAlert[];
  list(includeAcknowledged: boolean, limit?: number): HijackAlert[];
  acknowledge(id: string, at: number): HijackAlert | null;
  baseline(accountId: string): Baseline | null;
  putBaseline(baseline: Baseline): void;
  /** Raises the alerts of one check and stores its baseline in one transaction: a crash keeps both or neither. */
  commitCheck(
    alerts: readonly { readonly alert: HijackAlert; readonly dedupe: string }[],
    baseline: Baseline,
  ): HijackAlert[];
  /** Forgets an account's baseline (the account was removed): re-adding it starts a fresh baseline. */
  dropBaseline(accountId: string): void;
}

const FeedSchema = z.object({
  entries: z.array(
    z.object({
      uri: z.string(),
      kind: z.enum(['post', 'reply', 'repost']),
      subjectUri: z.string().nullable(),
      createdAt: z.string(),
      text: z.string(),
    }),
  ),
});
const ProfileSchema = z.object({
  displayName: z.string(),
  avatar: z.string().nullable(),
  description: z.string(),
});

export function createProtectionRepository(store: MainStore): ProtectionRepository {
  const { db } = store;
  const insert = db.prepare(
    `INSERT INTO protection_alerts (id, dedupe, account_id, detected_at, acknowledged_at, data)
     VALUES (?, ?, ?, ?, NULL, ?) ON CONFLICT (dedupe) DO NOTHING`,
  );
  const listAll = db.prepare('SELECT data FROM protection_alerts ORDER BY detected_at DESC, id DESC LIMIT ?');
  const listOpen = db.prepare(
    'SELECT data FROM protection_alerts WHERE acknowledged_at IS NULL ORDER BY detected_at DESC, id DESC LIMIT ?',
  );
  const getOne = db.prepare('SELECT data FROM protection_alerts WHERE id = ?');
  const ack = db.prepare('UPDATE protection_alerts SET acknowledged_at = ?, data = ? WHERE id = ?');
  const getBaseline = db.prepare('SELECT * FROM protection_baselines WHERE account_id = ?');
  const putBaselineStmt = db.prepare(
    `INSERT INTO protection_baselines (account_id, mark, feed, profile, checked_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (account_id) DO UPDATE SET mark = excluded.mark, feed = excluded.feed,
       profile = excluded.profile, checked_at = excluded.checked_at`,
  );
  const dropBaselineStmt = db.prepare('DELETE FROM protection_baselines WHERE account_id = ?');
  const alertOf = (row: Record<string, unknown> | undefined): HijackAlert | null =>
    row ? HijackAlertSchema.parse(JSON.parse(String(row['data']))) : null;

  const raise: ProtectionRepository['raise'] = (alerts) =>
    store.transaction(() =>
      alerts
        .filter(
          ({ alert, dedupe }) =>
            Number(
              insert.run(alert.id, dedupe, alert.accountId, alert.detectedAt, JSON.stringify(alert)).changes,
            ) === 1,
        )
        .map(({ alert }) => alert),
    );
  const putBaseline: ProtectionRepository['putBaseline'] = (b) =>
    void putBaselineStmt.run(
      b.accountId,
      b.mark,
      JSON.stringify(b.feed),
      JSON.stringify(b.profile),
      b.checkedAt,
    );

  return {
    raise,
    commitCheck: (alerts, baseline) =>
      store.transaction(() => {
        putBaseline(baseline);
        return raise(alerts);
      }),
    list: (includeAcknowledged, limit = 500) =>
      (includeAcknowledged ? listAll : listOpen).all(limit).map((row) => alertOf(row)!),
    acknowledge: (id, at) =>
      store.transaction(() => {
        const found = alertOf(getOne.get(id));
        if (!found) return null;
        if (found.acknowledgedAt !== null) return found;
        const updated = { ...found, acknowledgedAt: at };
        ack.run(at, JSON.stringify(updated), id);
        return updated;
      }),
    baseline: (accountId) => {
      const row = getBaseline.get(accountId);
      if (!row) return null;
      return {
        accountId,
        mark: row['mark'] === null ? null : String(row['mark']),
        feed: FeedSchema.parse(JSON.parse(String(row['feed']))),
        profile: ProfileSchema.parse(JSON.parse(String(row['profile']))),
        checkedAt: Number(row['checked_at']),
      };
    },
    putBaseline,
    dropBaseline: (accountId) => void dropBaselineStmt.run(accountId),
  };
}
