/**
 * Sorts the tags ExifTool reads from a photo or a video into the kinds of
 * metadata a person cares about: where (location), with what (device), by
 * whom (owner), with which program (software), when (time), and the rest
 * (other). Structural facts about the file (its size, pixel dimensions,
 * colour encoding, track layout, duration) are no kind at all and give null.
 *
 * The input is one key of `exiftool -j -G0:1` ("Family0:Family1:TagName",
 * or "Family0:TagName" when both groups are the same) and its value. Only
 * the kind ever leaves this module: a list of exact tag names can tell a
 * phone model apart, so nothing here is made to be shown or stored.
 *
 * The rules err towards naming a kind: a structural tag taken for metadata
 * can only make cleaning refuse a file, never let a location through.
 */
import { metadataKindOrder, type MetadataKind } from '../../../shared/model';

export { metadataKindOrder, type MetadataKind };

/** What ExifTool says about itself, the file system, values it derives from other tags, and colour profiles (see README: ICC profiles are kept). */
const ignoredFamilies = new Set(['ExifTool', 'Composite', 'ICC_Profile', 'SourceFile']);

/** Families (ExifTool's family 0) whose every tag is metadata someone wrote, not a fact about the pixels or frames. */
const metadataFamilies = new Set([
  'EXIF',
  'XMP',
  'IPTC',
  'Photoshop',
  'MakerNotes',
  'JUMBF', // C2PA content credentials, which can name a person and a place
  'MPF',
  'Trailer',
  'Comment',
  'PrintIM',
  'Ducky',
  'FotoStation',
  'PhotoMechanic',
  'MIE',
  'AFCP',
  'GoPro',
]);

/** QuickTime groups that hold metadata (the rest is the movie's structure: headers, tracks, sample tables). */
const quickTimeMetadataGroups = /^(UserData|ItemList|Keys|VideoKeys|AudioKeys|VideoUserData|AudioUserData|Microsoft|Meta-?Keys|Xtra|Nextbase|Insta360|GoPro|Samsung|Android)/;

/** Tags in metadata families that only describe how to decode or orient the picture. */
const structuralNames = new Set([
  'Orientation',
  'XResolution',
  'YResolution',
  'ResolutionUnit',
  'YCbCrPositioning',
  'YCbCrSubSampling',
  'YCbCrCoefficients',
  'ExifVersion',
  'FlashpixVersion',
  'ColorSpace',
  'ComponentsConfiguration',
  'ExifImageWidth',
  'ExifImageHeight',
  'ImageWidth',
  'ImageHeight',
  'BitsPerSample',
  'Compression',
  'PhotometricInterpretation',
  'SamplesPerPixel',
  'PlanarConfiguration',
  'InteropIndex',
  'InteropVersion',
]);

/** PNG chunks that describe the image rather than its making (text chunks, eXIf and tIME are metadata). */
const pngStructuralNames = new Set([
  'ImageWidth',
  'ImageHeight',
  'BitDepth',
  'ColorType',
  'Compression',
  'Filter',
  'Interlace',
  'Gamma',
  'WhitePointX',
  'WhitePointY',
  'RedX',
  'RedY',
  'GreenX',
  'GreenY',
  'BlueX',
  'BlueY',
  'SRGBRendering',
  'Palette',
  'BackgroundColor',
  'Transparency',
  'SignificantBits',
  'AnimationFrames',
  'AnimationPlays',
  'PixelsPerUnitX',
  'PixelsPerUnitY',
  'PixelUnits',
]);

const location =
  /gps|location|iso6709|latitude|longitude|altitude|geotag|geolocation|^city$|^country|sub-?location|province-?state|^state$|placename|^xyz$/i;
const software =
  /software|creatortool|historysoftwareagent|^encoder$|encodedby|encodingtool|firmware|xmptoolkit|androidversion|originatingprogram|programversion|^writer(app|name)?$|^tool(name)?$/i;
const owner = /artist|author|^creator(?!tool)|copyright|owner|by-?line|^rights$|^credit|photographer|^contact|publisher|usageterms/i;
const device = /make$|model$|manufacturer|serial|^lens|hostcomputer|^camera|imageuniqueid|deviceid|^device/i;
const time = /date|^(subsec|offset)time|^time(created|stamp|zone)|creationtime|modificationtime|^datetime/i;

/**
 * A time that says nothing: empty, or all zeros (what cleaning writes into
 * QuickTime headers). Other kinds count whatever their value: ExifTool shows
 * some raw values as empty text (a track's own user data starting with a
 * zero byte), and a tag that is there is not taken for absent.
 */
function isEmptyTime(value: unknown): boolean {
  if (value === null || value === undefined || value === 0) return true;
  if (typeof value === 'string') return value.trim() === '' || /^0000[:-]00[:-]00/.test(value.trim());
  return false;
}

function splitKey(key: string): { family0: string; family1: string; name: string } {
  const parts = key.split(':');
  const name = parts[parts.length - 1] ?? '';
  const family0 = parts[0] ?? '';
  const family1 = parts.length >= 3 ? (parts[1] ?? family0) : family0;
  return { family0, family1, name };
}

/** Whether a tag that matched no named kind is still metadata (other) or structure (null). */
function isOtherMetadata(family0: string, family1: string, name: string): boolean {
  if (metadataFamilies.has(family0)) return !structuralNames.has(name);
  if (family0 === 'QuickTime') return quickTimeMetadataGroups.test(family1);
  if (family0 === 'PNG' && family1 === 'PNG') return !pngStructuralNames.has(name);
  return false;
}

/** The kind of one `exiftool -j -G0:1` entry, or null for structure and for what ExifTool derives. */
export function kindOfTag(key: string, value: unknown): MetadataKind | null {
  const { family0, family1, name } = splitKey(key);
  if (ignoredFamilies.has(family0) || !name) return null;
  // File holds what ExifTool measured, except a JPEG's comment (COM segment), which is free text.
  if (family0 === 'File') return name === 'Comment' ? 'other' : null;
  if (family1 === 'GPS' || location.test(name)) return 'location';
  if (software.test(name)) return 'software';
  if (owner.test(name)) return 'owner';
  if (device.test(name) || family0 === 'MakerNotes') return 'device';
  if (time.test(name)) return isEmptyTime(value) ? null : 'time';
  return isOtherMetadata(family0, family1, name) ? 'other' : null;
}

/** The kinds among all the entries of one file, in metadataKindOrder. */
export function kindsOfTags(tags: Record<string, unknown>): MetadataKind[] {
  const found = new Set<MetadataKind>();
  for (const [key, value] of Object.entries(tags)) {
    const kind = kindOfTag(key, value);
    if (kind) found.add(kind);
  }
  return metadataKindOrder.filter((kind) => found.has(kind));
}
