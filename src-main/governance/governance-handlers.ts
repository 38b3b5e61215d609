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
import { readPolicy, writePolicy } from './policy-files.ts';

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
  async function view(): Promise<GovernanceView> {
    const policy = readPolicy(deps.dataDir, deps.onProblem);
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
    };
  }

  function save(policy: GovernancePolicy): Promise<GovernanceView> {
    writePolicy(deps.dataDir, policy);
    return view();
  }

  return {
    'governance:get': () => view(),
    'governance:update': (input) => save(input.policy),
    'governance:export': () => {
      const policy = readPolicy(deps.dataDir, deps.onProblem);
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
