// Keeps main subscribed to every column of every workspace (alert columns must keep notifying when their
// workspace is not open) and attaches each to the hub once main answers with its source key.
import { useEffect, useRef, useState } from 'react';
import { columnSourceKey } from '../../../src-shared/domain/column.ts';
import type { RoostClient } from '../../bridge/client.ts';
import type { DeckColumn } from './model/layout.ts';
import type { ColumnModel, StreamHub } from './model/stream-hub.ts';

export interface Subscriptions {
  readonly models: ReadonlyMap<string, ColumnModel>;
  /** Error codes of columns main refused to subscribe. */
  readonly failures: ReadonlyMap<string, string>;
}

export function useColumnSubscriptions(
  client: RoostClient,
  hub: StreamHub,
  columns: readonly DeckColumn[] | undefined,
  activeWorkspaceId: string | null,
): Subscriptions {
  const [models, setModels] = useState<ReadonlyMap<string, ColumnModel>>(new Map());
  const [failures, setFailures] = useState<ReadonlyMap<string, string>>(new Map());
  const subscribed = useRef(new Map<string, string>());
  const activeRef = useRef(activeWorkspaceId);
  activeRef.current = activeWorkspaceId;

  useEffect(() => {
    if (!columns) return;
    const wanted = new Map(columns.map((c) => [c.id, c]));
    for (const [id, key] of [...subscribed.current]) {
      const column = wanted.get(id);
      if (column && columnSourceKey(column.source) === key) continue;
      subscribed.current.delete(id);
      hub.detach(id);
      void client.call('streams:unsubscribe', { columnId: id });
      setModels((m) => withoutKey(m, id));
    }
    for (const column of columns) {
      if (subscribed.current.has(column.id)) continue;
      const key = columnSourceKey(column.source);
      subscribed.current.set(column.id, key);
      const visible = column.workspaceId === activeRef.current;
      void client
        .call('streams:subscribe', { columnId: column.id, source: column.source, visible })
        .then((result) => {
          if (subscribed.current.get(column.id) !== key) return;
          if (!result.ok) {
            subscribed.current.delete(column.id);
            setFailures((f) => new Map(f).set(column.id, result.error.code));
            return;
          }
          const model = hub.attach(column.id, result.value.columnKey);
          hub.setVisible(column.id, column.workspaceId === activeRef.current);
          setFailures((f) => withoutKey(f, column.id));
          setModels((m) => new Map(m).set(column.id, model));
        });
    }
  }, [client, hub, columns]);

  // Columns of other workspaces are off screen: main may poll them less; new items count as unread.
  useEffect(() => {
    for (const column of columns ?? []) {
      if (column.workspaceId === activeWorkspaceId || !subscribed.current.has(column.id)) continue;
      hub.setVisible(column.id, false);
      void client.call('streams:setVisible', { columnId: column.id, visible: false });
    }
  }, [client, hub, columns, activeWorkspaceId]);

  useEffect(
    () => () => {
      for (const id of subscribed.current.keys()) {
        hub.detach(id);
        void client.call('streams:unsubscribe', { columnId: id });
      }
      subscribed.current.clear();
    },
    [client, hub],
  );

  return { models, failures };
}

function withoutKey<V>(map: ReadonlyMap<string, V>, key: string): ReadonlyMap<string, V> {
  if (!map.has(key)) return map;
  const next = new Map(map);
  next.delete(key);
  return next;
}
