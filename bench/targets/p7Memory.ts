/**
 * P7: peak resident memory of `dalel export` and `dalel verify` of a large
 * bundle, each read by the command's own process (ru_maxrss), <= 300 MB.
 * Import joins once the command has it.
 */
import { join } from 'node:path';
import { formatBytes, type Target } from '../harness';
import { dalelOk, removed } from '../tools';

const limitBytes = 300e6;
const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;

export const p7Memory: Target = {
  id: 'P7',
  title: (sizes) => `peak memory, export and verify of a ${formatBytes(sizes.largeBytes)} bundle`,
  async run({ work, fixtures }) {
    const large = await fixtures.largeArchive();
    const bundle = join(work, 'large bundle.zip');
    try {
      const passphrase = large.passphraseFile ? ['--passphrase-file', large.passphraseFile] : [];
      const exported = await dalelOk(work, ['export', large.path, '--out', bundle, ...passphrase]);
      const verified = await dalelOk(work, ['verify', bundle]);
      const peak = Math.max(exported.maxRssBytes, verified.maxRssBytes);
      return {
        measured: mb(peak),
        target: `<= ${mb(limitBytes)}`,
        ok: peak <= limitBytes,
        details: [`export ${mb(exported.maxRssBytes)}, verify ${mb(verified.maxRssBytes)} (import: not in the command yet)`],
      };
    } finally {
      await removed(bundle);
    }
  },
};
