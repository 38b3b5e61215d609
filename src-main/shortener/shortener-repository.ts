// The only code that touches the shortener tables: the single settings row and the short links Roost
// created (per server address, so switching servers never mixes their codes).
import type { SQLOutputValue } from 'node:sqlite';
import { SHORTENER_PROVIDERS, type ShortenerProvider } from '../../src-shared/contract/shortener-contract.ts';
import type { MainStore } from '../store/main-store.ts';
import type { ShortLink } from './shortener.ts';

export interface ShortenerSettings {
  readonly provider: ShortenerProvider;
  readonly baseUrl: string;
  readonly allowMastodon: boolean;
}

export interface CreatedLink extends ShortLink {
  readonly createdAt: string;
  readonly clicks: number | null;
  readonly clicksCheckedAt: string | null;
}

export interface ShortenerRepository {
  settings(): ShortenerSettings | null;
  saveSettings(settings: ShortenerSettings): void;
  clearSettings(): boolean;
  /** The link Roost already made for this long URL on this server, if any. */
  findByLongUrl(baseUrl: string, longUrl: string): CreatedLink | null;
  findByCode(baseUrl: string, code: string): CreatedLink | null;
  /** The link Roost made with this short address on any server (analytics counts a sent post's clicks). */
  findByShortUrl(shortUrl: string): CreatedLink | null;
  /** Keeps the first record of a code: its creation time is when Roost first used it. */
  remember(baseUrl: string, provider: ShortenerProvider, link: ShortLink): void;
  recordClicks(baseUrl: string, code: string, clicks: number | null): void;
  list(baseUrl: string, limit: number): CreatedLink[];
}

const LINK_COLUMNS = 'code, short_url, long_url, clicks, clicks_checked_at, created_at';

export function createShortenerRepository(
  store: MainStore,
  now: () => Date = () => new Date(),
): ShortenerRepository {
  const { db } = store;
  const getSettings = db.prepare(
    'SELECT provider, base_url, allow_mastodon FROM shortener_settings WHERE id = 1',
  );
  const putSettings = db.prepare(
    `INSERT INTO shortener_settings (id, provider, base_url, allow_mastodon, updated_at) VALUES (1, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET provider = excluded.provider, base_url = excluded.base_url,
       allow_mastodon = excluded.allow_mastodon, updated_at = excluded.updated_at`,
  );
  const deleteSettings = db.prepare('DELETE FROM shortener_settings');
  const byLongUrl = db.prepare(
    `SELECT ${LINK_COLUMNS} FROM short_links WHERE base_url = ? AND long_url = ? ORDER BY created_at LIMIT 1`,
  );
  const byCode = db.prepare(`SELECT ${LINK_COLUMNS} FROM short_links WHERE base_url = ? AND code = ?`);
  const byShortUrl = db.prepare(
    `SELECT ${LINK_COLUMNS} FROM short_links WHERE short_url = ? ORDER BY created_at LIMIT 1`,
  );
  const insertLink = db.prepare(
    `INSERT INTO short_links (base_url, code, provider, short_url, long_url, created_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (base_url, code) DO NOTHING`,
  );
  const updateClicks = db.prepare(
    'UPDATE short_links SET clicks = ?, clicks_checked_at = ? WHERE base_url = ? AND code = ?',
  );
  const listLinks = db.prepare(
    `SELECT ${LINK_COLUMNS} FROM short_links WHERE base_url = ? ORDER BY created_at DESC, code LIMIT ?`,
  );
  const stamp = () => now().toISOString();

  return {
    settings() {
      const row = getSettings.get();
      if (!row) return null;
      const provider = SHORTENER_PROVIDERS.find((p) => p === row['provider']);
      // A provider this build does not know (written by a newer Roost) counts as not configured.
      if (!provider) return null;
      return { provider, baseUrl: String(row['base_url']), allowMastodon: row['allow_mastodon'] === 1 };
    },
    saveSettings(settings) {
      putSettings.run(settings.provider, settings.baseUrl, settings.allowMastodon ? 1 : 0, stamp());
    },
    clearSettings: () => Number(deleteSettings.run().changes) > 0,
    findByLongUrl(baseUrl, longUrl) {
      const row = byLongUrl.get(baseUrl, longUrl);
      return row ? toLink(row) : null;
    },
    findByCode(baseUrl, code) {
      const row = byCode.get(baseUrl, code);
      return row ? toLink(row) : null;
    },
    findByShortUrl(shortUrl) {
      const row = byShortUrl.get(shortUrl);
      return row ? toLink(row) : null;
    },
    remember(baseUrl, provider, link) {
      insertLink.run(baseUrl, link.code, provider, link.shortUrl, link.longUrl, stamp());
    },
    recordClicks(baseUrl, code, clicks) {
      updateClicks.run(clicks, stamp(), baseUrl, code);
    },
    list: (baseUrl, limit) => listLinks.all(baseUrl, limit).map(toLink),
  };
}

function toLink(row: Record<string, SQLOutputValue>): CreatedLink {
  const clicks = row['clicks'];
  const checked = row['clicks_checked_at'];
  return {
    code: String(row['code']),
    shortUrl: String(row['short_url']),
    longUrl: String(row['long_url']),
    createdAt: String(row['created_at']),
    clicks: clicks === null ? null : Number(clicks),
    clicksCheckedAt: checked === null ? null : String(checked),
  };
}
