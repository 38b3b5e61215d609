// A column's header: the account's avatar and network mark, the title (the keyboard handle for reordering
// with Alt+←/→ and dragging) over the column's kind, state, unread count, and the column's options (width,
// pause, alert, filters, rename, clear, remove) behind one icon button.
import { useEffect, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnState } from '../../../../src-shared/contract/streams-contract.ts';
import { COLUMN_WIDTHS, type ColumnWidth, type DeckColumn } from '../model/layout.ts';
import type { ColumnPatch } from '../repositories/layout-repository.ts';
import { ColumnStateBadge } from './column-state-badge.tsx';
import { ColumnAvatar, ColumnKind } from './column-identity.tsx';
import { BellRing, Ellipsis } from 'lucide-react';

export interface ColumnHeaderProps {
  readonly column: DeckColumn;
  readonly index: number;
  readonly count: number;
  readonly unread: UnreadSource;
  readonly state: ColumnState | null;
  readonly filtersOpen: boolean;
  readonly titleRef: RefObject<HTMLButtonElement | null>;
  onMove(index: number): void;
  onPatch(patch: ColumnPatch): void;
  onToggleFilters(): void;
  onClear(): void;
  onRemove(): void;
  onRetry(): void;
  onFocusColumn(): void;
}

export interface UnreadSource {
  subscribe(listener: () => void): () => void;
  read(): number;
}

function UnreadBadge({ source }: { source: UnreadSource }) {
  const { t } = useTranslation();
  const unread = useSyncExternalStore(source.subscribe, source.read);
  if (unread <= 0) return null;
  return (
    <span className="column__unread" aria-label={t('streams.column.unread', { count: unread })}>
      {unread}
    </span>
  );
}

export function ColumnHeader(props: ColumnHeaderProps) {
  const { t } = useTranslation();
  const { column, index, count } = props;
  const [menuOpen, setMenuOpen] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [name, setName] = useState(column.title);
  const renameRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (renaming) renameRef.current?.select();
  }, [renaming]);

  const commitRename = () => {
    const trimmed = name.trim();
    if (trimmed) props.onPatch({ title: trimmed });
    setRenaming(false);
  };

  return (
    <header className="column__header">
      <div className="column__title-row">
        <ColumnAvatar column={column} />
        <div className="column__names">
          {renaming ? (
            <input
              ref={renameRef}
              className="column__rename"
              aria-label={t('streams.column.renameLabel')}
              value={name}
              maxLength={80}
              onChange={(e) => setName(e.target.value)}
              onBlur={commitRename}
              onKeyDown={(e) => {
                if (e.key === 'Enter') commitRename();
                if (e.key === 'Escape') setRenaming(false);
              }}
            />
          ) : (
            <button
              ref={props.titleRef}
              type="button"
              className="column__title"
              draggable
              aria-describedby={`column-hint-${column.id}`}
              onFocus={props.onFocusColumn}
              onDragStart={(e) => {
                e.dataTransfer.setData('application/x-roost-column', column.id);
                e.dataTransfer.effectAllowed = 'move';
              }}
              onKeyDown={(e) => {
                if (!e.altKey) return;
                if (e.key === 'ArrowLeft' && index > 0) {
                  e.preventDefault();
                  props.onMove(index - 1);
                } else if (e.key === 'ArrowRight' && index < count - 1) {
                  e.preventDefault();
                  props.onMove(index + 1);
                }
              }}
            >
              {column.title}
            </button>
          )}
          <ColumnKind column={column} />
        </div>
        <UnreadBadge source={props.unread} />
        {column.alert && (
          <span className="column__alert-mark" title={t('streams.column.alertMark')}>
            <BellRing aria-hidden="true" />
            <span className="visually-hidden">{t('streams.column.alertMark')}</span>
          </span>
        )}
        <button
          type="button"
          className="icon-button column__menu-button"
          aria-expanded={menuOpen}
          aria-label={t('streams.column.options', { title: column.title })}
          title={t('streams.column.optionsGroup', { title: column.title })}
          onClick={() => setMenuOpen(!menuOpen)}
        >
          <Ellipsis aria-hidden="true" />
        </button>
      </div>
      <span id={`column-hint-${column.id}`} className="visually-hidden">
        {t('streams.column.moveHint')}
      </span>
      <ColumnStateBadge state={props.state} onRetry={props.onRetry} />
      {menuOpen && (
        <div
          className="column__menu"
          role="group"
          aria-label={t('streams.column.optionsGroup', { title: column.title })}
        >
          <button
            type="button"
            className="button"
            disabled={index === 0}
            onClick={() => props.onMove(index - 1)}
          >
            {t('streams.column.moveLeft')}
          </button>
          <button
            type="button"
            className="button"
            disabled={index >= count - 1}
            onClick={() => props.onMove(index + 1)}
          >
            {t('streams.column.moveRight')}
          </button>
          <label className="column__width">
            {t('streams.column.width')}{' '}
            <select
              value={column.width}
              onChange={(e) => props.onPatch({ width: e.target.value as ColumnWidth })}
            >
              {COLUMN_WIDTHS.map((w) => (
                <option key={w} value={w}>
                  {t(`streams.column.widths.${w}`)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button"
            aria-pressed={column.paused}
            onClick={() => props.onPatch({ paused: !column.paused })}
          >
            {t('streams.column.pause')}
          </button>
          <button
            type="button"
            className="button"
            aria-pressed={column.alert}
            onClick={() => props.onPatch({ alert: !column.alert })}
          >
            {t('streams.column.alert')}
          </button>
          <button
            type="button"
            className="button"
            aria-expanded={props.filtersOpen}
            onClick={props.onToggleFilters}
          >
            {t('streams.column.filters')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setName(column.title);
              setRenaming(true);
            }}
          >
            {t('streams.column.rename')}
          </button>
          <button type="button" className="button" onClick={props.onClear}>
            {t('streams.column.clear')}
          </button>
          {confirmRemove ? (
            <button type="button" className="button button--danger" onClick={props.onRemove}>
              {t('streams.column.confirmRemove')}
            </button>
          ) : (
            <button type="button" className="button button--danger" onClick={() => setConfirmRemove(true)}>
              {t('streams.column.remove')}
            </button>
          )}
        </div>
      )}
    </header>
  );
}
