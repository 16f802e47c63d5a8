import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { PDF_FONT } from './document-kit';

/**
 * Renders a pdfmake document definition to the bytes of a PDF, offline, in the renderer (browser)
 * and in Node (tests, the bench) alike: both load pdfmake's browser build, which bundles its PDF
 * writer and takes fonts from a virtual file system, with Roboto from pdfmake's own
 * `vfs_fonts` (embedded and subset into the file). Nothing is fetched: the definition may not
 * name images or fonts by URL. The ~1 MB of pdfmake and its fonts loads on the first call only.
 */

type PdfMake = typeof import('pdfmake/build/pdfmake');

let loading: Promise<PdfMake> | null = null;

function loadPdfMake(): Promise<PdfMake> {
  loading ??= (async () => {
    const [pdfMakeModule, vfsModule] = await Promise.all([import('pdfmake/build/pdfmake.js'), import('pdfmake/build/vfs_fonts.js')]);
    const pdfMake = ((pdfMakeModule as { default?: PdfMake }).default ?? pdfMakeModule) as PdfMake;
    const vfs = (vfsModule as { default?: unknown }).default ?? vfsModule;
    pdfMake.addVirtualFileSystem(vfs as Parameters<PdfMake['addVirtualFileSystem']>[0]);
    pdfMake.setFonts({
      [PDF_FONT]: { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' },
    });
    return pdfMake;
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** The PDF of `doc`, as bytes (to save through the main process's file export, or download in web mode). */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Uint8Array> {
  const pdfMake = await loadPdfMake();
  const buffer = await pdfMake.createPdf(doc).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
