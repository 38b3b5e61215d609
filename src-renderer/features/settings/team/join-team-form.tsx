// Joining a team by pasting an invitation link. Main parses the link, makes this computer's key, keeps it in
// the system keychain and enrols its public half; the page only learns the resulting status.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../src-shared/contract/errors.ts';
import type { TeamStatus } from '../../../../src-shared/contract/team-desk-contract.ts';
import { useServices } from '../../../app-context.tsx';
import { TeamProblem } from './team-problem.tsx';

export function JoinTeamForm({ onJoined }: { onJoined: (status: TeamStatus) => void }) {
  const { t } = useTranslation();
  const { client } = useServices();
  const [link, setLink] = useState('');
  const [name, setName] = useState('');
  const [device, setDevice] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const ids = { title: useId(), link: useId(), name: useId(), device: useId() };

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    const result = await client.call('team:join', {
      link: link.trim(),
      displayName: name.trim(),
      ...(device.trim() ? { deviceName: device.trim() } : {}),
    });
    setPending(false);
    if (!result.ok) return setError(result.error);
    setLink('');
    onJoined(result.value);
  }

  return (
    <form
      className="team-join"
      data-testid="team-join"
      aria-labelledby={ids.title}
      aria-busy={pending}
      noValidate
      onSubmit={(e) => void onSubmit(e)}
    >
      <h3 id={ids.title}>{t('team.join.title')}</h3>
      <div className="field">
        <label htmlFor={ids.link}>{t('team.join.link')}</label>
        <input
          id={ids.link}
          type="url"
          autoComplete="off"
          spellCheck={false}
          required
          value={link}
          aria-describedby={`${ids.link}-hint`}
          onChange={(e) => setLink(e.target.value)}
        />
        <p className="hint" id={`${ids.link}-hint`}>
          {t('team.join.linkHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={ids.name}>{t('team.join.name')}</label>
        <input
          id={ids.name}
          autoComplete="name"
          required
          maxLength={80}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.device}>{t('team.join.device')}</label>
        <input
          id={ids.device}
          autoComplete="off"
          maxLength={80}
          value={device}
          aria-describedby={`${ids.device}-hint`}
          onChange={(e) => setDevice(e.target.value)}
        />
        <p className="hint" id={`${ids.device}-hint`}>
          {t('team.join.deviceHint')}
        </p>
      </div>
      <p className="hint">{t('team.join.keychain')}</p>
      <TeamProblem error={error} />
      <div className="form-actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={pending || !link.trim() || !name.trim()}
        >
          {pending ? t('team.join.joining') : t('team.join.submit')}
        </button>
      </div>
    </form>
  );
}
