// Workspaces as tabs: switch, add, rename and remove. Each workspace is its own row of columns.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../model/layout.ts';

export interface WorkspaceTabsProps {
  readonly workspaces: readonly Workspace[];
  readonly activeId: string | null;
  onSelect(id: string): void;
  onAdd(name: string): void;
  onRename(id: string, name: string): void;
  onRemove(id: string): void;
}

export function WorkspaceTabs({
  workspaces,
  activeId,
  onSelect,
  onAdd,
  onRename,
  onRemove,
}: WorkspaceTabsProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<{ id: string | null; name: string } | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const active = workspaces.find((w) => w.id === activeId) ?? null;

  const commit = () => {
    if (!editing) return;
    const name = editing.name.trim();
    if (name) {
      if (editing.id) onRename(editing.id, name);
      else onAdd(name);
    }
    setEditing(null);
  };

  return (
    <div className="workspaces">
      <div role="tablist" aria-label={t('streams.workspaces.label')} className="workspaces__tabs">
        {workspaces.map((w) => (
          <button
            key={w.id}
            type="button"
            role="tab"
            aria-selected={w.id === activeId}
            className="workspaces__tab"
            onClick={() => {
              setConfirmRemove(false);
              onSelect(w.id);
            }}
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
          onChange={(e) => setEditing({ ...editing, name: e.target.value })}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') setEditing(null);
          }}
        />
      ) : (
        <>
          <button type="button" className="button" onClick={() => setEditing({ id: null, name: '' })}>
            {t('streams.workspaces.add')}
          </button>
          {active && (
            <button
              type="button"
              className="button"
              onClick={() => setEditing({ id: active.id, name: active.name })}
            >
              {t('streams.workspaces.rename')}
            </button>
          )}
          {active &&
            workspaces.length > 1 &&
            (confirmRemove ? (
              <button
                type="button"
                className="button button--danger"
                onClick={() => {
                  setConfirmRemove(false);
                  onRemove(active.id);
                }}
              >
                {t('streams.workspaces.confirmRemove', { name: active.name })}
              </button>
            ) : (
              <button type="button" className="button button--danger" onClick={() => setConfirmRemove(true)}>
                {t('streams.workspaces.remove')}
              </button>
            ))}
        </>
      )}
    </div>
  );
}
