// Publishing policy kept in main's data folder (publishing-settings.json) with safe defaults, and the block
// list: every shipped list in resources/blocklists/ plus the user's own blocklist.txt next to the settings.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBlockList, type BlockList } from '../../src-shared/guards/block-list.ts';
import { GUARD_IDS, type GuardId, type GuardLevel, type QuietHours } from '../../src-shared/guards/types.ts';
import { z } from '../../src-shared/zod.ts';

export const SETTINGS_FILE = 'publishing-settings.json';
export const USER_BLOCKLIST_FILE = 'blocklist.txt';
export const SHIPPED_BLOCKLISTS = fileURLToPath(new URL('../../resources/blocklists/', import.meta.url));

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const QuietHoursSchema = z.object({ start: Clock, end: Clock, timeZone: z.string().min(1).max(64) });

const SettingsSchema = z.object({
  orgDomains: z.array(z.string().max(253)).max(500).default([]),
  blockedTerms: z.array(z.string().max(200)).max(2_000).default([]),
  /** Quiet hours per account id; `*` applies to accounts without their own. */
  quietHours: z.record(z.string(), QuietHoursSchema).default({}),
  levels: z.partialRecord(z.enum(GUARD_IDS), z.enum(['block', 'confirm', 'warn'])).default({}),
  /** The person's time zone, for best-time suggestions; empty: the system's. */
  timeZone: z.string().max(64).default(''),
  graceMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(15),
  clearanceMinutes: z.number().int().min(1).max(30).default(5),
});

export interface PublishingSettings {
  readonly orgDomains: readonly string[];
  readonly blockedTerms: readonly string[];
  readonly quietHours: Readonly<Record<string, QuietHours>>;
  readonly levels: Partial<Record<GuardId, GuardLevel>>;
  readonly timeZone: string;
  readonly graceMinutes: number;
  readonly clearanceMinutes: number;
}

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Reads the settings file; a missing file gives the defaults, a broken one is reported and ignored. */
export function loadPublishingSettings(
  dataDir: string,
  onProblem?: (message: string) => void,
): PublishingSettings {
  const file = path.join(dataDir, SETTINGS_FILE);
  let raw: unknown = {};
  if (existsSync(file)) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      onProblem?.(`${SETTINGS_FILE} is not valid JSON; using the defaults.`);
    }
  }
  const parsed = SettingsSchema.safeParse(raw);
  if (!parsed.success) onProblem?.(`${SETTINGS_FILE} has invalid values; using the defaults.`);
  const value = parsed.success ? parsed.data : SettingsSchema.parse({});
  return { ...value, timeZone: value.timeZone || systemTimeZone() };
}

/** Quiet hours of one account, or the `*` entry for accounts without their own (a team's policy too). */
export function quietHoursFor(
  settings: { readonly quietHours: Readonly<Record<string, QuietHours>> },
  accountId: string,
): QuietHours | null {
  return settings.quietHours[accountId] ?? settings.quietHours['*'] ?? null;
}

/** The text of every shipped list (each *.txt in `shippedDir`, in name order); none when the folder is absent. */
export function readShippedBlockLists(shippedDir: string = SHIPPED_BLOCKLISTS): string[] {
  if (!existsSync(shippedDir)) return [];
  return readdirSync(shippedDir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(path.join(shippedDir, name), 'utf8'));
}

/** Shipped lists (every *.txt in `shippedDir`), the user's file, and `extra` (a team's list). */
export function loadBlockList(
  dataDir: string,
  shippedDir: string = SHIPPED_BLOCKLISTS,
  extra = '',
): BlockList {
  const sources = [...readShippedBlockLists(shippedDir), extra];
  const user = path.join(dataDir, USER_BLOCKLIST_FILE);
  if (existsSync(user)) sources.push(readFileSync(user, 'utf8'));
  return parseBlockList(sources.join('\n'));
}
