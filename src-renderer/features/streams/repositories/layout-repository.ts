// The only code that touches the workspaces and columns tables. Rows are checked on read, so a damaged or
// older row is skipped instead of breaking the deck.
import type { Table } from 'dexie';
import type { RoostDb } from '../../../db/roost-db.ts';
import type { ColumnSource } from '../../../../src-shared/domain/column.ts';
import {
  DeckColumnSchema,
  WorkspaceSchema,
  type DeckColumn,
  type Layout,
  type Workspace,
} from '../model/layout.ts';

export type ColumnPatch = Partial<Pick<DeckColumn, 'title' | 'width' | 'paused' | 'alert' | 'filter'>>;

export interface LayoutRepository {
  load(): Promise<Layout>;
  addWorkspace(name: string): Promise<Workspace>;
  renameWorkspace(id: string, name: string): Promise<void>;
  /** Removes the workspace and its columns. */
  removeWorkspace(id: string): Promise<void>;
  addColumn(workspaceId: string, title: string, source: ColumnSource): Promise<DeckColumn>;
  updateColumn(id: string, patch: ColumnPatch): Promise<void>;
  /** Moves a column to `index` among its workspace's columns. */
  moveColumn(id: string, index: number): Promise<void>;
  removeColumn(id: string): Promise<void>;
}

const newId = () => crypto.randomUUID();

export function createLayoutRepository(db: RoostDb): LayoutRepository {
  const workspaces = db.table('workspaces') as Table<Workspace, string>;
  const columns = db.table('columns') as Table<DeckColumn, string>;

  const columnsOf = async (workspaceId: string): Promise<DeckColumn[]> =>
    parseAll(DeckColumnSchema, await columns.where('workspaceId').equals(workspaceId).toArray()).sort(
      byPosition,
    );

  return {
    async load() {
      const [ws, cols] = await Promise.all([workspaces.toArray(), columns.toArray()]);
      return {
        workspaces: parseAll(WorkspaceSchema, ws).sort(byPosition),
        columns: parseAll(DeckColumnSchema, cols).sort(byPosition),
      };
    },
    async addWorkspace(name) {
      const all = await workspaces.toArray();
      const workspace = WorkspaceSchema.parse({
        id: newId(),
        name: name.trim().slice(0, 80),
        position: nextPosition(all),
      });
      await workspaces.put(workspace);
      return workspace;
    },
    async renameWorkspace(id, name) {
      await workspaces.update(id, { name: name.trim().slice(0, 80) });
    },
    async removeWorkspace(id) {
      await db.transaction('rw', workspaces, columns, async () => {
        await columns.where('workspaceId').equals(id).delete();
        await workspaces.delete(id);
      });
    },
    async addColumn(workspaceId, title, source) {
      const existing = await columnsOf(workspaceId);
      const column = DeckColumnSchema.parse({
        id: newId(),
        workspaceId,
        position: nextPosition(existing),
        title: title.trim().slice(0, 80),
        source,
      });
      await columns.put(column);
      return column;
    },
    async updateColumn(id, patch) {
      await columns.update(id, patch);
    },
    async moveColumn(id, index) {
      await db.transaction('rw', columns, async () => {
        const column = await columns.get(id);
        if (!column) return;
        const list = (await columnsOf(column.workspaceId)).filter((c) => c.id !== id);
        const target = Math.max(0, Math.min(index, list.length));
        list.splice(target, 0, column);
        // Renumbering the few columns of one workspace keeps positions small and exact.
        await Promise.all(
          list.map((c, i) => (c.position === i ? null : columns.update(c.id, { position: i }))),
        );
      });
    },
    async removeColumn(id) {
      await columns.delete(id);
    },
  };
}

function byPosition(a: { position: number }, b: { position: number }): number {
  return a.position - b.position;
}

function nextPosition(rows: readonly { position?: unknown }[]): number {
  return rows.reduce<number>(
    (max, r) => (typeof r.position === 'number' && r.position >= max ? r.position + 1 : max),
    0,
  );
}

function parseAll<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  rows: unknown[],
): T[] {
  const out: T[] = [];
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}
