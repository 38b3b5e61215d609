// Single-use clearances, held only in main's memory: a restart voids them, which is the safe direction.
// A grant is bound to one content digest and one set of accounts and expires after a few minutes.
import { randomUUID } from 'node:crypto';
import { checkGrant, type ClearanceGrant, type GrantCheck } from '../../src-shared/guards/clearance.ts';
import type { GuardRecord } from '../../src-shared/guards/types.ts';

export interface ClearanceBook {
  issue(input: {
    digest: string;
    accountIds: readonly string[];
    records: GuardRecord[];
    nowMs: number;
    ttlMs: number;
  }): ClearanceGrant;
  /** Checks and, when valid, spends the grant in the same step. */
  spend(
    id: string,
    use: { digest: string; accountIds: readonly string[]; nowMs: number },
  ): GrantCheck & { grant?: ClearanceGrant };
}

export function createClearanceBook(newId: () => string = randomUUID): ClearanceBook {
  const grants = new Map<string, ClearanceGrant>();
  const prune = (nowMs: number): void => {
    for (const [id, grant] of grants) {
      // Spent or expired grants are kept a while so a replay reports "used"/"expired", then dropped.
      if (nowMs - Date.parse(grant.expiresAt) > 60 * 60 * 1000) grants.delete(id);
    }
  };
  return {
    issue({ digest, accountIds, records, nowMs, ttlMs }) {
      prune(nowMs);
      const grant: ClearanceGrant = {
        id: newId(),
        digest,
        accountIds: [...accountIds],
        issuedAt: new Date(nowMs).toISOString(),
        expiresAt: new Date(nowMs + ttlMs).toISOString(),
        usedAt: null,
        records,
      };
      grants.set(grant.id, grant);
      return grant;
    },
    spend(id, use) {
      const grant = grants.get(id);
      if (!grant) return { ok: false, reason: 'expired' };
      const check = checkGrant(grant, { digest: use.digest, accountIds: use.accountIds, now: use.nowMs });
      if (!check.ok) return check;
      grant.usedAt = new Date(use.nowMs).toISOString();
      return { ok: true, grant };
    },
  };
}
