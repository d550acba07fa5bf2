import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The reviewer console: a single page served by the service at /console (see
 * src/core/http/console-static.ts), built into dist/console. Everything is bundled: no CDN, no
 * inline script (the page's CSP forbids both), so it works offline.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/console', import.meta.url)),
    emptyOutDir: true,
    // No inline module-preload polyfill or data: scripts: the CSP allows 'self' only.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
  },
});
