// What the deck shows before it has columns: the welcome screen with no account, the starter offer once an
// account exists (until declined, which is remembered), or nothing.
import { useEffect, useState } from 'react';
import type { Account } from '../../../src-shared/domain/account.ts';
import { useRoost, useServices } from '../../app-context.tsx';
import type { Layout } from './model/layout.ts';

export type FirstRun =
  | { readonly kind: 'welcome' }
  | { readonly kind: 'starter'; readonly account: Account; dismiss(): void }
  | null;

export function useFirstRun(layout: Layout | undefined): FirstRun {
  const { settings } = useServices();
  const accounts = useRoost((s) => s.accounts);
  // Until the stored answer is read, the offer stays hidden rather than flash and vanish.
  const [dismissed, setDismissed] = useState<boolean | null>(null);
  useEffect(() => {
    let current = true;
    settings.get('deck.starterDismissed').then(
      (value) => current && setDismissed(value ?? false),
      () => current && setDismissed(false),
    );
    return () => {
      current = false;
    };
  }, [settings]);

  if (!layout || layout.columns.length > 0 || accounts === null) return null;
  if (accounts.length === 0) return { kind: 'welcome' };
  const account = accounts.find((a) => a.status === 'active') ?? null;
  if (!account || dismissed !== false) return null;
  return {
    kind: 'starter',
    account,
    dismiss: () => {
      setDismissed(true);
      void settings.set('deck.starterDismissed', true).catch(() => undefined);
    },
  };
}
