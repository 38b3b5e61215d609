// The Calendar section: scheduled and sent posts of every account by week or month, filtered by account
// and campaign, movable by drag or keyboard, with overdue posts to send now or cancel.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../src-shared/domain/account.ts';
import type { OutboxJob } from '../../../src-shared/contract/publishing-contract.ts';
import { useRoost, useServices } from '../../app-context.tsx';
import { SectionHeading } from '../shell/ui/section-heading.tsx';
import { CalendarGrid } from './components/calendar-grid.tsx';
import {
  addDays,
  dayKey,
  fromDayKey,
  jobInstant,
  moveInstant,
  visibleDays,
  type Slot,
} from './model/calendar-math.ts';
import { useOutboxJobs } from './model/use-outbox-jobs.ts';

const NO_ACCOUNTS: readonly Account[] = [];

export function CalendarScreen() {
  const { t, i18n } = useTranslation();
  const { client } = useServices();
  const accounts = useRoost((s) => s.accounts) ?? NO_ACCOUNTS;
  const view = useRoost((s) => s.calendarView);
  const anchorKey = useRoost((s) => s.calendarAnchor);
  const accountFilter = useRoost((s) => s.calendarAccounts);
  const campaign = useRoost((s) => s.calendarCampaign);
  const selectedJob = useRoost((s) => s.calendarSelectedJob);
  const setCalendarView = useRoost((s) => s.setCalendarView);
  const setCalendarAnchor = useRoost((s) => s.setCalendarAnchor);
  const setCalendarAccounts = useRoost((s) => s.setCalendarAccounts);
  const setCalendarCampaign = useRoost((s) => s.setCalendarCampaign);
  const selectCalendarJob = useRoost((s) => s.selectCalendarJob);
  const [opened, setOpened] = useState<OutboxJob | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const anchorDay = anchorKey ?? dayKey(new Date());
  const anchor = fromDayKey(anchorDay);
  const days = useMemo(() => visibleDays(view, fromDayKey(anchorDay)), [view, anchorDay]);
  const from = (days[0] ?? anchor).toISOString();
  const to = addDays(days[days.length - 1] ?? anchor, 1).toISOString();
  const outbox = useOutboxJobs(client, from, to);

  const campaigns = [...new Set(outbox.jobs.map((j) => j.campaign).filter((c): c is string => !!c))].sort();
  const shownJobs = outbox.jobs.filter(
    (j) =>
      j.state !== 'cancelled' &&
      (accountFilter.length === 0 || accountFilter.includes(j.accountId)) &&
      (campaign === '' || j.campaign === campaign),
  );
  const inRange = shownJobs.filter((j) => {
    const at = jobInstant(j).toISOString();
    return at >= from && at < to;
  });
  const overdue = shownJobs.filter((j) => j.state === 'overdue');
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const handle = (id: string) => `@${accounts.find((a) => a.id === id)?.handle ?? id}`;

  const shift = (direction: -1 | 1) => {
    const next =
      view === 'week'
        ? addDays(anchor, 7 * direction)
        : new Date(anchor.getFullYear(), anchor.getMonth() + direction, 1);
    setCalendarAnchor(dayKey(next));
  };

  const move = async (job: OutboxJob, slot: Slot): Promise<boolean> => {
    const scheduledAt = moveInstant(job, slot);
    const result = await client.call('outbox:reschedule', { jobId: job.id, scheduledAt });
    if (!result.ok) {
      setMessage(t('calendar.moveFailed', { message: result.error.message }));
      return false;
    }
    outbox.upsert([result.value]);
    setMessage(t('calendar.moved', { time: time.format(new Date(scheduledAt)) }));
    return true;
  };

  const resolve = async (job: OutboxJob, decision: 'send' | 'cancel') => {
    const result = await client.call('outbox:resolveOverdue', { jobId: job.id, decision });
    if (result.ok) outbox.upsert([result.value]);
    else setMessage(result.error.message);
    setOpened(null);
  };

  return (
    <section className="calendar" aria-labelledby="section-heading" data-testid="calendar">
      <SectionHeading>{t('calendar.title')}</SectionHeading>
      <div className="calendar__toolbar">
        <div role="group" aria-label={t('calendar.viewLabel')}>
          {(['week', 'month'] as const).map((v) => (
            <button
              key={v}
              type="button"
              className="button"
              aria-pressed={view === v}
              onClick={() => setCalendarView(v)}
            >
              {t(`calendar.${v}`)}
            </button>
          ))}
        </div>
        <button type="button" className="button" onClick={() => shift(-1)}>
          {t('calendar.previous')}
        </button>
        <button type="button" className="button" onClick={() => setCalendarAnchor(null)}>
          {t('calendar.today')}
        </button>
        <button type="button" className="button" onClick={() => shift(1)}>
          {t('calendar.next')}
        </button>
        <label>
          {t('calendar.account')}{' '}
          <select
            value={accountFilter[0] ?? ''}
            onChange={(e) => setCalendarAccounts(e.target.value ? [e.target.value] : [])}
          >
            <option value="">{t('calendar.allAccounts')}</option>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                @{a.handle}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('calendar.campaign')}{' '}
          <select value={campaign} onChange={(e) => setCalendarCampaign(e.target.value)}>
            <option value="">{t('calendar.allCampaigns')}</option>
            {campaigns.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="hint">{t('calendar.help')}</p>
      {selectedJob && (
        <p className="notice" role="status">
          {t('calendar.picked')}
        </p>
      )}
      {message && (
        <p className="hint" role="status" data-testid="calendar-message">
          {message}
        </p>
      )}
      {outbox.error && (
        <p className="alert" role="alert">
          {t('calendar.loadFailed', { message: outbox.error })}
        </p>
      )}
      {overdue.length > 0 && (
        <section className="calendar__overdue panel" aria-labelledby="overdue-title" data-testid="overdue">
          <h2 id="overdue-title">{t('calendar.overdueTitle')}</h2>
          <p className="hint">{t('calendar.overdueHint')}</p>
          <ul>
            {overdue.map((job) => (
              <li key={job.id} data-testid={`overdue-${job.id}`}>
                <span>
                  {time.format(jobInstant(job))} {handle(job.accountId)}: {job.text}
                </span>{' '}
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => void resolve(job, 'send')}
                >
                  {t('calendar.sendNow')}
                </button>{' '}
                <button type="button" className="button" onClick={() => void resolve(job, 'cancel')}>
                  {t('calendar.cancel')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {!outbox.loading && inRange.length === 0 && (
        <p className="empty__body" data-testid="empty-calendar">
          {t('calendar.empty')}
        </p>
      )}
      <CalendarGrid
        view={view}
        days={days}
        jobs={inRange}
        accounts={accounts}
        selectedJob={selectedJob}
        anchorMonth={anchor.getMonth()}
        onSelect={selectCalendarJob}
        onOpen={setOpened}
        onMove={move}
      />
      {opened && (
        <div className="dialog-backdrop">
          <div className="dialog panel" role="dialog" aria-modal="true" aria-labelledby="job-title">
            <h2 id="job-title">{t('calendar.details')}</h2>
            <p>
              {time.format(jobInstant(opened))} · {handle(opened.accountId)} ·{' '}
              {t(`calendar.states.${opened.state}`)}
              {opened.campaign ? ` · ${opened.campaign}` : ''}
            </p>
            <p className="preview__text">{opened.text}</p>
            <div className="form-actions">
              {opened.state === 'overdue' && (
                <>
                  <button
                    type="button"
                    className="button button--primary"
                    onClick={() => void resolve(opened, 'send')}
                  >
                    {t('calendar.sendNow')}
                  </button>
                  <button type="button" className="button" onClick={() => void resolve(opened, 'cancel')}>
                    {t('calendar.cancel')}
                  </button>
                </>
              )}
              <button type="button" className="button" autoFocus onClick={() => setOpened(null)}>
                {t('calendar.close')}
              </button>
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
