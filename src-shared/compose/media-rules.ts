// Media limits each network enforces that Capabilities does not (yet) carry: accepted types, video size,
// alt-text length, and whether a video must be posted alone.
import type { Network } from '../domain/account.ts';
import type { ComposeMedia } from './post.ts';

export type MediaRules = {
  mimeTypes: Readonly<Record<ComposeMedia['kind'], readonly string[]>>;
  maxVideoBytes: number;
  maxAltGraphemes: number;
  /** Video, GIF-video and audio cannot be combined with anything else. */
  nonImageAlone: boolean;
};

const MB = 1024 * 1024;

export const DEFAULT_MEDIA_RULES: Readonly<Record<Network, MediaRules>> = {
  bluesky: {
    mimeTypes: {
      image: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
      video: ['video/mp4', 'video/quicktime', 'video/webm'],
      gifv: ['video/mp4', 'image/gif'],
      audio: [],
    },
    maxVideoBytes: 100 * MB,
    maxAltGraphemes: 2_000,
    nonImageAlone: true,
  },
  mastodon: {
    mimeTypes: {
      image: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic', 'image/heif', 'image/avif'],
      video: ['video/mp4', 'video/quicktime', 'video/webm', 'video/ogg'],
      gifv: ['video/mp4', 'video/webm', 'image/gif'],
      audio: [
        'audio/mpeg',
        'audio/mp3',
        'audio/ogg',
        'audio/wav',
        'audio/flac',
        'audio/opus',
        'audio/aac',
        'audio/mp4',
      ],
    },
    maxVideoBytes: 99 * MB,
    maxAltGraphemes: 1_500,
    nonImageAlone: true,
  },
  rss: {
    mimeTypes: { image: [], video: [], gifv: [], audio: [] },
    maxVideoBytes: 0,
    maxAltGraphemes: 0,
    nonImageAlone: true,
  },
};
