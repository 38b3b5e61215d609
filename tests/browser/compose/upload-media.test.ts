// The composer's image hand-over in real Chromium: a draft's Blob crosses as base64 the contract accepts,
// once per image, and the post then names the id main answered; an image already uploaded is not sent again,
// and a dropped link or a refusal is reported without touching the draft.
import { describe, expect, it } from 'vitest';
import type { OutgoingPost } from '../../../src-shared/compose/post.ts';
import { requests } from '../../../src-shared/contract/contract.ts';
import type { Result } from '../../../src-shared/contract/errors.ts';
import { createClient } from '../../../src-renderer/bridge/client.ts';
import type { Transport } from '../../../src-renderer/bridge/transport.ts';
import type { DraftMedia } from '../../../src-renderer/features/compose/model/draft.ts';
import { withUploadedMedia } from '../../../src-renderer/features/compose/model/upload-media.ts';

const hex = (buffer: ArrayBuffer) =>
  [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** A main that checks the input with the contract and answers the SHA-256 of the decoded bytes. */
function uploadMain(answer?: Result<unknown>) {
  const received: Uint8Array[] = [];
  const transport: Transport = {
    kind: 'memory',
    async request(method, input) {
      if (answer) return answer;
      if (method !== 'media:upload') return { ok: false, error: { code: 'unknown_method', message: method } };
      const parsed = requests['media:upload'].input.safeParse(JSON.parse(JSON.stringify(input)));
      if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: 'bad upload' } };
      const bytes = Uint8Array.from(atob(parsed.data.dataBase64), (c) => c.charCodeAt(0));
      received.push(bytes);
      return { ok: true, value: { id: hex(await crypto.subtle.digest('SHA-256', bytes)) } };
    },
    onEvent: () => () => undefined,
    state: () => 'online',
    onState: () => () => undefined,
    close: () => undefined,
  };
  return { client: createClient(transport), received };
}

// Large enough that base64 is built in several slices.
const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 31) % 256);
bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const image: DraftMedia = {
  id: 'draft-media-1',
  kind: 'image',
  name: 'chart.png',
  mimeType: 'image/png',
  bytes: bytes.length,
  alt: 'A bar chart of weekly replies',
  blob: new Blob([bytes], { type: 'image/png' }),
};

function postWith(ids: readonly string[]): OutgoingPost {
  const media = ids.map((id) => ({
    id,
    kind: 'image' as const,
    mimeType: 'image/png',
    bytes: 1,
    alt: 'alt',
  }));
  return {
    targets: [
      { accountId: 'a1', network: 'bluesky', text: 'One', contentWarning: null, media },
      { accountId: 'a2', network: 'mastodon', text: 'Two', contentWarning: null, media },
    ],
    replyTo: null,
    quote: null,
    scheduledAt: null,
  };
}

describe('uploading a draft’s images before sending', () => {
  it('uploads each image once and puts main’s id into every target', async () => {
    const main = uploadMain();
    const outcome = await withUploadedMedia(main.client, postWith([image.id]), [image]);
    expect(main.received).toHaveLength(1);
    expect(main.received[0]).toEqual(bytes);
    expect(outcome.kind).toBe('uploaded');
    const post = outcome.kind === 'uploaded' ? outcome.post : null;
    const id = hex(await crypto.subtle.digest('SHA-256', bytes));
    expect(post?.targets.map((t) => t.media.map((m) => [m.id, m.alt]))).toEqual([
      [[id, 'alt']],
      [[id, 'alt']],
    ]);

    // A second pass (a retry after the upload) finds nothing of the draft's left to upload.
    const again = await withUploadedMedia(main.client, post!, [image]);
    expect(again).toEqual({ kind: 'uploaded', post });
    expect(main.received).toHaveLength(1);
  });

  it('reports a dropped link as offline and a refusal with the file’s name', async () => {
    const offline = uploadMain({ ok: false, error: { code: 'network_unreachable', message: 'offline' } });
    expect(await withUploadedMedia(offline.client, postWith([image.id]), [image])).toEqual({
      kind: 'offline',
    });

    const refused = uploadMain({ ok: false, error: { code: 'invalid_input', message: 'not a png' } });
    expect(await withUploadedMedia(refused.client, postWith([image.id]), [image])).toEqual({
      kind: 'failed',
      message: 'chart.png: not a png',
    });
  });
});
