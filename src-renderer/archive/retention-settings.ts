// Applies the archive's retention settings (posts kept per column, days kept) to an archive: once from
// storage when the archive opens, then again each time Settings → General saves a new value.
import type { ArchivePort, RetentionPolicy } from './archive-port.ts';
import { getSettingOrDefault, type SettingsRepository } from '../db/settings-repository.ts';
import { onSettingsChanged } from '../db/settings-changed.ts';

type RetentionTarget = Pick<ArchivePort, 'setRetention'>;

export async function readStoredRetention(settings: SettingsRepository): Promise<RetentionPolicy> {
  const [maxItemsPerColumn, maxAgeDays] = await Promise.all([
    getSettingOrDefault(settings, 'archive.maxItemsPerColumn'),
    getSettingOrDefault(settings, 'archive.maxAgeDays'),
  ]);
  return { maxItemsPerColumn, maxAgeDays };
}

/** Gives the archive the stored policy (or the defaults); resolves with what was applied. */
export async function applyStoredRetention(
  archive: RetentionTarget,
  settings: SettingsRepository,
): Promise<RetentionPolicy> {
  const policy = await readStoredRetention(settings);
  await archive.setRetention(policy);
  return policy;
}

/**
 * applyStoredRetention, then every saved change, until the returned function is called. Failures are
 * reported, not thrown: the archive keeps its previous policy.
 */
export function followRetentionSettings(
  archive: RetentionTarget,
  settings: SettingsRepository,
  onError: (error: unknown) => void = (error) =>
    console.error('The archive could not apply the retention settings.', error),
): () => void {
  let stopped = false;
  let policy: RetentionPolicy | null = null;
  // Changes saved while the stored policy is still being read win over what is read.
  let early: Partial<{ maxItemsPerColumn: number; maxAgeDays: number }> = {};
  const apply = (next: RetentionPolicy) => {
    archive.setRetention(next).catch(onError);
  };

  readStoredRetention(settings).then((stored) => {
    if (stopped) return;
    policy = { ...stored, ...early };
    apply(policy);
  }, onError);

  const stopListening = onSettingsChanged((change) => {
    let next: Partial<RetentionPolicy>;
    if (change.key === 'archive.maxItemsPerColumn') next = { maxItemsPerColumn: change.value };
    else if (change.key === 'archive.maxAgeDays') next = { maxAgeDays: change.value };
    else return;
    if (!policy) {
      early = { ...early, ...next };
      return;
    }
    policy = { ...policy, ...next };
    apply(policy);
  });
  return () => {
    stopped = true;
    stopListening();
  };
}
