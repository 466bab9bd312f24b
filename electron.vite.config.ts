/**
 * Builds the three Electron parts and the command:
 * - main: the shell (out/main/index.js) plus the `dalel` command and the demo,
 *   which run on plain Node and share the engine chunks with the shell;
 * - preload: one CommonJS file, everything bundled, for the sandbox;
 * - renderer: the React UI, loaded from app:// in the app and from the test
 *   harness in Chromium.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: 'electron/main/index.ts',
          dalel: 'electron/cli/index.ts',
          demo: 'electron/cli/demo.ts',
          // A bundle is checked in a thread of its own (electron/engine/bundle/isolatedVerify.ts).
          verifyWorker: 'electron/engine/bundle/verifyWorker.ts',
        },
        // Chunks beside the entries, not in chunks/: the command (a chunk the shell shares since it runs
        // commands too) finds the verifier's worker as ./verifyWorker.js from wherever its code lands.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: 'electron/preload/index.ts' },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: 'renderer/index.html' },
    },
  },
});
