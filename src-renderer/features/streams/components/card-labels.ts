// The words every card repeats (its actions' names), translated once per language rather than by each card
// as it mounts: a busy deck mounts a few hundred cards a second, and each asked i18next a dozen times.
import type { i18n as I18n } from 'i18next';

export interface CardLabels {
  readonly reply: string;
  readonly repost: string;
  readonly boost: string;
  readonly undoRepost: string;
  readonly like: string;
  readonly quote: string;
  readonly thread: string;
  readonly more: string;
}

// The texts are bundled with the app (i18n.ts), so a language's labels never change once read.
const byInstance = new WeakMap<I18n, Map<string, CardLabels>>();

/** `i18n` is the card's (from useTranslation), so a change of language re-renders the card with new labels. */
export function cardLabels(i18n: I18n): CardLabels {
  const t = i18n.t;
  let byLanguage = byInstance.get(i18n);
  if (!byLanguage) {
    byLanguage = new Map();
    byInstance.set(i18n, byLanguage);
  }
  let labels = byLanguage.get(i18n.language);
  if (!labels) {
    labels = {
      reply: t('streams.item.replyLabel'),
      repost: t('streams.item.repost'),
      boost: t('streams.item.boost'),
      undoRepost: t('streams.item.undoRepost'),
      like: t('streams.item.like'),
      quote: t('streams.item.quote'),
      thread: t('streams.item.thread'),
      more: t('streams.item.more'),
    };
    byLanguage.set(i18n.language, labels);
  }
  return labels;
}
