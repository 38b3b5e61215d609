// The drafts repository over real IndexedDB: records carry ULID, version, updatedAt and author, keep at
// most 20 versions, and search finds drafts by any of their text.
import { describe, expect, test } from 'vitest';
import { openRoostDb } from '../../../src-renderer/db/roost-db.ts';
import { emptyContent } from '../../../src-renderer/features/compose/model/draft.ts';
import { createDraftsRepository } from '../../../src-renderer/features/compose/repositories/drafts-repository.ts';

async function repo(versionEvery = 0) {
  let clock = Date.parse('2025-03-01T10:00:00Z');
  const db = await openRoostDb({ name: `drafts-${crypto.randomUUID()}` });
  const drafts = createDraftsRepository(db, { userId: 'u1', now: () => (clock += 1_000), versionEvery });
  return { db, drafts };
}

describe('drafts repository', () => {
  test('every change bumps the version and stamps updatedAt and author', async () => {
    const { db, drafts } = await repo();
    const draft = await drafts.create({ text: 'a' });
    expect(draft.version).toBe(1);
    const saved = await drafts.save(draft.id, { ...draft.content, text: 'ab' });
    expect(saved?.version).toBe(2);
    expect(saved?.author).toBe('u1');
    expect(Date.parse(saved?.updatedAt ?? '')).toBeGreaterThan(Date.parse(draft.updatedAt));
    db.close();
  });

  test('keeps the last 20 versions, newest first', async () => {
    const { db, drafts } = await repo();
    const draft = await drafts.create({ text: 'v0' });
    for (let i = 1; i <= 25; i += 1) await drafts.save(draft.id, { ...emptyContent(), text: `v${i}` });
    const stored = await drafts.get(draft.id);
    expect(stored?.versions).toHaveLength(20);
    expect(stored?.versions[0]?.content.text).toBe('v24');
    expect(stored?.versions[19]?.content.text).toBe('v5');
    const restored = await drafts.restoreVersion(draft.id, stored?.versions[3]?.version ?? -1);
    expect(restored?.content.text).toBe('v21');
    db.close();
  });

  test('search matches text, variants and follow-ups; sent drafts leave the list', async () => {
    const { db, drafts } = await repo();
    const one = await drafts.create({ text: 'Launch day' });
    await drafts.create({ text: 'x', variants: { mastodon: 'Fediverse launch' } });
    await drafts.create({ text: 'y', followUps: ['unrelated'] });
    expect((await drafts.list('LAUNCH')).length).toBe(2);
    expect((await drafts.list('unrelated')).length).toBe(1);
    await drafts.markSent(one.id, ['job-1']);
    expect((await drafts.list('launch')).map((d) => d.content.variants.mastodon)).toEqual([
      'Fediverse launch',
    ]);
    db.close();
  });
});
