// The post text with one tab per network when the chosen accounts span several, so a network can get
// its own wording; the caret position is kept with the draft.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftContent, PostNetwork } from '../model/draft.ts';

export function TextEditor({
  content,
  revision,
  networks,
  onChange,
  onBlur,
  onSubmit,
}: {
  content: DraftContent;
  revision: number;
  networks: readonly PostNetwork[];
  onChange: (update: (content: DraftContent) => DraftContent) => void;
  onBlur: () => void;
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'all' | PostNetwork>('all');
  const ref = useRef<HTMLTextAreaElement>(null);
  const activeTab = tab !== 'all' && networks.includes(tab) ? tab : 'all';
  const value = activeTab === 'all' ? content.text : (content.variants[activeTab] ?? content.text);

  // A draft loaded from disk puts the caret back where it was.
  useEffect(() => {
    const area = ref.current;
    if (!area || revision === 0) return;
    const at = Math.min(content.cursor, area.value.length);
    area.focus();
    area.setSelectionRange(at, at);
    // Only a new revision (load, restore) moves the caret; typing must not.
  }, [revision]);

  const networkName = (n: PostNetwork) => t(`accounts.network.${n}`);

  return (
    <div className="text-editor">
      {networks.length > 1 && (
        <div role="tablist" aria-label={t('compose.tabsLabel')} className="text-editor__tabs">
          {(['all', ...networks] as const).map((n) => (
            <button
              key={n}
              type="button"
              role="tab"
              aria-selected={activeTab === n}
              className="text-editor__tab"
              onClick={() => setTab(n)}
            >
              {n === 'all'
                ? t('compose.allNetworks')
                : content.variants[n] !== undefined
                  ? t('compose.customised', { network: networkName(n) })
                  : networkName(n)}
            </button>
          ))}
        </div>
      )}
      <label htmlFor="compose-text" className="visually-hidden">
        {activeTab === 'all' ? t('compose.text') : t('compose.textFor', { network: networkName(activeTab) })}
      </label>
      <textarea
        id="compose-text"
        ref={ref}
        className="text-editor__area"
        rows={8}
        value={value}
        onChange={(e) => {
          const text = e.target.value;
          const cursor = e.target.selectionStart;
          onChange((c) =>
            activeTab === 'all'
              ? { ...c, text, cursor }
              : { ...c, variants: { ...c.variants, [activeTab]: text }, cursor },
          );
        }}
        onBlur={onBlur}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            onSubmit();
          }
        }}
      />
      {activeTab !== 'all' && content.variants[activeTab] !== undefined && (
        <button
          type="button"
          className="link-button"
          onClick={() =>
            onChange((c) => {
              const variants = { ...c.variants };
              delete variants[activeTab];
              return { ...c, variants };
            })
          }
        >
          {t('compose.useCommon', { network: networkName(activeTab) })}
        </button>
      )}
    </div>
  );
}
