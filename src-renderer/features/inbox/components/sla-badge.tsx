// The SLA badge: time left, amber when at risk, red with the time over once breached.
import { useTranslation } from 'react-i18next';
import type { DeskSla } from '../../../../src-shared/contract/desk-contract.ts';
import { formatSpan, slaTone } from '../model/sla-text.ts';

/** Matches the default policy's warn-before threshold; main's own state wins when it already says at risk. */
const WARN_MS = 30 * 60_000;

export function SlaBadge({ sla, now }: { sla: DeskSla | null; now: number }) {
  const { t } = useTranslation();
  if (sla === null) return null;
  const tone = slaTone(sla, now, WARN_MS);
  const clock = t(`inbox.sla.clock.${sla.clock}`);
  const text =
    tone === 'paused'
      ? t('inbox.sla.paused')
      : tone === 'breached'
        ? t('inbox.sla.breached', { over: formatSpan(now - (sla.deadline ?? now)) })
        : t(`inbox.sla.${tone}`, { left: formatSpan((sla.deadline ?? now) - now) });
  return (
    <span className={`sla-badge sla-badge--${tone}`} data-tone={tone} title={clock}>
      {text}
    </span>
  );
}
