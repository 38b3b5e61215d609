// Numbers and dates in the interface language's conventions (Intl), one set per render.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { HOUR_MS } from '../../../../src-shared/analytics/listening.ts';

export interface Formatters {
  number(n: number): string;
  percent(pct: number): string;
  money(n: number): string;
  /** A bucket's start, as precise as the bucket is long. */
  bucket(start: number, bucketMs: number): string;
  dateTime(time: number): string;
  day(time: number): string;
}

export function makeFormatters(locale: string): Formatters {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const money = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const hour = new Intl.DateTimeFormat(locale, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const fullDay = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  return {
    number: (n) => number.format(n),
    percent: (pct) => percent.format(pct / 100),
    money: (n) => money.format(n),
    bucket: (start, bucketMs) => (bucketMs <= HOUR_MS ? hour.format(start) : day.format(start)),
    dateTime: (t) => dateTime.format(t),
    day: (t) => fullDay.format(t),
  };
}

export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  return useMemo(() => makeFormatters(i18n.language), [i18n.language]);
}
