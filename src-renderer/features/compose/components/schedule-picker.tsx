// When the post goes out: now, or at a chosen local time, with the best times main suggests for the
// first chosen account.
import { memo, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestOutput } from '../../../../src-shared/contract/contract.ts';
import type { RoostClient } from '../../../bridge/client.ts';

type BestTimes = RequestOutput<'schedule:bestTimes'>;

/** `YYYY-MM-DDTHH:mm` in local time, what <input type="datetime-local"> reads and writes. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): string | null {
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export const SchedulePicker = memo(function SchedulePicker({
  client,
  accountId,
  scheduledAt,
  now,
  onChange,
}: {
  client: RoostClient;
  accountId: string | null;
  scheduledAt: string | null;
  now: () => number;
  onChange: (at: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const toggleId = useId();
  const atId = useId();
  const [best, setBest] = useState<BestTimes | null>(null);
  const on = scheduledAt !== null;
  const at = now();

  useEffect(() => {
    if (!on || !accountId) return;
    let cancelled = false;
    void client.call('schedule:bestTimes', { accountId }).then((r) => {
      if (!cancelled && r.ok) setBest(r.value);
    });
    return () => {
      cancelled = true;
    };
  }, [client, accountId, on]);

  const format = new Intl.DateTimeFormat(i18n.language, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  const upcoming = (best?.slots ?? []).filter((s) => Date.parse(s.at) > at).slice(0, 5);

  return (
    <div className="schedule">
      <div className="check">
        <input
          id={toggleId}
          type="checkbox"
          checked={on}
          onChange={(e) =>
            onChange(
              e.target.checked
                ? new Date(Math.ceil((at + 3_600_000) / 900_000) * 900_000).toISOString()
                : null,
            )
          }
        />
        <label htmlFor={toggleId}>{t('compose.schedule')}</label>
      </div>
      {on && (
        <>
          <div className="field">
            <label htmlFor={atId}>{t('compose.scheduleAt')}</label>
            <input
              id={atId}
              type="datetime-local"
              value={toLocalInput(scheduledAt)}
              onChange={(e) => {
                const at = fromLocalInput(e.target.value);
                if (at) onChange(at);
              }}
            />
          </div>
          {upcoming.length > 0 && best && (
            <div className="schedule__best" role="group" aria-label={t('compose.suggested')}>
              <p className="hint" data-testid="best-times-basis" data-basis={best.basis}>
                {t('compose.suggested')} — {t(`compose.suggestedBasis.${best.basis}`)}
              </p>
              {upcoming.map((slot) => (
                <button
                  key={slot.at}
                  type="button"
                  className="button"
                  title={slot.reason}
                  onClick={() => onChange(slot.at)}
                >
                  {format.format(new Date(slot.at))}
                </button>
              ))}
            </div>
          )}
        </>
      )}
    </div>
  );
});
