/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The app is served from its own origin only: no CDN, no remote fonts, no glyph server.
export default defineConfig({
  plugins: [react()],
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
