/** Unit, contract and shell-wiring tests: everything that runs in Node. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'verifier/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'electron/e2e/**'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
