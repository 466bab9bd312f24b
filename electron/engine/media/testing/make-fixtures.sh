#!/usr/bin/env bash
# Makes the media fixtures of cleanMedia.test.ts: one small file per format
# that cleanMedia handles (JPEG, PNG, WebP, HEIC, MP4, MOV), each carrying the
# metadata a phone would leave in it (a GPS position, make, model, serial
# number, owner, software, capture time; for MP4 and MOV also the QuickTime
# location atoms: UserData ©xyz and Keys com.apple.quicktime.location.ISO6709).
#
# Every value is made up ("DalelTest", "Test Witness", a position in Baghdad)
# and every picture is ffmpeg's own generated test pattern, so the files are
# ours and free to ship. The tests need only these committed files and
# Debian's exiftool; this script is kept to show how they were made, and to
# remake them:
#   apt-get install -y ffmpeg libheif-examples libimage-exiftool-perl python3
#   bash electron/engine/media/testing/make-fixtures.sh
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The pictures: a 96x64 test pattern; the videos: one second of it at 5 fps.
ffmpeg -v error -y -f lavfi -i "testsrc2=size=96x64:rate=1" -frames:v 1 "$work/pattern.png"
ffmpeg -v error -y -i "$work/pattern.png" -q:v 5 photo.jpg
ffmpeg -v error -y -i "$work/pattern.png" -c:v png photo.png
ffmpeg -v error -y -i "$work/pattern.png" -c:v libwebp -quality 60 photo.webp
heif-enc -q 40 "$work/pattern.png" -o photo.heic >/dev/null
for container in mp4 mov; do
  ffmpeg -v error -y -f lavfi -i "testsrc2=size=96x64:rate=5" -t 1 \
    -c:v libx264 -preset veryslow -crf 40 -pix_fmt yuv420p -an -f "$container" "clip.$container"
done

# A phone's photo metadata: EXIF (GPS, camera, owner, software, dates, and an
# orientation, which cleaning keeps), XMP creator and tool.
cat >"$work/photo.args" <<'EOF'
-GPSLatitude=33.3152
-GPSLatitudeRef=N
-GPSLongitude=44.3661
-GPSLongitudeRef=E
-GPSAltitude=34
-GPSAltitudeRef=0
-Make=DalelTest
-Model=Fixture Cam 1
-HostComputer=DalelTest Fixture Cam 1
-SerialNumber=DLT0001234
-LensModel=DalelTest Lens 4mm
-OwnerName=Test Witness
-Artist=Test Witness
-Copyright=Test Witness
-Software=FixtureOS 1.0
-DateTimeOriginal=2024:01:02 03:04:05
-CreateDate=2024:01:02 03:04:05
-OffsetTimeOriginal=+03:00
-Orientation#=6
-XMP-dc:Creator=Test Witness
-XMP-xmp:CreatorTool=FixtureOS 1.0
EOF
for photo in photo.jpg photo.png photo.webp photo.heic; do
  exiftool -q -overwrite_original -@ "$work/photo.args" "$photo"
done
# JPEG only: IPTC and XMP copies of the owner and the position, as photo
# editors write them.
exiftool -q -overwrite_original -IPTC:By-line="Test Witness" -IPTC:City=Baghdad \
  -XMP-exif:GPSLatitude=33.3152 -XMP-exif:GPSLongitude=44.3661 photo.jpg
# ...and a trailer after the end of the image, as phones append preview and
# depth images (MPF): a copy of the tagged photo, which cleaning must drop.
cp photo.jpg "$work/trailer.jpg"
cat "$work/trailer.jpg" >>photo.jpg

# A phone's video metadata: QuickTime Keys (com.apple.quicktime.*: location
# ISO6709, make, model, software, creation date), UserData (©xyz location,
# ©mak, ©mod, ©ART), ItemList (author, encoder), XMP, and the movie's header
# dates (mvhd, tkhd, mdhd).
cat >"$work/video.args" <<'EOF'
-Keys:GPSCoordinates=33.3152, 44.3661, 34
-Keys:Make=DalelTest
-Keys:Model=Fixture Cam 1
-Keys:Software=FixtureOS 1.0
-Keys:CreationDate=2024:01:02 03:04:05+03:00
-UserData:GPSCoordinates=33.3152, 44.3661, 34
-UserData:Make=DalelTest
-UserData:Model=Fixture Cam 1
-UserData:Artist=Test Witness
-ItemList:Author=Test Witness
-ItemList:Encoder=FixtureOS 1.0
-XMP-dc:Creator=Test Witness
-XMP-exif:GPSLatitude=33.3152
-XMP-exif:GPSLongitude=44.3661
-XMP-tiff:Make=DalelTest
-XMP-aux:SerialNumber=DLT0001234
-QuickTime:CreateDate=2024:01:02 03:04:05
-QuickTime:ModifyDate=2024:01:02 03:04:05
-Track1:TrackCreateDate=2024:01:02 03:04:05
-Track1:MediaCreateDate=2024:01:02 03:04:05
EOF
for clip in clip.mp4 clip.mov; do
  exiftool -q -overwrite_original -@ "$work/video.args" "$clip"
done

# A MOV whose video track has user data of its own (a ©xyz location and a
# ©mak make inside moov/trak/udta), which ExifTool can neither write nor
# delete: cleaning must refuse it ('metadataRemains') rather than pass it on.
python3 - clip.mov clip-track-location.mov <<'PY'
import struct, sys
data = bytearray(open(sys.argv[1], 'rb').read())

def boxes(start, end):
    at = start
    while at < end:
        size, kind = struct.unpack('>I4s', data[at:at + 8])
        yield at, size, kind
        at += size

def find(start, end, path):
    for at, size, kind in boxes(start, end):
        if kind == path[0]:
            return (at, size) if len(path) == 1 else find(at + 8, at + size, path[1:])
    raise SystemExit('no ' + path[0].decode())

def text_atom(kind, text):
    # QuickTime user data text: 16-bit length, 16-bit language, the text
    return struct.pack('>I4sHH', 12 + len(text), kind, len(text), 0x15c7) + text

udta = text_atom(b'\xa9xyz', b'+33.3152+044.3661/') + text_atom(b'\xa9mak', b'DalelTest')
udta = struct.pack('>I4s', 8 + len(udta), b'udta') + udta
moov = find(0, len(data), [b'moov'])
trak = find(moov[0] + 8, sum(moov), [b'trak'])
mdat = find(0, len(data), [b'mdat'])
if mdat[0] > moov[0]:
    # the samples move down by the inserted size: shift the track's chunk offsets
    stco = find(trak[0] + 8, sum(trak), [b'mdia', b'minf', b'stbl', b'stco'])
    count = struct.unpack('>I', data[stco[0] + 12:stco[0] + 16])[0]
    for i in range(count):
        at = stco[0] + 16 + 4 * i
        data[at:at + 4] = struct.pack('>I', struct.unpack('>I', data[at:at + 4])[0] + len(udta))
end = sum(trak)
data[end:end] = udta
data[trak[0]:trak[0] + 4] = struct.pack('>I', trak[1] + len(udta))
data[moov[0]:moov[0] + 4] = struct.pack('>I', moov[1] + len(udta))
open(sys.argv[2], 'wb').write(data)
PY

ls -l photo.* clip.* clip-track-location.mov
