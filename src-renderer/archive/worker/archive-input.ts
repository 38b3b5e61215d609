// Checks on what reaches the archive worker from the page (a trust boundary like any other).
import type { DeletedPost, RetentionPolicy } from '../archive-port.ts';

export function checkColumnKey(columnKey: unknown): asserts columnKey is string {
  if (typeof columnKey !== 'string' || columnKey.length === 0)
    throw new Error('columnKey must be a non-empty string');
}

export function isPolicy(value: unknown): value is RetentionPolicy {
  const p = value as RetentionPolicy | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    Number.isInteger(p.maxItemsPerColumn) &&
    p.maxItemsPerColumn > 0 &&
    typeof p.maxAgeDays === 'number' &&
    p.maxAgeDays > 0
  );
}

export function checkDeletedPosts(posts: unknown): asserts posts is readonly DeletedPost[] {
  const isText = (value: unknown, max: number): boolean =>
    typeof value === 'string' && value.length > 0 && value.length <= max;
  const valid =
    Array.isArray(posts) &&
    posts.every((post: Partial<DeletedPost> | null) => {
      return (
        typeof post === 'object' &&
        post !== null &&
        isText(post.network, 32) &&
        isText(post.accountId, 64) &&
        isText(post.actionRef, 2_048)
      );
    });
  if (!valid)
    throw new Error(
      'removeDeleted: posts must be an array of { network, accountId, actionRef } non-empty strings',
    );
}
