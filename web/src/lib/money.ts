// Money on screens (deals, products, forecast): whole amounts in a currency, compact sums for headers and charts.
const full = new Map<string, Intl.NumberFormat>();
const compact = new Map<string, Intl.NumberFormat>();

function formatter(cache: Map<string, Intl.NumberFormat>, currency: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let f = cache.get(currency);
  if (!f) {
    try {
      f = new Intl.NumberFormat('en-US', { style: 'currency', currency, ...options });
    } catch {
      f = new Intl.NumberFormat('en-US', options); // an unknown code: the number alone
    }
    cache.set(currency, f);
  }
  return f;
}

/** $12,500 or $12,500.50: cents only when there are some. */
export function formatAmount(n: number, currency = 'USD'): string {
  const f = formatter(full, `${currency}`, { minimumFractionDigits: 0, maximumFractionDigits: 2 });
  return f.format(n);
}

/** $12.5K, for totals where space is short. */
export function formatCompactAmount(n: number, currency = 'USD'): string {
  return formatter(compact, currency, { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}
