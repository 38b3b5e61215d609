// The desk's settings behind main's real router for Inbox tests: the same entry-by-entry check main runs,
// nothing stored on refusal, and new inquiries summarised by the desk's real rules (skills, priority, SLA
// tier and clock) under the settings in force when they arrive — so a test sees an edit take effect.
import type { Handlers } from '../../../src-main/rpc/router.ts';
import type { ConversationSummary } from '../../../src-shared/contract/desk-contract.ts';
import { settingsForContract } from '../../../src-shared/contract/desk-settings-schema.ts';
import { RoostError } from '../../../src-shared/contract/errors.ts';
import { alwaysOpen } from '../../../src-shared/desk/business-calendar.ts';
import { defaultDeskSettings, type DeskSettings } from '../../../src-shared/desk/desk-settings.ts';
import { scorePriority } from '../../../src-shared/desk/priority.ts';
import { requiredSkills } from '../../../src-shared/desk/routing.ts';
import { checkDeskSettings } from '../../../src-shared/desk/settings-check.ts';
import { clockStatus, startClock, tierFor } from '../../../src-shared/desk/sla.ts';
import { conversation } from './desk-double.ts';

/** Business hours that never close, so SLA badges do not depend on when the test runs. */
export function openAllHours(): DeskSettings {
  const base = defaultDeskSettings('UTC');
  return { ...base, sla: { ...base.sla, calendar: alwaysOpen('UTC') } };
}

export function createDeskSettingsDouble(summaries: ConversationSummary[], accountIds: readonly string[]) {
  let settings = openAllHours();
  const updates: unknown[] = [];

  const handlers: Partial<Handlers> = {
    'desk:settings': () => settingsForContract(settings),
    'desk:updateSettings': (input) => {
      updates.push(input);
      const issues = checkDeskSettings(input, new Set(accountIds));
      if (issues.length > 0)
        throw new RoostError('invalid_input', 'The desk settings were not saved.', issues);
      settings = input;
      return settingsForContract(settings);
    },
  };

  /** An inquiry arrives now: summarised as the embedded desk would under the current settings. */
  function receive(id: string, text: string): void {
    const now = Date.now();
    const score = scorePriority(
      {
        text,
        lang: 'en',
        contactId: `did:plc:${id}`,
        contactHandle: `${id}.test`,
        followers: null,
        network: 'bluesky',
      },
      settings.priority,
    );
    const skills = requiredSkills(
      {
        id,
        text,
        lang: 'en',
        network: 'bluesky',
        brandAccountId: 'acc-1',
        priority: score.score,
        createdAt: now,
      },
      settings.skills,
    );
    const clock = startClock('first_response', tierFor(settings.sla, score.score), now);
    const status = clockStatus(clock, now, settings.sla);
    summaries.push(
      conversation(id, {
        excerpt: text,
        priority: score.score,
        skills,
        createdAt: now,
        lastMessageAt: now,
        sla:
          'deadline' in status
            ? { clock: 'first_response', state: status.state, deadline: status.deadline }
            : null,
      }),
    );
  }

  return { handlers, receive, settings: () => settings, updates: () => updates };
}
