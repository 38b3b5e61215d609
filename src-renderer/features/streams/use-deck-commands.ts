// The deck's part of the command palette: add a column, workspaces (new, rename, switch), go to any column,
// search the archive, keyboard shortcuts.
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app-context.tsx';
import { useCommands, type Command } from '../shell/ui/commands.tsx';
import type { WorkspaceEditing } from './components/workspace-tabs.tsx';
import type { DeckColumn, Layout, Workspace } from './model/layout.ts';

export function useDeckCommands(deck: {
  readonly layout: Layout | undefined;
  readonly columns: readonly DeckColumn[];
  readonly activeWorkspace: Workspace | null;
  openAddColumn(): void;
  editWorkspace(editing: WorkspaceEditing): void;
  focusSearch(): void;
}): void {
  const { t } = useTranslation();
  const { store } = useServices();
  useCommands((): Command[] => {
    const group = t('palette.groups.deck');
    const active = deck.activeWorkspace;
    return [
      { id: 'deck:add-column', group, label: t('streams.add.open'), run: deck.openAddColumn },
      {
        id: 'deck:new-workspace',
        group,
        label: t('streams.workspaces.add'),
        run: () => deck.editWorkspace({ id: null, name: '' }),
      },
      ...(active
        ? [
            {
              id: 'deck:rename-workspace',
              group,
              label: t('streams.workspaces.rename'),
              run: () => deck.editWorkspace({ id: active.id, name: active.name }),
            },
          ]
        : []),
      { id: 'deck:search', group, label: t('palette.searchArchive'), shortcut: '/', run: deck.focusSearch },
      {
        id: 'deck:help',
        group,
        label: t('streams.help.open'),
        shortcut: '?',
        run: () => store.getState().setHelpOpen(true),
      },
      ...(deck.layout?.workspaces ?? []).map((w) => ({
        id: `workspace:${w.id}`,
        group: t('palette.groups.workspace'),
        label: w.name,
        run: () => store.getState().setActiveWorkspace(w.id),
      })),
      ...deck.columns.map((column, index) => ({
        id: `column:${column.id}`,
        group: t('palette.groups.column'),
        label: column.title,
        ...(index < 9 ? { shortcut: String(index + 1) } : {}),
        run: () =>
          // After the palette closes and hands focus back, move it to the column's title.
          setTimeout(() =>
            document
              .querySelector<HTMLElement>(`[data-column-id="${CSS.escape(column.id)}"] .column__title`)
              ?.focus(),
          ),
      })),
    ];
  });
}
