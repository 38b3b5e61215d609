// Offered (never forced) once there is an account but no column yet: a starter set of columns — home,
// mentions and a search for the account's name — among those the account's network offers.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../src-shared/domain/account.ts';
import type { ColumnSource, ColumnType } from '../../../../src-shared/domain/column.ts';
import { useServices } from '../../../app-context.tsx';

export interface StarterColumn {
  readonly title: string;
  readonly source: ColumnSource;
}

const STARTER_TYPES: readonly ColumnType[] = ['home', 'mentions', 'search'];

/** What a search for the account's name looks for: its display name, or its handle without a domain. */
export function starterSearch(account: Pick<Account, 'displayName' | 'handle'>): string {
  return account.displayName.trim() || account.handle.split(/[.@]/)[0] || account.handle;
}

export function StarterOffer({
  account,
  onCreate,
  onDismiss,
}: {
  account: Account;
  onCreate(columns: readonly StarterColumn[]): Promise<void>;
  onDismiss(): void;
}) {
  const { t } = useTranslation();
  const { client } = useServices();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const search = starterSearch(account);

  async function create(): Promise<void> {
    setBusy(true);
    setError(null);
    const capabilities = await client.call('streams:capabilities', { accountId: account.id });
    if (!capabilities.ok) {
      setBusy(false);
      return setError(t(`errors.${capabilities.error.code}`));
    }
    const offered = new Set(capabilities.value.columnTypes);
    const columns = STARTER_TYPES.filter((type) => offered.has(type)).map((type) => ({
      title: type === 'search' ? `${t('streams.types.search')}: ${search}` : t(`streams.types.${type}`),
      source: { type, accountId: account.id, param: type === 'search' ? search : null },
    }));
    await onCreate(columns);
    setBusy(false);
  }

  return (
    <section className="starter panel" aria-labelledby="starter-title" data-testid="starter-offer">
      <h2 id="starter-title">{t('welcome.starter.title', { handle: account.handle })}</h2>
      <p>{t('welcome.starter.body', { search })}</p>
      {error && (
        <p className="field__issue" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => void create()}
        >
          {t('welcome.starter.create')}
        </button>
        <button type="button" className="button" onClick={onDismiss}>
          {t('welcome.starter.dismiss')}
        </button>
      </div>
    </section>
  );
}
