// Images on a follow-up of a thread, in real Chromium with a real IndexedDB: attached through the same
// editor as the first post's, described, shown in the preview, kept across a restart, carried by the built
// post and uploaded with it; and a draft stored before follow-ups had images opens intact and takes one.
import { afterEach, describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { Transport } from '../../../src-renderer/bridge/transport.ts';
import { createClient } from '../../../src-renderer/bridge/client.ts';
import { openRoostDb } from '../../../src-renderer/db/roost-db.ts';
import { buildPost } from '../../../src-renderer/features/compose/model/build-post.ts';
import { emptyContent, type DraftRecord } from '../../../src-renderer/features/compose/model/draft.ts';
import { withUploadedMedia } from '../../../src-renderer/features/compose/model/upload-media.ts';
import { allMedia } from '../../../src-renderer/features/compose/model/draft.ts';
import { createPublishingMain } from './support/publishing-main.ts';
import { renderRoost } from './support/render-roost.tsx';

const WAIT = { timeout: 5_000 };
const alice = { identifier: 'alice.test', password: 'x', handle: 'alice.test', displayName: 'Alice' };
// A 1×1 PNG.
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});

async function open(main: ReturnType<typeof createPublishingMain>, dbName: string) {
  const app = await renderRoost({ main, dbName });
  closers.push(app.close);
  await expect.element(app.screen.getByTestId('save-state'), WAIT).toHaveAttribute('data-state', 'saved');
  return app;
}

type Screen = Awaited<ReturnType<typeof open>>['screen'];

async function attach(screen: Screen, part: number, name: string, alt: string): Promise<void> {
  const followUp = screen.getByTestId(`follow-up-${part}`);
  const input = followUp.element().querySelector('input[type="file"]');
  if (!(input instanceof HTMLInputElement)) throw new Error('no file input in the follow-up');
  await userEvent.upload(input, new File([PNG], name, { type: 'image/png' }));
  await userEvent.fill(followUp.getByLabelText(`Description (alt text) of ${name}`), alt);
}

/** A main that answers media:upload with a content id of its own, counting uploads. */
function uploadClient() {
  let uploads = 0;
  const transport: Transport = {
    kind: 'memory',
    request: async (method) =>
      method === 'media:upload'
        ? { ok: true, value: { id: String(++uploads).padStart(64, 'a') } }
        : { ok: false, error: { code: 'unknown_method', message: method } },
    onEvent: () => () => undefined,
    state: () => 'online',
    onState: () => () => undefined,
    close: () => undefined,
  };
  return { client: createClient(transport), uploads: () => uploads };
}

describe('images on a follow-up', () => {
  test('attaches, describes, previews and keeps an image on post 2, and builds the post with it', async () => {
    const main = createPublishingMain();
    const account = main.main.seedAccount(alice);
    const dbName = `follow-up-media-${crypto.randomUUID()}`;
    const first = await open(main, dbName);
    await userEvent.click(first.screen.getByTestId('pick-alice.test'));
    await userEvent.fill(first.screen.getByLabelText('Post text'), 'Herons, a thread 1/2');
    await userEvent.click(first.screen.getByRole('button', { name: 'Add a follow-up post' }));
    await userEvent.fill(first.screen.getByLabelText('Post 2 of the thread'), 'Taking off 2/2');
    await attach(first.screen, 2, 'heron.png', 'A heron taking off over reeds');

    // The preview shows the follow-up with its own image description; the first post has none.
    const preview = first.screen.getByTestId('preview-alice.test');
    await expect.element(preview, WAIT).toHaveTextContent('Taking off 2/2');
    await expect.element(preview).toHaveTextContent('A heron taking off over reeds');
    await expect.element(first.screen.getByRole('button', { name: 'Send' }), WAIT).toBeEnabled();
    await expect.element(first.screen.getByTestId('save-state'), WAIT).toHaveAttribute('data-state', 'saved');
    await first.close();
    closers = closers.filter((c) => c !== first.close);

    // After a restart the image is still on post 2, not on the first post.
    const second = await open(main, dbName);
    const followUp = second.screen.getByTestId('follow-up-2');
    await expect
      .element(followUp.getByLabelText('Description (alt text) of heron.png'), WAIT)
      .toHaveValue('A heron taking off over reeds');
    const draft = await second.drafts.lastOpen();
    expect(draft?.content.media).toEqual([]);
    const stored = draft?.content.followUpMedia?.[0] ?? [];
    expect(stored.map((m) => [m.name, m.alt, m.mimeType])).toEqual([
      ['heron.png', 'A heron taking off over reeds', 'image/png'],
    ]);
    expect(new Uint8Array(await stored[0]!.blob.arrayBuffer())).toEqual(PNG);

    // What publishing receives: the follow-up carries the image, uploaded to main once, under main's id.
    const built = buildPost(draft!.content, [account]);
    expect(built.targets[0]?.media).toEqual([]);
    expect(built.targets[0]?.followUps).toEqual([
      {
        text: 'Taking off 2/2',
        contentWarning: null,
        media: [
          {
            id: stored[0]!.id,
            kind: 'image',
            mimeType: 'image/png',
            bytes: PNG.length,
            alt: 'A heron taking off over reeds',
          },
        ],
      },
    ]);
    const upload = uploadClient();
    const outcome = await withUploadedMedia(upload.client, built, allMedia(draft!.content));
    expect(upload.uploads()).toBe(1);
    expect(outcome.kind).toBe('uploaded');
    const sent = outcome.kind === 'uploaded' ? outcome.post.targets[0]?.followUps?.[0]?.media : [];
    expect(sent?.map((m) => m.id)).toEqual([`${'a'.repeat(63)}1`]);
  });

  test('a draft stored when follow-ups were plain strings opens intact and takes an image', async () => {
    const dbName = `follow-up-legacy-${crypto.randomUUID()}`;
    const db = await openRoostDb({ name: dbName });
    const now = new Date().toISOString();
    // Written by a Roost whose follow-ups had no images: no followUpMedia field at all.
    const legacy = {
      id: '01JQ0000000000000000000000',
      accountId: '',
      createdAt: now,
      updatedAt: now,
      version: 3,
      author: 'tester',
      status: 'open',
      content: (({ followUpMedia: _unused, ...rest }) => rest)({
        ...emptyContent(),
        text: 'Old thread 1/3',
        followUps: ['Old middle 2/3', 'Old end 3/3'],
      }),
      versions: [],
      pending: null,
      jobIds: [],
    } as DraftRecord;
    expect('followUpMedia' in legacy.content).toBe(false);
    await db.drafts.put(legacy);
    db.close();

    const main = createPublishingMain();
    main.main.seedAccount(alice);
    const { screen, drafts } = await open(main, dbName);
    await expect.element(screen.getByLabelText('Post text'), WAIT).toHaveValue('Old thread 1/3');
    await expect.element(screen.getByLabelText('Post 2 of the thread')).toHaveValue('Old middle 2/3');
    await expect.element(screen.getByLabelText('Post 3 of the thread')).toHaveValue('Old end 3/3');

    await attach(screen, 3, 'end.png', 'The last picture');
    await expect.element(screen.getByTestId('save-state'), WAIT).toHaveAttribute('data-state', 'saved');
    const saved = await drafts.get(legacy.id);
    expect(saved?.content.followUps).toEqual(['Old middle 2/3', 'Old end 3/3']);
    expect(saved?.content.followUpMedia?.map((list) => list.map((m) => m.alt))).toEqual([
      [],
      ['The last picture'],
    ]);

    // Removing post 2 takes its (empty) image list with it: the picture stays with "Old end".
    await userEvent.click(screen.getByRole('button', { name: 'Remove post 2' }));
    await expect.element(screen.getByTestId('save-state'), WAIT).toHaveAttribute('data-state', 'saved');
    const after = await drafts.get(legacy.id);
    expect(after?.content.followUps).toEqual(['Old end 3/3']);
    expect(after?.content.followUpMedia?.map((list) => list.map((m) => m.alt))).toEqual([
      ['The last picture'],
    ]);
  });
});
