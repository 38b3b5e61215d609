// Shows whether Roost can reach its main process and whether main can reach the internet.
import { useTranslation } from 'react-i18next';
import { useRoost } from '../../app-context.tsx';

export function ConnectionIndicator() {
  const { t } = useTranslation();
  const transport = useRoost((s) => s.transport);
  const internet = useRoost((s) => s.internet);
  const state = transport === 'online' && internet === false ? 'no-internet' : transport;
  const label = state === 'no-internet' ? t('connection.noInternet') : t(`connection.${transport}`);
  return (
    <div className="connection" data-state={state} data-testid="connection-indicator" role="status">
      <span className="connection__dot" aria-hidden="true" />
      {label}
    </div>
  );
}
