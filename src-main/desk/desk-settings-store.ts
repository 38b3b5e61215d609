// The desk's settings as a desk admin saved them, or the defaults until they first save. An update is checked
// entry by entry first and refused whole on any issue, so nothing half-valid is ever written; the desk
// service reads `current()` each time it routes or recomputes a conversation, so a change applies to the next.
import { RoostError } from '../../src-shared/contract/errors.ts';
import type { Account } from '../../src-shared/domain/account.ts';
import type { DeskSettings } from '../../src-shared/desk/desk-settings.ts';
import { checkDeskSettings } from '../../src-shared/desk/settings-check.ts';
import type { DeskRepository } from './desk-repository.ts';

export interface DeskSettingsStore {
  current(): DeskSettings;
  /** Saves the settings whole; throws invalid_input with one issue per bad entry and writes nothing. */
  update(next: DeskSettings): DeskSettings;
}

export function createDeskSettingsStore(
  repo: Pick<DeskRepository, 'settings' | 'putSettings'>,
  defaults: DeskSettings,
  accounts: () => readonly Account[],
): DeskSettingsStore {
  // Read once: the desk consults its settings for every message it takes in.
  let saved = repo.settings();
  return {
    current: () => saved ?? defaults,
    update(next) {
      const issues = checkDeskSettings(next, new Set(accounts().map((a) => a.id)));
      if (issues.length > 0) {
        throw new RoostError(
          'invalid_input',
          `The desk settings were not saved: ${issues.length} entr${issues.length === 1 ? 'y is' : 'ies are'} not valid.`,
          issues.slice(0, 50),
        );
      }
      repo.putSettings(next);
      saved = next;
      return next;
    },
  };
}
