import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/**
 * Renders the first page of a PDF onto a canvas, in the window, from bytes of the local store.
 * pdf.js is loaded only when a PDF is previewed; its worker is a file of the app itself (the CSP
 * allows same-origin workers), and eval stays off.
 */
export async function renderFirstPage(
  bytes: Uint8Array,
  canvas: HTMLCanvasElement,
  maxWidth: number,
): Promise<{ pages: number }> {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  const doc = await pdfjs.getDocument({ data: bytes, isEvalSupported: false }).promise;
  try {
    const page = await doc.getPage(1);
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: Math.min(2, maxWidth / base.width) });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This window cannot draw the page.');
    await page.render({ canvasContext: ctx, viewport }).promise;
    return { pages: doc.numPages };
  } finally {
    void doc.destroy();
  }
}
