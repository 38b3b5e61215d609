// Settings → General → Publishing: the undo window and whether images need a description. The store
// holds the values in effect (the composer reads them there); saving announces them to the store.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoost, useServices } from '../../app-context.tsx';
import { SETTING_LIMITS } from '../../db/settings-repository.ts';
import { NumberSetting } from './number-setting.tsx';
import { useSaveFailure } from './save-failure.ts';
import { RequireAltSwitch } from './require-alt-switch.tsx';
import { saveSetting } from '../../db/settings-changed.ts';

export function PublishingGroup() {
  const { t } = useTranslation();
  const { settings, store } = useServices();
  const undoSeconds = useRoost((s) => s.undoSeconds);
  const { failed, track } = useSaveFailure();
  const titleId = useId();
  const limits = SETTING_LIMITS['compose.undoSeconds'];

  return (
    <section className="panel" aria-labelledby={titleId} data-testid="publishing-settings">
      <h2 id={titleId}>{t('settings.publishing.title')}</h2>
      <p className="hint">{t('settings.publishing.intro')}</p>
      <NumberSetting
        label={t('settings.publishing.undoSeconds')}
        unit={t('settings.publishing.undoUnit')}
        hint={t('settings.publishing.undoHint')}
        min={limits.min}
        max={limits.max}
        value={undoSeconds}
        testId="setting-undo-seconds"
        onCommit={(value) => {
          track(saveSetting(settings, 'compose.undoSeconds', value));
          // Also applies where nothing follows the announcement (a store without the start-up sync).
          store.getState().setUndoSeconds(value);
        }}
      />
      <RequireAltSwitch track={track} />
      {failed && (
        <p className="field__issue" role="alert">
          {t('settings.saveFailed')}
        </p>
      )}
    </section>
  );
}
