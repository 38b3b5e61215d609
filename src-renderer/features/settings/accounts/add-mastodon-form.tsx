// Adds a Mastodon (or compatible) account through the server's own sign-in page in the user's browser;
// Roost never sees the password. Collapsed until asked for, next to the Bluesky form.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoost } from '../../../app-context.tsx';
import { normaliseInstance } from './mastodon-address.ts';
import { MastodonCodeStep } from './mastodon-code-step.tsx';
import { problemCode, problemFields, problemMessageKey } from './mastodon-problem.ts';
import { MastodonWaiting } from './mastodon-waiting.tsx';
import { useMastodonSignIn, type SignInMethod } from './use-mastodon-sign-in.ts';

export function AddMastodonForm() {
  const { t } = useTranslation();
  const signIn = useMastodonSignIn();
  const accounts = useRoost((s) => s.accounts);
  const [expanded, setExpanded] = useState(false);
  const [instance, setInstance] = useState('');
  const ids = { title: useId(), body: useId(), instance: useId() };
  const { step, pending, problem } = signIn;
  const busy = pending !== null;
  const fields = problemFields(problem);
  const instanceInvalid = fields.has('instance');
  // accounts:changed usually brings the new account before or right after the sign-in event.
  const added = signIn.addedId === null ? null : (accounts?.find((a) => a.id === signIn.addedId) ?? null);

  const begin = (method: SignInMethod) => void signIn.begin(normaliseInstance(instance), method);
  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!busy) begin('loopback');
  }

  return (
    <section
      className="panel add-account add-mastodon"
      data-testid="add-mastodon"
      aria-labelledby={ids.title}
      aria-busy={busy}
    >
      <h2 id={ids.title}>
        <button
          type="button"
          className="link-button"
          aria-expanded={expanded}
          aria-controls={ids.body}
          onClick={() => setExpanded(!expanded)}
        >
          {t('accounts.mastodon.title')}
        </button>
      </h2>
      {expanded && (
        <div id={ids.body}>
          <p className="hint">{t('accounts.mastodon.intro')}</p>
          <form noValidate onSubmit={onSubmit}>
            <div className="field">
              <label htmlFor={ids.instance}>{t('accounts.mastodon.server')}</label>
              <input
                id={ids.instance}
                name="instance"
                type="url"
                inputMode="url"
                autoComplete="off"
                autoCapitalize="off"
                spellCheck={false}
                placeholder="mastodon.social"
                value={instance}
                aria-invalid={instanceInvalid || undefined}
                aria-describedby={`${ids.instance}-hint${instanceInvalid ? ` ${ids.instance}-issue` : ''}`}
                onChange={(e) => setInstance(e.target.value)}
              />
              <p className="hint" id={`${ids.instance}-hint`}>
                {t('accounts.mastodon.serverHint')}
              </p>
              {instanceInvalid && (
                <p className="field__issue" id={`${ids.instance}-issue`}>
                  {t('accounts.mastodon.invalid.instance')}
                </p>
              )}
            </div>
            <div className="form-actions">
              <button type="submit" className="button button--primary" disabled={busy}>
                {t('accounts.mastodon.signIn')}
              </button>
              {pending === 'begin' && <span role="status">{t('accounts.mastodon.starting')}</span>}
            </div>
          </form>
          {step.kind === 'idle' && (
            <p>
              <button type="button" className="link-button" disabled={busy} onClick={() => begin('oob')}>
                {t('accounts.mastodon.useCode')}
              </button>
            </p>
          )}
          {step.kind === 'waiting' && (
            <MastodonWaiting
              authorizeUrl={step.authorizeUrl}
              busy={busy}
              onUseCode={() => begin('oob')}
              onCancel={signIn.cancel}
            />
          )}
          {step.kind === 'code' && (
            <MastodonCodeStep
              key={step.flowId}
              authorizeUrl={step.authorizeUrl}
              pending={pending === 'complete'}
              invalid={fields.has('code')}
              onComplete={signIn.complete}
              onCancel={signIn.cancel}
            />
          )}
          {problem && (
            <div
              className="alert"
              role="alert"
              data-testid="add-mastodon-error"
              data-code={problemCode(problem)}
            >
              <p>{t(problemMessageKey(problem))}</p>
            </div>
          )}
          {signIn.addedId !== null && (
            <p className="notice" role="status" data-testid="add-mastodon-success">
              {added
                ? t('accounts.mastodon.added', { handle: added.handle })
                : t('accounts.mastodon.addedUnnamed')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
