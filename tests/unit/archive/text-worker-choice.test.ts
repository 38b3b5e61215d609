// Whether the archive starts its text worker: only with a core to spare for it (see create-archive.ts).
import { expect, test } from 'vitest';
import { wantsTextWorker } from '../../../src-renderer/archive/create-archive.ts';

test('the text worker runs beside the archive worker only on more than two cores', () => {
  expect([1, 2, 3, 4, 16].map((cores) => wantsTextWorker(cores))).toEqual([false, false, true, true, true]);
  // A browser that does not say how many cores it has gets the single worker.
  expect(wantsTextWorker(0)).toBe(false);
});
