// The Streams section: the deck, with its services either injected (tests, benchmarks) or opened here.
import { useTranslation } from 'react-i18next';
import { SectionHeading } from '../shell/ui/section-heading.tsx';
import { Deck } from './deck.tsx';
import { useDeckSetup } from './deck-setup.tsx';

export function StreamsSection() {
  const { t } = useTranslation();
  const { setup, failed } = useDeckSetup();
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
