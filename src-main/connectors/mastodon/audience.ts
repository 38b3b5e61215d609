// The account's own profile from GET /api/v1/accounts/verify_credentials: its audience (followers, following,
// statuses) and what it says about itself (note, profile URL, fields). One request each, counted against the
// account's rate budget by the HTTP client like any other.
import { z } from '../../../src-shared/zod.ts';
import type { AudienceCounts } from '../connector.ts';
import type { MastodonHttp } from './http.ts';

const CredentialAccountCountsSchema = z.object({
  followers_count: z.number().int().nonnegative(),
  following_count: z.number().int().nonnegative(),
  statuses_count: z.number().int().nonnegative(),
});

const CredentialProfileSchema = z.looseObject({
  note: z.string().max(100_000).optional(),
  url: z.string().max(4096).nullable().optional(),
  fields: z
    .array(z.looseObject({ value: z.string().max(10_000) }))
    .max(50)
    .optional(),
});

export async function readMastodonProfileTexts(http: MastodonHttp): Promise<string[]> {
  const { body } = await http.request('GET', '/api/v1/accounts/verify_credentials', CredentialProfileSchema, {
    action: 'Profile',
  });
  return [body.note ?? '', body.url ?? '', ...(body.fields ?? []).map((f) => f.value)].filter(
    (t) => t !== '',
  );
}

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
