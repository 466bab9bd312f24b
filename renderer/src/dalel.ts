/**
 * The renderer's only way out: `window.dalel`, typed by the contract in
 * shared/ipc. The preload (or the test harness) provides it; nothing here
 * may reach the network, the file system or Electron directly.
 */
import type { DalelApi, DalelError, RequestOf, ResponseOf, Result } from '../../shared/ipc';

/** Evidence files as the person picked or dropped them; the preload turns them into paths (shared/ipc/names.ts). */
export type AddFilesRequest = Omit<RequestOf<'attachments:add'>, 'paths'> & { files: readonly File[] };

/** A bundle to check, as the person picked or dropped it. */
export type VerifyFileRequest = Omit<RequestOf<'bundle:verify'>, 'path'> & { file: File };

/** A bundle to import, as the person picked or dropped it. */
export type ImportFileRequest = Omit<RequestOf<'bundle:import'>, 'path'> & { file: File };

/** A bundle's proof of time to ask for or add, the bundle as the person picked or dropped it. */
export type TimeStampRequestFileRequest = Omit<RequestOf<'bundle:timeStampRequest'>, 'path'> & { file: File };
export type AddTimeStampFileRequest = Omit<RequestOf<'bundle:addTimeStamp'>, 'path'> & { file: File };

/** The contract's API, except that files cross as File objects, never as paths (shared/ipc/names.ts, fileRequests). */
export type RendererApi = Omit<DalelApi, 'attachments' | 'bundle' | 'csv'> & {
  attachments: { add(request: AddFilesRequest): Promise<Result<ResponseOf<'attachments:add'>>> };
  /** A spreadsheet to read or import, as the person picked it. */
  csv: { import(request: Omit<RequestOf<'csv:import'>, 'path'> & { file: File }): Promise<Result<ResponseOf<'csv:import'>>> };
  bundle: Omit<DalelApi['bundle'], 'verify' | 'import' | 'timeStampRequest' | 'addTimeStamp' | 'countersign' | 'addCountersignature' | 'countersignWithNcaLayer' | 'extractTagManifest'> & {
    verify(request: VerifyFileRequest): Promise<Result<ResponseOf<'bundle:verify'>>>;
    import(request: ImportFileRequest): Promise<Result<ResponseOf<'bundle:import'>>>;
    timeStampRequest(request: TimeStampRequestFileRequest): Promise<Result<ResponseOf<'bundle:timeStampRequest'>>>;
    addTimeStamp(request: AddTimeStampFileRequest): Promise<Result<ResponseOf<'bundle:addTimeStamp'>>>;
    countersign(request: Omit<RequestOf<'bundle:countersign'>, 'path'> & { file: File }): Promise<Result<ResponseOf<'bundle:countersign'>>>;
    addCountersignature(request: Omit<RequestOf<'bundle:addCountersignature'>, 'path'> & { file: File }): Promise<Result<ResponseOf<'bundle:addCountersignature'>>>;
    countersignWithNcaLayer(request: Omit<RequestOf<'bundle:countersignWithNcaLayer'>, 'path'> & { file: File }): Promise<Result<ResponseOf<'bundle:countersignWithNcaLayer'>>>;
    extractTagManifest(request: Omit<RequestOf<'bundle:extractTagManifest'>, 'path'> & { file: File }): Promise<Result<ResponseOf<'bundle:extractTagManifest'>>>;
  };
};

declare global {
  interface Window {
    readonly dalel: RendererApi;
  }
}

export const dalel = (): RendererApi => window.dalel;

/**
 * Where the app serves the bytes of a record's evidence file for previews,
 * same-origin and with range requests (electron/engine/evidence.ts).
 */
export const evidenceUrl = (recordId: string, sha256: string): string => `/evidence/${recordId}/${sha256}`;

export type { DalelError, Result };

/** A failure thrown inside the renderer (never across the boundary), e.g. while loading a screen. */
export class CallFailed extends Error {
  constructor(readonly error: DalelError) {
    super(error.code);
  }
}

/** The value of a Result, or a thrown CallFailed for screens that load with one try/catch. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new CallFailed(result.error);
  return result.value;
}

/** Any thrown value as a contract error, so every failure shows a translated message. */
export function asDalelError(thrown: unknown): DalelError {
  return thrown instanceof CallFailed ? thrown.error : { code: 'internal' };
}
