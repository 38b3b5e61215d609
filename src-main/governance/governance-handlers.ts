// The contract handlers for governance:*: the publishing policy read from and written to main's data
// folder, where the guard gate reads it on every check, so a saved change is enforced at once.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../rpc/router.ts';
import { RoostError } from '../../src-shared/contract/errors.ts';
import {
  GovernancePolicySchema,
  type GovernancePolicy,
  type GovernanceView,
} from '../../src-shared/contract/governance-contract.ts';
import type { Account } from '../../src-shared/domain/account.ts';
import { parseBlockList } from '../../src-shared/guards/block-list.ts';
import { z } from '../../src-shared/zod.ts';
import { SHIPPED_BLOCKLISTS } from '../publishing/publishing-settings.ts';
import { suggestOrgDomains, type ProfileText } from './domain-suggestions.ts';
import { cleanPolicy } from './policy-check.ts';
import { readPolicy, writePolicy } from './policy-files.ts';
import { isPolicyAdmin, type TeamPolicyPort } from './team-policy.ts';

type GovernanceMethod = Extract<keyof Handlers, `governance:${string}`>;

export const POLICY_FORMAT = 'roost-governance-policy';

const ExportedPolicySchema = z.object({
  format: z.literal(POLICY_FORMAT),
  version: z.literal(1),
  policy: GovernancePolicySchema,
});

export interface GovernanceDeps {
  readonly dataDir: string;
  readonly accounts: () => readonly Account[];
  /** Profile texts (website, description, fields) of the connected accounts; without it only handles count. */
  readonly profiles?: () => Promise<readonly ProfileText[]>;
  readonly shippedBlockLists?: string;
  readonly onProblem?: (message: string) => void;
  /** In a team, the policy is the team server's: shown, exported and saved there instead of the files. */
  readonly team?: TeamPolicyPort;
}

function shippedDomains(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const text = readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((n) => readFileSync(path.join(dir, n), 'utf8'))
    .join('\n');
  return [...new Set(parseBlockList(text).domains.values())];
}

export function governanceHandlers(deps: GovernanceDeps): Pick<Handlers, GovernanceMethod> {
  const inTeam = () => deps.team !== undefined && deps.team.role() !== null;

  /** The team's policy, from the server when it answers, else the copy the feed last brought. */
  async function teamPolicy(team: TeamPolicyPort) {
    try {
      return { ...(await team.fetch()), live: true };
    } catch (error) {
      const cached = team.cached();
      if (!cached) throw error;
      return { ...cached, live: false };
    }
  }

  async function view(): Promise<GovernanceView> {
    const team = inTeam() ? await teamPolicy(deps.team!) : null;
    const policy = team?.policy ?? readPolicy(deps.dataDir, deps.onProblem);
    let profiles: readonly ProfileText[] = [];
    try {
      profiles = (await deps.profiles?.()) ?? [];
    } catch {
      // Profiles are only a source of suggestions: the screen works without them.
      deps.onProblem?.('Profiles could not be read for domain suggestions.');
    }
    return {
      policy,
      shippedBlockList: shippedDomains(deps.shippedBlockLists ?? SHIPPED_BLOCKLISTS),
      suggestedDomains: suggestOrgDomains(deps.accounts(), profiles, policy.orgDomains),
      ...(team && {
        team: { editable: isPolicyAdmin(deps.team!.role()), version: team.version, live: team.live },
      }),
    };
  }

  async function save(policy: GovernancePolicy, teamVersion?: number): Promise<GovernanceView> {
    if (inTeam()) {
      const team = deps.team!;
      // The server refuses non-admins too; saying so here spares a round trip and names the rule.
      if (!isPolicyAdmin(team.role()))
        throw new RoostError('forbidden', "Only the team's owner and admins can change its policy.");
      await team.update(cleanPolicy(policy), teamVersion ?? team.cached()?.version ?? 0);
    } else {
      writePolicy(deps.dataDir, policy);
    }
    return view();
  }

  return {
    'governance:get': () => view(),
    'governance:update': (input) => save(input.policy, input.teamVersion),
    'governance:export': async () => {
      const policy = (await view()).policy;
      return { json: `${JSON.stringify({ format: POLICY_FORMAT, version: 1, policy }, null, 2)}\n` };
    },
    'governance:import': (input) => {
      let raw: unknown;
      try {
        raw = JSON.parse(input.json);
      } catch {
        throw new RoostError('invalid_input', 'The file is not JSON.', [
          { path: 'json', message: 'Not JSON.' },
        ]);
      }
      const parsed = ExportedPolicySchema.safeParse(raw);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw new RoostError('invalid_input', 'The file is not a Roost governance policy.', issues);
      }
      return save(parsed.data.policy);
    },
  };
}
