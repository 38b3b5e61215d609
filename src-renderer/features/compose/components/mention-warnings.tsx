// Before sending: mentions that will not link because the handle is no Bluesky account (a typo, or a web
// domain), and mentions main could not check. Warnings only — the post can still go out as typed.
import { useTranslation } from 'react-i18next';

export function MentionWarnings({ noAccount, unchecked }: { noAccount: string[]; unchecked: string[] }) {
  const { t } = useTranslation();
  if (noAccount.length === 0 && unchecked.length === 0) return null;
  return (
    <ul className="compose__mentions notice-warn" data-testid="compose-mention-warnings">
      {noAccount.map((handle) => (
        <li key={handle}>{t('compose.mentionNoAccount', { handle })}</li>
      ))}
      {unchecked.map((handle) => (
        <li key={handle}>{t('compose.mentionUnchecked', { handle })}</li>
      ))}
    </ul>
  );
}
