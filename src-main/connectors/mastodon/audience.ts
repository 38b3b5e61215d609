// The account's own audience (followers, following, statuses) from GET /api/v1/accounts/verify_credentials:
// one request, counted against the account's rate budget by the HTTP client like any other.
import { z } from '../../../src-shared/zod.ts';
import type { AudienceCounts } from '../connector.ts';
import type { MastodonHttp } from './http.ts';

const CredentialAccountCountsSchema = z.object({
  followers_count: z.number().int().nonnegative(),
  following_count: z.number().int().nonnegative(),
  statuses_count: z.number().int().nonnegative(),
});

export async function readMastodonAudience(http: MastodonHttp): Promise<AudienceCounts> {
  const { body } = await http.request(
    'GET',
    '/api/v1/accounts/verify_credentials',
    CredentialAccountCountsSchema,
    {
      action: 'Audience',
    },
  );
  return { followers: body.followers_count, following: body.following_count, posts: body.statuses_count };
}
