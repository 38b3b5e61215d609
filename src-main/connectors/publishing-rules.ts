// What publishing must know about a network before any connector is built (building one reads the keychain
// and, for Bluesky, resumes a session over the network): which jobs are written at a record key chosen when
// they are created, and which content actions an account may queue at all.
import { BLUESKY_PUBLISHING_RULES } from './bluesky/publishing-rules.ts';
import { MASTODON_PUBLISHING_RULES } from './mastodon/publishing-rules.ts';
import type { Network } from '../../src-shared/domain/account.ts';
import type { PublishingNetwork, PublishingRules } from './publisher.ts';

const RULES: Readonly<Record<PublishingNetwork, PublishingRules>> = {
  bluesky: BLUESKY_PUBLISHING_RULES,
  mastodon: MASTODON_PUBLISHING_RULES,
};

export function publishingRules(network: PublishingNetwork): PublishingRules {
  return RULES[network];
}

/** The rules of a network accounts can publish to, or null for a read-only one (feeds). */
export function publishingRulesOf(network: Network): PublishingRules | null {
  return Object.hasOwn(RULES, network) ? RULES[network as PublishingNetwork] : null;
}
