/**
 * The registry of targets, in docs/spec/performance.md's order. Adding one (P4–P6,
 * P8, P9, P12) is a module of its own beside these, exporting a Target, and one
 * line here.
 */
import type { Target } from '../harness';
import { p1Export } from './p1Export';
import { p2EncryptedExport } from './p2EncryptedExport';
import { p3Verify } from './p3Verify';
import { p4Save } from './p4Save';
import { p5Open } from './p5Open';
import { p6Merge } from './p6Merge';
import { p7Memory } from './p7Memory';
import { p8List } from './p8List';
import { p9Crash } from './p9Crash';
import { p12Hostile } from './p12Hostile';

export const targets: readonly Target[] = [p1Export, p2EncryptedExport, p3Verify, p4Save, p5Open, p6Merge, p7Memory, p8List, p9Crash, p12Hostile];
