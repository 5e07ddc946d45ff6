// Bundles snippet/src into the script browsers load: minified, ES2017, one IIFE with no dependencies.
// Built once per process, on first use, and kept in memory with its gzipped form and ETag.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ENTRY = path.join(root, 'snippet', 'src', 'index.ts');

export interface BuiltSnippet {
  code: string;
  gzipped: Buffer;
  etag: string;
  version: string;
}

async function bundle(): Promise<BuiltSnippet> {
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    minify: true,
    target: 'es2017',
    format: 'iife',
    platform: 'browser',
    write: false,
    legalComments: 'none',
    define: { __TANDEM_VERSION__: JSON.stringify(version) },
    banner: { js: `/* tandem.js ${version} */` },
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  // weak: the same ETag stands for the plain and the gzipped bytes
  const etag = `W/"${crypto.createHash('sha256').update(code).digest('base64url').slice(0, 27)}"`;
  return { code, gzipped: zlib.gzipSync(code, { level: 9 }), etag, version };
}

let built: Promise<BuiltSnippet> | undefined;

export function getSnippet(): Promise<BuiltSnippet> {
  built ??= bundle().catch((error: unknown) => {
    built = undefined; // a failed build is tried again on the next request
    throw error;
  });
  return built;
}
