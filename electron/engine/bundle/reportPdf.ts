/**
 * report.pdf names itself (issue 18, item 5): a browser prints the report,
 * and writes its own user agent as the PDF's Creator ("Mozilla/5.0 (X11;
 * Linux x86_64) … HeadlessChrome/…") and its engine as Producer, which says
 * nothing a court needs and something about the exporter's computer. The
 * document information is set instead to Dalel and its version, the bundle
 * id and the report's language, dated at the bundle's creation; no person
 * is named (no Author). pdf-lib rewrites the file with every object as it
 * was (pages, text, the tagged structure), uncompressed object streams so
 * that any reader finds the information where PDF 1.4 puts it.
 */
import { PDFDocument } from 'pdf-lib';

export interface ReportFacts {
  /** "Dalel 0.1.0". */
  software: string;
  bundleId: string;
  language: string;
  /** The bundle's createdAt (a public bundle's is its day alone, and the PDF's dates say no more). */
  createdAt: string;
}

/** The printed PDF with Dalel's document information, or null when it cannot be read (the bundle then carries the HTML report only). */
export async function namedReportPdf(pdf: Uint8Array, facts: ReportFacts): Promise<Uint8Array | null> {
  // pdf-lib reads leniently: bytes with a PDF header and nothing of a document load, and fail later.
  try {
    const document = await PDFDocument.load(pdf, { updateMetadata: false });
    if (document.getPageCount() === 0) return null;
    const created = new Date(facts.createdAt);
    document.setSubject(`${facts.bundleId} (${facts.language})`);
    document.setKeywords([facts.bundleId, `language:${facts.language}`]);
    document.setCreator(facts.software);
    document.setProducer(facts.software);
    document.setLanguage(facts.language);
    document.setCreationDate(created);
    document.setModificationDate(created);
    return await document.save({ useObjectStreams: false, updateFieldAppearances: false });
  } catch {
    return null;
  }
}
