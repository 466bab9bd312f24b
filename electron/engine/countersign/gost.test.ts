/**
 * A countersignature by GOST R 34.10-2015 (the other kind of key NCA
 * issues) cannot be computed here yet: the check must say "unsupported",
 * never "valid" and never "changed". Stood in for by an RSA signature made
 * with `openssl cms -sign` whose algorithm identifiers are re-encoded with
 * pkijs; the same signature as made still checks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCountersignature } from './cms';
import { gostOids, signElsewhere, withAlgorithms } from './testing/signElsewhere';
import { makeTestLawyer, type TestLawyer } from './testing/testLawyer';

let folder: string;
let lawyer: TestLawyer;
const manifest = Buffer.from('c0ffee  bag-info.txt\nfeed  manifest-sha256.txt\n');

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'dalel-gost-'));
  lawyer = makeTestLawyer(folder);
}, 60_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('a countersignature by an algorithm Dalel cannot compute', () => {
  it('is unsupported, whether its signature algorithm alone or its digest too is GOST’s; as made, it checks', async () => {
    const signature = signElsewhere(lawyer, manifest);
    expect(await checkCountersignature(signature, manifest)).toMatchObject({ ok: true, countersignature: { subject: lawyer.subject } });
    expect(await checkCountersignature(withAlgorithms(signature, gostOids), manifest)).toEqual({ ok: false, problem: 'unsupported' });
    expect(await checkCountersignature(withAlgorithms(signature, { signature: gostOids.signature }), manifest)).toEqual({ ok: false, problem: 'unsupported' });
    // An algorithm of Kazakhstan's own arc (1.2.398), as NCA's GOST certificates may name theirs: unknown here, so unsupported too.
    expect(await checkCountersignature(withAlgorithms(signature, { signature: '1.2.398.3.10.1.1.2.3.2' }), manifest)).toEqual({ ok: false, problem: 'unsupported' });
  });

  it('is still invalid when its digest is SHA-1 or MD5, which are broken rather than unknown', async () => {
    const signature = signElsewhere(lawyer, manifest);
    expect(await checkCountersignature(withAlgorithms(signature, { signature: '1.2.840.113549.1.1.5', digest: '1.3.14.3.2.26' }), manifest)).toEqual({ ok: false, problem: 'signatureInvalid' });
  });
});
