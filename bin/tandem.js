#!/usr/bin/env node
// Entry point of `tandem` and `npm start`. Runs the TypeScript server through tsx (no compile step),
// and before `serve` builds the web app if it has never been built or its sources changed.
import { register } from 'tsx/esm/api';
import { ensureWebBuilt } from './build.js';

const command = process.argv[2];
if (command === 'serve' || command === undefined) {
  await ensureWebBuilt({ quiet: false });
}
register();
await import('../server/main.ts');
