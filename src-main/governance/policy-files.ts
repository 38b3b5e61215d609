// Reading and writing the governance policy where the publishing guards read it: publishing-settings.json
// and the user's blocklist.txt in main's data folder. Writes go to temporary files renamed into place, so a
// crash leaves either the old policy or the new one, and keys the screen does not edit are kept.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GovernancePolicy } from '../../src-shared/contract/governance-contract.ts';
import {
  loadPublishingSettings,
  SETTINGS_FILE,
  USER_BLOCKLIST_FILE,
} from '../publishing/publishing-settings.ts';
import { cleanPolicy } from './policy-check.ts';

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
