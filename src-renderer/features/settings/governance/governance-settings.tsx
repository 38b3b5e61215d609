// Settings → Governance: the publishing policy main enforces (organisation domains, block list, blocked
// terms, quiet hours), protected accounts, required image descriptions, and export/import of the policy.
// The policy is edited as a draft and sent whole; main checks it and refuses it whole, so nothing is lost.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, ErrorCode } from '../../../../src-shared/contract/errors.ts';
import type {
  GovernancePolicy,
  GovernanceView,
} from '../../../../src-shared/contract/governance-contract.ts';
import { useRoost, useServices } from '../../../app-context.tsx';
import { ProtectedSwitch } from '../accounts/protected-switch.tsx';
import { RequireAltSwitch } from '../require-alt-switch.tsx';
import { useSaveFailure } from '../save-failure.ts';
import { DomainsSection } from './domains-section.tsx';
import { PolicyIssues } from './policy-issues.tsx';
import { linesOf, textOf } from './policy-lines.ts';
import { PolicyTransfer } from './policy-transfer.tsx';
import { QuietHoursSection } from './quiet-hours-section.tsx';
import { TeamPolicyNote } from './team-policy-note.tsx';
import { BrandProtectionSection } from './brand-protection-section.tsx';

interface Draft {
  readonly domains: string;
  readonly terms: string;
  readonly blockList: string;
  readonly quietHours: GovernancePolicy['quietHours'];
}

type Outcome = { kind: 'saved'; message: string } | { kind: 'error'; error: ContractError } | null;

function draftOf(policy: GovernancePolicy): Draft {
  return {
    domains: textOf(policy.orgDomains),
    terms: textOf(policy.blockedTerms),
    blockList: policy.blockList,
    quietHours: policy.quietHours,
  };
}

export function GovernanceSettings() {
  const { t } = useTranslation();
  const { client } = useServices();
  const accounts = useRoost((s) => s.accounts) ?? [];
  const [view, setView] = useState<GovernanceView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [accountError, setAccountError] = useState<ErrorCode | null>(null);
  const alt = useSaveFailure();
  const ids = { title: useId(), terms: useId(), blocks: useId(), protect: useId(), alt: useId() };

  useEffect(() => {
    let live = true;
    void client.call('governance:get', {}).then((result) => {
      if (!live) return;
      if (result.ok) show(result.value);
      else setOutcome({ kind: 'error', error: result.error });
    });
    return () => {
      live = false;
    };
  }, [client]);

  function show(next: GovernanceView): void {
    setView(next);
    setDraft(draftOf(next.policy));
    setDirty(false);
  }

  function edit(change: Partial<Draft>): void {
    setDraft((d) => (d ? { ...d, ...change } : d));
    setDirty(true);
    setOutcome(null);
  }

  async function save(): Promise<void> {
    if (!view || !draft) return;
    setSaving(true);
    const policy: GovernancePolicy = {
      ...view.policy,
      orgDomains: linesOf(draft.domains),
      blockedTerms: linesOf(draft.terms),
      blockList: draft.blockList,
      quietHours: draft.quietHours,
    };
    const teamVersion = view.team?.version;
    const result = await client.call('governance:update', {
      policy,
      ...(teamVersion === undefined ? {} : { teamVersion }),
    });
    setSaving(false);
    if (!result.ok) return setOutcome({ kind: 'error', error: result.error });
    show(result.value);
    setOutcome({ kind: 'saved', message: t('governance.saved') });
  }

  async function exportPolicy(): Promise<string | null> {
    const result = await client.call('governance:export', {});
    if (result.ok) return result.value.json;
    setOutcome({ kind: 'error', error: result.error });
    return null;
  }

  async function importPolicy(json: string, file: string): Promise<void> {
    const result = await client.call('governance:import', { json });
    if (!result.ok) return setOutcome({ kind: 'error', error: result.error });
    show(result.value);
    setOutcome({ kind: 'saved', message: t('governance.transfer.imported', { file }) });
  }

  if (!view || !draft) {
    return (
      <section className="governance" aria-labelledby={ids.title}>
        <h2 id={ids.title}>{t('governance.title')}</h2>
        {outcome?.kind === 'error' ? (
          <PolicyIssues error={outcome.error} />
        ) : (
          <p role="status">{t('governance.loading')}</p>
        )}
      </section>
    );
  }

  // In a team the policy is the team's: members who are not admins see it without being able to change it.
  const readOnly = view.team ? !view.team.editable : false;
  return (
    <section className="governance" aria-labelledby={ids.title} data-testid="governance-settings">
      <h2 id={ids.title}>{t('governance.title')}</h2>
      <p className="hint">{t('governance.intro')}</p>
      {view.team && <TeamPolicyNote team={view.team} />}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset className="governance__policy" disabled={readOnly}>
          <DomainsSection
            text={draft.domains}
            suggestions={view.suggestedDomains}
            onChange={(domains) => edit({ domains })}
          />
          <section className="panel" aria-labelledby={`${ids.blocks}-title`}>
            <h2 id={`${ids.blocks}-title`}>{t('governance.blockList.title')}</h2>
            <label htmlFor={ids.blocks}>{t('governance.blockList.label')}</label>
            <textarea
              id={ids.blocks}
              rows={6}
              spellCheck={false}
              aria-describedby={`${ids.blocks}-hint`}
              value={draft.blockList}
              onChange={(e) => edit({ blockList: e.target.value })}
            />
            <p className="hint" id={`${ids.blocks}-hint`}>
              {t('governance.blockList.hint')}
            </p>
            <details data-testid="shipped-block-list">
              <summary>{t('governance.blockList.shipped', { count: view.shippedBlockList.length })}</summary>
              <ul>
                {view.shippedBlockList.map((domain) => (
                  <li key={domain}>{domain}</li>
                ))}
              </ul>
            </details>
          </section>
          <section className="panel" aria-labelledby={`${ids.terms}-title`}>
            <h2 id={`${ids.terms}-title`}>{t('governance.terms.title')}</h2>
            <label htmlFor={ids.terms}>{t('governance.terms.label')}</label>
            <textarea
              id={ids.terms}
              rows={4}
              aria-describedby={`${ids.terms}-hint`}
              value={draft.terms}
              onChange={(e) => edit({ terms: e.target.value })}
            />
            <p className="hint" id={`${ids.terms}-hint`}>
              {t('governance.terms.hint')}
            </p>
          </section>
          <QuietHoursSection
            accounts={accounts}
            value={draft.quietHours}
            onChange={(quietHours) => edit({ quietHours })}
          />
          <div className="governance__save">
            {dirty && <p className="hint">{t('governance.unsaved')}</p>}
            <button type="submit" className="button button--primary" disabled={saving}>
              {saving ? t('governance.saving') : t('governance.save')}
            </button>
            {outcome?.kind === 'saved' && (
              <p role="status" data-testid="governance-saved">
                {outcome.message}
              </p>
            )}
            {outcome?.kind === 'error' && <PolicyIssues error={outcome.error} />}
          </div>
        </fieldset>
      </form>
      <section className="panel" aria-labelledby={ids.protect}>
        <h2 id={ids.protect}>{t('governance.protected.title')}</h2>
        <p className="hint">{t('governance.protected.hint')}</p>
        {accounts.length === 0 && <p>{t('governance.protected.none')}</p>}
        {accounts.map((account) => (
          <ProtectedSwitch
            key={account.id}
            account={account}
            label={`@${account.handle}`}
            onError={setAccountError}
          />
        ))}
        {accountError && (
          <p className="alert" role="alert">
            {t(`errors.${accountError}`)}
          </p>
        )}
      </section>
      <section className="panel" aria-labelledby={ids.alt}>
        <h2 id={ids.alt}>{t('governance.altText.title')}</h2>
        <RequireAltSwitch track={alt.track} />
        {alt.failed && (
          <p className="field__issue" role="alert">
            {t('settings.saveFailed')}
          </p>
        )}
      </section>
      <BrandProtectionSection />
      <PolicyTransfer
        canImport={!readOnly}
        onExport={exportPolicy}
        onImport={(json, file) => void importPolicy(json, file)}
        onTooLarge={() =>
          setOutcome({
            kind: 'error',
            error: { code: 'invalid_input', message: t('governance.transfer.tooLarge') },
          })
        }
      />
    </section>
  );
}
