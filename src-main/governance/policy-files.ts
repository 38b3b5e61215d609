// Reading and writing the governance policy where the publishing guards read it: publishing-settings.json
// and the user's blocklist.txt in main's data folder. Writes go to temporary files renamed into place, so a
// crash leaves either the old policy or the new one, and keys the screen does not edit are kept.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GovernancePolicy } from '../../src-shared/contract/governance-contract.ts';
import { RoostError } from '../../src-shared/contract/errors.ts';
import { parseBlockList } from '../../src-shared/guards/block-list.ts';
import { normaliseDomain } from '../../src-shared/guards/hosts.ts';
import {
  loadPublishingSettings,
  SETTINGS_FILE,
  USER_BLOCKLIST_FILE,
} from '../publishing/publishing-settings.ts';

type Issue = { path: string; message: string };

export function readPolicy(dataDir: string, onProblem?: (message: string) => void): GovernancePolicy {
  const settings = loadPublishingSettings(dataDir, onProblem);
  const blockFile = path.join(dataDir, USER_BLOCKLIST_FILE);
  return {
    orgDomains: [...settings.orgDomains],
    blockedTerms: [...settings.blockedTerms],
    quietHours: { ...settings.quietHours },
    levels: { ...settings.levels },
    blockList: existsSync(blockFile) ? readFileSync(blockFile, 'utf8') : '',
  };
}

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

/** The settings file's own content, so keys outside the policy (grace, time zone...) survive a save. */
function otherSettings(file: string): Record<string, unknown> {
  if (!existsSync(file)) return {};
  try {
    const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (raw && typeof raw === 'object' && !Array.isArray(raw)) return raw as Record<string, unknown>;
  } catch {
    // A broken file is kept beside the new one rather than lost.
    renameSync(file, `${file}.invalid-${Date.now()}`);
  }
  return {};
}

export function writePolicy(dataDir: string, policy: GovernancePolicy): void {
  const clean = cleanPolicy(policy);
  const settingsFile = path.join(dataDir, SETTINGS_FILE);
  const blockFile = path.join(dataDir, USER_BLOCKLIST_FILE);
  const { blockList, ...settingsPart } = clean;
  const settings = { ...otherSettings(settingsFile), ...settingsPart };
  const suffix = `.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const temps = [
    [`${settingsFile}${suffix}`, `${JSON.stringify(settings, null, 2)}\n`, settingsFile],
    [`${blockFile}${suffix}`, blockList, blockFile],
  ] as const;
  try {
    // Both files are complete on disk before either replaces the old one.
    for (const [temp, text] of temps) writeFileSync(temp, text, { encoding: 'utf8', flag: 'wx' });
    for (const [temp, , target] of temps) renameSync(temp, target);
  } finally {
    for (const [temp] of temps) rmSync(temp, { force: true });
  }
}
