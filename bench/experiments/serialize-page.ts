// EXPERIMENT: what serializing one list page costs the server, and what a schema-compiled serializer
// (fast-json-stringify, which Fastify uses when routes give JSON schemas) and string timestamps save.
// Uses a real page from bench_api through the running-server-free store code.
import fjs from 'fast-json-stringify';
import { z } from 'zod';
import { openDatabase } from '../../server/platform/db.ts';
import { compileList, listQuerySchema } from '../../server/platform/list-query.ts';
import { contactListSpec, listContacts } from '../../server/contacts/contacts.store.ts';
import { contactSchema } from '../../server/contacts/contacts.schemas.ts';
import { listCustomFields } from '../../server/custom-fields/custom-fields.store.ts';
import { databaseUrl } from '../lib/bench-database.ts';
// @ts-expect-error postgres-date (pg's timestamp parser) ships no types
import parseDate from 'postgres-date';

const database = await openDatabase({ databaseUrl: databaseUrl('bench_api'), poolSize: 1 });
const { rows } = await database.pool.query<{ id: string }>('SELECT id FROM workspaces LIMIT 1');
const ws = rows[0].id;
const fields = await listCustomFields(database.db, ws, 'contact');
const page = await listContacts(database.db, ws, compileList(contactListSpec, listQuerySchema.parse({ limit: '50' }), fields));
await database.close();

const schema = z.toJSONSchema(z.object({ data: z.array(contactSchema), nextCursor: z.string().nullable() }), {
  io: 'output',
  unrepresentable: 'any',
}) as Record<string, unknown>;
const compiled = fjs(schema as unknown as Parameters<typeof fjs>[0]);
const asStrings = {
  ...page,
  data: page.data.map((c) => ({ ...c, createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString() })),
};
const bytes = JSON.stringify(page).length;
const time = (label: string, fn: () => unknown, n = 20000) => {
  for (let i = 0; i < 500; i++) fn();
  const t = performance.now();
  for (let i = 0; i < n; i++) fn();
  console.log(`${label.padEnd(44)} ${(((performance.now() - t) / n) * 1000).toFixed(1)} µs/page`);
};
console.log(`page: ${page.data.length} contacts, ${bytes} bytes of JSON`);
time('JSON.stringify (Date objects, as today)', () => JSON.stringify(page));
time('JSON.stringify (timestamps already strings)', () => JSON.stringify(asStrings));
time('fast-json-stringify (timestamps as strings)', () => compiled(asStrings));
const pgText = '2026-11-25 19:34:48.495021+00';
time('postgres-date: parse 100 timestamps (2 per row)', () => {
  for (let i = 0; i < 100; i++) parseDate(pgText);
});
