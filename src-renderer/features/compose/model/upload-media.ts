// Hands a draft's images to main before its post is checked or submitted: each Blob crosses once through
// media:upload, and the post then names main's content-addressed id instead of the draft's own. The draft
// keeps its Blobs, so a failed or offline attempt loses nothing and can upload again later.
import type { ComposeMedia, OutgoingPost } from '../../../../src-shared/compose/post.ts';
import { UPLOAD_MIME_TYPES, type UploadMimeType } from '../../../../src-shared/contract/media-contract.ts';
import type { RoostClient } from '../../../bridge/client.ts';
import type { DraftMedia } from './draft.ts';

export type MediaUploadOutcome =
  | { readonly kind: 'uploaded'; readonly post: OutgoingPost }
  | { readonly kind: 'offline' }
  | { readonly kind: 'failed'; readonly message: string };

const isUploadType = (mimeType: string): mimeType is UploadMimeType =>
  (UPLOAD_MIME_TYPES as readonly string[]).includes(mimeType);

/** Base64 in slices: one String.fromCharCode over megabytes would overflow the argument limit. */
export async function blobToBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  }
  return btoa(binary);
}

function renamed(media: readonly ComposeMedia[], uploaded: ReadonlyMap<string, string>): ComposeMedia[] {
  return media.map((m) => ({ ...m, id: uploaded.get(m.id) ?? m.id }));
}

/**
 * The post with every draft image, of the first post and of each follow-up, replaced by its uploaded id.
 * Ids that are not the draft's (already uploaded on an earlier attempt) are left as they are, so calling
 * this twice is harmless.
 */
export async function withUploadedMedia(
  client: RoostClient,
  post: OutgoingPost,
  media: readonly DraftMedia[],
): Promise<MediaUploadOutcome> {
  const byDraftId = new Map(media.map((m) => [m.id, m]));
  const uploaded = new Map<string, string>();
  for (const target of post.targets) {
    const attachments = [...target.media, ...(target.followUps ?? []).flatMap((f) => f.media ?? [])];
    for (const attached of attachments) {
      const file = byDraftId.get(attached.id);
      if (!file || uploaded.has(file.id)) continue;
      if (!isUploadType(file.mimeType)) {
        return { kind: 'failed', message: `${file.name}: this kind of file cannot be posted.` };
      }
      const result = await client.call('media:upload', {
        mimeType: file.mimeType,
        dataBase64: await blobToBase64(file.blob),
      });
      if (!result.ok) {
        if (result.error.code === 'network_unreachable') return { kind: 'offline' };
        return { kind: 'failed', message: `${file.name}: ${result.error.message}` };
      }
      uploaded.set(file.id, result.value.id);
    }
  }
  if (uploaded.size === 0) return { kind: 'uploaded', post };
  return {
    kind: 'uploaded',
    post: {
      ...post,
      targets: post.targets.map((target) => ({
        ...target,
        media: renamed(target.media, uploaded),
        ...(target.followUps
          ? {
              followUps: target.followUps.map((f) =>
                f.media ? { ...f, media: renamed(f.media, uploaded) } : f,
              ),
            }
          : {}),
      })),
    },
  };
}
