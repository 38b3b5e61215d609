// Says, on every screen, that this run's keyring is a throwaway one (browser mode's --private-keyring).
import { TriangleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useRoost } from '../../app-context.tsx';

export function PrivateKeyringBanner() {
  const { t } = useTranslation();
  const privateKeyring = useRoost((s) => s.vault?.privateKeyring === true);
  if (!privateKeyring) return null;
  return (
    <p className="private-keyring-banner" role="status" data-testid="private-keyring-banner">
      <TriangleAlert aria-hidden="true" className="private-keyring-banner__icon" />
      {t('keyringHelp.banner')}
    </p>
  );
}
