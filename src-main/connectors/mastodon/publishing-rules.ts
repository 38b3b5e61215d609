// Mastodon's publishing rules: every request carries an Idempotency-Key instead of a record key, and an action
// needs the status id the account's own instance gave the item.
import { RoostError } from '../../../src-shared/contract/errors.ts';
import type { PublishingRules } from '../publisher.ts';

export const MASTODON_PUBLISHING_RULES: PublishingRules = {
  takesRecordKey: () => false,
  // Scheduled statuses: the instance publishes them even when Roost is closed.
  holdsSchedules: true,
  // Visibility is Mastodon's own setting; nothing else in a post is refused here.
  checkTarget: () => undefined,
  checkAction(action) {
    // Status ids are local to the instance that fetched them: the account needs its own.
    if (!action.item.actionRef) throw new RoostError('invalid_input', 'This item is not a Mastodon status.');
  },
};
