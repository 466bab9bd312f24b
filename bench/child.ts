/**
 * The `dalel` command as the bench runs it in a child process: the same
 * `main` as the installed command, built from this work tree, and at the end
 * one JSON line on file descriptor 3 with this process's own peak resident
 * memory (P7 measures the process doing the work, not the bench).
 */
import { readFileSync, writeSync } from 'node:fs';
import { main } from '../electron/cli/index';

/**
 * This process's own peak resident memory. On Linux, ru_maxrss carries over
 * the resident size of the process that spawned this one (the fork before
 * exec): a bench holding 100k-record archives made every command look
 * ~300 MB. VmHWM counts only this program's own memory.
 */
function peakResidentBytes(): number {
  try {
    const line = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (line) return Number(line[1]) * 1024;
  } catch {
    // Not Linux: fall back to getrusage.
  }
  return process.resourceUsage().maxRSS * 1024;
}

const code = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env });
writeSync(3, `${JSON.stringify({ code, maxRssBytes: peakResidentBytes() })}\n`);
process.exitCode = code;
