// What the composer needs beyond the app's services: the drafts repository and who the local user is.
// Tests provide their own (a fresh database per test); the app uses one opened on first use.
import { createContext, useContext, type ReactNode } from 'react';
import { ulid } from 'ulid';
import { openRoostDb } from '../../db/roost-db.ts';
import { createDraftsRepository, type DraftsRepository } from './repositories/drafts-repository.ts';

export interface ComposeServices {
  readonly drafts: DraftsRepository;
  readonly userId: string;
  readonly now: () => number;
}

const ComposeServicesContext = createContext<ComposeServices | null>(null);

export function ComposeServicesProvider({
  value,
  children,
}: {
  value: ComposeServices;
  children: ReactNode;
}) {
  return <ComposeServicesContext.Provider value={value}>{children}</ComposeServicesContext.Provider>;
}

let appServices: ComposeServices | null = null;

const USER_KEY = 'roost.localUserId';

/** A stable id for this installation's user until accounts on a team server exist. */
function localUserId(): string {
  try {
    const existing = localStorage.getItem(USER_KEY);
    if (existing) return existing;
    const id = `local-${ulid()}`;
    localStorage.setItem(USER_KEY, id);
    return id;
  } catch {
    return 'local-user';
  }
}

export function useComposeServices(): ComposeServices {
  const provided = useContext(ComposeServicesContext);
  if (provided) return provided;
  if (!appServices) {
    const userId = localUserId();
    appServices = { drafts: createDraftsRepository(openRoostDb(), { userId }), userId, now: Date.now };
  }
  return appServices;
}
