// Vite config for the web app. `node bin/build.js` (and `tandem serve` on first start) builds into
// dist/web, which the server serves with an SPA fallback. `npx vite --config web/vite.config.ts`
// runs a dev server that proxies the API to a Tandem server on port 3101.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webDir = path.dirname(fileURLToPath(import.meta.url));
const apiTarget = process.env.TANDEM_API_URL ?? 'http://127.0.0.1:3101';

export default defineConfig({
  root: webDir,
  plugins: [react()],
  build: {
    outDir: path.resolve(webDir, '../dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // framework code changes less often than the app: separate chunks cache better. Charts, dates
        // and dropzone stay in the lazily loaded route chunks that use them.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|@tanstack)[\\/]/, priority: 20 },
            {
              name: 'mantine',
              test: /node_modules[\\/](@mantine[\\/](core|hooks|notifications|modals|form)|@floating-ui)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/docs': apiTarget,
    },
  },
});
