// Per-network checks of one post variant, or of every post of its thread, run as the author types and again
// in main before publishing: length in the network's own terms, media count/size/type, and alt text.
import type { Capabilities } from '../domain/capabilities.ts';
import { BLUESKY_MAX_BYTES } from '../text/url-weight.ts';
import { countGraphemes } from '../text/graphemes.ts';
import { DEFAULT_MEDIA_RULES, type MediaRules } from './media-rules.ts';
import { measureText, type LengthRules } from './measure.ts';
import { threadOf, type PostTarget } from './post.ts';
import { utf8Length } from './utf8.ts';

export type ComposeIssueCode =
  | 'cannot_publish'
  | 'empty'
  | 'too_long'
  | 'too_many_bytes'
  | 'too_many_media'
  | 'media_type_unsupported'
  | 'media_too_large'
  | 'media_mixed'
  | 'alt_text_missing'
  | 'alt_text_too_long';

export type ComposeIssue = {
  code: ComposeIssueCode;
  severity: 'error' | 'warning';
  message: string;
  /** UTF-16 range of the text concerned (for too_long: from the first character over the limit to the end). */
  start: number | null;
  end: number | null;
  mediaIndex: number | null;
  /** Which post of the thread the issue is about: 0 for the first, 1 for the first follow-up, … */
  partIndex: number;
  limit: number | null;
  actual: number | null;
};

export type ValidateSettings = {
  /** Organisation setting: every image and video must describe itself. */
  requireAltText: boolean;
  mediaRules?: MediaRules;
};

export type Variant = Pick<PostTarget, 'network' | 'text' | 'contentWarning' | 'media'>;

function issue(code: ComposeIssueCode, message: string, extra: Partial<ComposeIssue> = {}): ComposeIssue {
  return {
    code,
    severity: 'error',
    message,
    start: null,
    end: null,
    mediaIndex: null,
    partIndex: 0,
    limit: null,
    actual: null,
    ...extra,
  };
}

function lengthRules(variant: Variant, capabilities: Capabilities): LengthRules {
  return {
    urlWeight: capabilities.limits.urlWeight,
    shortenRemoteMentions: variant.network === 'mastodon',
    countsGraphemes: capabilities.limits.countsGraphemes,
  };
}

function byteOverflowAt(text: string, maxBytes: number): number {
  let bytes = 0;
  let index = 0;
  for (const ch of text) {
    bytes += utf8Length(ch);
    if (bytes > maxBytes) return index;
    index += ch.length;
  }
  return text.length;
}

function checkText(variant: Variant, capabilities: Capabilities): ComposeIssue[] {
  const issues: ComposeIssue[] = [];
  const max = capabilities.limits.maxChars;
  const rules = lengthRules(variant, capabilities);
  // Mastodon counts the content warning against the same limit; Bluesky has no free-text warning.
  const warning = variant.network === 'mastodon' ? (variant.contentWarning ?? '') : '';
  const warningLength = rules.countsGraphemes ? countGraphemes(warning) : Array.from(warning).length;
  const measured = measureText(variant.text, rules, max, warningLength);
  if (measured.length > max) {
    issues.push(
      issue('too_long', `${measured.length - max} over the ${max}-character limit`, {
        start: measured.overflowAt,
        end: variant.text.length,
        limit: max,
        actual: measured.length,
      }),
    );
  }
  if (variant.network === 'bluesky') {
    const bytes = utf8Length(variant.text);
    if (bytes > BLUESKY_MAX_BYTES) {
      issues.push(
        issue('too_many_bytes', `The text takes ${bytes} bytes; Bluesky accepts ${BLUESKY_MAX_BYTES}`, {
          start: byteOverflowAt(variant.text, BLUESKY_MAX_BYTES),
          end: variant.text.length,
          limit: BLUESKY_MAX_BYTES,
          actual: bytes,
        }),
      );
    }
  }
  return issues;
}

function checkMedia(
  variant: Variant,
  capabilities: Capabilities,
  settings: ValidateSettings,
): ComposeIssue[] {
  const rules = settings.mediaRules ?? DEFAULT_MEDIA_RULES[variant.network];
  const issues: ComposeIssue[] = [];
  const media = variant.media;
  if (media.length > capabilities.limits.maxMedia) {
    issues.push(
      issue('too_many_media', `At most ${capabilities.limits.maxMedia} attachments`, {
        limit: capabilities.limits.maxMedia,
        actual: media.length,
      }),
    );
  }
  if (rules.nonImageAlone && media.length > 1 && media.some((m) => m.kind !== 'image')) {
    issues.push(issue('media_mixed', 'A video, GIF or audio file must be the only attachment'));
  }
  media.forEach((m, mediaIndex) => {
    if (!rules.mimeTypes[m.kind].includes(m.mimeType.toLowerCase())) {
      issues.push(issue('media_type_unsupported', `${m.mimeType} is not accepted here`, { mediaIndex }));
    }
    const maxBytes = m.kind === 'image' ? capabilities.limits.maxImageBytes : rules.maxVideoBytes;
    if (m.bytes > maxBytes) {
      issues.push(
        issue('media_too_large', `The file is larger than ${maxBytes} bytes`, {
          mediaIndex,
          limit: maxBytes,
          actual: m.bytes,
        }),
      );
    }
    const altLength = countGraphemes(m.alt.trim());
    if (settings.requireAltText && m.kind !== 'audio' && altLength === 0) {
      issues.push(
        issue('alt_text_missing', 'Describe this attachment for people who cannot see it', { mediaIndex }),
      );
    }
    if (altLength > rules.maxAltGraphemes) {
      issues.push(
        issue('alt_text_too_long', `Alt text is limited to ${rules.maxAltGraphemes} characters`, {
          mediaIndex,
          limit: rules.maxAltGraphemes,
          actual: altLength,
        }),
      );
    }
  });
  return issues;
}

function checkVariant(
  variant: Variant,
  capabilities: Capabilities,
  settings: ValidateSettings,
): ComposeIssue[] {
  if (variant.network === 'rss') return [issue('cannot_publish', 'Feeds are read-only')];
  if (variant.text.trim() === '' && variant.media.length === 0)
    return [issue('empty', 'Write something or attach media')];
  return [...checkText(variant, capabilities), ...checkMedia(variant, capabilities, settings)];
}

/** One post; `partIndex` says which post of its thread it is (0, the first, by default). */
export function validateVariant(
  variant: Variant,
  capabilities: Capabilities,
  settings: ValidateSettings,
  partIndex = 0,
): ComposeIssue[] {
  return checkVariant(variant, capabilities, settings).map((i) => ({ ...i, partIndex }));
}

/** Every post of the target's thread, each with its own text, content warning and attachments. */
export function validateThread(
  target: Pick<PostTarget, 'network' | 'text' | 'contentWarning' | 'media' | 'followUps'>,
  capabilities: Capabilities,
  settings: ValidateSettings,
): ComposeIssue[] {
  // A feed cannot publish at all: saying so once is enough.
  if (target.network === 'rss') return validateVariant(target, capabilities, settings);
  return threadOf({ ...target, accountId: '' }).flatMap((part, partIndex) =>
    validateVariant(
      {
        network: target.network,
        text: part.text,
        contentWarning: part.contentWarning,
        media: [...part.media],
      },
      capabilities,
      settings,
      partIndex,
    ),
  );
}
