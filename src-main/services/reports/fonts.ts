import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';

/**
 * The fonts embedded in every PDF: DejaVu Sans and DejaVu Sans Bold (Bitstream Vera license,
 * resources/fonts/LICENSE). The standard PDF fonts only cover WinAnsi, so Ω, √, ≤ or a Polish
 * customer name printed as "?"; these cover Latin, Greek, Cyrillic and the math signs the calc
 * report uses. pdfkit embeds only the glyphs used (a subset named from the font's id in the
 * document), so the same record still gives the same bytes.
 */
export const FONT = { regular: 'Sans', bold: 'Sans-Bold' } as const;

const FILES = { [FONT.regular]: 'DejaVuSans.ttf', [FONT.bold]: 'DejaVuSans-Bold.ttf' } as const;

export interface FontsDirInputs {
  /** process.resourcesPath in Electron (undefined under plain Node) */
  resourcesPath: string | undefined;
  /** the folder of this module: src-main/services/reports, or out/main when bundled */
  moduleDir: string;
  exists: (p: string) => boolean;
}

/**
 * Where the font files are: <resources>/fonts in the packaged app (electron-builder
 * extraResources), else resources/fonts of the checkout, found upwards from this module (tests,
 * the CLI and browser mode run the sources; `npm run dev` / preview run out/main).
 */
export function resolveFontsDir(i: FontsDirInputs): string {
  const probe = FILES[FONT.regular];
  if (i.resourcesPath) {
    const packaged = path.join(i.resourcesPath, 'fonts');
    if (i.exists(path.join(packaged, probe))) return packaged;
  }
  let dir = i.moduleDir;
  for (let up = 0; up < 6; up++) {
    const candidate = path.join(dir, 'resources', 'fonts');
    if (i.exists(path.join(candidate, probe))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(
    `The PDF fonts (${Object.values(FILES).join(', ')}) are missing: looked in ${
      i.resourcesPath ? path.join(i.resourcesPath, 'fonts') + ' and ' : ''
    }resources/fonts above ${i.moduleDir}`,
  );
}

let loaded: Record<string, Buffer> | null = null;

/** The font files' bytes, read once. */
function fontBytes(): Record<string, Buffer> {
  if (!loaded) {
    const dir = resolveFontsDir({
      resourcesPath: (process as { resourcesPath?: string }).resourcesPath,
      moduleDir: path.dirname(fileURLToPath(import.meta.url)),
      exists: (p) => fs.existsSync(p),
    });
    loaded = Object.fromEntries(
      Object.entries(FILES).map(([name, file]) => [name, fs.readFileSync(path.join(dir, file))]),
    );
  }
  return loaded;
}

/** Registers the embedded fonts with a document and selects the regular one. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, bytes] of Object.entries(fontBytes())) doc.registerFont(name, bytes);
  doc.font(FONT.regular);
}

/** The part of pdfkit's embedded font this module reads (its fontkit font). */
interface LoadedFont {
  font?: { hasGlyphForCodePoint?: (cp: number) => boolean };
}

let coverage: ((cp: number) => boolean) | null = null;

/**
 * Whether both fonts draw a code point (pdfkit draws a missing one as an empty box and its text
 * cannot be copied back). Read from the fonts' own cmap through pdfkit's fontkit font; if that
 * is ever unavailable, only Latin-1 counts as drawable.
 */
export function canDraw(cp: number): boolean {
  if (!coverage) {
    const doc = new PDFDocument({ autoFirstPage: false });
    const checks: ((cp: number) => boolean)[] = [];
    for (const [name, bytes] of Object.entries(fontBytes())) {
      doc.registerFont(name, bytes);
      doc.font(name);
      const f = (doc as unknown as { _font?: LoadedFont })._font?.font;
      const has = f?.hasGlyphForCodePoint;
      if (typeof has === 'function') checks.push((c) => has.call(f, c));
      else checks.push((c) => (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff));
    }
    coverage = (c) => checks.every((check) => check(c));
  }
  return coverage(cp);
}
