import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The pages are served by the API's own process under /app/ (src/web-pages/serve-pages.ts): one port, no CDN,
// every asset from the product itself, because service centers may sit on networks without internet.
export default defineConfig({
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Size budgets are checked by scripts/bundle-sizes.mjs after the build, per page, gzip.
    chunkSizeWarningLimit: 2000,
    manifest: true,
  },
  server: {
    // `npm run dev -w web` beside `npm start`: every path but the pages' own goes to the API
    proxy: { '^/(?!app/)': 'http://127.0.0.1:3000' },
  },
});
