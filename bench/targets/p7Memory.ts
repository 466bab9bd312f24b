/**
 * P7: peak resident memory of `dalel export`, `dalel verify` and `dalel
 * import` of a large bundle, each read by the command's own process
 * (ru_maxrss), <= 300 MB. The bundle comes from an encrypted archive and is
 * imported into a new encrypted one.
 */
import { join } from 'node:path';
import { archiveOf } from '../fixtures';
import { formatBytes, type Target } from '../harness';
import { dalelOk, removed } from '../tools';

const limitBytes = 300e6;
const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;

export const p7Memory: Target = {
  id: 'P7',
  title: (sizes) => `peak memory, export, verify and import of a ${formatBytes(sizes.largeBytes)} bundle`,
  async run({ work, fixtures }) {
    const large = await fixtures.largeArchive();
    const bundle = join(work, 'large bundle.zip');
    const receiving = join(work, 'receiving archive');
    const passphrase = (file: string | null) => (file ? ['--passphrase-file', file] : []);
    try {
      const exported = await dalelOk(work, ['export', large.path, '--out', bundle, '--profile', 'internal', ...passphrase(large.passphraseFile)]);
      const verified = await dalelOk(work, ['verify', bundle]);
      const empty = await archiveOf(receiving, { dir: work, files: [], bytes: 0 }, true);
      // Closed: the command imports into it, and one program changes an archive at a time.
      await empty.archive.close();
      const imported = await dalelOk(work, ['import', receiving, bundle, '--allow-untrusted', ...passphrase(empty.passphraseFile)]);
      const peak = Math.max(exported.maxRssBytes, verified.maxRssBytes, imported.maxRssBytes);
      return {
        measured: mb(peak),
        target: `<= ${mb(limitBytes)}`,
        ok: peak <= limitBytes,
        details: [`export ${mb(exported.maxRssBytes)}, verify ${mb(verified.maxRssBytes)}, import ${mb(imported.maxRssBytes)}`],
      };
    } finally {
      await removed(bundle);
      await removed(receiving);
    }
  },
};
