// Desktop notifications start only after the user asks for them here.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeck } from '../deck-context.ts';

export function NotificationsButton() {
  const { t } = useTranslation();
  const { notifier } = useDeck();
  const [permission, setPermission] = useState(notifier.permission());
  if (permission === 'unsupported') return null;
  if (permission === 'granted') return <span className="deck__note">{t('streams.notify.on')}</span>;
  if (permission === 'denied') return <span className="deck__note">{t('streams.notify.denied')}</span>;
  return (
    <button
      type="button"
      className="button"
      onClick={() => void notifier.requestPermission().then(setPermission)}
    >
      {t('streams.notify.enable')}
    </button>
  );
}
