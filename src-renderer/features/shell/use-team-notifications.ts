// Desktop notifications for the team desk, wherever the user is in Roost: main has already decided which
// feed changes concern this member (a conversation assigned to them, a note that @mentions them); this only
// shows them, and a click opens the Inbox. The page's Notification API works in Electron and browser mode.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoost, useServices } from '../../app-context.tsx';

export function useTeamNotifications(): void {
  const { client } = useServices();
  const { t } = useTranslation();
  const navigate = useRoost((s) => s.navigate);
  useEffect(() => {
    if (typeof Notification === 'undefined') return;
    return client.on('teamDesk:notification', (notice) => {
      const show = () => {
        const title =
          notice.kind === 'assigned'
            ? t('inbox.team.notifyAssigned', { who: notice.who })
            : t('inbox.team.notifyMentioned', { who: notice.who });
        const shown = new Notification(title, {
          body: notice.excerpt,
          tag: `${notice.kind}:${notice.conversationId}`,
        });
        shown.onclick = () => navigate('inbox');
      };
      if (Notification.permission === 'granted') show();
      else if (Notification.permission === 'default')
        void Notification.requestPermission().then((p) => p === 'granted' && show());
    });
  }, [client, navigate, t]);
}
