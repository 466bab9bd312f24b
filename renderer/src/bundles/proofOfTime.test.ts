import { describe, expect, it } from 'vitest';
import { accuracyText, responseNameFor, sendCommand, toBase64, utcText } from './proofOfTime';

describe('proof of time helpers', () => {
  it('encodes any bytes, however many, as standard base64', () => {
    const bytes = new Uint8Array(200_000).map((_, index) => (index * 7) % 256);
    const decoded = Uint8Array.from(atob(toBase64(bytes)), (char) => char.charCodeAt(0));
    expect(decoded).toEqual(bytes);
    expect(toBase64(new Uint8Array([0, 1, 2, 253, 254, 255]))).toBe('AAEC/f7/');
    expect(toBase64(new Uint8Array())).toBe('');
  });

  it('writes the authority time in UTC to the second, keeping a fraction the authority gave', () => {
    expect(utcText('2025-01-12T08:03:05.000Z')).toBe('2025-01-12 08:03:05 UTC');
    expect(utcText('2025-01-12T08:03:05.250Z')).toBe('2025-01-12 08:03:05.250 UTC');
  });

  it('writes the accuracy the authority states to the microsecond, as each language writes a number', () => {
    expect(accuracyText(1, 'en')).toBe('1');
    expect(accuracyText(0.250005, 'en')).toBe('0.250005');
    expect(accuracyText(0.250005, 'ru')).toBe('0,250005');
    expect(accuracyText(0.000001, 'kk')).toBe('0,000001');
    expect(accuracyText(3600, 'ru')).toBe('3600');
  });

  it('names the response beside the request and quotes both in the command', () => {
    expect(responseNameFor('dalel-20250112-0a1b2c3d.tsq')).toBe('dalel-20250112-0a1b2c3d.tsr');
    expect(responseNameFor('saved bundle.zip')).toBe('saved bundle.tsr');
    expect(sendCommand('my request.tsq')).toBe(
      'curl -H "content-type: application/timestamp-query" --data-binary "@my request.tsq" AUTHORITY_URL -o "my request.tsr"',
    );
  });
});
