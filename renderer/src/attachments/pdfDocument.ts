/**
 * Opens a PDF evidence file for its preview with pdf.js, loaded only when a
 * PDF preview is first shown (a dynamic import: pdf.js stays out of the main
 * bundle). It reads the file from the app's own /evidence/ URL in ranges and
 * never fetches anything else: no fonts, maps or WebAssembly from anywhere.
 */
import type { PDFDocumentLoadingTask } from 'pdfjs-dist';
// Vite emits the worker as a file of the app and gives its same-origin URL (CSP worker-src 'self').
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

let pdfjs: Promise<typeof import('pdfjs-dist')> | undefined;

function loadPdfjs(): Promise<typeof import('pdfjs-dist')> {
  pdfjs ??= import('pdfjs-dist').then((module) => {
    module.GlobalWorkerOptions.workerSrc = workerUrl;
    return module;
  });
  return pdfjs;
}

/** Starts loading the PDF at `url`; destroy the task to stop it (and its requests). */
export async function openPdf(url: string): Promise<PDFDocumentLoadingTask> {
  const { getDocument } = await loadPdfjs();
  // SECURITY: the file is anyone's bytes. pdf.js 6 has no eval path left to turn off (its
  // `isEvalSupported` option is gone), runs no PDF JavaScript without a scripting sandbox (none
  // is set up), and with useWasm off it compiles no WebAssembly, which the CSP would refuse anyway.
  return getDocument({
    url,
    // Range requests only: no full download streamed in the background, no pre-fetching of
    // pages not shown, so a large PDF costs what its first page needs.
    disableStream: true,
    disableAutoFetch: true,
    useWasm: false,
    // Fonts a PDF does not embed are drawn with the system's fonts; nothing is fetched for them.
    useSystemFonts: true,
    stopAtErrors: false,
  });
}
