// Mentions become links only for handles that are Bluesky accounts. A handle the server cannot resolve (a
// typo, or a web domain such as nytimes.com that is no account) keeps its text and loses its facet: a
// mention facet without a DID makes the PDS refuse the whole post. A server that cannot be reached is
// another matter — that error is thrown, so the outbox retries instead of posting without the links.
import type { AtpAgent } from '@atproto/api';
import { detectLibraryFacets } from './rich-text.ts';

/** Handle (lowercase) → DID, or null when it is no account. */
export type MentionDids = ReadonlyMap<string, string | null>;

const MENTION = 'app.bsky.richtext.facet#mention';

function isNoSuchHandle(error: unknown): boolean {
  // The PDS answers 400 (HandleNotFound or InvalidRequest "Unable to resolve handle") for a handle that
  // resolves to nothing; transport failures come back with status 1 and server faults with 5xx.
  return (error as { status?: unknown } | null)?.status === 400;
}

export async function resolveMentionDids(agent: AtpAgent, handles: readonly string[]): Promise<MentionDids> {
  const entries = await Promise.all(
    [...new Set(handles.map((h) => h.toLowerCase()))].map(async (handle) => {
      try {
        const answer = await agent.com.atproto.identity.resolveHandle({ handle });
        const did =
          typeof answer.data.did === 'string' && answer.data.did.startsWith('did:') ? answer.data.did : null;
        return [handle, did] as const;
      } catch (error) {
        if (isNoSuchHandle(error)) return [handle, null] as const;
        throw error;
      }
    }),
  );
  return new Map(entries);
}

type RecordFacets = NonNullable<ReturnType<typeof detectLibraryFacets>['facets']>;

/**
 * The record's facets for `text`: the library's detection, with each mention's DID filled in, and
 * mentions of handles that are no account dropped (the text stays as typed).
 */
export async function recordFacets(agent: AtpAgent, text: string): Promise<RecordFacets> {
  const facets = detectLibraryFacets(text).facets ?? [];
  const handles: string[] = [];
  for (const facet of facets) {
    for (const feature of facet.features) {
      if (feature.$type === MENTION) handles.push(String((feature as { did: unknown }).did));
    }
  }
  const dids = handles.length > 0 ? await resolveMentionDids(agent, handles) : new Map();
  const out: RecordFacets = [];
  for (const facet of facets) {
    const features = facet.features.flatMap((feature) => {
      if (feature.$type !== MENTION) return [feature];
      const did = dids.get(String((feature as { did: unknown }).did).toLowerCase());
      return did ? [{ ...feature, did }] : [];
    });
    if (features.length > 0) out.push({ ...facet, features });
  }
  return out;
}
