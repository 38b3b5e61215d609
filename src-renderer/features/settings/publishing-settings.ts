// Keeps the composer's undo window and alt-text rule (held in the store) and their stored settings in
// step: loaded at start-up, updated when Settings saves them, saved when the composer's own options change.
import { getSettingOrDefault, type SettingsRepository } from '../../db/settings-repository.ts';
import type { RoostStore } from '../../store/store.ts';
import { onSettingsChanged, saveSetting } from '../../db/settings-changed.ts';

/** Puts the stored values (or the defaults) into the store. */
export async function loadPublishingSettings(store: RoostStore, settings: SettingsRepository): Promise<void> {
  const [undoSeconds, requireAltText] = await Promise.all([
    getSettingOrDefault(settings, 'compose.undoSeconds'),
    getSettingOrDefault(settings, 'compose.requireAltText'),
  ]);
  store.getState().setUndoSeconds(undoSeconds);
  store.getState().setRequireAltText(requireAltText);
}

/** Follows changes in both directions until the returned function is called. */
export function syncPublishingSettings(store: RoostStore, settings: SettingsRepository): () => void {
  // What the store and the settings last agreed on; a difference is a change the composer made.
  let undoSeconds = store.getState().undoSeconds;
  let requireAltText = store.getState().requireAltText;
  const report = (error: unknown) => console.error('A publishing setting could not be saved.', error);

  const stopListening = onSettingsChanged((change) => {
    if (change.key === 'compose.undoSeconds') {
      undoSeconds = change.value;
      store.getState().setUndoSeconds(change.value);
    } else if (change.key === 'compose.requireAltText') {
      requireAltText = change.value;
      store.getState().setRequireAltText(change.value);
    }
  });
  const stopWatching = store.subscribe((state) => {
    if (state.undoSeconds !== undoSeconds) {
      undoSeconds = state.undoSeconds;
      saveSetting(settings, 'compose.undoSeconds', state.undoSeconds).catch(report);
    }
    if (state.requireAltText !== requireAltText) {
      requireAltText = state.requireAltText;
      saveSetting(settings, 'compose.requireAltText', state.requireAltText).catch(report);
    }
  });
  return () => {
    stopListening();
    stopWatching();
  };
}

/** The start-up step: load, then follow. Resolves with the function that stops following; never rejects. */
export async function startPublishingSettings(
  store: RoostStore,
  settings: SettingsRepository,
): Promise<() => void> {
  try {
    await loadPublishingSettings(store, settings);
  } catch (error) {
    // The defaults already in the store apply; the app must still start.
    console.error('The stored publishing settings could not be read.', error);
  }
  return syncPublishingSettings(store, settings);
}
