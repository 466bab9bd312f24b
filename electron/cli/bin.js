#!/usr/bin/env node
// The `dalel` command's launcher. The command itself is TypeScript, built with
// the app into out/main/dalel.js (npm install builds it); this file only finds
// it, says clearly when it has not been built, and passes on the exit code.
import { existsSync } from 'node:fs';

const built = new URL('../../out/main/dalel.js', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write('Dalel is not built yet: run "npm install" (or "npm run build") in the checkout first.\n');
  process.exit(2);
}
const { main } = await import(built.href);
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
