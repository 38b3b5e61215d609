// The app frame: navigation rail on the left, the current section on the right.
import { useRoost } from './app-context.tsx';
import { CalendarScreen } from './features/calendar/calendar-screen.tsx';
import { ComposeBackground } from './features/compose/compose-background.tsx';
import { ComposeScreen } from './features/compose/compose-screen.tsx';
import { EmptySection } from './features/shell/empty-section.tsx';
import { NavRail } from './features/shell/nav-rail.tsx';
import { SettingsScreen } from './features/settings/settings-screen.tsx';
import { StreamsSection } from './features/streams/streams-section.tsx';
import { useDocumentPreferences } from './use-document-preferences.ts';

export function App() {
  useDocumentPreferences();
  const section = useRoost((s) => s.section);
  return (
    <div className="app-frame">
      <NavRail />
      <main className="app-main" data-section={section}>
        {section === 'settings' ? (
          <SettingsScreen />
        ) : section === 'streams' ? (
          <StreamsSection />
        ) : section === 'compose' ? (
          <ComposeScreen />
        ) : section === 'calendar' ? (
          <CalendarScreen />
        ) : (
          <EmptySection key={section} section={section} />
        )}
      </main>
      <ComposeBackground />
    </div>
  );
}
