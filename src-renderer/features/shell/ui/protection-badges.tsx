// Badges main's flags call for (src-main/protection sets them at ingest; nothing is scanned here): an author
// imitating one of the user's accounts, and links that are blocked or imitate an organisation domain. A
// flagged link asks for confirmation before it opens. Shared by the deck's cards and the Inbox.
import { useState, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImpostorFlag, ItemFlags, LinkFlag } from '../../../../src-shared/protection/flags.ts';
import { safeHttpUrl } from '../../../sanitize/safe-url.ts';

export function ImpostorBadge({ flag }: { flag: ImpostorFlag }) {
  const { t } = useTranslation();
  const why = t(flag.reason === 'handle' ? 'protection.impostor.handle' : 'protection.impostor.name', {
    imitates: flag.imitates,
  });
  return (
    <span className="badge badge--danger" data-testid="impostor-badge" title={why}>
      {t('protection.impostor.badge')}
      <span className="visually-hidden">: {why}</span>
    </span>
  );
}

export function linkFlagText(t: (key: string, values: Record<string, string>) => string, flag: LinkFlag) {
  return t(flag.reason === 'blocked' ? 'protection.link.blocked' : 'protection.link.lookalike', {
    host: flag.host,
    detail: flag.detail,
  });
}

export function ItemFlagBadges({ flags }: { flags: ItemFlags | undefined }) {
  const { t } = useTranslation();
  if (!flags) return null;
  const reasons = flags.links.map((f) => linkFlagText(t, f)).join(' ');
  return (
    <div className="protect-badges">
      {flags.impostor && <ImpostorBadge flag={flags.impostor} />}
      {flags.links.length > 0 && (
        <span className="badge badge--danger" data-testid="link-badge" title={reasons}>
          {flags.links.length === 1
            ? t('protection.link.badge')
            : t('protection.link.badgeCount', { count: flags.links.length })}
          <span className="visually-hidden">: {reasons}</span>
        </span>
      )}
    </div>
  );
}

/**
 * Wraps a card's body: a click on one of its flagged links is held, and an inline confirmation says why
 * the link is suspect before anything opens. Unflagged links open as before.
 */
export function FlaggedLinkGuard({ flags, children }: { flags: ItemFlags | undefined; children: ReactNode }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<{ flag: LinkFlag; href: string } | null>(null);
  const flagged = new Map(
    (flags?.links ?? []).flatMap((f) => {
      const href = safeHttpUrl(f.url);
      return href ? [[href, f] as const] : [];
    }),
  );
  const onClickCapture = (e: MouseEvent) => {
    if (flagged.size === 0) return;
    const anchor = (e.target as HTMLElement).closest('a');
    if (anchor?.dataset['confirmed'] !== undefined) return; // "Open anyway" itself
    const href = anchor ? safeHttpUrl(anchor.getAttribute('href')) : null;
    const flag = href ? flagged.get(href) : undefined;
    if (!href || !flag) return;
    e.preventDefault();
    e.stopPropagation();
    setPending({ flag, href });
  };
  return (
    <div onClickCapture={onClickCapture}>
      {children}
      {pending && (
        <div className="link-confirm" role="alertdialog" aria-label={t('protection.link.confirmTitle')}>
          <p>
            <strong>{t('protection.link.confirmTitle')}</strong> {linkFlagText(t, pending.flag)}
          </p>
          <p className="link-confirm__url">{pending.href}</p>
          <button type="button" className="button" autoFocus onClick={() => setPending(null)}>
            {t('protection.link.cancel')}
          </button>{' '}
          <a
            className="button button--danger"
            href={pending.href}
            target="_blank"
            rel="noopener noreferrer"
            data-confirmed=""
            onClick={() => setPending(null)}
          >
            {t('protection.link.confirmOpen')}
          </a>
        </div>
      )}
    </div>
  );
}
