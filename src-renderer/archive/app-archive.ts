// The app's one archive (one worker owns the IndexedDB archive): the deck ingests and searches through it,
// analytics searches it and asks it to rebuild listening counts. Tests build their own with createArchive().
import { createArchive, type AppArchive } from './create-archive.ts';

let shared: AppArchive | null = null;

export function appArchive(): AppArchive {
  shared ??= createArchive();
  return shared;
}
