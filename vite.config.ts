// Builds the renderer (src-renderer) into dist/renderer. The same bundle runs inside Electron
// and in browser mode, where src-main/browser serves it with Roost's Content-Security-Policy header.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome140',
    sourcemap: false,
  },
  worker: { format: 'es' },
  optimizeDeps: { include: ['dexie', 'dexie-react-hooks', 'react', 'react-dom', 'zod'] },
});
