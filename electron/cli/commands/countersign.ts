/**
 * `dalel countersign`: a lawyer countersigns a received bundle with the
 * certificate in their PKCS#12 file (docs/spec/bundle-format.md, "A
 * lawyer's countersignature"). The key file's password comes from
 * --password-file or DALEL_KEY_PASSWORD, never the command line. Or, with
 * --signature, it adds a countersignature the lawyer made elsewhere (with
 * an NCALayer-based tool, a token), once the engine has checked it. Or,
 * with --ncalayer, NCALayer on this computer signs it: the address is said
 * first, on standard error, before the one connection is made.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loopbackAddress, ncaLayerAddress } from '../../engine/countersign/ncaLayer';
import { InputFailure } from '../failures';
import { printable } from '../terminalText';
import { type Command, type CommandContext, json, readPassphrase } from './context';

/** A PKCS#12 file holds a key and a few certificates: a few KiB. */
const maxKeyFileBytes = 100 * 1024;
/** A CMS signature with its certificates is a few KiB; as base64 text 140 KiB still fits the contract's 200,000 characters. */
const maxSignatureFileBytes = 140 * 1024;

export const countersignCommands: Record<string, Command> = {
  countersign: {
    options: { pkcs12: { type: 'string' }, signature: { type: 'string' }, ncalayer: { type: 'boolean' }, 'password-file': { type: 'string' }, json: { type: 'boolean' } },
    positionals: ['FILE'],
    async run(context) {
      const { t } = context;
      const keyFile = context.values.pkcs12;
      const signatureFile = context.values.signature;
      const ways = [typeof keyFile === 'string', typeof signatureFile === 'string', context.values.ncalayer === true].filter(Boolean).length;
      if (ways !== 1) throw new InputFailure(t('cli:countersignOneWay'));
      const path = resolve(context.positionals[0]!);
      let added;
      if (context.values.ncalayer === true) {
        // Said only of an address on this computer, as it will be connected to; any other is refused by the engine unconnected.
        const address = loopbackAddress(context.io.env.DALEL_NCALAYER || ncaLayerAddress);
        if (address) context.warn(t('cli:ncaLayerConnecting', { address: printable(address) }));
        added = await context.call('bundle:countersignWithNcaLayer', { path, language: context.language });
      } else if (typeof signatureFile === 'string') {
        const signature = await readInput(context, signatureFile);
        if (signature.length > maxSignatureFileBytes) throw new InputFailure(t('cli:signatureFileTooLarge', { file: signatureFile }));
        added = await context.call('bundle:addCountersignature', { path, signature: signature.toString('base64') });
      } else {
        const key = await readInput(context, keyFile as string);
        if (key.length > maxKeyFileBytes) throw new InputFailure(t('cli:pkcs12TooLarge', { file: keyFile as string }));
        const password = await readPassphrase(context, 'password-file', 'DALEL_KEY_PASSWORD');
        if (password === undefined) throw new InputFailure(t('cli:keyPasswordNeeded'));
        added = await context.call('bundle:countersign', { path, pkcs12: key.toString('base64'), password });
      }
      if (context.values.json) return json(context, added);
      context.say(t('cli:countersigned', { bundleId: added.bundleId, subject: printable(added.countersignature.subject) }));
      context.say(t('cli:bundleSha256', { sha256: added.sha256 }));
    },
  },
};

async function readInput(context: CommandContext, file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch {
    throw new InputFailure(context.t('cli:readInputFailed', { file }));
  }
}
