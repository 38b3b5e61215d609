// Workspaces as tabs: switch (click, or arrow keys within the tab list), add, and rename in place. Removing
// and renaming are also offered by the deck menu and the command palette.
import { Plus } from 'lucide-react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../model/layout.ts';

export interface WorkspaceEditing {
  /** null while naming a new workspace. */
  readonly id: string | null;
  readonly name: string;
}

export interface WorkspaceTabsProps {
  readonly workspaces: readonly Workspace[];
  readonly activeId: string | null;
  readonly editing: WorkspaceEditing | null;
  onEdit(editing: WorkspaceEditing | null): void;
  onSelect(id: string): void;
  onAdd(name: string): void;
  onRename(id: string, name: string): void;
}

export function WorkspaceTabs({
  workspaces,
  activeId,
  editing,
  onEdit,
  onSelect,
  onAdd,
  onRename,
}: WorkspaceTabsProps) {
  const { t } = useTranslation();

  const commit = () => {
    if (!editing) return;
    const name = editing.name.trim();
    if (name) {
      if (editing.id) onRename(editing.id, name);
      else onAdd(name);
    }
    onEdit(null);
  };

  // Tabs pattern: one tab in the Tab order, arrows move between them and select.
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0 || workspaces.length === 0) return;
    const at = workspaces.findIndex((w) => w.id === activeId);
    const next = workspaces[(at + step + workspaces.length) % workspaces.length]!;
    onSelect(next.id);
    e.preventDefault();
    requestAnimationFrame(() =>
      e.currentTarget?.querySelector<HTMLButtonElement>(`[data-workspace-id="${next.id}"]`)?.focus(),
    );
  };

  return (
    <div className="workspaces">
      <div
        role="tablist"
        aria-label={t('streams.workspaces.label')}
        className="workspaces__tabs"
        onKeyDown={onTabKey}
      >
        {workspaces.map((w) => (
          <button
            key={w.id}
            type="button"
            role="tab"
            data-workspace-id={w.id}
            aria-selected={w.id === activeId}
            tabIndex={w.id === activeId ? 0 : -1}
            className="workspaces__tab"
            onClick={() => onSelect(w.id)}
            onDoubleClick={() => onEdit({ id: w.id, name: w.name })}
          >
            {w.name}
          </button>
        ))}
      </div>
      {editing ? (
        <input
          autoFocus
          className="workspaces__name"
          aria-label={t('streams.workspaces.nameLabel')}
          value={editing.name}
          maxLength={80}
          onChange={(e) => onEdit({ ...editing, name: e.target.value })}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') onEdit(null);
          }}
        />
      ) : (
        <button
          type="button"
          className="icon-button"
          aria-label={t('streams.workspaces.add')}
          title={t('streams.workspaces.add')}
          onClick={() => onEdit({ id: null, name: '' })}
        >
          <Plus aria-hidden="true" />
        </button>
      )}
    </div>
  );
}
