// One write-key cache per app (the ingest routes read it, the sources routes invalidate it).
import type { AppContext } from '../platform/context.ts';
import { WriteKeyCache } from './sources.store.ts';

const caches = new WeakMap<AppContext, WriteKeyCache>();

export function writeKeysFor(ctx: AppContext): WriteKeyCache {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = new WriteKeyCache(ctx.db);
    caches.set(ctx, cache);
  }
  return cache;
}
