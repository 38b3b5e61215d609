// Current engagement of the account's own statuses, for best-time suggestions: one GET /api/v1/statuses/:id
// each, through the connector's HTTP client. Stops early rather than spend the budget streams and posts need.
import { RoostError } from '../../../src-shared/contract/errors.ts';
import { z } from '../../../src-shared/zod.ts';
import type { MastodonHttp } from './http.ts';
import type { EngagementRead } from '../publisher.ts';

/** Only the counters: a status whose other fields a server fills oddly still yields its counts. */
const StatusCountsSchema = z.object({
  id: z.string().min(1).max(256),
  replies_count: z.number().int().nonnegative(),
  reblogs_count: z.number().int().nonnegative(),
  favourites_count: z.number().int().nonnegative(),
});

/** Requests left in the window below which reading stops (300 per 5 minutes per account on Mastodon). */
export const ENGAGEMENT_RESERVE = 60;

export async function readStatusEngagement(
  http: MastodonHttp,
  ids: readonly string[],
  signal?: AbortSignal,
): Promise<EngagementRead> {
  const counts = new Map<string, number>();
  const absent: string[] = [];
  for (const id of new Set(ids)) {
    try {
      const { body, rateLimit } = await http.request(
        'GET',
        `/api/v1/statuses/${encodeURIComponent(id)}`,
        StatusCountsSchema,
        { action: 'Engagement', ...(signal ? { signal } : {}) },
      );
      counts.set(id, body.favourites_count + body.reblogs_count + body.replies_count);
      if (rateLimit?.remaining != null && rateLimit.remaining < ENGAGEMENT_RESERVE) break;
    } catch (error) {
      if (error instanceof RoostError && error.code === 'not_found') {
        absent.push(id);
        continue;
      }
      // Counts already read are worth keeping; nothing is lost by reading the rest next time.
      if (counts.size > 0 || absent.length > 0) break;
      throw error;
    }
  }
  return { counts, absent };
}
