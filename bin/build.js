// Builds the web app into dist/web. `ensureWebBuilt` skips the build when dist/web is newer than
// every file under web/ (a fresh clone builds once, on the first `npm start`).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webDir = path.join(root, 'web');
const outDir = path.join(root, 'dist', 'web');
const stamp = path.join(outDir, '.build-stamp');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

export async function buildWeb({ quiet = false } = {}) {
  if (!fs.existsSync(path.join(webDir, 'index.html'))) return false;
  if (!quiet) console.error('Building the web app (first start, or web/ changed)…');
  const { build } = await import('vite');
  await build({ root: webDir, configFile: path.join(webDir, 'vite.config.ts'), logLevel: quiet ? 'error' : 'warn' });
  fs.writeFileSync(stamp, new Date().toISOString());
  return true;
}

export async function ensureWebBuilt({ quiet = false } = {}) {
  if (!fs.existsSync(path.join(webDir, 'index.html'))) return;
  const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
  if (built >= newestMtime(webDir)) return;
  await buildWeb({ quiet });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildWeb({ quiet: false });
}
