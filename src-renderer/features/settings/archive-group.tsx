// Settings → General → Archive: how much of what the columns receive is kept on this computer. The
// archive follows saved changes through settingsChanged (see retention-settings.ts).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app-context.tsx';
import { SETTING_LIMITS } from '../../db/settings-repository.ts';
import { NumberSetting } from './number-setting.tsx';
import { useSaveFailure } from './save-failure.ts';
import { saveSetting } from '../../db/settings-changed.ts';
import { useStoredSetting } from './use-stored-setting.ts';

export function ArchiveGroup() {
  const { t } = useTranslation();
  const { settings } = useServices();
  const maxItems = useStoredSetting('archive.maxItemsPerColumn');
  const maxAge = useStoredSetting('archive.maxAgeDays');
  const { failed, track } = useSaveFailure();
  const titleId = useId();
  const itemLimits = SETTING_LIMITS['archive.maxItemsPerColumn'];
  const ageLimits = SETTING_LIMITS['archive.maxAgeDays'];

  return (
    <section className="panel" aria-labelledby={titleId} data-testid="archive-settings">
      <h2 id={titleId}>{t('settings.archive.title')}</h2>
      <p className="hint">{t('settings.archive.intro')}</p>
      <NumberSetting
        label={t('settings.archive.maxItems')}
        unit={t('settings.archive.maxItemsUnit')}
        hint={t('settings.archive.maxItemsHint')}
        min={itemLimits.min}
        max={itemLimits.max}
        value={maxItems}
        testId="setting-archive-items"
        onCommit={(value) => track(saveSetting(settings, 'archive.maxItemsPerColumn', value))}
      />
      <NumberSetting
        label={t('settings.archive.maxAgeDays')}
        unit={t('settings.archive.maxAgeUnit')}
        hint={t('settings.archive.maxAgeHint')}
        min={ageLimits.min}
        max={ageLimits.max}
        value={maxAge}
        testId="setting-archive-days"
        onCommit={(value) => track(saveSetting(settings, 'archive.maxAgeDays', value))}
      />
      <p className="hint">{t('settings.archive.lowering')}</p>
      {failed && (
        <p className="field__issue" role="alert">
          {t('settings.saveFailed')}
        </p>
      )}
    </section>
  );
}
