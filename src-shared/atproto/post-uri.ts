// The at:// URI of a Bluesky post, split into the repository (a DID or handle) and the record key. Shared
// because publishing checks ownership of a post before it queues a delete, and the connector reads items.
import { isRecordKey } from './tid.ts';

export function parsePostUri(uri: string): { repo: string; rkey: string } | null {
  const match = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/]+)$/.exec(uri);
  if (!match || !isRecordKey(match[2] as string)) return null;
  return { repo: match[1] as string, rkey: match[2] as string };
}
