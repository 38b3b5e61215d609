// Desk settings of a team for leads and admins: each expert's skills, capacity, time zone and out-of-office
// dates (experts:update), and how the team routes (deskSettings:update). The server validates again; its
// refusal is shown as it came.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Expert, TeamDeskSettings } from '../../../../../src-shared/desk/desk-team-contract.ts';
import { useServices } from '../../../../app-context.tsx';

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));

/** One labelled text input: the admin forms are rows of these. */
function TextField(props: { label: string; value: string; onChange: (value: string) => void }) {
  return (
    <label>
      {props.label} <input value={props.value} onChange={(e) => props.onChange(e.target.value)} />
    </label>
  );
}

function ExpertRow({ expert, onSaved }: { expert: Expert; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const { client } = useServices();
  const [skills, setSkills] = useState(expert.skills.join(', '));
  const [capacity, setCapacity] = useState(String(expert.capacity));
  const [timeZone, setTimeZone] = useState(expert.timeZone);
  const [away, setAway] = useState(expert.outOfOffice.map((o) => `${o.from}..${o.to}`).join(', '));
  const save = async () => {
    const outOfOffice = list(away).map((span) => {
      const [from = '', to = from] = span.split('..');
      return { from, to };
    });
    const result = await client.call('teamDesk:updateExpert', {
      memberId: expert.memberId,
      profile: { skills: list(skills), capacity: Number(capacity), timeZone, week: expert.week, outOfOffice },
    });
    onSaved(
      result.ok ? t('inbox.team.experts.saved') : t('inbox.team.failed', { message: result.error.message }),
    );
  };
  return (
    <fieldset data-testid="team-expert">
      <legend>{expert.displayName}</legend>
      <TextField label={t('inbox.team.experts.skills')} value={skills} onChange={setSkills} />
      <label>
        {t('inbox.team.experts.capacity')}{' '}
        <input type="number" min={0} value={capacity} onChange={(e) => setCapacity(e.target.value)} />
      </label>
      <TextField label={t('inbox.team.experts.timeZone')} value={timeZone} onChange={setTimeZone} />
      <TextField label={t('inbox.team.experts.outOfOffice')} value={away} onChange={setAway} />
      <button type="button" className="button" onClick={() => void save()}>
        {t('inbox.team.experts.save', { name: expert.displayName })}
      </button>
    </fieldset>
  );
}

function RoutingForm({
  settings,
  onSaved,
}: {
  settings: TeamDeskSettings;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const { client } = useServices();
  const [order, setOrder] = useState(settings.order);
  const [timeout, setTimeoutText] = useState(String(settings.skillsTimeoutMinutes ?? ''));
  const [cap, setCap] = useState(String(settings.hourlyCap ?? ''));
  const [reasons, setReasons] = useState(settings.awayReasons.join(', '));
  const [grace, setGrace] = useState(String(settings.offlineGraceMinutes));
  const save = async () => {
    const result = await client.call('teamDesk:updateSettings', {
      ...settings,
      order,
      skillsTimeoutMinutes: numberOrNull(timeout),
      hourlyCap: numberOrNull(cap),
      awayReasons: list(reasons),
      offlineGraceMinutes: Number(grace),
    });
    onSaved(
      result.ok ? t('inbox.team.experts.saved') : t('inbox.team.failed', { message: result.error.message }),
    );
  };
  return (
    <fieldset>
      <legend>{t('inbox.team.routing.tab')}</legend>
      <label>
        {t('inbox.team.routing.order')}{' '}
        <select value={order} onChange={(e) => setOrder(e.target.value as TeamDeskSettings['order'])}>
          <option value="round_robin">{t('inbox.team.routing.round_robin')}</option>
          <option value="balanced">{t('inbox.team.routing.balanced')}</option>
        </select>
      </label>
      <TextField label={t('inbox.team.routing.skillsTimeout')} value={timeout} onChange={setTimeoutText} />
      <TextField label={t('inbox.team.routing.hourlyCap')} value={cap} onChange={setCap} />
      <TextField label={t('inbox.team.routing.awayReasons')} value={reasons} onChange={setReasons} />
      <TextField label={t('inbox.team.routing.offlineGrace')} value={grace} onChange={setGrace} />
      <button type="button" className="button" onClick={() => void save()}>
        {t('inbox.team.routing.save')}
      </button>
    </fieldset>
  );
}

export function TeamDeskAdmin() {
  const { t } = useTranslation();
  const { client } = useServices();
  const [tab, setTab] = useState<'experts' | 'routing'>('experts');
  const [experts, setExperts] = useState<readonly Expert[]>([]);
  const [settings, setSettings] = useState<TeamDeskSettings | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    void client.call('teamDesk:experts', {}).then((r) => r.ok && setExperts(r.value));
    void client.call('teamDesk:settings', {}).then((r) => r.ok && setSettings(r.value));
  }, [client]);
  return (
    <section className="inbox__settings" data-testid="team-desk-admin">
      <div role="tablist">
        {(['experts', 'routing'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            className="button"
            onClick={() => setTab(name)}
          >
            {t(`inbox.team.${name}.tab`)}
          </button>
        ))}
      </div>
      {tab === 'experts'
        ? experts.map((e) => <ExpertRow key={e.memberId} expert={e} onSaved={setMessage} />)
        : settings && <RoutingForm settings={settings} onSaved={setMessage} />}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
