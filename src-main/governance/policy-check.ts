// Checks a governance policy before anything is written. Plain TypeScript with no Node imports, so the
// in-memory double of main used by the renderer's tests applies exactly the same rules.
import type { GovernancePolicy } from '../../src-shared/contract/governance-contract.ts';
import { RoostError } from '../../src-shared/contract/errors.ts';
import { parseBlockList } from '../../src-shared/guards/block-list.ts';
import { normaliseDomain } from '../../src-shared/guards/hosts.ts';

type Issue = { path: string; message: string };

/** Checks and tidies a policy: domains normalised, duplicates dropped; any bad entry refuses the whole policy. */
export function cleanPolicy(policy: GovernancePolicy): GovernancePolicy {
  const issues: Issue[] = [];
  const domains: string[] = [];
  policy.orgDomains.forEach((raw, i) => {
    const domain = normaliseDomain(raw);
    if (!domain) issues.push({ path: `policy.orgDomains.${i}`, message: `"${raw}" is not a domain.` });
    else if (!domains.includes(domain)) domains.push(domain);
  });
  for (const { line, text } of parseBlockList(policy.blockList).invalid) {
    issues.push({ path: 'policy.blockList', message: `Line ${line}: "${text}" is not a domain.` });
  }
  for (const [accountId, hours] of Object.entries(policy.quietHours)) {
    if (!isTimeZone(hours.timeZone))
      issues.push({
        path: `policy.quietHours.${accountId}`,
        message: `Unknown time zone "${hours.timeZone}".`,
      });
  }
  if (issues.length > 0)
    throw new RoostError('invalid_input', 'The policy has entries that are not valid.', issues);
  const terms = [...new Set(policy.blockedTerms.map((t) => t.trim()).filter((t) => t !== ''))];
  return { ...policy, orgDomains: domains, blockedTerms: terms };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
