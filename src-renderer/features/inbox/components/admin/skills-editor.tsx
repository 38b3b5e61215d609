// Skills: topics an inquiry is matched to by words or phrases, language, network and brand account. A skill
// matches when every rule it sets matches; a conversation gets every skill that matches it.
import { useTranslation } from 'react-i18next';
import { NETWORKS, type Network } from '../../../../../src-shared/domain/account.ts';
import { useRoost } from '../../../../app-context.tsx';
import type { Issues, SkillForm } from '../../model/settings-form.ts';
import { FieldIssues } from './field-issues.tsx';

const DESK_NETWORKS = NETWORKS.filter((n): n is Exclude<Network, 'rss'> => n !== 'rss');
/** Product names, the same in every language. */
const NETWORK_NAMES = { bluesky: 'Bluesky', mastodon: 'Mastodon' } as const;

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list, value] : list.filter((v) => v !== value);
}

export function SkillsEditor({
  skills,
  issues,
  onChange,
}: {
  skills: SkillForm[];
  issues: Issues;
  onChange: (next: SkillForm[]) => void;
}) {
  const { t } = useTranslation();
  const accounts = useRoost((s) => s.accounts) ?? [];
  const update = (index: number, patch: Partial<SkillForm>) =>
    onChange(skills.map((s, i) => (i === index ? { ...s, ...patch } : s)));

  return (
    <section className="panel" aria-labelledby="desk-skills-title" data-testid="desk-skills">
      <h2 id="desk-skills-title">{t('inbox.settings.skills.title')}</h2>
      <p className="hint">{t('inbox.settings.skills.hint')}</p>
      {skills.map((skill, i) => (
        <fieldset key={i} className="desk-settings__entry" data-testid={`desk-skill-${i}`}>
          <legend>{skill.id || t('inbox.settings.skills.unnamed')}</legend>
          <div className="field">
            <label htmlFor={`skill-${i}-id`}>{t('inbox.settings.skills.id')}</label>
            <input
              id={`skill-${i}-id`}
              value={skill.id}
              onChange={(e) => update(i, { id: e.target.value })}
            />
            <FieldIssues issues={issues} at={`skills.${i}.id`} />
          </div>
          <div className="field">
            <label htmlFor={`skill-${i}-phrases`}>
              {t('inbox.settings.skills.phrases', { id: skill.id })}
            </label>
            <input
              id={`skill-${i}-phrases`}
              value={skill.phrases}
              onChange={(e) => update(i, { phrases: e.target.value })}
            />
            <FieldIssues issues={issues} at={`skills.${i}.phrases`} />
          </div>
          <div className="field">
            <label htmlFor={`skill-${i}-languages`}>{t('inbox.settings.skills.languages')}</label>
            <input
              id={`skill-${i}-languages`}
              value={skill.languages}
              placeholder="en, fr"
              onChange={(e) => update(i, { languages: e.target.value })}
            />
            <FieldIssues issues={issues} at={`skills.${i}.languages`} />
          </div>
          <div className="field" role="group" aria-label={t('inbox.settings.skills.networks')}>
            <span>{t('inbox.settings.skills.networks')}</span>
            {DESK_NETWORKS.map((network) => (
              <label key={network} className="check">
                <input
                  type="checkbox"
                  checked={skill.networks.includes(network)}
                  onChange={(e) => update(i, { networks: toggle(skill.networks, network, e.target.checked) })}
                />
                {NETWORK_NAMES[network]}
              </label>
            ))}
          </div>
          {accounts.length > 0 && (
            <div className="field" role="group" aria-label={t('inbox.settings.skills.accounts')}>
              <span>{t('inbox.settings.skills.accounts')}</span>
              {accounts.map((account) => (
                <label key={account.id} className="check">
                  <input
                    type="checkbox"
                    checked={skill.brandAccountIds.includes(account.id)}
                    onChange={(e) =>
                      update(i, {
                        brandAccountIds: toggle(skill.brandAccountIds, account.id, e.target.checked),
                      })
                    }
                  />
                  @{account.handle}
                </label>
              ))}
              <FieldIssues issues={issues} at={`skills.${i}.brandAccountIds`} />
            </div>
          )}
          <FieldIssues issues={issues} at={`skills.${i}`} exact />
          <button type="button" className="button" onClick={() => onChange(skills.filter((_, j) => j !== i))}>
            {t('inbox.settings.remove')}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="button"
        onClick={() =>
          onChange([...skills, { id: '', phrases: '', languages: '', networks: [], brandAccountIds: [] }])
        }
      >
        {t('inbox.settings.skills.add')}
      </button>
    </section>
  );
}
