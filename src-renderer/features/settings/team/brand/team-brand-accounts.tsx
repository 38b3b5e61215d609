// Settings → Team → Brand accounts: the accounts the team speaks for, held by the team server. Every member
// sees those shared with them and their access; members who may publish post as the account from here;
// admins connect and remove accounts and set who may use each. The server checks every rule again.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../../src-shared/contract/errors.ts';
import type { BrandAccount } from '../../../../../src-shared/team/team-contract.ts';
import { useServices } from '../../../../app-context.tsx';
import { TeamProblem } from '../team-problem.tsx';
import { useTeamList } from '../use-team-list.ts';
import { BrandAccessEditor } from './brand-access-editor.tsx';
import { BrandPostBox } from './brand-post-box.tsx';
import { ConnectBrandForm } from './connect-brand-form.tsx';

type Panel = 'access' | 'post' | 'remove';

export function TeamBrandAccounts({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const { client } = useServices();
  const { items, error, reload } = useTeamList('team:brandAccounts');
  const [open, setOpen] = useState<{ readonly panel: Panel; readonly id: string } | null>(null);
  const [actionError, setActionError] = useState<ContractError | null>(null);

  async function remove(account: BrandAccount): Promise<void> {
    setOpen(null);
    setActionError(null);
    const result = await client.call('team:removeBrandAccount', { id: account.id });
    if (!result.ok) setActionError(result.error);
    await reload();
  }

  const isOpen = (panel: Panel, id: string) => open?.panel === panel && open.id === id;
  const toggle = (panel: Panel, id: string) => setOpen(isOpen(panel, id) ? null : { panel, id });

  return (
    <div className="team-brand" data-testid="team-brand-accounts">
      <h3>{t('teamBrand.title')}</h3>
      <p className="hint">{t('teamBrand.intro')}</p>
      <TeamProblem error={actionError ?? error} />
      {items?.length === 0 && (
        <p className="hint">{canManage ? t('teamBrand.empty') : t('teamBrand.emptyMember')}</p>
      )}
      <ul className="team-brand__list">
        {items?.map(({ account, access }) => (
          <li
            key={account.id}
            className="team-brand__item"
            data-testid="team-brand-account"
            data-handle={account.handle}
          >
            <div className="team-brand__row">
              <span className="team-brand__name">
                @{account.handle} <span className="badge badge--team">{t('teamBrand.badge')}</span>
              </span>
              <span className="hint">
                {t(`teamBrand.networks.${account.network}`)} · {t('teamBrand.yourAccess')}:{' '}
                <span data-testid="team-brand-my-access">{t(`teamBrand.levels.${access}`)}</span>
              </span>
              <span className="team-brand__actions">
                {(access === 'publish' || access === 'publish_with_approval') && (
                  <button
                    type="button"
                    className="button"
                    aria-expanded={isOpen('post', account.id)}
                    onClick={() => toggle('post', account.id)}
                  >
                    {t('teamBrand.post.open', { handle: account.handle })}
                  </button>
                )}
                {canManage && (
                  <>
                    <button
                      type="button"
                      className="button"
                      aria-expanded={isOpen('access', account.id)}
                      aria-label={t('teamBrand.access.openLabel', { handle: account.handle })}
                      onClick={() => toggle('access', account.id)}
                    >
                      {t('teamBrand.access.open')}
                    </button>
                    <button
                      type="button"
                      className="button button--danger"
                      onClick={() => toggle('remove', account.id)}
                    >
                      {t('teamBrand.remove.label', { handle: account.handle })}
                    </button>
                  </>
                )}
              </span>
            </div>
            {isOpen('remove', account.id) && (
              <div className="confirm" role="group">
                <p>{t('teamBrand.remove.confirm', { handle: account.handle })}</p>
                <button type="button" className="button button--danger" onClick={() => void remove(account)}>
                  {t('teamBrand.remove.yes', { handle: account.handle })}
                </button>
                <button type="button" className="button" onClick={() => setOpen(null)}>
                  {t('teamBrand.remove.cancel')}
                </button>
              </div>
            )}
            {isOpen('access', account.id) && (
              <BrandAccessEditor account={account} onClose={() => setOpen(null)} />
            )}
            {isOpen('post', account.id) && <BrandPostBox account={account} access={access} />}
          </li>
        ))}
      </ul>
      {canManage && <ConnectBrandForm onConnected={() => void reload()} />}
    </div>
  );
}
