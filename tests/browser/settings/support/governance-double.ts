// An in-memory governance:* for the renderer's tests: the policy is kept in memory instead of main's data
// folder, and checked by main's own policy rules (policy-check.ts), so refusals match the real thing.
import type { Handlers } from '../../../../src-main/rpc/router.ts';
import { cleanPolicy } from '../../../../src-main/governance/policy-check.ts';
import { RoostError } from '../../../../src-shared/contract/errors.ts';
import {
  GovernancePolicySchema,
  type GovernancePolicy,
  type GovernanceView,
} from '../../../../src-shared/contract/governance-contract.ts';

export interface GovernanceDouble {
  readonly handlers: Pick<
    Handlers,
    'governance:get' | 'governance:update' | 'governance:export' | 'governance:import'
  >;
  /** The policy "main" holds now, as the guards would read it. */
  policy(): GovernancePolicy;
  updates(): number;
}

export function createGovernanceDouble(options: {
  shipped: readonly string[];
  suggested: readonly string[];
  /** A desktop in a team: the policy is the team's, and only an admin's desktop may save it. */
  team?: { editable: boolean };
}): GovernanceDouble {
  let policy: GovernancePolicy = {
    orgDomains: [],
    blockedTerms: [],
    quietHours: {},
    levels: {},
    blockList: '',
  };
  let updates = 0;
  const view = (): GovernanceView => ({
    policy,
    shippedBlockList: [...options.shipped],
    suggestedDomains: options.suggested.filter((d) => !policy.orgDomains.includes(d)),
    ...(options.team && { team: { editable: options.team.editable, version: updates, live: true } }),
  });
  const save = (next: GovernancePolicy): GovernanceView => {
    if (options.team && !options.team.editable)
      throw new RoostError('forbidden', "Only the team's owner and admins can change its policy.");
    policy = cleanPolicy(next);
    updates += 1;
    return view();
  };
  return {
    handlers: {
      'governance:get': () => view(),
      'governance:update': (input) => save(input.policy),
      'governance:export': () => ({
        json: JSON.stringify({ format: 'roost-governance-policy', version: 1, policy }),
      }),
      'governance:import': (input) => {
        let raw: unknown;
        try {
          raw = JSON.parse(input.json);
        } catch {
          throw new RoostError('invalid_input', 'The file is not JSON.', [
            { path: 'json', message: 'Not JSON.' },
          ]);
        }
        const parsed = GovernancePolicySchema.safeParse((raw as { policy?: unknown } | null)?.policy);
        if (!parsed.success)
          throw new RoostError('invalid_input', 'The file is not a Roost governance policy.');
        return save(parsed.data);
      },
    },
    policy: () => policy,
    updates: () => updates,
  };
}
