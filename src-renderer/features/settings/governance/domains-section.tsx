// Organisation domains, with the domains main found in the connected accounts offered for the admin to add.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { linesOf } from './policy-lines.ts';

export function DomainsSection({
  text,
  suggestions,
  onChange,
}: {
  text: string;
  suggestions: readonly string[];
  onChange: (text: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const current = new Set(linesOf(text).map((d) => d.toLowerCase()));
  const open = suggestions.filter((d) => !current.has(d));
  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="governance-domains">
      <h2 id={`${id}-title`}>{t('governance.domains.title')}</h2>
      <label htmlFor={id}>{t('governance.domains.label')}</label>
      <textarea
        id={id}
        rows={4}
        spellCheck={false}
        aria-describedby={`${id}-hint`}
        value={text}
        onChange={(e) => onChange(e.target.value)}
      />
      <p className="hint" id={`${id}-hint`}>
        {t('governance.domains.hint')}
      </p>
      {current.size === 0 && (
        <p className="field__issue" data-testid="governance-no-domains">
          {t('governance.domains.noneWarning')}
        </p>
      )}
      {open.length > 0 && (
        <div data-testid="governance-suggestions">
          <h3>{t('governance.domains.suggestionsTitle')}</h3>
          <p className="hint">{t('governance.domains.suggestionsHint')}</p>
          <ul>
            {open.map((domain) => (
              <li key={domain}>
                <button
                  type="button"
                  className="button"
                  onClick={() => onChange(text.trim() === '' ? domain : `${text.trimEnd()}\n${domain}`)}
                >
                  {t('governance.domains.add', { domain })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
