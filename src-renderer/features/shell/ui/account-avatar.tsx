// An account's avatar, or its initials when there is none or the image fails to load.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../src-shared/domain/account.ts';

export function initials(name: string): string {
  const words = name
    .replace(/^@/, '')
    .split(/[\s._-]+/)
    .filter(Boolean);
  const letters = words.slice(0, 2).map((w) => [...w][0] ?? '');
  return letters.join('').toUpperCase() || '?';
}

function isDisplayableUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' || protocol === 'data:';
  } catch {
    return false;
  }
}

export function AccountAvatar({ account }: { account: Account }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const name = account.displayName || account.handle;
  const alt = t('accounts.avatarAlt', { name });
  if (account.avatarUrl && !failed && isDisplayableUrl(account.avatarUrl)) {
    return (
      <img
        className="avatar"
        src={account.avatarUrl}
        alt={alt}
        width={40}
        height={40}
        referrerPolicy="no-referrer"
        onError={() => setFailed(true)}
      />
    );
  }
  return (
    <span className="avatar avatar--initials" role="img" aria-label={alt}>
      {initials(name)}
    </span>
  );
}
