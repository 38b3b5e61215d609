// How a hijack alert reads, in the list and in its desktop notification.
import type { TFunction } from 'i18next';
import type { HijackAlert } from '../../../../src-shared/contract/protection-contract.ts';

export function alertTitle(t: TFunction, alert: HijackAlert): string {
  return t(`protection.kind.${alert.kind}`);
}

/** The changed field's new value, or the post's text; empty when there is nothing to quote. */
export function alertDetail(t: TFunction, alert: HijackAlert): string {
  if (alert.kind === 'profile' && alert.field)
    return t(`protection.field.${alert.field}`, { value: alert.text });
  return alert.text;
}
