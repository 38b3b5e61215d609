// Instants as atproto and Roost's scheduler accept them: RFC 3339 with seconds and an explicit offset
// (`Z` or `±hh:mm`), per https://atproto.com/specs/lexicon#datetime. Two forms RFC 3339 allows are refused:
// `-00:00` ("offset unknown"), and anything that lands before year 0 once the offset is applied.
import { z } from '../zod.ts';

// Date.UTC maps years 0–99 to 1900–1999, so year 0 is parsed from its ISO form.
const YEAR_ZERO_MS = Date.parse('0000-01-01T00:00:00Z');
const ISO = z.iso.datetime({ offset: true });

export function isAtprotoDatetime(value: string): boolean {
  if (!ISO.safeParse(value).success || value.endsWith('-00:00')) return false;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && ms >= YEAR_ZERO_MS;
}

/** The contract's schema for an instant chosen by the user (scheduling, outbox ranges). */
export const IsoInstantSchema = z.string().max(64).refine(isAtprotoDatetime, {
  message: 'Expected an RFC 3339 date and time with seconds and an offset',
});
