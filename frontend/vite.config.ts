import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

/**
 * One HTML page per screen, every *.html file in this folder (the gateway serves them as static files after login).
 * Maven runs `npm run build`, which writes into target/dist; the module's jar carries it as classpath:/static.
 */
const pages = readdirSync(import.meta.dirname)
  .filter((file) => file.endsWith('.html'))
  .map((file) => file.replace(/\.html$/, ''));

export default defineConfig({
  plugins: [preact()],
  build: {
    outDir: 'target/dist',
    emptyOutDir: true,
    // no inline scripts or styles: the gateway's Content-Security-Policy allows 'self' only
    assetsInlineLimit: 0,
    rollupOptions: {
      input: Object.fromEntries(pages.map((page) => [page, resolve(import.meta.dirname, `${page}.html`)])),
    },
  },
  test: {
    environment: 'happy-dom',
    globals: true,
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    // a page test renders a whole page in happy-dom: on 2 busy cores one took over the 5 s default, so allow 20 s
    testTimeout: 20_000,
  },
});
