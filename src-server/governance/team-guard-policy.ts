// What the team's policy gives the guards of one brand post: the shipped block lists plus the team's own,
// its organisation domains, blocked terms, quiet hours and guard levels.
import { parseBlockList, type BlockList } from '../../src-shared/guards/block-list.ts';
import type { GuardContext } from '../../src-shared/guards/types.ts';
import { quietHoursFor, readShippedBlockLists } from '../../src-main/publishing/publishing-settings.ts';
import type { SqlExecutor } from '../storage/sql-engine.ts';
import { readTeamPolicy } from './governance-store.ts';

let shipped: string[] | null = null;

export interface TeamGuardPolicy {
  readonly context: Pick<GuardContext, 'orgDomains' | 'blockList' | 'blockedTerms' | 'levels'>;
  readonly quietHours: (accountId: string) => ReturnType<typeof quietHoursFor>;
}

export async function teamGuardPolicy(db: SqlExecutor): Promise<TeamGuardPolicy> {
  const { policy } = await readTeamPolicy(db);
  // The shipped lists do not change while the server runs: read once.
  shipped ??= readShippedBlockLists();
  const blockList: BlockList = parseBlockList([...shipped, policy.blockList].join('\n'));
  return {
    context: {
      orgDomains: policy.orgDomains,
      blockList,
      blockedTerms: policy.blockedTerms,
      levels: policy.levels,
    },
    quietHours: (accountId) => quietHoursFor(policy, accountId),
  };
}
