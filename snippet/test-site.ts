// A customer's website for the browser tests: a plain node:http server on its own port, so its pages
// are another origin than Tandem's and every request the snippet makes is cross-origin.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The inline queue stub documented in the README, exactly as sites paste it. */
export const STUB = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'stub.js'), 'utf8').trim();

export interface PageOptions {
  title?: string;
  /** Extra attributes on the snippet's <script> tag, e.g. `data-cookieless`. */
  attributes?: string;
  /** Code run in the stub's <script>, before the snippet tag (calls made before the script loads). */
  beforeLoad?: string;
  body?: string;
  /** Leave the snippet tag out (a page that frames another one). */
  withoutSnippet?: boolean;
}

export interface TestSite {
  url: string;
  /** Serves a page at `pathname` (any query string) that installs the snippet from `tandemUrl`. */
  page(pathname: string, tandemUrl: string, writeKey: string, options?: PageOptions): void;
  close(): Promise<void>;
}

export async function startTestSite(): Promise<TestSite> {
  const pages = new Map<string, string>();
  const server = http.createServer((req, res) => {
    const html = pages.get(new URL(req.url ?? '/', 'http://site').pathname);
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(html ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    page(pathname, tandemUrl, writeKey, o = {}) {
      const stub = o.beforeLoad === undefined ? '' : `<script>${STUB}\n${o.beforeLoad}</script>`;
      const tag = o.withoutSnippet
        ? ''
        : `<script src="${tandemUrl}/snippet.js" data-write-key="${writeKey}" ${o.attributes ?? ''} async></script>`;
      pages.set(
        pathname,
        `<!doctype html><html><head><title>${o.title ?? pathname}</title>${stub}${tag}</head><body>${o.body ?? ''}</body></html>`,
      );
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
