// Who and what a column shows, at a glance: the account's avatar with its network's mark (or the feed
// mark), and the column's kind with the account's handle.
import {
  AtSign,
  Bell,
  Globe,
  Hash,
  House,
  List,
  Mail,
  Rss,
  Search,
  Sparkles,
  User,
  Users,
  type LucideIcon,
} from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ColumnType } from '../../../../src-shared/domain/column.ts';
import { useRoost } from '../../../app-context.tsx';
import type { DeckColumn } from '../model/layout.ts';
import { Avatar } from './avatar.tsx';

const KIND_ICONS: Record<ColumnType, LucideIcon> = {
  home: House,
  author: User,
  mentions: AtSign,
  notifications: Bell,
  search: Search,
  hashtag: Hash,
  list: List,
  feed: Sparkles,
  local: Users,
  federated: Globe,
  conversations: Mail,
  rss: Rss,
};

export function ColumnAvatar({ column }: { column: DeckColumn }) {
  const { t } = useTranslation();
  const account = useRoost((s) => s.accounts?.find((a) => a.id === column.source.accountId) ?? null);
  const network = account?.network ?? 'rss';
  return (
    <span className="column__avatar">
      {account ? (
        <Avatar url={account.avatarUrl} name={account.displayName || account.handle} />
      ) : (
        <span className="column__feed-mark" aria-hidden="true">
          <Rss />
        </span>
      )}
      <span
        className={`column__network column__network--${network}`}
        role="img"
        aria-label={t(`accounts.network.${network}`)}
        title={t(`accounts.network.${network}`)}
      >
        {network === 'bluesky' ? 'B' : network === 'mastodon' ? 'M' : ''}
      </span>
    </span>
  );
}

export function ColumnKind({ column }: { column: DeckColumn }) {
  const { t } = useTranslation();
  const handle = useRoost((s) => s.accounts?.find((a) => a.id === column.source.accountId)?.handle ?? null);
  const Icon = KIND_ICONS[column.source.type];
  return (
    <span className="column__kind">
      <Icon aria-hidden="true" className="column__kind-icon" />
      {t(`streams.types.${column.source.type}`)}
      {handle && <span className="column__kind-handle">@{handle}</span>}
    </span>
  );
}
