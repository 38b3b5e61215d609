// Bluesky's publishing rules: posts and reposts are records at keys chosen in advance; an unrepost needs the
// account's own repost record, a delete the account's own post.
import { parsePostUri } from '../../../src-shared/atproto/post-uri.ts';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import type { PublishingRules } from '../publisher.ts';

export const BLUESKY_PUBLISHING_RULES: PublishingRules = {
  // Unreposts and deletes remove a record, which is idempotent without a key of their own.
  takesRecordKey: (kind) => kind === 'post' || kind === 'repost',
  holdsSchedules: false,
  checkTarget(target) {
    if (target.visibility != null) {
      throw new RoostError('invalid_input', `Posts to ${target.network} have no visibility setting.`);
    }
  },
  checkAction(action, account) {
    const { item } = action;
    if (action.kind === 'repost') {
      if (!parsePostUri(item.remoteId) || !item.actionRef) {
        throw new RoostError('invalid_input', 'Only posts can be reposted.');
      }
      return;
    }
    if (action.kind === 'unrepost') {
      if (!item.viewerReposted?.startsWith(`at://${account.remoteId}/`)) {
        throw new RoostError('invalid_input', `@${account.handle} has not reposted this post.`);
      }
      return;
    }
    if (parsePostUri(item.remoteId)?.repo !== account.remoteId) {
      throw new RoostError('forbidden', 'Only your own posts can be deleted.');
    }
  },
};
