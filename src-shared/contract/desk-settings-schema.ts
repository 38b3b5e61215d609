// The shape of a desk's settings as they cross the contract: skills and their rules, priority rules with the
// VIP list, and the SLA policy with its business-hours calendar. zod checks the shape here; what needs the
// whole picture (unique ids, periods in order, a real time zone) is checked in main by settings-check.ts,
// so one bad entry refuses the whole update with the entry's path.
import { z } from '../zod.ts';
import { NetworkSchema } from '../domain/account.ts';
import type { DeskSettings } from '../desk/desk-settings.ts';

const Word = z.string().max(200);
const Minutes = z.number().int().min(1).max(525_600);

export const SkillSchema = z
  .object({
    id: z.string().max(64),
    phrases: z.array(Word).max(200),
    languages: z.array(z.string().max(35)).max(20),
    networks: z.array(NetworkSchema).max(3),
    brandAccountIds: z.array(z.string().max(64)).max(50),
  })
  .strict();

export const PriorityRulesSchema = z
  .object({
    terms: z
      .array(z.object({ text: Word, points: z.number().int().min(-1_000).max(1_000) }).strict())
      .max(200),
    vipContacts: z.array(z.string().max(1_000)).max(1_000),
    vipPoints: z.number().int().min(0).max(1_000),
    followerThreshold: z.number().int().min(0).max(1_000_000_000),
    followerPoints: z.number().int().min(0).max(1_000),
    negativeSentimentPoints: z.number().int().min(0).max(1_000),
    networkPoints: z.partialRecord(NetworkSchema, z.number().int().min(-1_000).max(1_000)),
  })
  .strict();

const PeriodSchema = z.object({ start: z.string().max(5), end: z.string().max(5) }).strict();

export const SlaPolicySchema = z
  .object({
    calendar: z
      .object({
        timeZone: z.string().min(1).max(64),
        week: z.array(z.array(PeriodSchema).max(12)).length(7),
        holidays: z.array(z.string().max(10)).max(400),
      })
      .strict(),
    tiers: z
      .array(
        z
          .object({
            minPriority: z.number().int().min(0).max(10_000),
            firstResponseMinutes: Minutes,
            nextResponseMinutes: Minutes,
            resolutionMinutes: Minutes,
          })
          .strict(),
      )
      .min(1)
      .max(10),
    warnBeforeMinutes: z.number().int().min(0).max(10_080),
  })
  .strict();

export const DeskSettingsSchema = z
  .object({
    skills: z.array(SkillSchema).max(100),
    priority: PriorityRulesSchema,
    sla: SlaPolicySchema,
  })
  .strict();
export type DeskSettingsInput = z.infer<typeof DeskSettingsSchema>;

/** The settings as the contract carries them: a fresh copy, checked against the schema on the way out. */
export function settingsForContract(settings: DeskSettings): DeskSettingsInput {
  return DeskSettingsSchema.parse(settings);
}
