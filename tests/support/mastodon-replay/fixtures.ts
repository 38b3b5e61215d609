// Loads the documented Mastodon examples (fixtures/*.json, see fixtures/README.md) and builds complete
// entities from them: partial examples laid over the complete Status example, clones with distinct ids.
import { readFileSync } from 'node:fs';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

const cache = new Map<string, Json>();

export function fixture<T extends Json = JsonObject>(name: string): T {
  let value = cache.get(name);
  if (value === undefined) {
    value = JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as Json;
    cache.set(name, value);
  }
  return structuredClone(value) as T;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Documented fields win; objects merge recursively, everything else replaces. */
export function overlay(base: JsonObject, partial: JsonObject): JsonObject {
  const out: JsonObject = structuredClone(base);
  for (const [key, value] of Object.entries(partial)) {
    const current = out[key];
    out[key] = isObject(current) && isObject(value) ? overlay(current, value) : structuredClone(value);
  }
  return out;
}

/** A complete Status from a partial documented one. A partial `reblog` is completed the same way. */
export function completeStatus(partial: JsonObject): JsonObject {
  const base = fixture('status');
  const status = withId(overlay(base, { ...partial, id: base.id ?? null }), String(partial.id ?? base.id));
  if (isObject(partial.reblog)) status.reblog = completeStatus(partial.reblog);
  return status;
}

/** The same status under another id, with uri/url following the id as Mastodon's do. */
export function withId(status: JsonObject, id: string): JsonObject {
  const out = structuredClone(status);
  const oldId = String(out.id);
  out.id = id;
  for (const key of ['uri', 'url'] as const) {
    const value = out[key];
    if (typeof value === 'string') out[key] = value.replace(oldId, id);
  }
  return out;
}

export function completeNotification(partial: JsonObject): JsonObject {
  const base = fixture('status');
  const out = structuredClone(partial);
  if (isObject(partial.account)) out.account = overlay(base.account as JsonObject, partial.account);
  if (isObject(partial.status)) out.status = completeStatus(partial.status);
  return out;
}

export function completeConversation(partial: JsonObject): JsonObject {
  const base = fixture('status');
  const out = structuredClone(partial);
  if (Array.isArray(partial.accounts)) {
    out.accounts = partial.accounts.map((account) =>
      isObject(account) ? overlay(base.account as JsonObject, account) : account,
    );
  }
  if (isObject(partial.last_status))
    out.last_status = completeStatus({ ...partial.last_status, visibility: 'direct' });
  return out;
}

/** The signed-in account as it appears inside a Status (a CredentialAccount without its private parts). */
export function selfAccount(): JsonObject {
  const account = fixture('account-credential');
  delete account.source;
  delete account.role;
  return account;
}

/** Mastodon ids are numeric strings; compare them as numbers. */
export function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function sortNewestFirst<T extends JsonObject>(
  items: T[],
  idOf: (item: T) => string = (item) => String(item.id),
): T[] {
  return items.sort((a, b) => compareIds(idOf(b), idOf(a)));
}

/** `count` clones of a documented status with distinct, descending ids below `topId`. */
export function clones(source: JsonObject, count: number, topId: bigint, step = 1_000n): JsonObject[] {
  return Array.from({ length: count }, (_, index) => withId(source, String(topId - BigInt(index) * step)));
}
