// Searches the archive (every item any column has held) and lists the hits. "/" focuses the box.
import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveHit } from '../../../archive/archive-port.ts';
import { useDeck } from '../deck-context.ts';
import { ItemCard } from './item-card.tsx';
import { useMinuteClock } from './minute-clock.ts';

export const SearchBox = forwardRef<HTMLInputElement>(function SearchBox(_props, ref) {
  const { t } = useTranslation();
  const { archive } = useDeck();
  const now = useMinuteClock();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<readonly ArchiveHit[] | null>(null);
  const [searching, setSearching] = useState(false);

  const run = async () => {
    if (!text.trim()) return setHits(null);
    setSearching(true);
    try {
      setHits(await archive.search({ text, limit: 50 }));
    } finally {
      setSearching(false);
    }
  };

  return (
    <div className="search">
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <input
          ref={ref}
          type="search"
          className="search__input"
          aria-label={t('streams.search.label')}
          placeholder={t('streams.search.placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setHits(null);
              e.currentTarget.blur();
            }
          }}
        />
      </form>
      {(hits || searching) && (
        <section className="search__results" aria-label={t('streams.search.results')}>
          <header className="thread-panel__header">
            <h2>
              {searching
                ? t('streams.search.searching')
                : t('streams.search.count', { count: hits?.length ?? 0 })}
            </h2>
            <button type="button" className="button" onClick={() => setHits(null)}>
              {t('streams.search.close')}
            </button>
          </header>
          {hits?.map((hit) => (
            <ItemCard key={hit.item.key} item={hit.item} now={now} />
          ))}
        </section>
      )}
    </div>
  );
});
