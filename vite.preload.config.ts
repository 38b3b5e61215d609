// Bundles the sandboxed preload (src-main/electron/preload.ts) into one CommonJS file, dist/preload/preload.cjs:
// sandboxed preloads get a restricted `require` with 'electron' only and cannot load other modules.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  // Paths below are relative to the repository, wherever the build is started from.
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: false,
  build: {
    outDir: 'dist/preload',
    emptyOutDir: true,
    target: 'chrome140',
    minify: false,
    sourcemap: false,
    lib: {
      entry: 'src-main/electron/preload.ts',
      formats: ['cjs'],
      fileName: () => 'preload.cjs',
    },
    rolldownOptions: {
      external: ['electron'],
    },
  },
});
