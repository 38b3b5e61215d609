// What a Bluesky account can do in Roost. Limits are the network's published ones (the PDS does not serve them).
import type { Capabilities } from '../../../src-shared/domain/capabilities.ts';

export const BLUESKY_MAX_GRAPHEMES = 300;
/** app.bsky.feed.post also caps text at 3,000 UTF-8 bytes, whatever the grapheme count. */
export const BLUESKY_MAX_TEXT_BYTES = 3_000;
export const BLUESKY_MAX_IMAGES = 4;
/** The app.bsky.embed.images lexicon caps an image blob at 1,000,000 bytes. */
export const BLUESKY_MAX_IMAGE_BYTES = 1_000_000;

export const BLUESKY_CAPABILITIES: Capabilities = {
  columnTypes: ['home', 'author', 'mentions', 'notifications', 'search', 'hashtag', 'list', 'feed'],
  actions: ['like', 'repost', 'reply', 'quote', 'delete', 'thread'],
  search: true,
  // Bluesky chat exists but Roost does not offer it for Bluesky yet.
  directMessages: false,
  streaming: false,
  serverSideScheduling: false,
  limits: {
    maxChars: BLUESKY_MAX_GRAPHEMES,
    urlWeight: null,
    countsGraphemes: true,
    maxMedia: BLUESKY_MAX_IMAGES,
    maxImageBytes: BLUESKY_MAX_IMAGE_BYTES,
  },
};
