// The parts of a post besides its text: thread follow-ups (each with its own images), content warning,
// audience, language and campaign tagging; and the sending preferences (undo window, image descriptions).
import { memo, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoost } from '../../../app-context.tsx';
import {
  VISIBILITIES,
  withFollowUpMedia,
  withoutFollowUp,
  type DraftContent,
  type Visibility,
} from '../model/draft.ts';
import { MediaEditor } from './media-editor.tsx';

type Change = (update: (content: DraftContent) => DraftContent) => void;

const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pt'];

export type PostOptionValues = Pick<DraftContent, 'contentWarning' | 'visibility' | 'language' | 'utm'>;

export const FollowUps = memo(function FollowUps({
  followUps,
  media,
  requireAlt,
  onChange,
}: {
  followUps: DraftContent['followUps'];
  media: DraftContent['followUpMedia'];
  requireAlt: boolean;
  onChange: Change;
}) {
  const { t } = useTranslation();
  return (
    <div className="follow-ups">
      {followUps.map((text, i) => (
        <div className="field" key={i} data-testid={`follow-up-${i + 2}`}>
          <label htmlFor={`follow-up-${i}`}>{t('compose.followUp', { n: i + 2 })}</label>
          <textarea
            id={`follow-up-${i}`}
            rows={3}
            value={text}
            onChange={(e) => {
              const value = e.target.value;
              onChange((c) => ({ ...c, followUps: c.followUps.map((f, j) => (j === i ? value : f)) }));
            }}
          />
          <MediaEditor
            media={media?.[i] ?? []}
            requireAlt={requireAlt}
            onChange={(update) => onChange((c) => withFollowUpMedia(c, i, update))}
          />
          <button
            type="button"
            className="link-button"
            onClick={() => onChange((c) => withoutFollowUp(c, i))}
          >
            {t('compose.removeFollowUp', { n: i + 2 })}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => onChange((c) => ({ ...c, followUps: [...c.followUps, ''] }))}
      >
        {t('compose.addFollowUp')}
      </button>
    </div>
  );
});

export const PostOptions = memo(function PostOptions({
  options: content,
  onChange,
  hasMastodon,
}: {
  options: PostOptionValues;
  onChange: Change;
  hasMastodon: boolean;
}) {
  const { t, i18n } = useTranslation();
  const ids = {
    cw: useId(),
    cwText: useId(),
    visibility: useId(),
    language: useId(),
    utm: useId(),
    campaign: useId(),
  };
  const languageNames = useMemo(
    () => new Intl.DisplayNames([i18n.language], { type: 'language' }),
    [i18n.language],
  );
  return (
    <div className="post-options">
      <div className="check">
        <input
          id={ids.cw}
          type="checkbox"
          checked={content.contentWarning !== null}
          onChange={(e) => onChange((c) => ({ ...c, contentWarning: e.target.checked ? '' : null }))}
        />
        <label htmlFor={ids.cw}>{t('compose.contentWarning')}</label>
      </div>
      {content.contentWarning !== null && (
        <div className="field">
          <label htmlFor={ids.cwText}>{t('compose.contentWarningText')}</label>
          <input
            id={ids.cwText}
            type="text"
            value={content.contentWarning}
            onChange={(e) => {
              const contentWarning = e.target.value;
              onChange((c) => ({ ...c, contentWarning }));
            }}
          />
        </div>
      )}
      {hasMastodon && (
        <div className="field">
          <label htmlFor={ids.visibility}>{t('compose.visibility')}</label>
          <select
            id={ids.visibility}
            value={content.visibility}
            onChange={(e) => {
              const visibility = VISIBILITIES.find((v) => v === e.target.value) ?? 'public';
              onChange((c) => ({ ...c, visibility: visibility as Visibility }));
            }}
          >
            {VISIBILITIES.map((v) => (
              <option key={v} value={v}>
                {t(`compose.visibilityOptions.${v}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={ids.language}>{t('compose.language')}</label>
        <select
          id={ids.language}
          value={content.language ?? ''}
          onChange={(e) => {
            const language = e.target.value || null;
            onChange((c) => ({ ...c, language }));
          }}
        >
          <option value="">{t('compose.languageAuto')}</option>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {languageNames.of(l) ?? l}
            </option>
          ))}
        </select>
      </div>
      <div className="check">
        <input
          id={ids.utm}
          type="checkbox"
          checked={content.utm.enabled}
          onChange={(e) => {
            const enabled = e.target.checked;
            onChange((c) => ({ ...c, utm: { ...c.utm, enabled } }));
          }}
        />
        <label htmlFor={ids.utm}>{t('compose.utm')}</label>
      </div>
      {content.utm.enabled && (
        <div className="field">
          <label htmlFor={ids.campaign}>{t('compose.campaign')}</label>
          <input
            id={ids.campaign}
            type="text"
            value={content.utm.campaign}
            onChange={(e) => {
              const campaign = e.target.value;
              onChange((c) => ({ ...c, utm: { ...c.utm, campaign } }));
            }}
          />
        </div>
      )}
    </div>
  );
});

export function SendingPreferences() {
  const { t } = useTranslation();
  const undoId = useId();
  const altId = useId();
  const undoSeconds = useRoost((s) => s.undoSeconds);
  const requireAlt = useRoost((s) => s.requireAltText);
  const setUndoSeconds = useRoost((s) => s.setUndoSeconds);
  const setRequireAlt = useRoost((s) => s.setRequireAltText);
  return (
    <details className="sending-preferences">
      <summary>{t('compose.options')}</summary>
      <div className="field">
        <label htmlFor={undoId}>{t('compose.undoSeconds')}</label>
        <input
          id={undoId}
          type="number"
          min={0}
          max={60}
          value={undoSeconds}
          onChange={(e) => setUndoSeconds(Number(e.target.value) || 0)}
        />
      </div>
      <div className="check">
        <input
          id={altId}
          type="checkbox"
          checked={requireAlt}
          onChange={(e) => setRequireAlt(e.target.checked)}
        />
        <label htmlFor={altId}>{t('compose.requireAlt')}</label>
      </div>
    </details>
  );
}
