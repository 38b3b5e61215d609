// The Streams section: the deck, with its services either injected (tests, benchmarks) or opened here.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionHeading } from '../shell/section-heading.tsx';
import { Deck } from './deck.tsx';
import { openDefaultDeckSetup, useInjectedDeckSetup, type DeckSetup } from './deck-setup.tsx';

export function StreamsSection() {
  const { t } = useTranslation();
  const injected = useInjectedDeckSetup();
  const [setup, setSetup] = useState<DeckSetup | null>(injected);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (setup) return;
    openDefaultDeckSetup().then(setSetup, (error: unknown) => {
      console.error('The deck could not open the local database.', error);
      setFailed(true);
    });
  }, [setup]);
  return (
    <section className="deck" aria-labelledby="section-heading" data-testid="streams-deck">
      <SectionHeading>{t('nav.streams')}</SectionHeading>
      {setup ? (
        <Deck setup={setup} />
      ) : (
        <p role={failed ? 'alert' : undefined}>{failed ? t('streams.unavailable') : t('streams.loading')}</p>
      )}
    </section>
  );
}
