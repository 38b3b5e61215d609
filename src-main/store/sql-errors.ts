// Recognising SQLite failures from node:sqlite and turning validation failures into contract errors.
import { RoostError } from '../../src-shared/contract/errors.ts';

// SQLite extended result codes (https://sqlite.org/rescode.html).
const SQLITE_CONSTRAINT_PRIMARYKEY = 1555;
const SQLITE_CONSTRAINT_UNIQUE = 2067;

export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { errcode?: unknown }).errcode;
  return code === SQLITE_CONSTRAINT_UNIQUE || code === SQLITE_CONSTRAINT_PRIMARYKEY;
}

export function validationError(
  what: string,
  issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[],
): RoostError {
  const detail = issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  return new RoostError('invalid_input', `Invalid ${what}: ${detail.join('; ')}`);
}
