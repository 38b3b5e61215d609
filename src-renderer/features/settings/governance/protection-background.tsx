// Mounted once in the app frame: when main announces new hijack alerts, one desktop notification (when the
// user allowed notifications) names the first and counts the rest; clicking it opens Settings → Governance.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../../app-context.tsx';
import { alertTitle } from './alert-text.ts';

interface NotificationFactory {
  new (
    title: string,
    options?: { body?: string; tag?: string },
  ): { onclick: ((ev: Event) => unknown) | null };
  readonly permission: NotificationPermission;
}

export function ProtectionBackground({ Notification: Factory }: { Notification?: NotificationFactory }) {
  const { t } = useTranslation();
  const { client, store } = useServices();
  useEffect(() => {
    const Notify =
      Factory ??
      (typeof Notification === 'undefined' ? undefined : (Notification as unknown as NotificationFactory));
    return client.on('protection:alerts', ({ alerts }) => {
      const [first] = alerts;
      if (!first || Notify?.permission !== 'granted') return;
      const body = [t('protection.notify.body', { what: alertTitle(t, first) })];
      if (alerts.length > 1) body.push(t('protection.notify.more', { count: alerts.length - 1 }));
      const notification = new Notify(t('protection.notify.title', { handle: first.handle }), {
        body: body.join(' '),
        tag: first.id,
      });
      notification.onclick = () => store.getState().navigate('settings', 'governance');
    });
  }, [client, store, t, Factory]);
  return null;
}
