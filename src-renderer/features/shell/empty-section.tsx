// An honest placeholder for a section that is not built yet: what will be there, and the first step.
import { useTranslation } from 'react-i18next';
import { useRoost } from '../../app-context.tsx';
import type { Section } from '../../store/ui-slice.ts';
import { SectionHeading } from './ui/section-heading.tsx';

export function EmptySection({ section }: { section: Exclude<Section, 'settings'> }) {
  const { t } = useTranslation();
  const navigate = useRoost((s) => s.navigate);
  const hasAccounts = useRoost((s) => (s.accounts?.length ?? 0) > 0);
  return (
    <section className="empty" data-testid={`empty-${section}`} aria-labelledby="section-heading">
      <SectionHeading>{t(`nav.${section}`)}</SectionHeading>
      <p className="badge badge--neutral">{t('empty.notYet')}</p>
      <p className="empty__body">{t(`empty.${section}`)}</p>
      {!hasAccounts && (
        <p>
          {t('empty.needsAccount')}{' '}
          <button type="button" className="link-button" onClick={() => navigate('settings', 'accounts')}>
            {t('empty.addAccount')}
          </button>
        </p>
      )}
    </section>
  );
}
