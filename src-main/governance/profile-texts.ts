// Reads what each connected account's profile says about itself (Bluesky description and website,
// Mastodon note, profile URL and fields) for organisation-domain suggestions. Suggestions are a
// convenience: an account that cannot be read is skipped, and a slow network never holds the screen.
import type { Account } from '../../src-shared/domain/account.ts';
import { z } from '../../src-shared/zod.ts';
import type { Connector } from '../connectors/connector.ts';
import type { MastodonHttp } from '../connectors/mastodon/http.ts';
import type { ProfileText } from './domain-suggestions.ts';

const MastodonProfileSchema = z.looseObject({
  note: z.string().max(100_000).optional(),
  url: z.string().max(4096).nullable().optional(),
  fields: z
    .array(z.looseObject({ value: z.string().max(10_000) }))
    .max(50)
    .optional(),
});

/** How long the Governance screen waits for profiles before showing the suggestions it has. */
export const PROFILE_WAIT_MS = 3_000;

async function textsOf(connector: Connector): Promise<string[]> {
  if ('readProfileTexts' in connector && typeof connector.readProfileTexts === 'function') {
    return (connector as { readProfileTexts(): Promise<string[]> }).readProfileTexts();
  }
  if ('http' in connector) {
    const http = (connector as { http: MastodonHttp }).http;
    const { body } = await http.request('GET', '/api/v1/accounts/verify_credentials', MastodonProfileSchema, {
      action: 'Profile',
    });
    return [body.note ?? '', body.url ?? '', ...(body.fields ?? []).map((f) => f.value)].filter(
      (t) => t !== '',
    );
  }
  return [];
}

export async function readProfileTexts(
  accounts: readonly Account[],
  forAccount: (accountId: string) => Promise<Connector>,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<ProfileText[]> {
  const found: ProfileText[] = [];
  const reads = accounts
    .filter((a) => a.status === 'active' && a.network !== 'rss')
    .map(async (account) => {
      try {
        found.push({ accountId: account.id, texts: await textsOf(await forAccount(account.id)) });
      } catch {
        // Skipped: the handle still gives its suggestion.
      }
    });
  await Promise.race([Promise.all(reads), wait(PROFILE_WAIT_MS)]);
  return [...found];
}
