/** P1: export a bundle of the media from a plain archive, hashing included, >= 1.0x `zip -0` of the same files. */
import { formatBytes, type Target } from '../harness';
import { exportVsZip } from './exportVsZip';

export const p1Export: Target = {
  id: 'P1',
  title: (sizes) => `export ${formatBytes(sizes.mediaBytes)} (${sizes.mediaFiles} files)`,
  async run(context) {
    const plain = await context.fixtures.plainArchive();
    return exportVsZip(context, plain, plain, 1.0);
  },
};
