/**
 * Caches of answers that depend on who may see what, shared by the API's hot path: a bounded map
 * per database handle, and the memo of a read kept under the access version it was made under
 * (db/cache-version.ts).
 */
import type { Db } from './database.js';
import { cacheVersionFor, UNKNOWN_VERSION } from './cache-version.js';

/** A map per database handle (apps in one process never share) of at most `max` entries; the oldest set goes first. */
export class PerDbCache<V> {
  private readonly maps = new WeakMap<Db, Map<string, V>>();

  constructor(private readonly max: number) {}

  private mapOf(db: Db): Map<string, V> {
    let map = this.maps.get(db);
    if (!map) {
      map = new Map();
      this.maps.set(db, map);
    }
    return map;
  }

  get(db: Db, key: string): V | undefined {
    return this.mapOf(db).get(key);
  }

  set(db: Db, key: string, value: V): void {
    const map = this.mapOf(db);
    map.delete(key);
    if (map.size >= this.max) {
      const oldest = map.keys().next();
      if (!oldest.done) map.delete(oldest.value);
    }
    map.set(key, value);
  }

  /** Drops every entry of this database handle. */
  clear(db: Db): void {
    this.maps.delete(db);
  }

  /** Removes the entry, or only when it still holds `value` if one is given. */
  delete(db: Db, key: string, value?: V): void {
    const map = this.mapOf(db);
    if (value === undefined || map.get(key) === value) map.delete(key);
  }
}

export type KeptRead<T> = { version: number; value: Promise<T> };

/**
 * The answer of `read` for `key`, kept with the access version it was read under and used while
 * that is unchanged; with no version to go by it reads afresh, and a failed read is not kept.
 */
export async function keptUnderVersion<T>(
  cache: PerDbCache<KeptRead<T>>,
  db: Db,
  actor: object,
  key: string,
  read: () => Promise<T>,
): Promise<T> {
  const version = await cacheVersionFor(db, actor);
  if (version === UNKNOWN_VERSION) return read();
  const kept = cache.get(db, key);
  if (kept?.version === version) return kept.value;
  const entry: KeptRead<T> = { version, value: read() };
  cache.set(db, key, entry);
  entry.value.catch(() => cache.delete(db, key, entry));
  return entry.value;
}
