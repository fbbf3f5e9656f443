/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';

/**
 * The built app may load nothing from any other host: a Content-Security-Policy in the page.
 * Only for the build — the dev server injects inline scripts for hot reload.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "connect-src 'self' blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'blindspot-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

/**
 * Offline and installable (build only; `npm run dev` registers no service worker and caches
 * nothing): Workbox's generateSW writes dist/sw.js (+ its workbox-*.js runtime, a local file, no
 * CDN) whose precache list is every built file matched below — the app's JS and CSS, the core and
 * MapLibre workers, HiGHS's wasm, the basemap GeoJSON, the demo, the templates, the icons and the
 * manifest (public/manifest.webmanifest, linked from index.html) — each with a revision hash, so a
 * changed file is fetched again and an unchanged one is not. Navigations fall back to the cached
 * index.html. Updates: skipWaiting + clientsClaim — a new deployment's worker installs in the
 * background on the next online visit, takes over at once and deletes the outdated entries; the
 * page already open keeps the code it loaded, the next load runs the new version. Limit: a page
 * that stays open across a deployment and only then loads HiGHS for the first time asks the
 * server for the old wasm, which may be gone. Registration: dist/registerSW.js, a plain script
 * the plugin adds to the built index.html (allowed by `script-src 'self'`).
 */
const PRECACHE_GLOB = '**/*.{html,js,mjs,css,wasm,geojson,csv,xlsx,txt,svg,png,webmanifest,woff,woff2}';

function offlineApp(): Plugin[] {
  return VitePWA({
    registerType: 'autoUpdate',
    injectRegister: 'script',
    manifest: false,
    devOptions: { enabled: false },
    workbox: {
      globPatterns: [PRECACHE_GLOB],
      // HiGHS's wasm is 3.5 MB; the default limit (2 MiB) would leave it out silently.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      skipWaiting: true,
      clientsClaim: true,
      // Only the precache: no runtime caching rule may fetch or keep anything from another host.
      runtimeCaching: [],
    },
  });
}

// The app is served from its own origin only: no CDN, no remote fonts, no glyph server.
export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), offlineApp()],
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/golden/**/*.test.ts', 'test/cli/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30000,
  },
});
