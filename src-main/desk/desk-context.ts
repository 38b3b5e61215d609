// What every part of the embedded desk shares: its ports, the SLA policy of the moment, and the small steps
// each part repeats (find a conversation or refuse, save it with its event, tell the renderer what changed).
import type { Account } from '../../src-shared/domain/account.ts';
import type { DeskSettings } from '../../src-shared/desk/desk-settings.ts';
import { RoostError } from '../../src-shared/contract/errors.ts';
import type { MainStore } from '../store/main-store.ts';
import type { DeskRepository, StoredConversation } from './desk-repository.ts';

/** The one expert of a desk embedded in the desktop. */
export const SOLO_EXPERT = 'me';

export interface DeskServiceDeps {
  readonly store: MainStore;
  readonly repo: DeskRepository;
  readonly clock: { now(): number };
  readonly timers: {
    setTimeout(fn: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
  };
  readonly settings: () => DeskSettings;
  readonly accounts: () => readonly Account[];
  readonly newId: () => string;
  readonly onChanged: (ids: string[]) => void;
  /** When the desk began taking inquiries (epoch ms); older mentions (beyond a day's grace) are ignored. */
  readonly since: number;
}

export interface DeskContext {
  readonly deps: DeskServiceDeps;
  readonly policy: () => DeskSettings['sla'];
  mustGet(id: string): StoredConversation;
  save(c: StoredConversation, event: string, detail: unknown, now: number): void;
  noteChanged(ids: string[]): void;
}

export function createDeskContext(deps: DeskServiceDeps): DeskContext {
  const { repo } = deps;
  return {
    deps,
    policy: () => deps.settings().sla,
    mustGet(id) {
      const found = repo.get(id);
      if (!found) throw new RoostError('not_found', 'No such conversation.');
      return found;
    },
    save(c, event, detail, now) {
      repo.put(c);
      repo.addEvent(c.id, event, detail, now);
    },
    noteChanged(ids) {
      if (ids.length > 0) deps.onChanged([...new Set(ids)].slice(0, 1_000));
    },
  };
}
