// Migration 8 (uploaded media) applied to a version-7 database: outbox jobs stay, and which attachment of a
// job was uploaded as which server media id survives closing and reopening the store.
import { describe, expect, it } from 'vitest';
import { useMigrationStore } from '../../support/migration-store.ts';
import type { MainStore } from '../../../src-main/store/main-store.ts';
import { createUploadedMediaRepository } from '../../../src-main/publishing/uploaded-media-repository.ts';

describe('migration 008-uploaded-media', () => {
  const db = useMigrationStore();
  let store: MainStore | undefined;

  it('upgrades a version-7 database and keeps remembered uploads across a restart', () => {
    const v7 = db.openAt(7);
    const tables = () =>
      v7.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'uploaded_media'").all();
    expect(tables()).toEqual([]);
    v7.close();

    store = db.openAt(8);
    expect(store.schemaVersion).toBe(8);
    const repo = createUploadedMediaRepository(store);
    repo.remember('job-1', { position: 0, mediaId: 'a'.repeat(64), remoteId: '22348641' });
    repo.remember('job-1', { position: 1, mediaId: 'b'.repeat(64), remoteId: '22348642' });
    repo.remember('job-2', { position: 0, mediaId: 'a'.repeat(64), remoteId: '22348643' });
    // A fresh upload of the same position replaces the one the server forgot.
    repo.remember('job-1', { position: 1, mediaId: 'b'.repeat(64), remoteId: '22348650' });
    store.close();

    store = db.openLatest();
    const reopened = createUploadedMediaRepository(store);
    expect(reopened.forJob('job-1')).toEqual([
      { position: 0, mediaId: 'a'.repeat(64), remoteId: '22348641' },
      { position: 1, mediaId: 'b'.repeat(64), remoteId: '22348650' },
    ]);
    reopened.forget('job-1');
    expect(reopened.forJob('job-1')).toEqual([]);
    expect(reopened.forJob('job-2')).toHaveLength(1);
  });

  it('drops rows a week old when recording a new upload', () => {
    let now = Date.parse('2026-03-01T00:00:00.000Z');
    store = db.openLatest();
    const repo = createUploadedMediaRepository(store, { now: () => now });
    repo.remember('old', { position: 0, mediaId: 'm', remoteId: '1' });
    now += 8 * 24 * 60 * 60 * 1000;
    repo.remember('new', { position: 0, mediaId: 'm', remoteId: '2' });
    expect(repo.forJob('old')).toEqual([]);
    expect(repo.forJob('new')).toEqual([{ position: 0, mediaId: 'm', remoteId: '2' }]);
  });
});
