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

/** One labelled input of the desk settings with main's word on it underneath. */
export function SettingField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  issues: Issues;
  at: string;
  type?: 'text' | 'number';
  placeholder?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type={props.type ?? 'text'}
        value={props.value}
        placeholder={props.placeholder}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <FieldIssues issues={props.issues} at={props.at} />
    </div>
  );
}
