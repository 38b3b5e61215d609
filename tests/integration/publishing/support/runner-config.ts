// What the crash tests hand the outbox runner (as JSON in ROOST_RUNNER), and the settings it runs with.
import type { PublishingSettings } from '../../../../src-main/publishing/publishing-settings.ts';

export interface RunnerConfig {
  readonly db: string;
  readonly dataDir: string;
  readonly accountId: string;
  readonly bluesky?: { readonly service: string; readonly identifier: string; readonly appPassword: string };
  readonly mastodon?: { readonly origin: string; readonly token: string };
}

export const DEFAULT_SETTINGS_FOR_TESTS: PublishingSettings = {
  orgDomains: [],
  blockedTerms: [],
  quietHours: {},
  levels: {},
  timeZone: 'UTC',
  graceMinutes: 15,
  clearanceMinutes: 5,
};
