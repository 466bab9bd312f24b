/**
 * `dalel countersign`: a lawyer countersigns a received bundle with the
 * certificate in their PKCS#12 file (docs/spec/bundle-format.md, "A
 * lawyer's countersignature"). The key file's password comes from
 * --password-file or DALEL_KEY_PASSWORD, never the command line.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputFailure } from '../failures';
import { printable } from '../terminalText';
import { type Command, json, readPassphrase } from './context';

/** A PKCS#12 file holds a key and a few certificates: a few KiB. */
const maxKeyFileBytes = 100 * 1024;

export const countersignCommands: Record<string, Command> = {
  countersign: {
    options: { pkcs12: { type: 'string' }, 'password-file': { type: 'string' }, json: { type: 'boolean' } },
    positionals: ['FILE'],
    async run(context) {
      const { t } = context;
      const keyFile = context.values.pkcs12;
      if (typeof keyFile !== 'string') throw new InputFailure(t('cli:pkcs12Needed'));
      let key: Buffer;
      try {
        key = await readFile(keyFile);
      } catch {
        throw new InputFailure(t('cli:readInputFailed', { file: keyFile }));
      }
      if (key.length > maxKeyFileBytes) throw new InputFailure(t('cli:pkcs12TooLarge', { file: keyFile }));
      const password = await readPassphrase(context, 'password-file', 'DALEL_KEY_PASSWORD');
      if (password === undefined) throw new InputFailure(t('cli:keyPasswordNeeded'));
      const added = await context.call('bundle:countersign', { path: resolve(context.positionals[0]!), pkcs12: key.toString('base64'), password });
      if (context.values.json) return json(context, added);
      context.say(t('cli:countersigned', { bundleId: added.bundleId, subject: printable(added.countersignature.subject) }));
      context.say(t('cli:bundleSha256', { sha256: added.sha256 }));
    },
  },
};
