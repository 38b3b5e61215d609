// Reads what each connected account's profile says about itself (Bluesky description and website,
// Mastodon note, profile URL and fields) for organisation-domain suggestions. Suggestions are a
// convenience: an account that cannot be read is skipped, and a slow network never holds the screen.
import type { Account } from '../../src-shared/domain/account.ts';
import type { Connector } from '../connectors/connector.ts';
import type { ProfileText } from './domain-suggestions.ts';

/** How long the Governance screen waits for profiles before showing the suggestions it has. */
export const PROFILE_WAIT_MS = 3_000;

/** Feeds have no profile: they give no texts. */
const textsOf = (connector: Connector): Promise<string[]> =>
  connector.readProfileTexts?.() ?? Promise.resolve([]);

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
