/**
 * Error codes of the contract. Each has a message under `errors.<code>` in
 * every locale; placeholders are listed here so a test can check that each
 * locale uses exactly these.
 */
export const errorPlaceholders = {
  invalidRequest: [],
  unknownChannel: ['channel'],
  internal: [],
  noArchive: [],
  archiveNotFound: ['path'],
  archiveExists: ['path'],
  notAnArchive: ['path'],
  archiveDamaged: ['path', 'file'],
  archiveTooNew: ['version', 'supported'],
  custodyBroken: ['line'],
  passphraseRequired: [],
  wrongPassphrase: [],
  wrongPassphraseLimited: ['left'],
  archiveDestroyed: ['path'],
  alreadyEncrypted: [],
  notEncrypted: [],
  archiveInUse: [],
  archiveInUseByApp: ['since'],
  archiveInUseByCommand: ['since'],
  quickDeleteDisabled: [],
  recordNotFound: ['id'],
  recordDamaged: ['id', 'file'],
  damagedNotLeftOut: ['count'],
  fileChanged: ['path'],
  fileNotOnDisk: ['name'],
  fileExists: ['path'],
  bundleTooLarge: [],
  cancelled: [],
  exportPathNotChosen: [],
  exportFolderMissing: ['path'],
  /** A submission (submitter, declaration, methodology) asked for in a bundle that is not `legal`. */
  submissionNotLegal: ['profile'],
  busy: [],
  staleRevision: [],
  recordRetracted: [],
  invalidRecord: [],
  recordTypeMismatch: ['type'],
  diskFull: [],
  permissionDenied: ['path'],
  ioError: ['path'],
  /** A spreadsheet refused whole (electron/engine/csvImport/readCsv.ts): nothing is read from it. */
  csvUnreadable: ['path'],
  csvNotUtf8: ['path'],
  csvTooLarge: ['path', 'megabytes'],
  csvTooManyRows: ['path', 'max'],
  csvFieldTooLong: ['path', 'row', 'max'],
  csvMalformed: ['path', 'row'],
  csvEmpty: ['path'],
  csvMappingInvalid: [],
  csvNoColumnMapped: ['path'],
  revisionForged: ['id'],
  revisionInvalid: ['id'],
  historyIncomplete: ['id'],
  historyInconsistent: ['id'],
  /** An import or merge brings a version of an illustrative record without the mark (electron/engine/illustrativeMark.ts). */
  illustrativeDropped: ['id'],
  otherArchiveDamaged: ['path', 'file'],
  invalidPublicKey: [],
  notInConflict: [],
  receivedNotFound: [],
  consentWithdrawalKept: ['use', 'date'],
  /** A bundle that does not pass `dalel verify` cannot be time-stamped. */
  bundleNotValid: ['path'],
  alreadyTimeStamped: ['time'],
  timeStampUnreadable: [],
  timeStampNotGranted: [],
  timeStampNotForBundle: [],
  timeStampSignatureInvalid: [],
  timeStampNotAnAuthority: [],
  /** The custody log's line already has a proof of time. */
  anchorExists: ['seq', 'time'],
  /** The answer stamps none of the custody log's lines. */
  anchorNotForLog: [],
  /** A lawyer's key file (PKCS#12) that is not one. */
  pkcs12Unreadable: [],
  pkcs12WrongPassword: [],
  /** A PKCS#12 file in an encryption or with a key kind not read yet (the older RC2 or triple DES, GOST). */
  pkcs12Unsupported: [],
  alreadyCountersigned: ['subject'],
  /** A countersignature made elsewhere (a .p7s file) that is not CMS in DER, PEM or base64. */
  countersignatureUnreadable: [],
  /** An attached CMS signature of the tag manifest: the bag takes a detached one. */
  countersignatureAttached: [],
  /** A CMS signature of other content than this bundle's tag manifest (or changed since). */
  countersignatureNotForBundle: [],
  /** A CMS signature by an algorithm not checked yet (GOST R 34.10-2015): not added, since verify could not confirm it. */
  countersignatureUnsupported: [],
  /** NCALayer is not answering at its address on this computer (not running, or the address is not on this computer). */
  ncaLayerUnreachable: ['address'],
  ncaLayerCancelled: [],
  /** NCALayer refused to sign, in its own words. */
  ncaLayerRefused: ['message'],
  ncaLayerAnswerMalformed: [],
  /** Nobody finished NCALayer's dialogs in time. */
  ncaLayerTimedOut: ['address'],
} as const satisfies Record<string, readonly string[]>;

export type ErrorCode = keyof typeof errorPlaceholders;
export const errorCodes = Object.keys(errorPlaceholders) as [ErrorCode, ...ErrorCode[]];
