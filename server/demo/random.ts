// Seeded randomness for the demo data: the same --seed gives the same data. Each seed step draws from
// its own stream (seed + step name), so a step added later does not change what earlier steps made.
// sfc32 seeded through cyrb128: fast, small state, good enough statistics for synthetic data.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Standard normal (mean 0, deviation 1). */
  normal(): number;
  /** Log-normal around `median`; sigma is the deviation of the log. */
  logNormal(median: number, sigma: number): number;
  /** Up to k distinct items, in random order. */
  sample<T>(items: readonly T[], k: number): T[];
  /** An independent stream derived from this one's seed and a name. */
  fork(name: string): Rng;
}

function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

export function createRng(seed: number, stream = ''): Rng {
  const key = `${seed}:${stream}`;
  let [a, b, c, d] = cyrb128(key);
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next(); // warm up: the first outputs of sfc32 are correlated with the seed
  let spare: number | undefined;
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    normal: () => {
      if (spare !== undefined) {
        const s = spare;
        spare = undefined;
        return s;
      }
      // Box–Muller: two normals per two uniforms
      const u = 1 - next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    logNormal: (median, sigma) => median * Math.exp(sigma * rng.normal()),
    sample: (items, k) => {
      const copy = items.slice();
      const n = Math.min(k, copy.length);
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(next() * (copy.length - i));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, n);
    },
    fork: (name) => createRng(seed, `${stream}/${name}`),
  };
  return rng;
}

/** A picker over weighted choices (weights need not sum to 1); binary search, so long tables stay fast. */
export function weighted<T>(entries: ReadonlyArray<readonly [T, number]>): (rng: Rng) => T {
  const values = entries.map((e) => e[0]);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of entries) cumulative.push((total += w));
  if (!(total > 0)) throw new Error('weighted(): the weights must add up to more than 0');
  return (rng) => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return values[lo];
  };
}

/**
 * Splits `total` into integers proportional to `weights` (largest remainder), none above its cap.
 * What a capped share cannot hold goes to the others; the result always sums to min(total, sum of caps).
 */
export function allocate(total: number, weights: readonly number[], caps?: readonly number[]): number[] {
  const n = weights.length;
  const counts = new Array<number>(n).fill(0);
  const open = new Set(weights.map((_, i) => i).filter((i) => weights[i] > 0 && (caps?.[i] ?? Infinity) > 0));
  let remaining = total;
  while (remaining > 0 && open.size > 0) {
    const ids = [...open];
    const sum = ids.reduce((s, i) => s + weights[i], 0);
    const shares = ids.map((i) => ({ i, exact: (remaining * weights[i]) / sum }));
    let given = 0;
    for (const s of shares) {
      const whole = Math.floor(s.exact);
      counts[s.i] += whole;
      given += whole;
    }
    // largest remainders get the leftover units
    shares.sort((x, y) => y.exact - Math.floor(y.exact) - (x.exact - Math.floor(x.exact)) || x.i - y.i);
    for (let k = 0; given < remaining && k < shares.length; k++, given++) counts[shares[k].i] += 1;
    remaining = 0;
    for (const i of ids) {
      const cap = caps?.[i] ?? Infinity;
      if (counts[i] >= cap) {
        remaining += counts[i] - cap;
        counts[i] = cap;
        open.delete(i);
      }
    }
  }
  return counts;
}

/** weighted() over an object's keys, for tables that read best as `{ gmail: 52, outlook: 14 }`. */
export function weightedKeys<K extends string>(table: Readonly<Partial<Record<K, number>>>): (rng: Rng) => K {
  return weighted(Object.entries(table) as Array<[K, number]>); // entries of a Partial: every listed key has a number
}
