// The app frame: navigation rail on the left, the current section on the right. Each section is its own
// chunk, loaded on first visit (and fetched in the background after the first paint), so start-up only
// needs the frame.
import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoost } from './app-context.tsx';
import { EmptySection } from './features/shell/empty-section.tsx';
import { NavRail } from './features/shell/nav-rail.tsx';
import { PrivateKeyringBanner } from './features/shell/private-keyring-banner.tsx';
import { useAppCommands } from './features/shell/app-commands.ts';
import { useTeamNotifications } from './features/shell/use-team-notifications.ts';
import { CommandPalette } from './features/shell/ui/command-palette.tsx';
import { CommandsProvider } from './features/shell/ui/commands.tsx';
import type { Section } from './store/ui-slice.ts';
import { useDocumentPreferences } from './use-document-preferences.ts';

interface LazySection {
  readonly Component: ComponentType;
  /** Fetches the chunk; once it is in, the section renders without suspending. */
  preload(): Promise<void>;
}

function lazySection<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): LazySection {
  let ready: ComponentType | null = null;
  const fetchChunk = () =>
    load().then((module) => {
      ready = pick(module);
      return ready;
    });
  const Lazy = lazy(() => fetchChunk().then((component) => ({ default: component })));
  function Component() {
    // Chosen once per mount: swapping the two later would remount the section and lose its state.
    const [Chosen] = useState<ComponentType>(() => ready ?? Lazy);
    return <Chosen />;
  }
  return {
    Component,
    preload: () => fetchChunk().then(() => undefined),
  };
}

const sections = {
  streams: lazySection(
    () => import('./features/streams/streams-section.tsx'),
    (m) => m.StreamsSection,
  ),
  compose: lazySection(
    () => import('./features/compose/compose-screen.tsx'),
    (m) => m.ComposeScreen,
  ),
  calendar: lazySection(
    () => import('./features/calendar/calendar-screen.tsx'),
    (m) => m.CalendarScreen,
  ),
  analytics: lazySection(
    () => import('./features/analytics/analytics-screen.tsx'),
    (m) => m.AnalyticsScreen,
  ),
  inbox: lazySection(
    () => import('./features/inbox/inbox-screen.tsx'),
    (m) => m.InboxScreen,
  ),
  settings: lazySection(
    () => import('./features/settings/settings-screen.tsx'),
    (m) => m.SettingsScreen,
  ),
} as const;

const background = lazySection(
  () => import('./features/compose/compose-background.tsx'),
  (m) => m.ComposeBackground,
);

/** Keeps columns subscribed (and alert columns notifying) while the user is in another section. */
const streamsBackground = lazySection(
  () => import('./features/streams/streams-background.tsx'),
  (m) => m.StreamsBackground,
);

/** Looks for listening spikes and notifies, whichever section is on screen. */
const analyticsBackground = lazySection(
  () => import('./features/analytics/analytics-background.tsx'),
  (m) => m.AnalyticsBackground,
);

/** Raises a desktop notification when main reports a possible hijack, whichever section is on screen. */
const protectionBackground = lazySection(
  () => import('./features/settings/governance/protection-background.tsx'),
  (m) => m.ProtectionBackground,
);

/** Fetches every section once the frame is on screen, so the first visit to one rarely waits. */
function usePreloadSections(): void {
  useEffect(() => {
    const timer = setTimeout(() => {
      for (const section of Object.values(sections)) {
        // A failed fetch is retried (and reported) when the section is opened.
        section.preload().catch(() => undefined);
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
      return <sections.settings.Component />;
    case 'streams':
      return <sections.streams.Component />;
    case 'compose':
      return <sections.compose.Component />;
    case 'calendar':
      return <sections.calendar.Component />;
    case 'analytics':
      return <sections.analytics.Component />;
    case 'inbox':
      return <sections.inbox.Component />;
    default:
      return <EmptySection key={section} section={section} />;
  }
}

export function App() {
  return (
    <CommandsProvider>
      <AppFrame />
    </CommandsProvider>
  );
}

function AppFrame() {
  useDocumentPreferences();
  usePreloadSections();
  useAppCommands();
  useTeamNotifications();
  const section = useRoost((s) => s.section);
  return (
    <div className="app-frame">
      <NavRail />
      <main className="app-main" data-section={section}>
        <PrivateKeyringBanner />
        <Suspense fallback={<SectionLoading section={section} />}>
          <CurrentSection section={section} />
        </Suspense>
      </main>
      {/* Renders nothing until there is something to undo, so it needs no loading state. */}
      <Suspense fallback={null}>
        <background.Component />
        <streamsBackground.Component />
        <analyticsBackground.Component />
        <protectionBackground.Component />
      </Suspense>
      <CommandPalette />
    </div>
  );
}
