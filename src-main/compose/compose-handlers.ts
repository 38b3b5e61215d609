// The contract handlers for compose:*: the composer sees exactly the facets the publish path will write
// (connectors/bluesky/rich-text.ts), with each mention marked as an account or not.
import type { Handlers } from '../rpc/router.ts';
import { detectRichText, mentionedHandles } from '../connectors/bluesky/rich-text.ts';
import type { MentionChecker } from './mention-checker.ts';

type ComposeMethod = Extract<keyof Handlers, `compose:${string}`>;

export function composeHandlers(mentions: MentionChecker): Pick<Handlers, ComposeMethod> {
  return {
    'compose:richText': async (input) => {
      const detected = input.texts.map((text) => detectRichText(text));
      const handles = [...new Set(detected.flatMap((found) => mentionedHandles(found)))];
      const statuses = handles.length > 0 ? await mentions.check(input.accountId, handles) : new Map();
      return {
        texts: detected.map((found) => ({
          facets: found.map((f) => ({
            kind: f.kind,
            value: f.value,
            start: f.start,
            end: f.end,
            mention: f.kind === 'mention' ? (statuses.get(f.value.toLowerCase()) ?? 'unchecked') : null,
          })),
        })),
      };
    },
  };
}
