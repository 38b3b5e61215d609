// Campaigns (the user's own records) and the conversions imported for them. An import is all or nothing:
// a file with any bad row was already refused by the parser, and the rows of a good one go in together,
// skipping rows an earlier import of the same data already holds.
import { ulid } from 'ulid';
import {
  conversionIdentity,
  type ParsedConversion,
} from '../../../../src-shared/analytics/conversions-import.ts';
import { z } from '../../../../src-shared/zod.ts';
import type { CampaignRow, ConversionRow } from '../../../db/analytics-rows.ts';
import type { RoostDb } from '../../../db/roost-db.ts';

const money = z.number().min(0).max(1e12);
export const CampaignInputSchema = z.object({
  name: z.string().trim().min(1).max(80),
  utmCampaign: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[\w.~-]+$/),
  goal: z.string().trim().max(200),
  cost: money,
  valuePerConversion: money,
  valuePerClick: money,
  shortLinks: z.array(z.url({ protocol: /^https?$/ }).max(2048)).max(100),
});
export type CampaignInput = z.infer<typeof CampaignInputSchema>;

export async function listCampaigns(db: RoostDb): Promise<CampaignRow[]> {
  return (await db.campaigns.toArray()).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Stores a new campaign; throws the zod error for bad input and a clear one for a used utm_campaign. */
export async function addCampaign(db: RoostDb, input: CampaignInput, now = Date.now()): Promise<CampaignRow> {
  const valid = CampaignInputSchema.parse(input);
  const row: CampaignRow = { ...valid, id: ulid(now), createdAt: new Date(now).toISOString() };
  return db.transaction('rw', db.campaigns, async () => {
    if (await db.campaigns.where('utmCampaign').equals(valid.utmCampaign).count()) {
      throw new Error(`a campaign already uses utm_campaign "${valid.utmCampaign}"`);
    }
    await db.campaigns.add(row);
    return row;
  });
}

export async function removeCampaign(db: RoostDb, id: string): Promise<void> {
  await db.campaigns.delete(id);
}

export function allConversions(db: RoostDb): Promise<ConversionRow[]> {
  return db.conversions.toArray();
}

export interface ImportSummary {
  readonly added: number;
  readonly alreadyImported: number;
}

/** Adds every row in one transaction; rows with the same date and UTM values as a stored one are skipped. */
export async function saveConversions(
  db: RoostDb,
  rows: readonly ParsedConversion[],
  now = Date.now(),
): Promise<ImportSummary> {
  const importId = ulid(now);
  const converted: ConversionRow[] = rows.map((r) => ({
    id: conversionIdentity(r),
    date: r.date,
    utmCampaign: r.utmCampaign,
    utmSource: r.utmSource,
    utmMedium: r.utmMedium,
    utmContent: r.utmContent,
    conversions: r.conversions,
    revenue: r.revenue,
    importId,
  }));
  return db.transaction('rw', db.conversions, async () => {
    const existing = await db.conversions.bulkGet(converted.map((c) => c.id));
    const fresh = converted.filter((_, i) => existing[i] === undefined);
    await db.conversions.bulkAdd(fresh);
    return { added: fresh.length, alreadyImported: converted.length - fresh.length };
  });
}

/** Bytes of a chosen file as text, or null when they are not UTF-8 (the import then names the encoding). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
