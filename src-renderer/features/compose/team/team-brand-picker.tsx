// The team's brand accounts in the composer, beside the member's own: toggles with the Team badge and what
// the member's access means (a post that needs approval says so before it is sent).
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamBrand } from './use-team-brands.ts';

export const TeamBrandPicker = memo(function TeamBrandPicker({
  brands,
  selected,
  disabledReason,
  onToggle,
}: {
  brands: readonly TeamBrand[];
  selected: readonly string[];
  /** Why the team's accounts cannot take this draft (a reply or a quote started from a column). */
  disabledReason: string | null;
  onToggle: (id: string) => void;
}) {
  const { t } = useTranslation();
  if (brands.length === 0) return null;
  return (
    <fieldset className="account-picker account-picker--team" data-testid="team-brand-picker">
      <legend>{t('compose.team.accounts')}</legend>
      {brands.map(({ account, access }) => {
        const on = selected.includes(account.id);
        return (
          <button
            key={account.id}
            type="button"
            className="account-picker__item"
            aria-pressed={on}
            disabled={disabledReason !== null && !on}
            data-testid={`pick-team-${account.handle}`}
            onClick={() => onToggle(account.id)}
          >
            <span className="account-picker__handle">@{account.handle}</span>
            <span className="account-picker__network">{t(`accounts.network.${account.network}`)}</span>
            <span className="badge badge--active">{t('teamBrand.badge')}</span>
            {access === 'publish_with_approval' && (
              <span className="badge badge--neutral">{t('compose.team.needsApproval')}</span>
            )}
          </button>
        );
      })}
      {disabledReason && <p className="hint">{disabledReason}</p>}
    </fieldset>
  );
});
