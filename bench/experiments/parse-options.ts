// Experiment: csv-parse cost by option set on the same file (objects vs arrays, with or without the
// per-record `info` the import uses for byte progress).
import fs from 'node:fs';
import { parse, type Options } from 'csv-parse';

const file = process.argv[2];
const variants: Record<string, Options> = {
  'current (columns, info)': { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: true, info: true },
  'columns, no info': { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: true },
  'arrays, no info': { bom: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: true },
};
for (const [name, options] of Object.entries(variants)) {
  const t0 = performance.now();
  let rows = 0;
  for await (const _ of fs.createReadStream(file).pipe(parse(options))) rows++;
  const s = (performance.now() - t0) / 1000;
  console.log(`${name}: ${rows} records, ${s.toFixed(2)}s, ${Math.round(rows / s)} rows/s`);
}
