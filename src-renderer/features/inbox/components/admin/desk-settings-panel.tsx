// The desk admin's screen inside the Inbox: skills, priority rules with VIP contacts, the SLA policy with
// business hours and holidays, and saved replies. Settings are saved whole and apply to the next
// conversation the desk routes or recomputes; saved replies are saved one by one.
import { useTranslation } from 'react-i18next';
import { useDeskSettings } from '../../model/use-desk-settings.ts';
import { PriorityEditor } from './priority-editor.tsx';
import { SavedRepliesEditor } from './saved-replies-editor.tsx';
import { SkillsEditor } from './skills-editor.tsx';
import { SlaEditor } from './sla-editor.tsx';

export function DeskSettingsPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { form, loadError, issues, refusal, state, edit, save } = useDeskSettings();

  return (
    <div className="desk-settings" data-testid="desk-settings">
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('inbox.settings.back')}
        </button>
      </div>
      {loadError && (
        <p role="alert" className="item__error">
          {t('inbox.settings.loadFailed', { message: loadError })}
        </p>
      )}
      {form && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <SkillsEditor skills={form.skills} issues={issues} onChange={(skills) => edit({ skills })} />
          <PriorityEditor form={form} issues={issues} onChange={edit} />
          <SlaEditor form={form} issues={issues} onChange={edit} />
          {state === 'refused' && (
            <p role="alert" className="field__issue" data-testid="desk-settings-refused">
              {t('inbox.settings.refused', { count: issues?.length ?? 0, message: refusal })}
            </p>
          )}
          {state === 'saved' && (
            <p role="status" className="notice">
              {t('inbox.settings.saved')}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={state === 'saving'}>
              {t('inbox.settings.save')}
            </button>
          </div>
        </form>
      )}
      <SavedRepliesEditor />
    </div>
  );
}
