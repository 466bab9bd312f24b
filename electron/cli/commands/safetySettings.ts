/**
 * The archive's safety settings as `dalel settings` names them: what each
 * NAME=VALUE of `--set` means for `archive:setSafety`, checked whole before
 * anything is written (a bad name or value changes nothing), and the lines
 * that show them. The same two the app's Settings → Safety can change, with
 * its limits; it never writes.
 */
import type { TFunction } from 'i18next';
import type { Safety } from '../../../shared/ipc';
import { InputFailure } from '../failures';

/** The app's range for the wrong-passphrase limit (renderer/src/settings/SafetySection.tsx), which the contract enforces. */
export const limitRange = { min: 3, max: 100 } as const;

export const settingNames = ['quick-delete', 'unlock-attempt-limit'] as const;
type SettingName = (typeof settingNames)[number];

/**
 * Names a person may try for the app's idle lock: a preference of the app on
 * each computer, not of the archive, so they get that answer, not "unknown".
 */
const appPreferenceNames = new Set(['lock-after-minutes', 'auto-lock', 'lock-after', 'autolock']);

const onOff: Record<string, boolean> = { on: true, off: false, true: true, false: false };

/** The changes `--set` asks for, each checked; throws (exit 2) at the first that is not a setting or not allowed. */
export function parseSettings(t: TFunction, given: readonly string[]): Partial<Safety> {
  const changes: Partial<Safety> = {};
  for (const item of given) {
    const equals = item.indexOf('=');
    if (equals < 1) throw new InputFailure(t('cli:settings.notNameValue', { given: item }));
    const name = item.slice(0, equals).trim().toLowerCase();
    const value = item.slice(equals + 1).trim().toLowerCase();
    if (appPreferenceNames.has(name)) throw new InputFailure(t('cli:settings.notArchiveSetting', { name }));
    if (!(settingNames as readonly string[]).includes(name)) {
      throw new InputFailure(t('cli:settings.unknownName', { name, names: settingNames.join(', ') }));
    }
    Object.assign(changes, parseValue(t, name as SettingName, value));
  }
  return changes;
}

function parseValue(t: TFunction, name: SettingName, value: string): Partial<Safety> {
  if (name === 'quick-delete') {
    if (!Object.hasOwn(onOff, value)) throw new InputFailure(t('cli:settings.badQuickDelete', { value }));
    return { quickDelete: onOff[value]! };
  }
  if (value === 'off' || value === 'false') return { unlockAttemptLimit: null };
  const limit = Number(value);
  if (!/^\d+$/.test(value) || limit < limitRange.min || limit > limitRange.max) {
    throw new InputFailure(t('cli:settings.badLimit', { value, ...limitRange }));
  }
  return { unlockAttemptLimit: limit };
}

/** One line per setting: its name and value as `--set` takes them, and what it does. */
export function describeSafety(t: TFunction, safety: Safety): string[] {
  const values: Record<SettingName, string> = {
    'quick-delete': safety.quickDelete ? 'on' : 'off',
    'unlock-attempt-limit': safety.unlockAttemptLimit === null ? 'off' : String(safety.unlockAttemptLimit),
  };
  return settingNames.map((name) => `${`${name}=${values[name]}`.padEnd(24)}  ${t(`cli:settings.about.${name}`, limitRange)}`);
}
