// Hot queries as named prepared statements. Kysely sends every query unnamed, so PostgreSQL parses,
// analyses and plans it on every call: for a page of the contacts list that was about a third of the
// database's CPU. A query opts in with `prepared()`; the first time a connection sees its text it
// prepares it under a name derived from the text, then only binds and executes it.
//
// Opt-in, not every query: after five executions PostgreSQL may switch a prepared statement to one
// generic plan for all parameter values. That is right for a sorted page (the same index walk for any
// workspace or cursor) and wrong for a search or a filter, whose best plan depends on how rare the
// value is. Only queries whose plan does not depend on their values should call `prepared()`.
import crypto from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';

const MARK = '/* prepared */';

/** Adds the mark a `PreparingClient` looks for (`SELECT /* prepared *\/ …`). */
export function prepared<Q extends { modifyFront(modifier: ReturnType<typeof sql.raw>): Q }>(query: Q): Q {
  return query.modifyFront(sql.raw(MARK));
}

/** Distinct statements one connection keeps at most; texts past it run unnamed, as before. */
export const MAX_STATEMENTS_PER_CONNECTION = 200;

const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `tandem_${crypto.createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    if (names.size < 10_000) names.set(text, name);
  }
  return name;
}

/** A node-postgres client that prepares marked queries (`new pg.Pool({ Client: PreparingClient })`). */
export class PreparingClient extends pg.Client {
  private readonly preparedNames = new Set<string>();

  // node-postgres' query has many overloads. Kysely calls query(text, values) and query(cursor);
  // Pool.query calls query(text, values, callback).
  override query(...args: unknown[]): never {
    const [config, values, callback] = args;
    if (typeof config === 'string' && Array.isArray(values) && config.includes(MARK)) {
      const name = statementName(config);
      if (this.preparedNames.has(name) || this.preparedNames.size < MAX_STATEMENTS_PER_CONNECTION) {
        this.preparedNames.add(name);
        const named = { name, text: config, values };
        return (typeof callback === 'function' ? super.query(named, callback as never) : super.query(named)) as never;
      }
    }
    return (super.query as (...a: unknown[]) => unknown).apply(this, args) as never;
  }
}
