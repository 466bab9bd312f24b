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
  fileChanged: ['path'],
  fileNotOnDisk: ['name'],
  fileExists: ['path'],
  cancelled: [],
  exportPathNotChosen: [],
  busy: [],
  staleRevision: [],
  recordRetracted: [],
  invalidRecord: [],
  recordTypeMismatch: ['type'],
  diskFull: [],
  permissionDenied: ['path'],
  ioError: ['path'],
  revisionForged: ['id'],
  revisionInvalid: ['id'],
  historyIncomplete: ['id'],
  historyInconsistent: ['id'],
  otherArchiveDamaged: ['path', 'file'],
  invalidPublicKey: [],
  notInConflict: [],
  receivedNotFound: [],
} as const satisfies Record<string, readonly string[]>;

export type ErrorCode = keyof typeof errorPlaceholders;
export const errorCodes = Object.keys(errorPlaceholders) as [ErrorCode, ...ErrorCode[]];
