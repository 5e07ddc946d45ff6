// Experiment: how fast can the Node side of an import go with no database at all? Streams the CSV
// through the same csv-parse options, mapContactRow and the upsert's column building, and reports
// rows/s and CPU per row: the ceiling no database tuning can lift.
import fs from 'node:fs';
import { parse } from 'csv-parse';
import { mapContactRow } from '../../server/imports/map-row.ts';
import { suggestMapping } from '../../server/imports/suggest-mapping.ts';
import { mergeByEmail } from '../../server/contacts/upsert-contacts.ts';
import { companyDomainOfEmail } from '../../server/accounts/domains.ts';
import { CSV_HEADERS, BENCH_CUSTOM_FIELDS } from '../lib/contacts-csv.ts';

const file = process.argv[2];
const fields = BENCH_CUSTOM_FIELDS.map((f, i) => ({
  ...f,
  id: String(i),
  objectType: 'contact' as const,
  required: false,
  description: null,
  position: 0,
  createdAt: new Date(),
  updatedAt: new Date(),
}));
const ctx = { mapping: suggestMapping('contact', CSV_HEADERS, fields), customFields: fields, users: new Map<string, string>() };
const stages: Record<string, number> = { parse: 0, map: 0, columns: 0 };
const t0 = performance.now();
const cpu0 = process.cpuUsage();
let rows = 0;
let batch: Array<Record<string, string>> = [];
const flush = () => {
  let t = performance.now();
  const records = batch.map((r) => mapContactRow(r, ctx)).flatMap((r) => (r.ok ? [r.record] : []));
  stages.map += performance.now() - t;
  t = performance.now();
  const merged = mergeByEmail(records);
  // what columns() in upsert-contacts.ts builds for the unnest parameters
  const cols = [
    merged.map((r) => JSON.stringify(r.custom_fields ?? {})),
    merged.map((r) => JSON.stringify([])),
    merged.map((r) => companyDomainOfEmail(r.email)),
  ];
  stages.columns += performance.now() - t + cols.length * 0;
  batch = [];
};
const parser = fs
  .createReadStream(file)
  .pipe(parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: true, info: true }));
for await (const { record } of parser as AsyncIterable<{ record: Record<string, string> }>) {
  batch.push(record);
  rows++;
  if (batch.length === 5000) flush();
}
flush();
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
stages.parse = seconds * 1000 - stages.map - stages.columns;
console.log(
  JSON.stringify({
    rows,
    seconds: +seconds.toFixed(2),
    rowsPerSecond: Math.round(rows / seconds),
    cpuMicrosPerRow: +((cpu.user + cpu.system) / rows).toFixed(1),
    stageSeconds: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, +(v / 1000).toFixed(2)])),
  }),
);
