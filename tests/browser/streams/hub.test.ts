// The stream hub applies queued arrivals to every column's buffer at once but tells the columns a few per
// animation frame, so a busy deck never re-renders all its columns in one frame. Frames are driven by hand.
import { describe, expect, test } from 'vitest';
import { createClient } from '../../../src-renderer/bridge/client.ts';
import {
  createStreamHub,
  type FrameScheduler,
} from '../../../src-renderer/features/streams/model/stream-hub.ts';
import { makeItems } from './support/items.ts';
import { createMemoryArchive } from './support/memory-archive.ts';
import { createStreamsMain } from './support/streams-main.ts';

function manualFrames(): FrameScheduler & { run(): number } {
  let next = 1;
  const queued = new Map<number, () => void>();
  return {
    request(cb) {
      queued.set(next, cb);
      return next++;
    },
    cancel: (handle) => void queued.delete(handle),
    /** Runs the callbacks queued for the next frame; returns how many ran. */
    run() {
      const due = [...queued.values()];
      queued.clear();
      for (const cb of due) cb();
      return due.length;
    },
  };
}

function setup(columnsPerFrame?: number) {
  const main = createStreamsMain();
  const frames = manualFrames();
  const hub = createStreamHub({
    client: createClient(main.transport),
    archive: createMemoryArchive(),
    frames,
    columnsPerFrame,
  });
  const stop = hub.start();
  const told: string[][] = [];
  const ids = ['a', 'b', 'c', 'd', 'e'];
  for (const id of ids) {
    hub.attach(id, `key-${id}`);
    hub.subscribe(id, () => told.at(-1)!.push(id));
  }
  const frame = () => {
    told.push([]);
    frames.run();
    return told.at(-1)!;
  };
  return { main, hub, frame, ids, stop };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('stream hub', () => {
  test('arrivals for every column land in one frame; columns are told one per frame', async () => {
    const { main, hub, frame, ids, stop } = setup();
    await settle();
    for (const id of ids) main.emitItems(`key-${id}`, makeItems(2, id));
    const first = frame();
    // Every buffer has its items already; only the first column was told.
    for (const id of ids) expect(hub.column(id)!.buffer.size).toBe(2);
    expect(first).toEqual(['a']);
    expect([frame(), frame(), frame(), frame()]).toEqual([['b'], ['c'], ['d'], ['e']]);
    expect(frame()).toEqual([]);
    stop();
  });

  test('a column already waiting is told once; columnsPerFrame and flush() tell more at a time', async () => {
    const { main, hub, frame, stop } = setup(2);
    await settle();
    main.emitItems('key-a', makeItems(1, 'a1'));
    main.emitItems('key-b', makeItems(1, 'b1'));
    main.emitItems('key-c', makeItems(1, 'c1'));
    main.emitItems('key-a', makeItems(2, 'a2'));
    expect(frame()).toEqual(['a', 'b']);
    expect(frame()).toEqual(['c']);
    main.emitItems('key-d', makeItems(1, 'd1'));
    main.emitItems('key-e', makeItems(1, 'e1'));
    main.emitItems('key-a', makeItems(1, 'a3'));
    hub.flush();
    expect(hub.column('a')!.buffer.size).toBe(4);
    expect(frame()).toEqual([]);
    stop();
  });
});
