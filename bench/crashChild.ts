/**
 * The process the bench kills in its save and attach crash trials (P9):
 * it opens an archive through the engine's own dispatch, as the app does
 * (the passphrase from DALEL_PASSPHRASE), prints `ready`, then saves or
 * attaches, printing each acknowledged write on stdout the moment the
 * engine call returns (`revision <id>`, `attachment <recordId> <sha256>`),
 * so that whatever the bench read before the kill was acknowledged. It
 * writes only to the archive it is given.
 *
 *   crashChild.js save DIR COUNT      COUNT saves, new records and edits of them in turn
 *   crashChild.js attach DIR FILE...  one new record, then each file attached by its own call
 */
import { writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../electron/engine';
import { sampleIncident } from '../electron/engine/testing/fixtures';

const [operation, dir, ...rest] = process.argv.slice(2);
const engine = createEngine({
  defaultArchivePath: dir!,
  // The bench sets HOME to its own folder: nothing of the user's is touched.
  configDir: join(process.env.HOME ?? tmpdir(), '.config', 'dalel'),
  osLocale: 'en',
  version: 'bench',
  dialogs: { chooseFolder: async () => null },
});

async function call<T>(channel: string, request: unknown): Promise<T> {
  const result = await engine.dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

// Synchronous, so that a line is in the pipe before the next write begins.
const acknowledge = (line: string) => writeSync(1, `${line}\n`);

type Saved = { recordId: string; revisionId: string };

async function main(): Promise<void> {
  const passphrase = process.env.DALEL_PASSPHRASE;
  await call('archive:open', { path: dir, ...(passphrase ? { passphrase } : {}) });
  acknowledge('ready');
  if (operation === 'save') {
    let last: Saved | undefined;
    for (let index = 0; index < Number(rest[0]); index += 1) {
      const data = sampleIncident({ title: `Crash trial ${index}` });
      const edit = index % 2 === 1 && last;
      last = await call<Saved>('records:save', edit ? { type: 'incident', recordId: last!.recordId, parent: last!.revisionId, data } : { type: 'incident', data });
      acknowledge(`revision ${last.revisionId}`);
    }
  } else if (operation === 'attach') {
    const record = await call<Saved>('records:save', { type: 'incident', data: sampleIncident({ title: 'Crash trial, attach' }) });
    acknowledge(`revision ${record.revisionId}`);
    for (const file of rest) {
      const { attachments } = await call<{ attachments: { sha256: string }[] }>('attachments:add', { recordId: record.recordId, paths: [file] });
      for (const attachment of attachments) acknowledge(`attachment ${record.recordId} ${attachment.sha256}`);
    }
  } else {
    throw new Error(`unknown operation ${operation}`);
  }
  await engine.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
