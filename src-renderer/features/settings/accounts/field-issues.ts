// Maps invalid_input issues from main onto the form's fields, so each message sits next to its field.
import type { ContractError } from '../../../../src-shared/contract/errors.ts';

export const ADD_ACCOUNT_FIELDS = ['service', 'identifier', 'appPassword'] as const;
export type AddAccountField = (typeof ADD_ACCOUNT_FIELDS)[number];

export interface SortedIssues {
  readonly fields: ReadonlySet<AddAccountField>;
  /** Issues that belong to no field; shown verbatim under the summary. */
  readonly other: readonly string[];
}

export function sortIssues(error: ContractError | null): SortedIssues {
  const fields = new Set<AddAccountField>();
  const other: string[] = [];
  if (error?.code !== 'invalid_input') return { fields, other };
  for (const issue of error.issues ?? []) {
    const field = ADD_ACCOUNT_FIELDS.find((f) => f === issue.path.split('.')[0]);
    if (field) fields.add(field);
    else other.push(issue.message);
  }
  return { fields, other };
}
