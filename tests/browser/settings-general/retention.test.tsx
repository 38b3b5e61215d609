// Retention settings reaching the archive through its port: the stored policy (or the defaults) when the
// archive opens, then each value saved in Settings → General, and nothing that was refused.
import { afterEach, describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { openRoostDb, type RoostDb } from '../../../src-renderer/db/roost-db.ts';
import {
  createMemorySettingsRepository,
  createSettingsRepository,
} from '../../../src-renderer/db/settings-repository.ts';
import {
  applyStoredRetention,
  followRetentionSettings,
} from '../../../src-renderer/archive/retention-settings.ts';
import { saveSetting } from '../../../src-renderer/db/settings-changed.ts';
import { createPublishingMain } from '../compose/support/publishing-main.ts';
import { createRecordingArchive } from './support/recording-archive.ts';
import { renderWithSettings } from './support/render-with-settings.tsx';

const WAIT = { timeout: 5_000 };

let cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function freshDb(): Promise<RoostDb> {
  const db = await openRoostDb({ name: `settings-retention-${crypto.randomUUID()}` });
  cleanups.push(() => db.close());
  return db;
}

describe('retention settings and the archive port', () => {
  test('applyStoredRetention gives the archive the stored policy, or the defaults', async () => {
    const db = await freshDb();
    const settings = createSettingsRepository(db);
    const archive = createRecordingArchive();

    expect(await applyStoredRetention(archive, settings)).toEqual({
      maxItemsPerColumn: 5000,
      maxAgeDays: 30,
    });
    await settings.set('archive.maxItemsPerColumn', 1200);
    await settings.set('archive.maxAgeDays', 14);
    await applyStoredRetention(archive, settings);
    // A row edited by hand to an impossible value falls back to the default for that key only.
    await db.settings.put({ key: 'archive.maxAgeDays', value: 0 });
    await applyStoredRetention(archive, settings);

    expect(archive.policies).toEqual([
      { maxItemsPerColumn: 5000, maxAgeDays: 30 },
      { maxItemsPerColumn: 1200, maxAgeDays: 14 },
      { maxItemsPerColumn: 1200, maxAgeDays: 30 },
    ]);
  });

  test('changes saved in Settings → General reach a following archive; refused ones do not', async () => {
    const dbName = `settings-retention-${crypto.randomUUID()}`;
    const app = await renderWithSettings({ main: createPublishingMain(), dbName });
    cleanups.push(app.close);
    await app.settings.set('archive.maxAgeDays', 60);
    const archive = createRecordingArchive();
    const stop = followRetentionSettings(archive, app.settings);
    cleanups.push(stop);
    await expect.poll(() => archive.policies, WAIT).toEqual([{ maxItemsPerColumn: 5000, maxAgeDays: 60 }]);

    await userEvent.click(app.screen.getByTestId('settings-tab-general'));
    const items = app.screen.getByLabelText('Posts kept per column');
    await expect.element(items, WAIT).toHaveValue(5000);
    await userEvent.fill(items, '100');
    await userEvent.keyboard('{Enter}');
    await expect.element(items).toHaveAttribute('aria-invalid', 'true');
    await userEvent.fill(items, '800');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => archive.policies.length, WAIT).toBe(2);
    await userEvent.fill(app.screen.getByLabelText('Days kept'), '5');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => archive.policies.length, WAIT).toBe(3);

    expect(archive.policies).toEqual([
      { maxItemsPerColumn: 5000, maxAgeDays: 60 },
      { maxItemsPerColumn: 800, maxAgeDays: 60 },
      { maxItemsPerColumn: 800, maxAgeDays: 5 },
    ]);
    await expect.poll(() => app.settings.get('archive.maxItemsPerColumn'), WAIT).toBe(800);

    // Once stopped, the archive no longer follows.
    stop();
    await saveSetting(app.settings, 'archive.maxAgeDays', 9);
    expect(archive.policies).toHaveLength(3);
  });

  test('a change saved while the stored policy is still being read is not lost', async () => {
    const settings = createMemorySettingsRepository();
    await settings.set('archive.maxItemsPerColumn', 700);
    const archive = createRecordingArchive();
    cleanups.push(followRetentionSettings(archive, settings));
    // Saved in the same tick, before the follower's read of storage has resolved.
    const saving = saveSetting(settings, 'archive.maxAgeDays', 3);
    await saving;
    await expect.poll(() => archive.policies, WAIT).toEqual([{ maxItemsPerColumn: 700, maxAgeDays: 3 }]);
  });

  test('an archive that fails to apply a policy is reported, and later changes still apply', async () => {
    const settings = createMemorySettingsRepository();
    const archive = createRecordingArchive();
    const errors: unknown[] = [];
    archive.failNext();
    cleanups.push(followRetentionSettings(archive, settings, (error) => errors.push(error)));
    await expect.poll(() => errors.length, WAIT).toBe(1);
    expect(archive.policies).toEqual([]);

    await saveSetting(settings, 'archive.maxItemsPerColumn', 900);
    await expect.poll(() => archive.policies, WAIT).toEqual([{ maxItemsPerColumn: 900, maxAgeDays: 30 }]);
  });
});
