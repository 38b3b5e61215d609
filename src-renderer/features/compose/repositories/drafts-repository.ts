// The only code that touches the drafts table. Every change goes through `mutate`, which stamps the
// version, updatedAt and author in one transaction, so a sync layer can later replay the same function.
import { ulid } from 'ulid';
import type { RoostDb } from '../../../db/roost-db.ts';
import {
  emptyContent,
  followUpMedia,
  MAX_VERSIONS,
  type DraftContent,
  type DraftRecord,
  type PendingSubmission,
} from '../model/draft.ts';

export interface SaveOptions {
  /** Keep the previous content as a version even if one was kept a moment ago (blur, send). */
  readonly checkpoint?: boolean;
}

export interface DraftsRepository {
  create(content?: Partial<DraftContent>): Promise<DraftRecord>;
  get(id: string): Promise<DraftRecord | undefined>;
  /** The open draft edited most recently: what the composer shows on start. */
  lastOpen(): Promise<DraftRecord | undefined>;
  /** Open and queued drafts, newest first; `search` matches any text of the draft, case-insensitively. */
  list(search?: string): Promise<DraftRecord[]>;
  save(id: string, content: DraftContent, options?: SaveOptions): Promise<DraftRecord | undefined>;
  restoreVersion(id: string, version: number): Promise<DraftRecord | undefined>;
  setPending(
    id: string,
    pending: PendingSubmission | null,
    status?: DraftRecord['status'],
  ): Promise<DraftRecord | undefined>;
  markSent(id: string, jobIds: readonly string[]): Promise<DraftRecord | undefined>;
  /** Back to editing after an undo: the submission is forgotten, the text is kept. */
  reopen(id: string): Promise<DraftRecord | undefined>;
  withPending(): Promise<DraftRecord[]>;
  remove(id: string): Promise<void>;
  /** Told after every change, with the changed draft's id. */
  onChange(listener: (id: string) => void): () => void;
}

export interface DraftsRepositoryOptions {
  readonly userId: string;
  readonly now?: () => number;
  /** A previous version is kept at most this often while typing (ms). */
  readonly versionEvery?: number;
}

const DEFAULT_VERSION_EVERY = 30_000;

export function createDraftsRepository(
  database: RoostDb | Promise<RoostDb>,
  options: DraftsRepositoryOptions,
): DraftsRepository {
  const now = options.now ?? Date.now;
  const versionEvery = options.versionEvery ?? DEFAULT_VERSION_EVERY;
  const listeners = new Set<(id: string) => void>();
  const dbReady = Promise.resolve(database);
  // Failures surface on each call; this only keeps an unopened database from being reported as unhandled.
  dbReady.catch(() => undefined);
  const iso = () => new Date(now()).toISOString();
  const changed = (id: string) => {
    for (const listener of listeners) listener(id);
  };

  /** The one function that writes a draft. Returns undefined when the draft no longer exists. */
  async function mutate(
    id: string,
    change: (draft: DraftRecord) => Partial<Omit<DraftRecord, 'id' | 'version' | 'updatedAt' | 'author'>>,
  ): Promise<DraftRecord | undefined> {
    const db = await dbReady;
    const result = await db.transaction('rw', db.drafts, async () => {
      const current = (await db.drafts.get(id)) as DraftRecord | undefined;
      if (!current) return undefined;
      const patch = change(current);
      // Nothing changed: no new version, so a version number always means different content or state.
      if (Object.keys(patch).length === 0) return current;
      const content = patch.content ?? current.content;
      const next: DraftRecord = {
        ...current,
        ...patch,
        accountId: content.accountIds[0] ?? '',
        version: current.version + 1,
        updatedAt: iso(),
        author: options.userId,
      };
      await db.drafts.put(next);
      return next;
    });
    if (result) changed(id);
    return result;
  }

  async function all(): Promise<DraftRecord[]> {
    const db = await dbReady;
    return (await db.drafts.orderBy('updatedAt').reverse().toArray()) as DraftRecord[];
  }

  return {
    async create(content = {}) {
      const db = await dbReady;
      const at = iso();
      const full = { ...emptyContent(), ...content };
      const draft: DraftRecord = {
        id: ulid(now()),
        accountId: full.accountIds[0] ?? '',
        createdAt: at,
        updatedAt: at,
        version: 1,
        author: options.userId,
        status: 'open',
        content: full,
        versions: [],
        pending: null,
        jobIds: [],
      };
      await db.drafts.add(draft);
      changed(draft.id);
      return draft;
    },
    async get(id) {
      const db = await dbReady;
      return (await db.drafts.get(id)) as DraftRecord | undefined;
    },
    async lastOpen() {
      return (await all()).find((d) => d.status === 'open');
    },
    async list(search = '') {
      const needle = search.trim().toLowerCase();
      return (await all()).filter((d) => {
        if (d.status === 'sent') return false;
        if (!needle) return true;
        const c = d.content;
        const haystack = [
          c.text,
          ...Object.values(c.variants),
          ...c.followUps,
          c.contentWarning ?? '',
          c.utm.campaign,
        ];
        return haystack.some((t) => (t ?? '').toLowerCase().includes(needle));
      });
    },
    save(id, content, saveOptions = {}) {
      return mutate(id, (draft) => {
        if (sameContent(draft.content, content)) return {};
        const last = draft.versions[0];
        const keep = saveOptions.checkpoint || !last || now() - Date.parse(last.savedAt) >= versionEvery;
        if (!keep || isEmptyText(draft.content)) return { content };
        const versions = [
          { version: draft.version, savedAt: iso(), content: draft.content },
          ...draft.versions,
        ];
        return { content, versions: versions.slice(0, MAX_VERSIONS) };
      });
    },
    restoreVersion(id, version) {
      return mutate(id, (draft) => {
        const chosen = draft.versions.find((v) => v.version === version);
        if (!chosen) return {};
        // The content being replaced becomes a version too, so a restore can itself be undone.
        const versions = [
          { version: draft.version, savedAt: iso(), content: draft.content },
          ...draft.versions,
        ];
        return { content: chosen.content, versions: versions.slice(0, MAX_VERSIONS) };
      });
    },
    setPending(id, pending, status) {
      return mutate(id, (draft) => ({ pending, status: status ?? draft.status }));
    },
    markSent(id, jobIds) {
      return mutate(id, () => ({ status: 'sent', jobIds, pending: null }));
    },
    reopen(id) {
      return mutate(id, () => ({ status: 'open', pending: null, jobIds: [] }));
    },
    async withPending() {
      return (await all()).filter((d) => d.pending !== null && d.status !== 'sent');
    },
    async remove(id) {
      const db = await dbReady;
      await db.drafts.delete(id);
      changed(id);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function isEmptyText(content: DraftContent): boolean {
  return content.text === '' && content.followUps.length === 0 && Object.keys(content.variants).length === 0;
}

function sameContent(a: DraftContent, b: DraftContent): boolean {
  const strip = (c: DraftContent) =>
    JSON.stringify({
      ...c,
      media: c.media.map((m) => [m.id, m.alt]),
      followUpMedia: c.followUps.map((_, i) => followUpMedia(c, i).map((m) => [m.id, m.alt])),
    });
  return strip(a) === strip(b);
}
