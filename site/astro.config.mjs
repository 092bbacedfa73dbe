// The staff site: static pages built from policies/ at build time. The calculator imports the
// engine from ../scripts, so Vite must be allowed to read the repository root.
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { fullWidthPunctuation } from './src/lib/full-width-punctuation.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  outDir: fileURLToPath(new URL('./dist', import.meta.url)),
  base: process.env.SITE_BASE ?? '/',
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'always' },
  integrations: [fullWidthPunctuation()],
  vite: {
    server: { fs: { allow: [repoRoot] } },
  },
});
