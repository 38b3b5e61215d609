// The pasted-code fallback: a link to the server's sign-in page and a field for the code it shows. The
// code is read from the input only when sent and the input is emptied once main answers: it is a
// credential for a few minutes, so it never enters React state.
import { useId, useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface MastodonCodeStepProps {
  /** Already checked to be an http(s) address. */
  readonly authorizeUrl: string;
  readonly pending: boolean;
  readonly invalid: boolean;
  readonly onComplete: (code: string) => Promise<void>;
  readonly onCancel: () => void;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function MastodonCodeStep({
  authorizeUrl,
  pending,
  invalid,
  onComplete,
  onCancel,
}: MastodonCodeStepProps) {
  const { t } = useTranslation();
  const codeRef = useRef<HTMLInputElement>(null);
  const id = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const input = codeRef.current;
    if (pending || !input) return;
    await onComplete(input.value);
    input.value = '';
  }

  return (
    <form
      className="mastodon-code"
      data-testid="mastodon-code-step"
      noValidate
      onSubmit={(e) => void onSubmit(e)}
    >
      <p>{t('accounts.mastodon.codeIntro')}</p>
      <p>
        <a href={authorizeUrl} target="_blank" rel="noopener noreferrer">
          {t('accounts.mastodon.openSignInPage', { server: hostOf(authorizeUrl) })}
        </a>
      </p>
      <div className="field">
        <label htmlFor={id}>{t('accounts.mastodon.code')}</label>
        <input
          id={id}
          ref={codeRef}
          name="code"
          type="text"
          autoComplete="one-time-code"
          autoCapitalize="off"
          spellCheck={false}
          aria-invalid={invalid || undefined}
          aria-describedby={`${id}-hint${invalid ? ` ${id}-issue` : ''}`}
        />
        <p className="hint" id={`${id}-hint`}>
          {t('accounts.mastodon.codeHint')}
        </p>
        {invalid && (
          <p className="field__issue" id={`${id}-issue`}>
            {t('accounts.mastodon.invalid.code')}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {t('accounts.mastodon.finish')}
        </button>
        <button type="button" className="button" disabled={pending} onClick={onCancel}>
          {t('accounts.mastodon.cancel')}
        </button>
        {pending && <span role="status">{t('accounts.mastodon.finishing')}</span>}
      </div>
    </form>
  );
}
