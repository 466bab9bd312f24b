/** P2: the same export from an encrypted archive, >= 0.75x `zip -0` of the same media. */
import { formatBytes, type Target } from '../harness';
import { exportVsZip } from './exportVsZip';

export const p2EncryptedExport: Target = {
  id: 'P2',
  title: (sizes) => `export ${formatBytes(sizes.mediaBytes)} from an encrypted archive`,
  async run(context) {
    const encrypted = await context.fixtures.encryptedArchive();
    return exportVsZip(context, encrypted, await context.fixtures.plainArchive(), 0.75);
  },
};
