/**
 * Tag names as ExifTool reports them (`-j -G0:1`) sort into the kinds a
 * person would name, and the file's structure into none.
 */
import { describe, expect, it } from 'vitest';
import { kindOfTag, kindsOfTags } from './tagKinds';

describe('kindOfTag', () => {
  it.each([
    ['EXIF:GPS:GPSLatitude', 33.3, 'location'],
    ['EXIF:GPS:GPSVersionID', '2 3 0 0', 'location'],
    ['QuickTime:Keys:GPSCoordinates', '33.3 44.3 34', 'location'],
    ['QuickTime:UserData:GPSCoordinates', '33.3 44.3', 'location'],
    ['QuickTime:Keys:LocationAccuracyHorizontal', 4.7, 'location'],
    ['QuickTime:VideoUserData:Track1GPSCoordinates', '+33.3+044.3/', 'location'],
    ['XMP:XMP-exif:GPSLongitude', 44.3, 'location'],
    ['IPTC:City', 'Baghdad', 'location'],
    ['XMP:XMP-iptcCore:Location', 'square', 'location'],
    ['EXIF:IFD0:Make', 'Apple', 'device'],
    ['EXIF:IFD0:Model', 'iPhone 15', 'device'],
    ['EXIF:IFD0:HostComputer', 'iPhone 15', 'device'],
    ['EXIF:ExifIFD:SerialNumber', '123', 'device'],
    ['EXIF:ExifIFD:LensModel', 'back camera 6mm', 'device'],
    ['EXIF:ExifIFD:LensMake', 'Apple', 'device'],
    ['MakerNotes:Apple:RunTimeFlags', 1, 'device'],
    ['QuickTime:Keys:Make', 'Apple', 'device'],
    ['QuickTime:Keys:AndroidModel', 'SM-G991B', 'device'],
    ['XMP:XMP-aux:SerialNumber', '123', 'device'],
    ['QuickTime:VideoUserData:Track1Make', '', 'device'],
    ['EXIF:IFD0:Artist', 'A. Witness', 'owner'],
    ['EXIF:ExifIFD:OwnerName', 'A. Witness', 'owner'],
    ['XMP:XMP-dc:Creator', 'A. Witness', 'owner'],
    ['IPTC:By-line', 'A. Witness', 'owner'],
    ['EXIF:IFD0:Copyright', '2024', 'owner'],
    ['QuickTime:ItemList:Author', 'A. Witness', 'owner'],
    ['EXIF:IFD0:Software', '17.2', 'software'],
    ['XMP:XMP-xmp:CreatorTool', 'Camera', 'software'],
    ['XMP:XMP-x:XMPToolkit', 'XMP Core 6.0.0', 'software'],
    ['QuickTime:ItemList:Encoder', 'Lavf', 'software'],
    ['QuickTime:Keys:AndroidVersion', '14', 'software'],
    ['XMP:XMP-xmpMM:HistorySoftwareAgent', 'Photos', 'software'],
    ['EXIF:ExifIFD:DateTimeOriginal', '2024:01:02 03:04:05', 'time'],
    ['EXIF:ExifIFD:OffsetTimeOriginal', '+03:00', 'time'],
    ['QuickTime:Keys:CreationDate', '2024:01:02 03:04:05+03:00', 'time'],
    ['QuickTime:CreateDate', '2024:01:02 03:04:05', 'time'],
    ['PNG:ModifyDate', '2024:01:02 03:04:05', 'time'],
    ['EXIF:ExifIFD:ExposureTime', 0.01, 'other'],
    ['EXIF:IFD1:ThumbnailImage', '(Binary data 5000 bytes)', 'other'],
    ['XMP:XMP-GCamera:MicroVideo', 1, 'other'],
    ['QuickTime:Keys:ContentIdentifier', 'A1B2', 'other'],
    ['File:Comment', 'Lavc59.37.100', 'other'],
    ['PNG:Comment', 'hello', 'other'],
  ])('%s is %s', (key, value, kind) => {
    expect(kindOfTag(key, value)).toBe(kind);
  });

  it.each([
    ['File:FileType', 'JPEG'],
    ['File:System:FileModifyDate', '2026:01:01 00:00:00'],
    ['File:ImageWidth', 4032],
    ['ExifTool:ExifToolVersion', 13.59],
    ['ExifTool:Warning', 'minor'],
    ['Composite:GPSPosition', '33 44'],
    ['ICC_Profile:ICC-header:DeviceModel', 'appl'],
    ['EXIF:IFD0:Orientation', 6],
    ['EXIF:IFD0:YCbCrPositioning', 1],
    ['EXIF:ExifIFD:ColorSpace', 1],
    ['JFIF:JFIFVersion', '1 2'],
    ['PNG:ImageWidth', 96],
    ['PNG:Gamma', 2.2],
    ['PNG:PNG-pHYs:PixelsPerUnitX', 1],
    ['QuickTime:CreateDate', '0000:00:00 00:00:00'],
    ['QuickTime:Track1:TrackCreateDate', '0000:00:00 00:00:00'],
    ['QuickTime:Track1:MediaDuration', 1],
    ['QuickTime:Track1:CompressorName', 'HEVC'],
    ['QuickTime:Track1:HandlerDescription', 'Core Media Video'],
    ['QuickTime:MajorBrand', 'qt  '],
    ['QuickTime:Meta:PrimaryItemReference', 1],
    ['RIFF:VP8Version', 0],
    ['SourceFile', '-'],
  ])('%s is structure, no kind', (key, value) => {
    expect(kindOfTag(key, value)).toBeNull();
  });
});

describe('kindsOfTags', () => {
  it('lists each kind once, in a fixed order', () => {
    const kinds = kindsOfTags({
      'EXIF:IFD0:Software': 'x',
      'EXIF:GPS:GPSLatitude': 1,
      'EXIF:IFD0:Make': 'y',
      'EXIF:IFD0:Model': 'z',
      'EXIF:ExifIFD:CreateDate': '2024:01:01 00:00:00',
      'File:FileType': 'JPEG',
    });
    expect(kinds).toEqual(['location', 'device', 'software', 'time']);
  });
});
