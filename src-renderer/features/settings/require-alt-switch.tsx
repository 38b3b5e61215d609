// The "require image descriptions" switch, shown in General → Publishing and in Governance. The store holds
// the value the composer reads; the switch saves it and announces it.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoost, useServices } from '../../app-context.tsx';
import { saveSetting } from '../../db/settings-changed.ts';

export function RequireAltSwitch({ track }: { track: (saving: Promise<void>) => void }) {
  const { t } = useTranslation();
  const { settings, store } = useServices();
  const requireAltText = useRoost((s) => s.requireAltText);
  const altId = useId();
  return (
    <>
      <div className="check">
        <input
          id={altId}
          type="checkbox"
          role="switch"
          checked={requireAltText}
          aria-describedby={`${altId}-hint`}
          onChange={(e) => {
            track(saveSetting(settings, 'compose.requireAltText', e.target.checked));
            store.getState().setRequireAltText(e.target.checked);
          }}
        />
        <label htmlFor={altId}>{t('settings.publishing.requireAlt')}</label>
      </div>
      <p className="hint" id={`${altId}-hint`}>
        {t('settings.publishing.requireAltHint')}
      </p>
    </>
  );
}
