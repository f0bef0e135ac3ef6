import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repo = fileURLToPath(new URL('.', import.meta.url));

/**
 * The renderer as a web page: the Electron window loads dist-web/ from disk and `npm run web` serves
 * the same files, so `base: './'` (relative URLs work under file:// and http://).
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: `${repo}dist-web`,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
  },
  worker: { format: 'es' },
  // The examples (templates) and simulation/ live outside the renderer root.
  server: { fs: { allow: [repo] } },
  preview: { host: '127.0.0.1', strictPort: true },
});
