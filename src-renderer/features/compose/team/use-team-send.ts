// Sends the draft to the selected team brand accounts, one after the other, through the team server (its
// guards, the member's access, approvals, its exactly-once outbox). A guard that asks for confirmation stops
// the run on that account; "Post anyway" resends the same text naming the decision, and the run goes on.
// Accounts the server already accepted are never sent again. Nothing is cleared until every account is done.
import { useRef, useState } from 'react';
import type { ContractError } from '../../../../src-shared/contract/errors.ts';
import type { BrandPost } from '../../../../src-shared/team/team-contract.ts';
import type { RoostClient } from '../../../bridge/client.ts';
import type { TeamBrand } from './use-team-brands.ts';

export interface TeamConfirm {
  readonly brand: TeamBrand;
  readonly decisionId: string;
  readonly message: string;
}

export interface AcceptedTeamPost {
  readonly post: BrandPost;
  readonly handle: string;
}

export interface TeamSendState {
  readonly busy: boolean;
  readonly accepted: readonly AcceptedTeamPost[];
  readonly confirm: TeamConfirm | null;
  readonly failure: { readonly brand: TeamBrand; readonly error: ContractError } | null;
}

const IDLE: TeamSendState = { busy: false, accepted: [], confirm: null, failure: null };

interface Run {
  readonly brands: readonly TeamBrand[];
  readonly textFor: (brand: TeamBrand) => string;
  readonly done: Set<string>;
  readonly acknowledged: Map<string, string[]>;
  readonly accepted: AcceptedTeamPost[];
}

export function useTeamSend(client: RoostClient) {
  const [state, setState] = useState<TeamSendState>(IDLE);
  const run = useRef<Run | null>(null);

  /** Resolves true when every account accepted the post, false when the run stopped (confirm or failure). */
  async function proceed(current: Run): Promise<boolean> {
    for (const brand of current.brands) {
      if (current.done.has(brand.account.id)) continue;
      setState((s) => ({ ...s, busy: true, confirm: null, failure: null }));
      const acknowledged = current.acknowledged.get(brand.account.id) ?? [];
      const result = await client.call('team:submitBrandPost', {
        accountId: brand.account.id,
        text: current.textFor(brand),
        ...(acknowledged.length > 0 ? { acknowledged } : {}),
      });
      if (result.ok) {
        current.done.add(brand.account.id);
        current.accepted.push({ post: result.value, handle: brand.account.handle });
        setState((s) => ({ ...s, accepted: [...current.accepted] }));
        continue;
      }
      const decision = result.error.issues?.find((issue) => issue.path === 'acknowledge');
      setState((s) => ({
        ...s,
        busy: false,
        confirm: decision ? { brand, decisionId: decision.message, message: result.error.message } : null,
        failure: decision ? null : { brand, error: result.error },
      }));
      return false;
    }
    setState((s) => ({ ...s, busy: false }));
    run.current = null;
    return true;
  }

  return {
    state,
    /** Starts a new run over `brands`; the text is read per account when it is sent. */
    start(brands: readonly TeamBrand[], textFor: (brand: TeamBrand) => string): Promise<boolean> {
      const fresh: Run = { brands, textFor, done: new Set(), acknowledged: new Map(), accepted: [] };
      run.current = fresh;
      setState({ ...IDLE, busy: true });
      return proceed(fresh);
    },
    /** The member confirmed the decision the server asked about: resend that account and go on. */
    confirm(): Promise<boolean> {
      const current = run.current;
      const asked = state.confirm;
      if (!current || !asked) return Promise.resolve(false);
      const id = asked.brand.account.id;
      current.acknowledged.set(id, [...(current.acknowledged.get(id) ?? []), asked.decisionId]);
      return proceed(current);
    },
    /** Stops the run where it is; what the server accepted stays accepted. */
    cancel(): void {
      run.current = null;
      setState((s) => ({ ...s, busy: false, confirm: null }));
    },
    /** Forgets the last run's report (a new draft). */
    reset(): void {
      run.current = null;
      setState(IDLE);
    },
  };
}
