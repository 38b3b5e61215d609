// Hijack detection's core: what an account's own feed and profile show that Roost did not send. A post,
// reply or repost whose URI the outbox never recorded, a post that vanished without an outbox delete, or a
// profile field that changed are each a finding. Pure, so the same rules serve the desktop and a team server.

/** One entry of the account's own feed as its network shows it now. */
export interface OwnEntry {
  /** The record itself: the post's URI, or the repost record's URI (Bluesky) / the boost's URI (Mastodon). */
  readonly uri: string;
  readonly kind: 'post' | 'reply' | 'repost';
  /** For a repost: the post it reposts. */
  readonly subjectUri: string | null;
  readonly createdAt: string;
  readonly text: string;
}

/** What the outbox says the account sent or removed through Roost. */
export interface SentThroughRoost {
  /** Remote ids of sent posts and reposts, and (Bluesky) the URIs fixed by their record keys. */
  readonly uris: ReadonlySet<string>;
  /** Subjects of repost jobs, for networks where the repost's own id is not known in advance. */
  readonly repostSubjects: ReadonlySet<string>;
  /** Subjects of delete and unrepost jobs. */
  readonly removedUris: ReadonlySet<string>;
  /** A job of this account is being sent right now: its URI may not be recorded yet. */
  readonly sending: boolean;
}

/** The feed as last seen: the baseline a later read is compared with. */
export interface FeedBaseline {
  readonly entries: readonly BaselineEntry[];
}

export type BaselineEntry = Pick<OwnEntry, 'uri' | 'kind' | 'subjectUri' | 'createdAt' | 'text'>;

export type FeedFinding =
  | { readonly kind: 'post' | 'reply' | 'repost'; readonly uri: string; readonly text: string }
  | { readonly kind: 'deletion'; readonly uri: string; readonly text: string };

export interface FeedDiff {
  readonly findings: readonly FeedFinding[];
  /** What to keep as the baseline; entries left undecided (a send in flight) are left out to be judged again. */
  readonly baseline: FeedBaseline;
}

export function wasSentByRoost(entry: OwnEntry, sent: SentThroughRoost): boolean {
  if (sent.uris.has(entry.uri)) return true;
  return entry.kind === 'repost' && entry.subjectUri !== null && sent.repostSubjects.has(entry.subjectUri);
}

/**
 * Compares the current first page of the account's own feed with the baseline.
 * `complete` says the page holds the whole feed (fewer entries than asked for): only then can an entry
 * older than the page's oldest be called deleted; otherwise it may simply have scrolled off the page.
 * With no baseline (first read of the account) nothing is a finding.
 */
export function diffOwnFeed(input: {
  readonly baseline: FeedBaseline | null;
  readonly current: readonly OwnEntry[];
  readonly complete: boolean;
  readonly sent: SentThroughRoost;
}): FeedDiff {
  const { baseline, current, complete, sent } = input;
  if (baseline === null) return { findings: [], baseline: { entries: current.map(baselineEntry) } };
  const known = new Set(baseline.entries.map((e) => e.uri));
  const findings: FeedFinding[] = [];
  const kept: OwnEntry[] = [];
  for (const entry of current) {
    if (known.has(entry.uri) || wasSentByRoost(entry, sent)) {
      kept.push(entry);
      continue;
    }
    // Its job may be between the network call and the write of its remote id: judge it next time.
    if (sent.sending) continue;
    findings.push({ kind: entry.kind, uri: entry.uri, text: entry.text });
    kept.push(entry);
  }
  const present = new Set(current.map((e) => e.uri));
  const oldestShown = current.reduce<string | null>(
    (oldest, e) => (oldest === null || e.createdAt < oldest ? e.createdAt : oldest),
    null,
  );
  for (const old of baseline.entries) {
    if (present.has(old.uri) || sent.removedUris.has(old.uri)) continue;
    // An unrepost through Roost names the reposted post (Mastodon knows no separate boost id).
    if (old.kind === 'repost' && old.subjectUri !== null && sent.removedUris.has(old.subjectUri)) continue;
    const withinPage = complete || (oldestShown !== null && old.createdAt >= oldestShown);
    if (!withinPage) continue; // scrolled off the page, not deleted
    // A repost undone elsewhere is a deletion too: the repost vanished, not its subject.
    findings.push({ kind: 'deletion', uri: old.uri, text: old.text });
  }
  return { findings, baseline: { entries: kept.map(baselineEntry) } };
}

function baselineEntry(e: BaselineEntry): BaselineEntry {
  return {
    uri: e.uri,
    kind: e.kind,
    subjectUri: e.subjectUri,
    createdAt: e.createdAt,
    text: e.text.slice(0, 300),
  };
}
