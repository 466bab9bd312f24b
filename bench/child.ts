/**
 * The `dalel` command as the bench runs it in a child process: the same
 * `main` as the installed command, built from this work tree, and at the end
 * one JSON line on file descriptor 3 with this process's own peak resident
 * memory (P7 measures the process doing the work, not the bench).
 */
import { writeSync } from 'node:fs';
import { main } from '../electron/cli/index';

const code = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env });
// ru_maxrss: kilobytes on Linux.
writeSync(3, `${JSON.stringify({ code, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
process.exitCode = code;
