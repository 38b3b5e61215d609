// Main's word on one entry of the desk settings, shown under the field it concerns.
import { issuesAt, type Issues } from '../../model/settings-form.ts';

/** `exact` shows only what concerns the entry as a whole, not its fields (they show their own). */
export function FieldIssues({ issues, at, exact = false }: { issues: Issues; at: string; exact?: boolean }) {
  const messages = exact
    ? (issues ?? []).filter((i) => i.path === at).map((i) => i.message)
    : issuesAt(issues, at);
  if (messages.length === 0) return null;
  return (
    <p className="field__issue" role="alert" data-issue-path={at}>
      {messages.join(' · ')}
    </p>
  );
}
