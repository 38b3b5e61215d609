// The form that adds a Bluesky account with an app password. The password is read from the input only
// at submit time and the input is emptied as soon as main answers: it never enters React state, the
// store, IndexedDB or any storage.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../src-shared/contract/errors.ts';
import { useRoost, useServices } from '../../../app-context.tsx';
import { sortIssues, type AddAccountField } from './field-issues.ts';

const DEFAULT_SERVICE = 'https://bsky.social';
const APP_PASSWORD_HELP = 'https://bsky.app/settings/app-passwords';

export function AddAccountForm() {
  const { t } = useTranslation();
  const { client } = useServices();
  const upsertAccount = useRoost((s) => s.upsertAccount);
  const [service, setService] = useState(DEFAULT_SERVICE);
  const [identifier, setIdentifier] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const ids = { service: useId(), identifier: useId(), appPassword: useId(), error: useId() };

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const passwordInput = passwordRef.current;
    if (pending || !passwordInput) return;
    setPending(true);
    setError(null);
    setAdded(null);
    const result = await client.call('accounts:add', {
      network: 'bluesky',
      service: service.trim(),
      identifier: identifier.trim(),
      appPassword: passwordInput.value,
    });
    passwordInput.value = '';
    setPending(false);
    if (result.ok) {
      upsertAccount(result.value);
      setIdentifier('');
      setAdded(result.value.handle);
    } else {
      setError(result.error);
    }
  }

  const issues = sortIssues(error);
  const fieldProps = (field: AddAccountField) => {
    const invalid = issues.fields.has(field);
    return {
      id: ids[field],
      name: field,
      'aria-invalid': invalid || undefined,
      'aria-describedby': `${ids[field]}-hint${invalid ? ` ${ids[field]}-issue` : ''}`,
    };
  };
  const issue = (field: AddAccountField) =>
    issues.fields.has(field) ? (
      <p className="field__issue" id={`${ids[field]}-issue`}>
        {t(`accounts.invalid.${field}`)}
      </p>
    ) : null;

  return (
    <form
      className="panel add-account"
      data-testid="add-account-form"
      aria-labelledby="add-account-title"
      aria-busy={pending}
      noValidate
      onSubmit={(e) => void onSubmit(e)}
    >
      <h2 id="add-account-title">{t('accounts.addTitle')}</h2>
      <div className="field">
        <label htmlFor={ids.service}>{t('accounts.server')}</label>
        <input
          {...fieldProps('service')}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={service}
          onChange={(e) => setService(e.target.value)}
        />
        <p className="hint" id={`${ids.service}-hint`}>
          {t('accounts.serverHint')}
        </p>
        {issue('service')}
      </div>
      <div className="field">
        <label htmlFor={ids.identifier}>{t('accounts.handle')}</label>
        <input
          {...fieldProps('identifier')}
          type="text"
          autoComplete="username"
          autoCapitalize="off"
          spellCheck={false}
          value={identifier}
          onChange={(e) => setIdentifier(e.target.value)}
        />
        <p className="hint" id={`${ids.identifier}-hint`}>
          {t('accounts.handleHint')}
        </p>
        {issue('identifier')}
      </div>
      <div className="field">
        <label htmlFor={ids.appPassword}>{t('accounts.appPassword')}</label>
        <input
          {...fieldProps('appPassword')}
          ref={passwordRef}
          type="password"
          autoComplete="off"
          spellCheck={false}
        />
        <p className="hint" id={`${ids.appPassword}-hint`}>
          {t('accounts.appPasswordHint')}{' '}
          <a href={APP_PASSWORD_HELP} target="_blank" rel="noreferrer noopener">
            {t('accounts.appPasswordLink')}
          </a>
        </p>
        {issue('appPassword')}
      </div>
      {error && (
        <div
          className="alert"
          role="alert"
          id={ids.error}
          data-testid="add-account-error"
          data-code={error.code}
        >
          <p>{t(`errors.${error.code}`)}</p>
          {issues.other.length > 0 && (
            <ul>
              {issues.other.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {added && (
        <p className="notice" role="status" data-testid="add-account-success">
          {t('accounts.added', { handle: added })}
        </p>
      )}
      <div className="form-actions">
        {/* The label stays put while pending so the button is always found by its name. */}
        <button type="submit" className="button button--primary" disabled={pending}>
          {t('accounts.add')}
        </button>
        {pending && <span role="status">{t('accounts.adding')}</span>}
      </div>
    </form>
  );
}
