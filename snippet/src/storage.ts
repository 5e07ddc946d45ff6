// Key-value stores that never throw. Cookies, localStorage and sessionStorage can each be blocked
// (privacy settings, sandboxed iframes, full quotas), and a tracking script must never break the page
// it runs on: a blocked store reads as empty and ignores writes.

export interface Store {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

function webStorage(pick: () => Storage): Store {
  return {
    get(key) {
      try {
        return pick().getItem(key);
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        pick().setItem(key, value);
      } catch {}
    },
    remove(key) {
      try {
        pick().removeItem(key);
      } catch {}
    },
  };
}

export const local = webStorage(() => localStorage);
export const session = webStorage(() => sessionStorage);

const YEAR = 31536000;

function writeCookie(pair: string, maxAge: number): void {
  try {
    document.cookie = `${pair}; max-age=${maxAge}; path=/; SameSite=Lax${location.protocol == 'https:' ? '; Secure' : ''}`;
  } catch {}
}

/** First-party cookies on the page's own host, kept for a year. */
export const cookies: Store = {
  get(key) {
    try {
      const match = document.cookie.match(new RegExp(`(?:^|; )${key}=([^;]*)`));
      return match ? decodeURIComponent(match[1]) : null;
    } catch {
      return null;
    }
  },
  set: (key, value) => writeCookie(`${key}=${encodeURIComponent(value)}`, YEAR),
  remove: (key) => writeCookie(`${key}=`, 0),
};

/** Reads from the first store that has the key; writes to all (so one surviving store is enough). */
export function layered(...stores: Store[]): Store {
  return {
    get(key) {
      for (const store of stores) {
        const value = store.get(key);
        if (value) return value;
      }
      return null;
    },
    set: (key, value) => stores.forEach((store) => store.set(key, value)),
    remove: (key) => stores.forEach((store) => store.remove(key)),
  };
}

/** JSON from a store; anything unreadable (blocked, corrupt, edited by hand) reads as `fallback`. */
export function readJson<T>(store: Store, key: string, fallback: T): T {
  try {
    return JSON.parse(store.get(key) as string) || fallback;
  } catch {
    return fallback;
  }
}
