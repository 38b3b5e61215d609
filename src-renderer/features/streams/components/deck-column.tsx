// One column of the deck: header, optional filter editor and the item list, with the actions its cards
// use. Visibility is reported to main so off-screen columns can poll less.
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { StreamItem } from '../../../../src-shared/domain/stream-item.ts';
import { useRoost, useServices } from '../../../app-context.tsx';
import { useDeck, type ColumnHandle } from '../deck-context.ts';
import { WIDTH_PX, type DeckColumn } from '../model/layout.ts';
import type { ColumnModel } from '../model/stream-hub.ts';
import { ColumnHeader } from './column-header.tsx';
import { ColumnList } from './column-list.tsx';
import { FilterEditor } from './filter-editor.tsx';
import { ItemActionsContext, type ItemActions } from './item-actions-context.ts';
import type { ContentActionKind } from '../../../../src-shared/compose/content-action.ts';
import { ConfirmDialog } from '../../../publishing/confirm-dialog.tsx';
import { useGuardedFlow, type GuardedOutcome } from '../../../publishing/guarded-flow.ts';
import { createItemJobs } from '../model/item-jobs.ts';
import { actionRequest, applyOutcome, contentActionOf, itemRefOf } from '../model/item-publishing.ts';

export interface DeckColumnProps {
  readonly column: DeckColumn;
  readonly model: ColumnModel | null;
  /** Error code when main refused to subscribe the column. */
  readonly failure: string | null;
  readonly index: number;
  readonly count: number;
  onMove(id: string, index: number): void;
}

/** Set when a keyboard move re-renders a column elsewhere, so its header gets focus back. */
let refocusAfterMove: string | null = null;

export function DeckColumnView({ column, model, failure, index, count, onMove }: DeckColumnProps) {
  const { t } = useTranslation();
  const { client, store } = useServices();
  const { hub, layout, archive, handles } = useDeck();
  const focused = useRoost((s) => s.focusedColumnId === column.id);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [visible, setVisible] = useState(true);
  const sectionRef = useRef<HTMLElement>(null);
  const titleRef = useRef<HTMLButtonElement>(null);
  const subscribeColumn = useCallback((cb: () => void) => hub.subscribe(column.id, cb), [hub, column.id]);
  const state = useSyncExternalStore(subscribeColumn, () => (model ? hub.state(model.columnKey) : null));
  // The header's badge follows the unread count itself: arrivals held behind the pill change it several
  // times a second, and the whole column (header, actions, list) need not re-render for a number.
  const unread = useMemo(
    () => ({ subscribe: subscribeColumn, read: () => model?.unread ?? 0 }),
    [subscribeColumn, model],
  );

  useEffect(() => {
    if (refocusAfterMove === column.id) {
      refocusAfterMove = null;
      titleRef.current?.focus();
    }
  }, [index, column.id]);

  // Visibility within the deck's horizontal scroller, reported to the hub (unread) and to main (polling).
  useEffect(() => {
    const el = sectionRef.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      const now = entries[entries.length - 1]?.isIntersecting ?? true;
      setVisible(now);
      hub.setVisible(column.id, now);
      void client.call('streams:setVisible', { columnId: column.id, visible: now });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [client, hub, column.id]);

  const accountId = column.source.accountId;
  const accounts = useRoost((s) => s.accounts);
  const account = accounts?.find((a) => a.id === accountId) ?? null;
  const undoSeconds = useRoost((s) => s.undoSeconds);
  const flow = useGuardedFlow();
  const startFlow = flow.start;
  const itemJobs = useMemo(createItemJobs, []);

  // Reposts, unreposts and deletes show on their items once the network has them.
  useEffect(
    () =>
      client.on('outbox:changed', ({ jobs }) => {
        for (const done of itemJobs.update(jobs)) applyOutcome(hub, done.item, done.what, done.job.remoteId);
      }),
    [client, hub, itemJobs],
  );

  const actions = useMemo<ItemActions>(() => {
    const errorText = (code: string) => t(`errors.${code}`, { defaultValue: t('errors.internal') });
    return {
      accountId,
      account,
      jobs: itemJobs,
      async toggleLike(item) {
        const ref = itemRefOf(item);
        if (!accountId || !ref) return null;
        const undo = item.viewer.liked !== null;
        const result = await client.call('items:act', {
          accountId,
          item: ref,
          action: undo ? 'unlike' : 'like',
        });
        if (!result.ok) return errorText(result.error.code);
        const marker = undo ? null : (result.value.remoteId ?? item.remoteId);
        const likes = Math.max(0, item.counts.likes + (undo ? -1 : 1));
        hub.replaceItem({
          ...item,
          counts: { ...item.counts, likes },
          viewer: { ...item.viewer, liked: marker },
        });
        return null;
      },
      async publish(kind, item) {
        if (!accountId || item.network === 'rss') return null;
        const action = contentActionOf(accountId, kind, item);
        const outcome = await startFlow(actionRequest(client, action, undoSeconds));
        // Only the action waiting in the dialog is remembered; one sent at once is tracked with its own item.
        if (outcome.kind === 'confirm') awaitingConfirmation.current = { item, kind };
        return settle(outcome, { item, kind });
      },
      replied(item, kind) {
        const counts =
          kind === 'reply'
            ? { ...item.counts, replies: item.counts.replies + 1 }
            : { ...item.counts, quotes: item.counts.quotes + 1 };
        hub.replaceItem({ ...item, counts });
      },
      openThread(item) {
        if (accountId) store.getState().openThread({ accountId, item });
      },
      muteAuthor(item) {
        const handle = item.author.handle.trim();
        if (!handle || column.filter.mutedAuthors.includes(handle)) return;
        void layout.updateColumn(column.id, {
          filter: { ...column.filter, mutedAuthors: [...column.filter.mutedAuthors, handle] },
        });
      },
      select(item) {
        store.getState().selectItem(column.id, item.key);
      },
    };
  }, [
    accountId,
    account,
    client,
    hub,
    layout,
    store,
    column.id,
    column.filter,
    t,
    itemJobs,
    undoSeconds,
    startFlow,
  ]);

  const awaitingConfirmation = useRef<{ item: StreamItem; kind: ContentActionKind } | null>(null);
  const settle = (
    outcome: GuardedOutcome,
    target: { item: StreamItem; kind: ContentActionKind } | null,
  ): string | null => {
    if (outcome.kind === 'submitted' && target && outcome.jobs[0]) {
      itemJobs.track(target.item, target.kind, outcome.jobs[0]);
    }
    return outcome.kind === 'stopped' ? outcome.message : null;
  };

  const actionsRef = useRef(actions);
  actionsRef.current = actions;
  const register = useCallback(
    (part: Omit<ColumnHandle, 'focusHeader' | 'toggle'>) => {
      handles.set(column.id, {
        ...part,
        focusHeader: () => titleRef.current?.focus(),
        toggle: (kind, key) => {
          const item = part.item(key);
          if (!item) return;
          if (kind === 'like') void actionsRef.current.toggleLike(item);
          else void actionsRef.current.publish(item.viewer.reposted ? 'unrepost' : 'repost', item);
        },
      });
    },
    [handles, column.id],
  );
  useEffect(() => () => void handles.delete(column.id), [handles, column.id]);

  return (
    <section
      ref={sectionRef}
      className="column"
      data-column-id={column.id}
      data-focused={focused || undefined}
      data-alert={column.alert || undefined}
      data-paused={column.paused || undefined}
      aria-label={column.title}
      style={{ width: WIDTH_PX[column.width] }}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('application/x-roost-column')) e.preventDefault();
      }}
      onDrop={(e) => {
        const id = e.dataTransfer.getData('application/x-roost-column');
        if (id && id !== column.id) {
          e.preventDefault();
          onMove(id, index);
        }
      }}
    >
      <ColumnHeader
        column={column}
        index={index}
        count={count}
        unread={unread}
        state={state}
        filtersOpen={filtersOpen}
        titleRef={titleRef}
        onMove={(to) => {
          refocusAfterMove = column.id;
          onMove(column.id, to);
        }}
        onPatch={(patch) => void layout.updateColumn(column.id, patch)}
        onToggleFilters={() => setFiltersOpen(!filtersOpen)}
        onClear={() => {
          hub.clear(column.id);
          if (model) void archive.clearColumn(model.columnKey);
        }}
        onRemove={() => void layout.removeColumn(column.id)}
        onRetry={() => void client.call('streams:refresh', { columnId: column.id })}
        onFocusColumn={() => store.getState().focusColumn(column.id)}
      />
      {filtersOpen && (
        <FilterEditor
          filter={column.filter}
          onSave={(filter) => {
            void layout.updateColumn(column.id, { filter });
            setFiltersOpen(false);
          }}
          onCancel={() => setFiltersOpen(false)}
        />
      )}
      <ItemActionsContext.Provider value={actions}>
        {model ? (
          <ColumnList column={column} model={model} visible={visible} register={register} />
        ) : failure ? (
          <p className="column__empty" role="alert">
            {t(`errors.${failure}`, { defaultValue: t('errors.internal') })}
          </p>
        ) : (
          <p className="column__empty">{t('streams.column.connecting')}</p>
        )}
      </ItemActionsContext.Provider>
      {flow.phase === 'confirm' && flow.preflight && (
        <ConfirmDialog
          preflight={flow.preflight}
          accounts={accounts ?? []}
          busy={false}
          error={flow.error}
          onConfirm={(typed, acknowledged) =>
            void flow
              .confirm(typed, acknowledged)
              .then((outcome) => settle(outcome, awaitingConfirmation.current))
          }
          onCancel={flow.cancel}
        />
      )}
    </section>
  );
}
