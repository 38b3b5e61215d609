// The streams deck: workspace tabs, a search over the archive, notifications permission, and the open
// workspace's row of live columns, with the thread panel and shortcut help beside them.
import { useLiveQuery } from 'dexie-react-hooks';
import { Command, Plus } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoost, useServices } from '../../app-context.tsx';
import { AddColumnForm } from './components/add-column-form.tsx';
import { DeckColumnView } from './components/deck-column.tsx';
import { HelpDialog } from './components/help-dialog.tsx';
import { DeckMenu } from './components/deck-menu.tsx';
import { SearchBox } from './components/search-box.tsx';
import { StarterOffer } from './components/starter-offer.tsx';
import { ThreadPanel } from './components/thread-panel.tsx';
import { WelcomeScreen } from './components/welcome-screen.tsx';
import { WorkspaceTabs, type WorkspaceEditing } from './components/workspace-tabs.tsx';
import { DeckContext } from './deck-context.ts';
import type { DeckSetup } from './deck-setup.tsx';
import { useDeckKeys } from './keyboard/use-deck-keys.ts';
import { feedColumnTitle } from './model/feed-title.ts';
import { useFirstRun } from './use-first-run.ts';
import { useDeckCommands } from './use-deck-commands.ts';
import { OPEN_PALETTE_EVENT } from '../shell/ui/command-palette.tsx';
import { useStreamsRuntime } from './use-streams-runtime.ts';

export function Deck({ setup }: { setup: DeckSetup }) {
  const { t } = useTranslation();
  const { store, client } = useServices();
  // The runtime outlives this view when the app frame holds it (StreamsBackground); otherwise it lives
  // exactly as long as the deck is on screen.
  const runtime = useStreamsRuntime(setup);
  useEffect(() => runtime.attachView(), [runtime]);
  const { models, failures } = useSyncExternalStore(runtime.onSubscriptions, runtime.subscriptions);

  const layout = useLiveQuery(() => setup.layout.load(), [setup.layout]);
  const activeId = useRoost((s) => s.activeWorkspaceId);
  const creatingDefault = useRef(false);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<WorkspaceEditing | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!layout) return;
    if (layout.workspaces.length === 0) {
      if (creatingDefault.current) return;
      creatingDefault.current = true;
      void setup.layout.addWorkspace(t('streams.workspaces.default'));
      return;
    }
    if (!layout.workspaces.some((w) => w.id === activeId))
      store.getState().setActiveWorkspace(layout.workspaces[0]!.id);
  }, [layout, activeId, setup.layout, store, t]);

  const columns = useMemo(
    () => (layout?.columns ?? []).filter((c) => c.workspaceId === activeId),
    [layout, activeId],
  );
  const columnIdsRef = useRef<readonly string[]>([]);
  columnIdsRef.current = columns.map((c) => c.id);

  useDeckKeys({
    store,
    handles: runtime.handles,
    columnIds: useCallback(() => columnIdsRef.current, []),
    focusSearch: useCallback(() => searchRef.current?.focus(), []),
  });

  const move = useCallback(
    (id: string, index: number) => void setup.layout.moveColumn(id, index),
    [setup.layout],
  );

  const activeWorkspace = layout?.workspaces.find((w) => w.id === activeId) ?? null;
  useDeckCommands({
    layout,
    columns,
    activeWorkspace,
    openAddColumn: () => setAdding(true),
    editWorkspace: setEditing,
    focusSearch: () => searchRef.current?.focus(),
  });
  const firstRun = useFirstRun(layout);
  const workspaceId = activeId ?? layout?.workspaces[0]?.id ?? null;

  if (!layout) return <p>{t('streams.loading')}</p>;
  if (firstRun?.kind === 'welcome')
    return (
      <WelcomeScreen
        onAddFeed={(url) =>
          workspaceId &&
          void feedColumnTitle(client, url, t('streams.types.rss')).then((title) =>
            setup.layout.addColumn(workspaceId, title, { type: 'rss', accountId: null, param: url }),
          )
        }
      />
    );
  return (
    <DeckContext.Provider value={runtime}>
      <div className="deck__toolbar">
        <WorkspaceTabs
          workspaces={layout.workspaces}
          activeId={activeId}
          editing={editing}
          onEdit={setEditing}
          onSelect={(id) => store.getState().setActiveWorkspace(id)}
          onAdd={(name) =>
            void setup.layout.addWorkspace(name).then((w) => store.getState().setActiveWorkspace(w.id))
          }
          onRename={(id, name) => void setup.layout.renameWorkspace(id, name)}
        />
        <div className="deck__toolbar-end">
          <SearchBox ref={searchRef} />
          <button
            type="button"
            className="button button--primary button--icon"
            aria-expanded={adding}
            onClick={() => setAdding(!adding)}
          >
            <Plus aria-hidden="true" />
            {t('streams.add.open')}
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={t('palette.open')}
            title={t('palette.openHint')}
            aria-keyshortcuts="Control+K Meta+K"
            onClick={() => window.dispatchEvent(new Event(OPEN_PALETTE_EVENT))}
          >
            <Command aria-hidden="true" />
          </button>
          <DeckMenu
            active={activeWorkspace}
            canRemove={layout.workspaces.length > 1}
            onRename={() =>
              activeWorkspace && setEditing({ id: activeWorkspace.id, name: activeWorkspace.name })
            }
            onRemove={() => activeWorkspace && void setup.layout.removeWorkspace(activeWorkspace.id)}
          />
        </div>
      </div>
      {adding && activeId && (
        <AddColumnForm
          onCancel={() => setAdding(false)}
          onAdd={(title, source) => {
            setAdding(false);
            void setup.layout.addColumn(activeId, title, source);
          }}
        />
      )}
      <div className="deck__body">
        <div className="deck__columns" data-testid="deck-columns">
          {firstRun?.kind === 'starter' && workspaceId ? (
            <StarterOffer
              account={firstRun.account}
              onDismiss={firstRun.dismiss}
              onCreate={async (starter) => {
                for (const column of starter)
                  await setup.layout.addColumn(workspaceId, column.title, column.source);
              }}
            />
          ) : (
            columns.length === 0 && <p className="deck__empty">{t('streams.noColumns')}</p>
          )}
          {columns.map((column, index) => (
            <DeckColumnView
              key={column.id}
              column={column}
              model={models.get(column.id) ?? null}
              failure={failures.get(column.id) ?? null}
              index={index}
              count={columns.length}
              onMove={move}
            />
          ))}
          <ThreadPanel />
        </div>
      </div>
      <HelpDialog />
    </DeckContext.Provider>
  );
}
