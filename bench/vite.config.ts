/**
 * Builds the benchmark (`npm run bench`) for plain Node into out/bench/: the
 * driver, the child that runs the `dalel` command and reports its own peak
 * memory, and the child that P9 kills while it saves and attaches. The engine
 * is built from source each time, so the bench always measures the code in
 * the work tree; packages stay external, loaded from node_modules as in the
 * app's main bundle.
 */
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, '..');

export default defineConfig({
  root,
  logLevel: 'warn',
  build: {
    ssr: true,
    target: 'node20',
    outDir: resolve(root, 'out/bench'),
    emptyOutDir: true,
    minify: false,
    rollupOptions: {
      input: { run: resolve(root, 'bench/run.ts'), child: resolve(root, 'bench/child.ts'), crashChild: resolve(root, 'bench/crashChild.ts') },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      external: [...builtinModules, ...builtinModules.map((name) => `node:${name}`)],
    },
  },
});
