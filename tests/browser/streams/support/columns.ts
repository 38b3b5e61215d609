// Layout presets for deck tests: one workspace with the given columns.
import type { ColumnSource } from '../../../../src-shared/domain/column.ts';
import { columnSourceKey } from '../../../../src-shared/domain/column.ts';
import type { LayoutRepository } from '../../../../src-renderer/features/streams/repositories/layout-repository.ts';

export const homeSource: ColumnSource = { type: 'home', accountId: 'acc-1', param: null };
export const mentionsSource: ColumnSource = { type: 'mentions', accountId: 'acc-1', param: null };
export const searchSource = (q: string): ColumnSource => ({ type: 'search', accountId: 'acc-1', param: q });
export const keyOf = columnSourceKey;

export function withColumns(...columns: { title: string; source: ColumnSource; alert?: boolean }[]) {
  return async (layout: LayoutRepository) => {
    const ws = await layout.addWorkspace('Main');
    for (const c of columns) {
      const added = await layout.addColumn(ws.id, c.title, c.source);
      if (c.alert) await layout.updateColumn(added.id, { alert: true });
    }
  };
}
