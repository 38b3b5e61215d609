// The team's publishing policy row: read by the guards for every brand post, replaced whole by admins.
import {
  GovernancePolicySchema,
  type GovernancePolicy,
} from '../../src-shared/contract/governance-contract.ts';
import { TEAM_POLICY_ID, type TeamGovernance } from '../../src-shared/governance/governance-team-contract.ts';
import type { SqlExecutor } from '../storage/sql-engine.ts';

/** What a team has before an admin saves a policy: no domains, no terms, no quiet hours, default levels. */
export const EMPTY_POLICY: GovernancePolicy = {
  orgDomains: [],
  blockedTerms: [],
  quietHours: {},
  levels: {},
  blockList: '',
};

export async function readTeamPolicy(db: SqlExecutor): Promise<TeamGovernance> {
  const row = await db.get(
    'SELECT policy, version, updated_by, updated_at FROM governance_policy WHERE id = ?',
    [TEAM_POLICY_ID],
  );
  if (!row) return { policy: EMPTY_POLICY, version: 0, updatedBy: null, updatedAt: null };
  return {
    // Written only after the same schema accepted it; parsed again so a hand-edited row cannot reach a guard.
    policy: GovernancePolicySchema.parse(JSON.parse(String(row['policy']))),
    version: Number(row['version']),
    updatedBy: String(row['updated_by']),
    updatedAt: Number(row['updated_at']),
  };
}

export async function writeTeamPolicy(
  tx: SqlExecutor,
  policy: GovernancePolicy,
  version: number,
  memberId: string,
  at: number,
): Promise<void> {
  await tx.run(
    `INSERT INTO governance_policy (id, policy, version, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET policy = excluded.policy, version = excluded.version,
      updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    [TEAM_POLICY_ID, JSON.stringify(policy), version, memberId, at],
  );
}
