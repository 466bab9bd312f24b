/**
 * The preview of a PDF evidence file: one page at a time drawn to a canvas by
 * pdf.js, with previous and next page buttons, "page X of N", and the page's
 * own text as its text alternative. A file pdf.js cannot open (damaged, with
 * a password) shows a translated message instead of an empty canvas.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { openPdf } from './pdfDocument';

interface Props {
  url: string;
  name: string;
}

type Failure = 'failed' | 'password';

/** Drawn this wide (CSS pixels, times the screen's pixel ratio); the stylesheet shows it at most 30rem wide. */
const pageWidth = 600;

export function PdfPreview({ url, name }: Props) {
  const { t } = useTranslation();
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pageNumber, setPageNumber] = useState(1);

  useEffect(() => {
    let stopped = false;
    let destroy: (() => Promise<void>) | undefined;
    openPdf(url)
      .then((task) => {
        destroy = () => task.destroy();
        if (stopped) return void task.destroy();
        return task.promise.then((opened) => {
          if (!stopped) setPdf(opened);
        });
      })
      .catch((error: unknown) => {
        if (!stopped) setFailure(error instanceof Error && error.name === 'PasswordException' ? 'password' : 'failed');
      });
    return () => {
      stopped = true;
      void destroy?.();
    };
  }, [url]);

  if (failure) return <p className="preview-message error-message">{t(failure === 'password' ? 'evidence:files.preview.pdfPassword' : 'evidence:files.preview.failed')}</p>;
  if (!pdf) return <p className="loading">{t('evidence:files.preview.loading')}</p>;
  const pages = pdf.numPages;
  return (
    <div className="pdf-preview">
      <div className="pdf-pager">
        <button type="button" className="small" disabled={pageNumber <= 1} onClick={() => setPageNumber((page) => page - 1)}>
          {t('evidence:files.preview.pdfPrevious')}
        </button>
        <span className="pdf-page-number" aria-live="polite">
          {t('evidence:files.preview.pdfPage', { page: pageNumber, pages })}
        </span>
        <button type="button" className="small" disabled={pageNumber >= pages} onClick={() => setPageNumber((page) => page + 1)}>
          {t('evidence:files.preview.pdfNext')}
        </button>
      </div>
      <PdfPage key={pageNumber} pdf={pdf} pageNumber={pageNumber} label={t('evidence:files.preview.pdfCanvas', { page: pageNumber, pages, name })} />
    </div>
  );
}

function PdfPage({ pdf, pageNumber, label }: { pdf: PDFDocumentProxy; pageNumber: number; label: string }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<'drawing' | 'drawn' | 'failed'>('drawing');
  const [text, setText] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    let cancel: (() => void) | undefined;
    pdf
      .getPage(pageNumber)
      .then(async (page) => {
        const target = canvas.current;
        if (stopped || !target) return;
        const scale = pageWidth / page.getViewport({ scale: 1 }).width;
        const viewport = page.getViewport({ scale });
        const ratio = window.devicePixelRatio || 1;
        target.width = Math.floor(viewport.width * ratio);
        target.height = Math.floor(viewport.height * ratio);
        const task = page.render({ canvas: target, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
        cancel = () => task.cancel();
        const [, content] = await Promise.all([task.promise, page.getTextContent()]);
        if (stopped) return;
        setText(
          content.items
            .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : ''))
            .join('')
            .trim(),
        );
        setState('drawn');
      })
      .catch(() => {
        // A cancelled render (the page changed or the preview closed) also lands here; only a live one reports.
        if (!stopped) setState('failed');
      });
    return () => {
      stopped = true;
      cancel?.();
    };
  }, [pdf, pageNumber]);

  if (state === 'failed') return <p className="preview-message error-message">{t('evidence:files.preview.failed')}</p>;
  return (
    <>
      {state === 'drawing' && <p className="loading">{t('evidence:files.preview.loading')}</p>}
      <canvas ref={canvas} className={`pdf-canvas${state === 'drawn' ? '' : ' pending'}`} role="img" aria-label={label} />
      {state === 'drawn' && (
        <details className="pdf-text">
          <summary>{t('evidence:files.preview.pdfText')}</summary>
          {text ? <p className="prose">{text}</p> : <p>{t('evidence:files.preview.pdfNoText')}</p>}
        </details>
      )}
    </>
  );
}
