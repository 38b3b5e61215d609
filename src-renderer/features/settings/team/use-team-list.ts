// Loads one of the team's lists from main and loads it again whenever a change reaches this computer's team
// cache (`team:changed`), so what an admin sees follows what other desktops do.
import { useCallback, useEffect, useState } from 'react';
import type { RequestInput, RequestMethod, RequestOutput } from '../../../../src-shared/contract/contract.ts';
import type { ContractError } from '../../../../src-shared/contract/errors.ts';
import { useServices } from '../../../app-context.tsx';

type ListMethod = Extract<
  RequestMethod,
  'team:members' | 'team:invitations' | 'team:devices' | 'team:brandAccounts'
>;

export function useTeamList<M extends ListMethod>(
  method: M,
): {
  readonly items: RequestOutput<M> | null;
  readonly error: ContractError | null;
  readonly reload: () => Promise<void>;
} {
  const { client } = useServices();
  const [items, setItems] = useState<RequestOutput<M> | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const reload = useCallback(async () => {
    // Each of these lists takes an empty input (devices: this member's own).
    const result = await client.call(method, {} as RequestInput<M>);
    if (result.ok) {
      setItems(result.value as RequestOutput<M>);
      setError(null);
    } else setError(result.error);
  }, [client, method]);
  useEffect(() => {
    void reload();
    return client.on('team:changed', () => void reload());
  }, [client, reload]);
  return { items, error, reload };
}
