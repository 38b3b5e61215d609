// Reads what actually reached the local Bluesky network, straight from the PDS: the ground truth for
// "posted once", "not posted" and "posted at the new time".
export interface PostRecord {
  readonly uri: string;
  readonly value: { readonly text: string; readonly createdAt: string };
}

export async function postsOf(pdsUrl: string, did: string): Promise<PostRecord[]> {
  const query = new URLSearchParams({ repo: did, collection: 'app.bsky.feed.post', limit: '100' });
  const res = await fetch(`${pdsUrl}/xrpc/com.atproto.repo.listRecords?${query.toString()}`);
  if (!res.ok) throw new Error(`listRecords failed: HTTP ${res.status}`);
  return ((await res.json()) as { records: PostRecord[] }).records;
}

export async function postsContaining(pdsUrl: string, did: string, text: string): Promise<PostRecord[]> {
  return (await postsOf(pdsUrl, did)).filter((record) => record.value.text.includes(text));
}
