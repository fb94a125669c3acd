// @ts-check
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  output: 'server',
  // Rendered fully before sending: an error mid-page becomes a proper 500 page, not half a 200.
  // Bodies are limited before Astro sees them (scripts/server/body-limit.ts); these are the backstop.
  adapter: node({ mode: 'standalone', experimentalDisableStreaming: true, bodySizeLimit: 1024 * 1024 }),
  // Every POST is checked against the Origin header (CSRF defence for forms and actions).
  security: { checkOrigin: true, actionBodySizeLimit: 1024 * 1024 },
  build: {
    // External files only, so the Content-Security-Policy needs no 'unsafe-inline'.
    inlineStylesheets: 'never',
  },
  vite: {
    build: {
      assetsInlineLimit: 0,
      // admin/ and search/ are plain Node modules: the server loads them from source, so the
      // pages and scripts/serve.ts share one instance of the database, caches and jobs.
      rollupOptions: { external: [/^#admin\//, /^#search\//] },
    },
  },
  server: { host: process.env.HOST ?? 'localhost', port: Number(process.env.PORT ?? 4321) },
  devToolbar: { enabled: false },
});
