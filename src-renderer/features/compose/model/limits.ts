// How long each network considers a text, from the account's capabilities (fetched from main) or the
// networks' documented defaults until they arrive.
import type { Capabilities } from '../../../../src-shared/domain/capabilities.ts';
import { measureText, type LengthRules } from '../../../../src-shared/compose/measure.ts';
import {
  BLUESKY_MAX_GRAPHEMES,
  MASTODON_DEFAULT_MAX_CHARACTERS,
  MASTODON_DEFAULT_URL_WEIGHT,
} from '../../../../src-shared/text/url-weight.ts';
import { countGraphemes } from '../../../../src-shared/text/graphemes.ts';
import type { PostNetwork } from './draft.ts';

export interface TextLimits {
  readonly maxChars: number;
  readonly rules: LengthRules;
  readonly maxMedia: number;
  /** Mastodon counts the content warning against the same limit. */
  readonly warningCounts: boolean;
}

export function defaultLimits(network: PostNetwork): TextLimits {
  return network === 'bluesky'
    ? {
        maxChars: BLUESKY_MAX_GRAPHEMES,
        rules: { urlWeight: null, shortenRemoteMentions: false, countsGraphemes: true },
        maxMedia: 4,
        warningCounts: false,
      }
    : {
        maxChars: MASTODON_DEFAULT_MAX_CHARACTERS,
        rules: { urlWeight: MASTODON_DEFAULT_URL_WEIGHT, shortenRemoteMentions: true, countsGraphemes: true },
        maxMedia: 4,
        warningCounts: true,
      };
}

export function limitsFrom(network: PostNetwork, capabilities: Capabilities | undefined): TextLimits {
  const fallback = defaultLimits(network);
  if (!capabilities) return fallback;
  const { limits } = capabilities;
  return {
    maxChars: limits.maxChars,
    rules: {
      urlWeight: limits.urlWeight,
      shortenRemoteMentions: network === 'mastodon',
      countsGraphemes: limits.countsGraphemes,
    },
    maxMedia: limits.maxMedia,
    warningCounts: fallback.warningCounts,
  };
}

export interface LengthResult {
  readonly length: number;
  readonly max: number;
  readonly remaining: number;
  readonly overflowAt: number | null;
}

export function measure(text: string, limits: TextLimits, contentWarning: string | null): LengthResult {
  const offset = limits.warningCounts && contentWarning ? countGraphemes(contentWarning) : 0;
  const { length, overflowAt } = measureText(text, limits.rules, limits.maxChars, offset);
  return { length, max: limits.maxChars, remaining: limits.maxChars - length, overflowAt };
}
