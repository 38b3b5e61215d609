// Migration 8 (uploaded media) applied to a version-7 database: outbox jobs stay, and which attachment of a
// job was uploaded as which server media id survives closing and reopening the store.
import { afterEach, describe, expect, it } from 'vitest';
import { openMainStore, type MainStore } from '../../../src-main/store/main-store.ts';
import { MIGRATIONS } from '../../../src-main/store/migrations/index.ts';
import { createUploadedMediaRepository } from '../../../src-main/publishing/uploaded-media-repository.ts';
import { makeTempDir, type TempDir } from './helpers.ts';

describe('migration 008-uploaded-media', () => {
  let temp: TempDir | undefined;
  let store: MainStore | undefined;
  afterEach(() => {
    store?.close();
    temp?.remove();
    store = temp = undefined;
  });

  it('upgrades a version-7 database and keeps remembered uploads across a restart', () => {
    temp = makeTempDir();
    const path = temp.file('main.sqlite');
    const v7 = openMainStore({ path, migrations: MIGRATIONS.slice(0, 7) });
    const tables = () =>
      v7.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'uploaded_media'").all();
    expect(tables()).toEqual([]);
    v7.close();

    store = openMainStore({ path, migrations: MIGRATIONS.slice(0, 8) });
    expect(store.schemaVersion).toBe(8);
    const repo = createUploadedMediaRepository(store);
    repo.remember('job-1', { position: 0, mediaId: 'a'.repeat(64), remoteId: '22348641' });
    repo.remember('job-1', { position: 1, mediaId: 'b'.repeat(64), remoteId: '22348642' });
    repo.remember('job-2', { position: 0, mediaId: 'a'.repeat(64), remoteId: '22348643' });
    // A fresh upload of the same position replaces the one the server forgot.
    repo.remember('job-1', { position: 1, mediaId: 'b'.repeat(64), remoteId: '22348650' });
    store.close();

    store = openMainStore({ path });
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
    temp = makeTempDir();
    let now = Date.parse('2026-03-01T00:00:00.000Z');
    store = openMainStore({ path: temp.file('main.sqlite') });
    const repo = createUploadedMediaRepository(store, { now: () => now });
    repo.remember('old', { position: 0, mediaId: 'm', remoteId: '1' });
    now += 8 * 24 * 60 * 60 * 1000;
    repo.remember('new', { position: 0, mediaId: 'm', remoteId: '2' });
    expect(repo.forJob('old')).toEqual([]);
    expect(repo.forJob('new')).toEqual([{ position: 0, mediaId: 'm', remoteId: '2' }]);
  });
});
