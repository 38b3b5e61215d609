// The app frame: navigation rail on the left, the current section on the right. Each section is its own
// chunk, loaded on first visit (and fetched in the background after the first paint), so start-up only
// needs the frame.
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoost } from './app-context.tsx';
import { EmptySection } from './features/shell/empty-section.tsx';
import { NavRail } from './features/shell/nav-rail.tsx';
import type { Section } from './store/ui-slice.ts';
import { useDocumentPreferences } from './use-document-preferences.ts';

const loadStreams = () => import('./features/streams/streams-section.tsx');
const loadCompose = () => import('./features/compose/compose-screen.tsx');
const loadComposeBackground = () => import('./features/compose/compose-background.tsx');
const loadCalendar = () => import('./features/calendar/calendar-screen.tsx');
const loadSettings = () => import('./features/settings/settings-screen.tsx');

const StreamsSection = lazy(() => loadStreams().then((m) => ({ default: m.StreamsSection })));
const ComposeScreen = lazy(() => loadCompose().then((m) => ({ default: m.ComposeScreen })));
const ComposeBackground = lazy(() => loadComposeBackground().then((m) => ({ default: m.ComposeBackground })));
const CalendarScreen = lazy(() => loadCalendar().then((m) => ({ default: m.CalendarScreen })));
const SettingsScreen = lazy(() => loadSettings().then((m) => ({ default: m.SettingsScreen })));

/** Fetches every section once the frame is on screen, so the first visit to one rarely waits. */
function usePreloadSections(): void {
  useEffect(() => {
    const timer = setTimeout(() => {
      for (const load of [loadStreams, loadCompose, loadCalendar, loadSettings]) {
        // A failed fetch is retried (and reported) when the section is opened.
        load().catch(() => undefined);
      }
    }, 0);
    return () => clearTimeout(timer);
  }, []);
}

function SectionLoading({ section }: { section: Section }) {
  const { t } = useTranslation();
  return (
    <section className="section-loading" aria-busy="true" data-testid="section-loading">
      <p role="status">{t('settings.loadingSection', { section: t(`nav.${section}`) })}</p>
    </section>
  );
}

function CurrentSection({ section }: { section: Section }) {
  switch (section) {
    case 'settings':
      return <SettingsScreen />;
    case 'streams':
      return <StreamsSection />;
    case 'compose':
      return <ComposeScreen />;
    case 'calendar':
      return <CalendarScreen />;
    default:
      return <EmptySection key={section} section={section} />;
  }
}

export function App() {
  useDocumentPreferences();
  usePreloadSections();
  const section = useRoost((s) => s.section);
  return (
    <div className="app-frame">
      <NavRail />
      <main className="app-main" data-section={section}>
        <Suspense fallback={<SectionLoading section={section} />}>
          <CurrentSection section={section} />
        </Suspense>
      </main>
      {/* Renders nothing until there is something to undo, so it needs no loading state. */}
      <Suspense fallback={null}>
        <ComposeBackground />
      </Suspense>
    </div>
  );
}
