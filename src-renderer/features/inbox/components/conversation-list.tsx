// The queue of one view, virtualised like the deck's columns so ten thousand open conversations scroll
// without building ten thousand rows.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../../../src-shared/contract/desk-contract.ts';
import { SlaBadge } from './sla-badge.tsx';
import { ImpostorBadge } from '../../shell/ui/protection-badges.tsx';

const ROW_PX = 76;

export function ConversationList({
  conversations,
  selectedId,
  onSelect,
  now,
  ownerOf,
  checked,
  onCheck,
}: {
  conversations: readonly ConversationSummary[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  now: number;
  /** A team's rows name their owner. */
  ownerOf?: (c: ConversationSummary) => string | null;
  /** A team's rows can be ticked for bulk actions. */
  checked?: ReadonlySet<string>;
  onCheck?: (id: string, on: boolean) => void;
}) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: conversations.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_PX,
    getItemKey: (index) => conversations[index]?.id ?? index,
    overscan: 4,
  });
  const selectedIndex = conversations.findIndex((c) => c.id === selectedId);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  return (
    <div ref={scrollRef} className="inbox__list" role="listbox" aria-label={t('inbox.list')} tabIndex={-1}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const c = conversations[row.index]!;
          return (
            <div
              key={row.key}
              role="option"
              aria-selected={c.id === selectedId}
              data-testid="inbox-row"
              className={`inbox__row${c.id === selectedId ? ' inbox__row--selected' : ''}`}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                height: ROW_PX,
                transform: `translateY(${row.start}px)`,
              }}
              onClick={() => onSelect(c.id)}
            >
              <div className="inbox__row-head">
                {onCheck && (
                  <input
                    type="checkbox"
                    aria-label={t('inbox.team.selectRow', { handle: c.contact.handle })}
                    checked={checked?.has(c.id) ?? false}
                    onClick={(e) => e.stopPropagation()}
                    onChange={(e) => onCheck(c.id, e.target.checked)}
                  />
                )}
                <strong>{c.contact.displayName || `@${c.contact.handle}`}</strong>
                {c.contact.impostor && <ImpostorBadge flag={c.contact.impostor} />}
                <span className="inbox__priority">{t('inbox.priority', { score: c.priority })}</span>
                <SlaBadge sla={c.sla} now={now} />
                {ownerOf && <span className="inbox__owner">{ownerOf(c) ?? t('inbox.team.unowned')}</span>}
              </div>
              <p className="inbox__excerpt">{c.excerpt}</p>
              <div className="inbox__tags">
                {c.skills.map((skill) => (
                  <span key={skill} className="badge badge--neutral">
                    {skill}
                  </span>
                ))}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
