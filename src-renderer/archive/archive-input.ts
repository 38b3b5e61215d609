// Checks on what reaches the archive worker from the page (a trust boundary like any other).
import type { RetentionPolicy } from './archive-port.ts';

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
