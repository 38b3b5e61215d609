// One `vitest run` drives every suite: unit (Node 22), keychain (real Secret Service), integration (real
// local Bluesky network), and browser (real Chromium). scripts/test.sh starts the services they need.
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import react from '@vitejs/plugin-react';
import { chromiumArgs, chromiumPath } from './tests/support/chromium.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'keychain',
          environment: 'node',
          include: ['tests/keychain/**/*.test.ts'],
          testTimeout: 30_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/integration/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [react()],
        optimizeDeps: {
          include: [
            'dexie',
            'dexie-react-hooks',
            'react',
            'react-dom',
            'zod',
            'vitest-browser-react',
            'recharts',
            // Every package the renderer imports is pre-bundled up front: one found later makes Vite
            // re-optimise and reload the page in the middle of whichever test first reached it.
            'react-i18next',
            'i18next',
            'lucide-react',
            'zustand',
            'zustand/vanilla',
            'ulid',
            '@tanstack/react-virtual',
            'punycode/punycode.js',
            'dompurify',
            '@noble/hashes/utils.js',
            '@noble/hashes/sha2.js',
          ],
        },
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.{ts,tsx}'],
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: chromiumPath(), args: chromiumArgs } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
