/**
 * The sample archive's content (Kazakhstan, January 2022): illustrative
 * records written from public reporting, not a verified case file; every
 * title says so. One source for `npm run demo` and for "Open the sample
 * archive" in the app, both of which save them through the ordinary
 * contract (the command's `add`, the renderer's `records:save`). The
 * effects, testimony and files the demo and the screenshots add to them are
 * in ./kzJanuary2022Evidence.ts. Pure data.
 */
import type { IncidentInput } from '../model';
import mobileRestrictions from '../../resources/sample/kz-january-2022/01-mobile-restrictions.json';
import nationwideShutdown from '../../resources/sample/kz-january-2022/02-nationwide-shutdown.json';
import almatyEveningCutoffs from '../../resources/sample/kz-january-2022/03-almaty-evening-cutoffs.json';

/** The name the command gives the sample archive (the app gives it a translated one). */
export const sampleArchiveName = 'Sample (illustrative): Kazakhstan, January 2022';

/** Appended to the default archive folder for the app's sample, so it never lands in a real archive. */
export const sampleFolderSuffix = '-sample-kz-january-2022';

export const sampleIncidents: readonly IncidentInput[] = [mobileRestrictions, nationwideShutdown, almatyEveningCutoffs] as IncidentInput[];
