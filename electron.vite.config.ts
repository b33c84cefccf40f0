import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/** Copies the bundled datasets beside the main bundle (`out/data`), where bundledData.ts looks. */
const copyBundledData = (): Plugin => ({
  name: 'lockstep-copy-bundled-data',
  closeBundle() {
    cpSync(resolve(import.meta.dirname, 'electron/data'), resolve(import.meta.dirname, 'out/data'), {
      recursive: true,
    });
  },
});

export default defineConfig({
  main: {
    plugins: [copyBundledData()],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          // The mailbox scan's worker thread, beside the main bundle (see services/mailScan/runner.ts).
          mailScanWorker: resolve(import.meta.dirname, 'electron/services/mailScan/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
      chunkSizeWarningLimit: 2000,
    },
  },
});
