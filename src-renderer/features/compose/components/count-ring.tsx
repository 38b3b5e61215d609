// How much room is left for one account: a ring that fills as the text grows and turns red past the
// limit, with the number left beside it.
import { useTranslation } from 'react-i18next';
import type { LengthResult } from '../model/limits.ts';

const R = 9;
const CIRCUMFERENCE = 2 * Math.PI * R;

export function CountRing({
  label,
  result,
  accountId,
}: {
  label: string;
  result: LengthResult;
  accountId: string;
}) {
  const { t } = useTranslation();
  const used = Math.min(1, result.length / result.max);
  const state = result.remaining < 0 ? 'over' : result.remaining <= 20 ? 'near' : 'ok';
  const text =
    result.remaining < 0
      ? t('compose.over', { account: label, count: -result.remaining, max: result.max })
      : t('compose.remaining', { account: label, count: result.remaining, max: result.max });
  return (
    <span className="count-ring" data-state={state} data-testid={`count-${accountId}`} title={text}>
      <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true">
        <circle className="count-ring__track" cx="12" cy="12" r={R} />
        <circle
          className="count-ring__fill"
          cx="12"
          cy="12"
          r={R}
          strokeDasharray={`${used * CIRCUMFERENCE} ${CIRCUMFERENCE}`}
          transform="rotate(-90 12 12)"
        />
      </svg>
      <span className="count-ring__number" aria-hidden="true">
        {result.remaining}
      </span>
      <span className="visually-hidden" data-testid={`count-text-${accountId}`}>
        {text}
      </span>
    </span>
  );
}
