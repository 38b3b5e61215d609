// The collision guard's question: what changed since the draft began, and send anyway, edit or discard.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskChange } from '../../../../src-shared/contract/desk-contract.ts';
import { DialogShell } from '../../shell/ui/dialog-shell.tsx';

export function CollisionDialog({
  changes,
  onSendAnyway,
  onEdit,
  onDiscard,
}: {
  changes: readonly DeskChange[];
  onSendAnyway: () => void;
  onEdit: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <DialogShell
      role="alertdialog"
      titleId="collision-title"
      title={t('inbox.reply.collision.title')}
      onEscape={onEdit}
    >
      <ul>
        {changes.map((change, index) => (
          <li key={index}>{t(`inbox.reply.collision.${change.kind}`, { excerpt: change.excerpt })}</li>
        ))}
      </ul>
      <div className="composer__actions">
        <button type="button" className="button" ref={first} onClick={onEdit}>
          {t('inbox.reply.collision.edit')}
        </button>
        <button type="button" className="button button--primary" onClick={onSendAnyway}>
          {t('inbox.reply.collision.sendAnyway')}
        </button>
        <button type="button" className="button" onClick={onDiscard}>
          {t('inbox.reply.collision.discard')}
        </button>
      </div>
    </DialogShell>
  );
}
