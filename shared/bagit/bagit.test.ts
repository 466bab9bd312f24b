import { describe, expect, it } from 'vitest';
import { resources } from '../i18n';
import {
  bagInfoValue,
  bagitDeclaration,
  checkIds,
  decodeBagPath,
  encodeBagPath,
  failurePlaceholders,
  failureReasons,
  formatPayloadOxum,
  parseBagInfo,
  parseBagitDeclaration,
  parseManifest,
  parsePayloadOxum,
  writeBagInfo,
  writeManifest,
} from './index';

const hash = (digit: string) => digit.repeat(64);

describe('bagit.txt', () => {
  it('is written as BagIt 1.0 in UTF-8 and reads back', () => {
    expect(bagitDeclaration).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    expect(parseBagitDeclaration(bagitDeclaration)).toEqual({ ok: true, value: { version: '1.0', encoding: 'UTF-8' } });
    expect(parseBagitDeclaration('BagIt-Version: 1.0\r\nTag-File-Character-Encoding: UTF-8')).toMatchObject({ ok: true });
  });

  it('is refused with a byte order mark, in the wrong order, or with more lines', () => {
    expect(parseBagitDeclaration(`\uFEFF${bagitDeclaration}`)).toEqual({ ok: false, error: 'byteOrderMark', line: 1 });
    expect(parseBagitDeclaration('Tag-File-Character-Encoding: UTF-8\nBagIt-Version: 1.0\n')).toMatchObject({ ok: false, error: 'notADeclaration' });
    expect(parseBagitDeclaration(`${bagitDeclaration}Extra: 1\n`)).toEqual({ ok: false, error: 'notADeclaration', line: 3 });
    expect(parseBagitDeclaration('')).toMatchObject({ ok: false });
  });
});

describe('bag-info.txt', () => {
  it('reads back what it writes, in order, with repeated labels and any script', () => {
    const fields: [string, string][] = [
      ['Source-Organization', 'Цифровые права — Қазақстан'],
      ['Payload-Oxum', formatPayloadOxum(1234, 5)],
      ['Internal-Sender-Description', 'one'],
      ['Internal-Sender-Description', 'two'],
      ['Empty', ''],
    ];
    const text = writeBagInfo(fields);
    expect(text).toBe(
      'Source-Organization: Цифровые права — Қазақстан\nPayload-Oxum: 1234.5\nInternal-Sender-Description: one\nInternal-Sender-Description: two\nEmpty: \n',
    );
    expect(parseBagInfo(text)).toEqual({ ok: true, value: fields });
  });

  it('folds a line break in a value into a continuation line, which reads back as a space', () => {
    const text = writeBagInfo([['External-Description', 'first line\r\nsecond line\nthird']]);
    expect(text).toBe('External-Description: first line\n  second line\n  third\n');
    expect(parseBagInfo(text)).toEqual({ ok: true, value: [['External-Description', 'first line second line third']] });
    expect(parseBagInfo('A: x\r\n\tcontinued\rB: y')).toEqual({ ok: true, value: [['A', 'x continued'], ['B', 'y']] });
  });

  it('refuses a label no reader could read back', () => {
    for (const label of ['', 'Has: colon', ' Leading', 'Trailing ', 'Line\nbreak']) expect(() => writeBagInfo([[label, 'x']])).toThrow();
  });

  it('reports the line of a malformed element', () => {
    expect(parseBagInfo('  continuation first\n')).toEqual({ ok: false, error: 'malformedLine', line: 1 });
    expect(parseBagInfo('A: 1\nno colon here\n')).toEqual({ ok: false, error: 'malformedLine', line: 2 });
    expect(parseBagInfo('A: 1\n\nB: 2\n')).toEqual({ ok: false, error: 'malformedLine', line: 2 });
    expect(parseBagInfo(': no label\n')).toEqual({ ok: false, error: 'malformedLine', line: 1 });
    expect(parseBagInfo('A: 1\n\n\n')).toEqual({ ok: true, value: [['A', '1']] });
  });

  it('finds a value without regard to case, and tells when it is repeated', () => {
    const fields: [string, string][] = [['Payload-Oxum', '1.1'], ['dalel-format', '1'], ['X', 'a'], ['x', 'b']];
    expect(bagInfoValue(fields, 'Dalel-Format')).toBe('1');
    expect(bagInfoValue(fields, 'X')).toBe('repeated');
    expect(bagInfoValue(fields, 'Missing')).toBeNull();
  });

  it('reads Payload-Oxum strictly', () => {
    expect(parsePayloadOxum('1234.5')).toEqual({ bytes: 1234, files: 5 });
    for (const bad of ['', '12', '1.2.3', '-1.2', '1.2 ', '99999999999999999.1', '1e3.2']) expect(parsePayloadOxum(bad)).toBeNull();
  });
});

describe('manifests', () => {
  it('are written as sha256sum writes them and read back', () => {
    const entries = [
      { sha256: hash('a'), path: 'data/bundle.json' },
      { sha256: hash('b'), path: 'data/attachments/доказательство 1.jpg' },
    ];
    const text = writeManifest(entries);
    expect(text).toBe(`${hash('a')}  data/bundle.json\n${hash('b')}  data/attachments/доказательство 1.jpg\n`);
    expect(parseManifest(text)).toEqual({ ok: true, value: entries });
  });

  it('percent-encode CR, LF and % in paths, and only those (RFC 8493 §2.1.3)', () => {
    expect(encodeBagPath('data/100%\r\nsure #1?.txt')).toBe('data/100%25%0D%0Asure #1?.txt');
    expect(decodeBagPath('data/100%25%0d%0Asure%20.txt')).toBe('data/100%\r\nsure%20.txt');
    const entries = [{ sha256: hash('c'), path: 'data/a\nb%.txt' }];
    expect(writeManifest(entries)).toBe(`${hash('c')}  data/a%0Ab%25.txt\n`);
    expect(parseManifest(writeManifest(entries))).toEqual({ ok: true, value: entries });
  });

  it('accept upper-case hex, a tab, CRLF and blank lines, but not a path twice or a malformed line', () => {
    expect(parseManifest(`${hash('A')}\tdata/x\r\n\r\n${hash('b')} data/y`)).toEqual({
      ok: true,
      value: [
        { sha256: hash('a'), path: 'data/x' },
        { sha256: hash('b'), path: 'data/y' },
      ],
    });
    expect(parseManifest(`${hash('a')}  data/x\n${hash('b')}  data/x\n`)).toEqual({ ok: false, error: 'duplicatePath', line: 2 });
    expect(parseManifest(`${hash('a')}  data/x\nnot a line\n`)).toEqual({ ok: false, error: 'malformedLine', line: 2 });
    expect(parseManifest(`${'a'.repeat(63)}  data/x\n`)).toMatchObject({ ok: false, error: 'malformedLine' });
    expect(parseManifest(`${hash('a')}  \n`)).toMatchObject({ ok: false, error: 'malformedLine' });
  });

  it('refuse to write a hash that is not lower-case sha256 hex', () => {
    expect(() => writeManifest([{ sha256: hash('A'), path: 'data/x' }])).toThrow();
    expect(() => writeManifest([{ sha256: 'abc', path: 'data/x' }])).toThrow();
  });
});

describe('the verify report', () => {
  it('has a message for every check and failure, in every language, with exactly its placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();
    for (const [language, namespaces] of Object.entries(resources)) {
      const verify = namespaces.verify as unknown as { check: Record<string, string>; failure: Record<string, string> };
      expect(Object.keys(verify.check).sort(), language).toEqual([...checkIds].sort());
      expect(Object.keys(verify.failure).sort(), language).toEqual([...failureReasons].sort());
      for (const reason of failureReasons) {
        expect(placeholders(verify.failure[reason]!), `${language} verify:failure.${reason}`).toEqual([...failurePlaceholders[reason]].sort());
      }
    }
  });
});
